/**
 * A folder of build outputs stored under the digest of what made them, for the steps that cache
 * their own work across builds: the feeds and chart CSVs (src/steps/site-files.ts) and the
 * compressed entries of the data zip (src/steps/deflate-cache.ts).
 *
 * Where: `LUOSHI_CACHE_DIR/<name>/` when that is set (CI restores that folder), else
 * `node_modules/.cache/luoshi-<name>/` of the project (the working directory of `astro build`:
 * the pages' code runs from Astro's bundle, so its own path does not lead back to the project).
 *
 * An entry is written once, under its digest, to a temporary name renamed into place, and never
 * written again: a build that stops half-way leaves whole entries or none, and two builds sharing
 * the cache write the same bytes. What a build did not use is deleted when it has finished
 * (`prune`), so that the cache holds one site's worth. Deleting the folder is always safe: every
 * entry is made again.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function buildCacheDir(name: string): string {
  return process.env.LUOSHI_CACHE_DIR
    ? path.resolve(process.env.LUOSHI_CACHE_DIR, name)
    : path.resolve('node_modules/.cache', `luoshi-${name}`);
}

export class FileCache {
  readonly dir: string;
  /** The entries this build read or wrote: kept by `prune`. */
  private readonly used = new Set<string>();
  hits = 0;
  misses = 0;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  /** The entry stored under `key`, if any. */
  read(key: string): Buffer | undefined {
    this.used.add(key);
    try {
      const data = readFileSync(path.join(this.dir, key));
      this.hits++;
      return data;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  /** Copy the entry stored under `key` to `dest`; false when there is none. */
  copyTo(key: string, dest: string): boolean {
    this.used.add(key);
    try {
      copyFileSync(path.join(this.dir, key), dest);
      this.hits++;
      return true;
    } catch {
      this.misses++;
      return false;
    }
  }

  write(key: string, data: string | Uint8Array): void {
    this.used.add(key);
    const tmp = path.join(this.dir, `.${key}.${process.pid}.tmp`);
    writeFileSync(tmp, data);
    renameSync(tmp, path.join(this.dir, key));
  }

  /** Delete every entry this build did not use; returns how many. */
  prune(): number {
    let deleted = 0;
    for (const name of readdirSync(this.dir)) {
      if (this.used.has(name)) continue;
      rmSync(path.join(this.dir, name), { force: true });
      deleted++;
    }
    return deleted;
  }
}
