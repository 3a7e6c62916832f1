/**
 * A digest of the code that makes the build's own cached files (the feeds and chart CSVs,
 * src/steps/site-files.ts): every source file of the data core and of the build steps, the
 * locked dependencies and the Node.js that runs them (its ICU sorts and formats the Chinese).
 * Coarser than Astro's per-page hash of a page's modules, and safe: any edit to that code makes
 * every cached file again, as a cold build would; a month's publish changes data only.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CODE = ['src/core', 'src/steps'];
const ALSO = ['package-lock.json', 'package.json'];

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

let memo: string | undefined;

export function codeDigest(): string {
  if (memo) return memo;
  const h = createHash('sha256');
  h.update(`${process.version} ${process.versions.icu ?? ''} ${process.versions.unicode ?? ''}\0`);
  for (const file of [...CODE.flatMap(files).sort(), ...ALSO]) {
    h.update(`${file}\0`);
    try {
      h.update(readFileSync(path.join(ROOT, file)));
    } catch {
      h.update('(none)');
    }
    h.update('\0');
  }
  return (memo = h.digest('hex'));
}
