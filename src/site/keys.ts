/**
 * The incremental build's cache keys (src/core/publish/page-keys.ts) for this build's dataset: pages
 * return `cacheKey: keys().item(year, item)` etc. from getStaticPaths.
 */
import { buildDate } from '../core/content/paths.ts';
import { pageKeys, type PageKeys } from '../core/publish/page-keys.ts';
import { getDataset, sharedMemo } from './data.ts';

/** Shared by the pages and the integrations (the feeds' cache, src/integrations/site-files.ts): computed once. */
export function keys(): PageKeys {
  const accessed = buildDate();
  return sharedMemo(`page-keys ${accessed}`, () => pageKeys(getDataset(), { accessed }));
}
