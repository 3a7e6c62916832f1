/**
 * The dataset of a build or a dev session, validated once and shared: the content check (and the
 * dev reload) hand it over with shareDataset(), the pages and the build's integrations take it
 * with getDataset(). Pages only present; anything computed lives in src/core.
 *
 * Why a global: Astro evaluates astro.config.mjs and its integrations in one module instance and
 * the pages in another (the bundled SSR code in `astro build`, Vite's module runner in `astro
 * dev`), so this file runs once for each and a module variable is not shared between them. A
 * virtual module could only carry the dataset as serialised text, to be parsed again. The one
 * slot both instances see is on globalThis under a registered symbol; its key is named here and
 * nowhere else: use the two functions.
 */
import { formatIssues } from '../core/content/load.ts';
import { buildDate, contentRoot } from '../core/content/paths.ts';
import { validate } from '../core/content/validate.ts';
import { ContentError } from '../core/errors/errors.ts';
import type { Dataset } from '../core/model/types.ts';

const SLOT = Symbol.for('luoshi.dataset');

interface Shared {
  /** The content folder and build date it was validated for: another folder or day is another dataset. */
  key: string;
  dataset: Dataset;
  /** What was computed from this dataset once for both module instances (sharedMemo). */
  memo?: Map<string, unknown>;
}

const keyOf = (root: string, today: string) => `${root}|${today}`;
const slot = () => globalThis as { [SLOT]?: Shared };

/** What this module instance last returned: checked by identity, cheaper than the key (pages call getDataset() often). */
let last: Shared | undefined;

/** Hand `dataset`, validated from `root` as of `today`, to every module instance of this file. */
export function shareDataset(dataset: Dataset, root = contentRoot(), today = buildDate()): void {
  slot()[SLOT] = { key: keyOf(root, today), dataset };
}

/**
 * `make()` computed once per dataset for every module instance of this file: the pages' bundle
 * and the build's integrations see one result (the page keys, which both need, took seconds on
 * the large dataset). A new dataset (the dev server's reload) starts with none.
 */
export function sharedMemo<T>(name: string, make: () => T): T {
  getDataset();
  const shared = slot()[SLOT]!;
  shared.memo ??= new Map();
  if (!shared.memo.has(name)) shared.memo.set(name, make());
  return shared.memo.get(name) as T;
}

/**
 * The shared dataset of this content folder and build date; validated here (and shared) when
 * nothing has handed it over yet. Throws a ContentError on invalid content.
 */
export function getDataset(): Dataset {
  const shared = slot()[SLOT];
  if (shared && shared === last) return shared.dataset;
  const root = contentRoot();
  const today = buildDate();
  if (shared?.key === keyOf(root, today)) {
    last = shared;
    return shared.dataset;
  }
  const result = validate(root, { today });
  if (result.issues.length > 0 || !result.dataset) throw new ContentError(result.issues, formatIssues(result.issues));
  shareDataset(result.dataset, root, today);
  return getDataset();
}
