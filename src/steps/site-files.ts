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
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chartIds, getChart } from '../core/present/charts.ts';
import { categoryFeed, itemFeed, unitFeed, type FeedContext } from '../core/publish/feeds.ts';
import type { Dataset } from '../core/model/types.ts';
import { relativePaths, linkPaths } from '../core/present/urls.ts';
import { LuoshiError } from '../core/errors/errors.ts';

export interface SiteFile {
  /** Below the base, without a leading slash: `feeds/items/2020-P5.xml`. */
  path: string;
  contentType: string;
  body: () => string;
}

const ATOM = 'application/atom+xml; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';

/** Every such file of the site deployed at `base` on `site` (its origin, for the feeds' links). */
export function siteFiles(ds: Dataset, base: string, site: URL | string | undefined): SiteFile[] {
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
    files.push({ path: paths.chart(id, 'csv'), contentType: CSV, body: () => `\uFEFF${getChart(ds, id).csv}` });
  for (const year of ds.years) {
    if (year.programme)
      for (const c of year.categories)
        files.push({ path: paths.feedCategory(year.year, c.no), contentType: ATOM, body: () => categoryFeed(ctx, year, c.no) });
    for (const item of year.items)
      files.push({ path: paths.feedItem(year.year, item.key), contentType: ATOM, body: () => itemFeed(ctx, year, item) });
  }
  for (const u of ds.units) files.push({ path: paths.feedUnit(u.id), contentType: ATOM, body: () => unitFeed(ctx, u.id) });
  return files;
}

/** Write `files` below `out`; returns how many and their bytes. */
export function writeSiteFiles(out: string, files: SiteFile[]): { files: number; bytes: number } {
  let bytes = 0;
  const made = new Set<string>();
  for (const f of files) {
    const file = path.join(out, f.path);
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const body = f.body();
    writeFileSync(file, body);
    bytes += Buffer.byteLength(body);
  }
  return { files: files.length, bytes };
}
