/**
 * The build's cache of checked CSV tables (LoadOptions.tables, src/core/content/context.ts): each
 * table's rows and problems stored with V8's serializer under a digest of the code that checks
 * it (src/steps/code-digest.ts: the core, the locked dependencies, the Node.js), its kind, its
 * path and its bytes. Parsing and checking every row and cell was three quarters of the content
 * check, 1.5 s of every build of the large dataset; a month's publish changes one file.
 */
import v8 from 'node:v8';
import type { CheckedTable, TableCache } from '../core/content/context.ts';
import { codeDigest } from './code-digest.ts';
import { buildCacheDir, FileCache } from './file-cache.ts';

/** The cache, and `done`: prune what this load did not use, and say how many tables came from it. */
export function tableCache(code = codeDigest()): TableCache & { done: () => { hits: number; misses: number; pruned: number } } {
  const files = new FileCache(buildCacheDir('tables'));
  return {
    code,
    get: (key) => {
      const stored = files.read(key);
      if (!stored) return undefined;
      try {
        return v8.deserialize(stored) as CheckedTable;
      } catch {
        // Written by another Node.js, or cut short: checked again.
        return undefined;
      }
    },
    set: (key, table) => files.write(key, v8.serialize(table)),
    done: () => ({ hits: files.hits, misses: files.misses, pruned: files.prune() }),
  };
}
