/**
 * The data zip's entries compressed once and kept (src/core/publish/export.ts, `zip`): a month's
 * publish changes a few of its files (the newest year's reports, plans, indicator progress), and
 * deflating all of them again took 2 s of the large benchmark's publish. An entry is stored under
 * the SHA-256 of its bytes, in a folder named by fflate's version and the level: the same bytes,
 * deflated the same way, are the same entry, whatever code made them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DEFLATE_LEVEL, deflateEntry, type Deflate } from '../core/publish/export.ts';
import { buildCacheDir, FileCache } from './file-cache.ts';

function fflateVersion(): string {
  // node_modules/fflate/lib/node.cjs → node_modules/fflate/package.json (its exports do not list it).
  const main = createRequire(import.meta.url).resolve('fflate');
  return (JSON.parse(readFileSync(path.join(path.dirname(main), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** A deflate that reads each entry from the cache, or deflates it and stores it; `done` prunes. */
export function cachedDeflate(): { deflate: Deflate; done: () => { hits: number; misses: number; pruned: number } } {
  const cache = new FileCache(buildCacheDir(`zip/fflate-${fflateVersion()}-level-${DEFLATE_LEVEL}`));
  return {
    deflate: (data) => {
      const key = createHash('sha256').update(data).digest('hex');
      const stored = cache.read(key);
      if (stored) return stored;
      const deflated = deflateEntry(data);
      cache.write(key, deflated);
      return deflated;
    },
    done: () => ({ hits: cache.hits, misses: cache.misses, pruned: cache.prune() }),
  };
}
