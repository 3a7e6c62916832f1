/**
 * The incremental build's cache keys (src/core/publish/page-keys.ts) for this build's dataset: pages
 * return `cacheKey: keys().item(year, item)` etc. from getStaticPaths.
 */
import { buildDate } from '../core/content/paths.ts';
import { pageKeys, type PageKeys } from '../core/publish/page-keys.ts';
import { getDataset } from './data.ts';

export function keys(): PageKeys {
  return pageKeys(getDataset(), { accessed: buildDate() });
}
