/**
 * The dataset as the pages see it: loaded and validated once per build, shared by every page.
 * Pages only present; anything computed lives in src/core.
 */
import { loadContentOrThrow } from '../core/content/load.ts';
import type { Dataset } from '../core/model/types.ts';
import { buildDate, contentRoot } from '../core/content/paths.ts';

let cached: Dataset | undefined;

export function getDataset(): Dataset {
  // The content-check integration validated the same folder moments ago in this process.
  const shared = (globalThis as Record<symbol, { key: string; dataset: Dataset } | undefined>)[Symbol.for('luoshi.dataset')];
  if (!cached && shared?.key === `${contentRoot()}|${buildDate()}`) cached = shared.dataset;
  cached ??= loadContentOrThrow(contentRoot(), { today: buildDate() });
  return cached;
}
