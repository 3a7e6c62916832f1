/**
 * A private copy of the site to build, taken when the benchmark starts. Builds in the work
 * tree share `.astro/.prerender/` and `node_modules/.astro`: two builds at once (the
 * benchmark's and a developer's) delete each other's chunks. The copy has its own, and holds
 * still while the work tree changes under it, so every run builds the same code.
 *
 * Everything at the top level is copied except node_modules, .git and outputs;
 * node_modules is a real folder of symlinks to the repo's packages, so caches that tools keep
 * under node_modules/ (.astro, .vite, .cache) are private to the copy too.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SKIP = new Set(['node_modules', '.git', 'dist', '.astro', 'bench', 'test-results', 'playwright-report', '.vscode', '.idea']);
const CACHES = new Set(['.astro', '.vite', '.cache', '.bin']);

export function snapshotSite(root: string, dest: string): string {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.endsWith('.log')) continue;
    cpSync(path.join(root, entry.name), path.join(dest, entry.name), { recursive: true, dereference: false });
  }
  linkModules(root, dest);
  // No .git: the copy has no history, like a release tarball.
  writeFileSync(path.join(dest, 'BENCH-SNAPSHOT.txt'), `Copy of ${root} taken by npm run bench at ${new Date().toISOString()}.\n`);
  return dest;
}

/** `dest/node_modules`: a real folder of symlinks to the repo's packages, with private caches. */
export function linkModules(root: string, dest: string): void {
  const modules = path.join(dest, 'node_modules');
  mkdirSync(modules, { recursive: true });
  for (const entry of readdirSync(path.join(root, 'node_modules'), { withFileTypes: true })) {
    if (CACHES.has(entry.name)) continue;
    symlinkSync(path.join(root, 'node_modules', entry.name), path.join(modules, entry.name));
  }
  // Tools that look for a binary under node_modules/.bin (sh -c steps) find the repo's.
  symlinkSync(path.join(root, 'node_modules/.bin'), path.join(modules, '.bin'));
}
