/**
 * A digest of the code that makes the build's own cached results (the feeds and chart CSVs,
 * src/steps/site-files.ts; the checked content tables, src/steps/table-cache.ts): every source
 * file of the data core and of the build steps, the
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

function files(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

const memo = new Map<string, string>();

/** `root`: the project (this one's by default). */
export function codeDigest(root = ROOT): string {
  let digest = memo.get(root);
  if (digest) return digest;
  const h = createHash('sha256');
  h.update(`${process.version} ${process.versions.icu ?? ''} ${process.versions.unicode ?? ''}\0`);
  for (const file of [...CODE.flatMap((dir) => files(root, dir)).sort(), ...ALSO]) {
    h.update(`${file}\0`);
    try {
      h.update(readFileSync(path.join(root, file)));
    } catch {
      h.update('(none)');
    }
    h.update('\0');
  }
  memo.set(root, (digest = h.digest('hex')));
  return digest;
}
