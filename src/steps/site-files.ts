/**
 * The site's files that are pure functions of the dataset and have no page around them: every
 * chart's data table as CSV and the Atom feeds of every programme category, unit and item
 * (7,580 files on the large benchmark dataset, 2 on the bundled one per chart and item).
 *
 * Why not Astro routes: as routes they cost the build Astro's per-route work (getStaticPaths,
 * a cache key, a render, a cache entry) for what is one string each; on the large dataset they
 * were 44 % of the routes and a similar share of the pages step and of its memory. The build
 * writes them in `astro:build:done` (src/integrations/site-files.ts) and the dev server answers the
 * same paths from the same functions, so `astro dev` and the built site agree.
 *
 * The build caches them under the page keys of what they show (`writeSiteFiles`): making all of
 * them was 2.6-4.6 s of every build of the large dataset, with nothing changed or one month.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chartIds, getChart } from '../core/present/charts.ts';
import { feedFallbackDate } from '../core/publish/atom.ts';
import { categoryFeed, itemFeed, unitFeed, type FeedContext } from '../core/publish/feeds.ts';
import type { PageKeys } from '../core/publish/page-keys.ts';
import { codeDigest } from './code-digest.ts';
import type { FileCache } from './file-cache.ts';
import type { Dataset } from '../core/model/types.ts';
import { relativePaths, linkPaths } from '../core/present/urls.ts';
import { LuoshiError } from '../core/errors/errors.ts';

export interface SiteFile {
  /** Below the base, without a leading slash: `feeds/items/2020-P5.xml`. */
  path: string;
  contentType: string;
  body: () => string;
  /**
   * With page keys given: the key of the data the file is made from (its item's, unit's or
   * year's page key, its chart's), under which the build caches it.
   */
  key?: string;
}

const ATOM = 'application/atom+xml; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';

/**
 * Every such file of the site deployed at `base` on `site` (its origin, for the feeds' links);
 * with `keys` (the build's), each with the key of what it shows.
 */
export function siteFiles(ds: Dataset, base: string, site: URL | string | undefined, keys?: PageKeys): SiteFile[] {
  const yearOf = (year: number) => {
    const y = ds.years.find((d) => d.year === year);
    if (!y) throw new LuoshiError(`no year ${year} in the dataset`);
    return y;
  };
  const paths = relativePaths(yearOf);
  const ctx: FeedContext = { ds, urls: linkPaths(base, yearOf), site };
  const files: SiteFile[] = [];
  for (const id of chartIds(ds))
    // With a BOM, so that Excel reads the Chinese as UTF-8.
    files.push({
      path: paths.chart(id, 'csv'),
      contentType: CSV,
      body: () => `\uFEFF${getChart(ds, id).csv}`,
      key: keys?.chart(id),
    });
  for (const year of ds.years) {
    if (year.programme)
      for (const c of year.categories)
        files.push({
          path: paths.feedCategory(year.year, c.no),
          contentType: ATOM,
          body: () => categoryFeed(ctx, year, c.no),
          key: keys?.year(year),
        });
    for (const item of year.items)
      files.push({
        path: paths.feedItem(year.year, item.key),
        contentType: ATOM,
        body: () => itemFeed(ctx, year, item),
        key: keys?.item(year, item),
      });
  }
  // A unit's feed is dated by the newest data date of all years when it has no entry.
  for (const u of ds.units)
    files.push({
      path: paths.feedUnit(u.id),
      contentType: ATOM,
      body: () => unitFeed(ctx, u.id),
      key: keys && `${keys.unit(u.id)} ${feedFallbackDate(ds)}`,
    });
  return files;
}

/**
 * Write `files` below `out`; returns how many, how many were made (the others copied from
 * `cache`) and the bytes made. With a cache, a file with a key is stored under a digest of its
 * key, its path, the site's base and origin, and the code that makes it (src/steps/code-digest.ts):
 * a month's publish makes the feeds of the items it changed and copies the rest. The cached ones
 * are copied first; `beforeMaking` is told how many are left to make.
 */
export function writeSiteFiles(
  out: string,
  files: SiteFile[],
  cache?: { files: FileCache; base: string; site: URL | string | undefined; beforeMaking?: (count: number) => void },
): { files: number; made: number; bytes: number } {
  const dirs = new Set<string>();
  const code = cache && codeDigest();
  const toMake: { file: SiteFile; at: string; stored?: string }[] = [];
  for (const f of files) {
    const at = path.join(out, f.path);
    const dir = path.dirname(at);
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    const stored =
      cache && f.key !== undefined
        ? createHash('sha256')
            .update(`${code}\0${cache.base}\0${String(cache.site)}\0${f.path}\0${f.key}`)
            .digest('hex')
            .slice(0, 40)
        : undefined;
    if (stored && cache!.files.copyTo(stored, at)) continue;
    toMake.push({ file: f, at, stored });
  }
  cache?.beforeMaking?.(toMake.length);
  let bytes = 0;
  for (const { file, at, stored } of toMake) {
    const body = file.body();
    writeFileSync(at, body);
    if (stored) cache!.files.write(stored, body);
    bytes += Buffer.byteLength(body);
  }
  return { files: files.length, made: toMake.length, bytes };
}
