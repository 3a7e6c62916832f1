/**
 * The dataset as the pages see it: loaded and validated once per build, shared by every page.
 * Pages only present; anything computed lives in src/core.
 */
import { buildDate, contentRoot, loadContentOrThrow, type Dataset } from '../core/index.ts';

let cached: Dataset | undefined;

export function getDataset(): Dataset {
  cached ??= loadContentOrThrow(contentRoot(), { today: buildDate() });
  return cached;
}
