/**
 * The Atom feeds of one programme category, one unit and one item (the XML by src/core/publish/atom.ts).
 * Pure functions of the dataset and the site's URLs: the build writes them straight to the
 * output (src/steps/site-files.ts), the dev server answers them from the same functions, and
 * the site feed, which needs the bulletins' content collection, is an Astro route
 * (src/pages/feeds/all.xml.ts, src/site/feeds.ts).
 *
 *   /feeds/<slug>/<year>-<no>.xml  one programme category (slug: the year's programme slug)
 *   /feeds/units/<id>.xml          one unit's items (lead or shared), all years
 *   /feeds/items/<year>-<key>.xml  one item: its reports, completion and corrections
 */
import {
  atom,
  completionEntries,
  correctionEntries,
  feedFallbackDate,
  itemsOfUnitIn,
  reportEntries,
  tagId,
  type EntryLinks,
  type FeedEntry,
} from './atom.ts';
import { loadHistory } from '../content/history.ts';
import type { Dataset, Item, YearData } from '../model/types.ts';
import { completionSlug, type PathBuilders } from '../present/urls.ts';
import { itemLabel } from '../present/vocabulary.ts';

/** What a feed needs besides its subject: the dataset, the site's URLs (with base) and its origin. */
export interface FeedContext {
  ds: Dataset;
  urls: PathBuilders;
  /** The public origin, `https://example.gov.cn` (astro.config's `site`). */
  site: URL | string | undefined;
}

/**
 * Entries kept in a category's or a unit's feed: the newest fifty (a unit's whole history ran
 * to 300 entries and 200 kB a feed on the large dataset). A feed is what changed lately; the
 * full record stays on the item pages and in the open data.
 */
export const FEED_LIMIT = 50;

export function absoluteUrl(site: FeedContext['site'], path: string): string {
  return new URL(path, site ?? 'https://example.gov.cn').href;
}

export function entryLinks({ site, urls }: FeedContext): EntryLinks {
  return {
    // The origin without the base: it names the feeds' tag: ids, which must not change.
    site: absoluteUrl(site, '/'),
    item: (item) => absoluteUrl(site, urls.item(item)),
    month: (month) => absoluteUrl(site, urls.month(month)),
    completion: (item, month) => absoluteUrl(site, urls.bulletin(completionSlug(item, month))),
  };
}

function corrections(year: YearData, items: Item[], links: EntryLinks): FeedEntry[] {
  const h = loadHistory();
  if (!h.available) return [];
  const keys = new Set(items.map((i) => i.key));
  return correctionEntries(
    year,
    h.changes.filter((c) => c.year === year.year && keys.has(c.item)),
    links,
  );
}

function entriesOf(year: YearData, items: Item[], links: EntryLinks): FeedEntry[] {
  return [...reportEntries(year, items, links), ...completionEntries(year, items, links), ...corrections(year, items, links)];
}

/** Links for counting entries only: no feed is written with them. */
const COUNTING: EntryLinks = { site: 'https://example.gov.cn/', item: () => '', month: () => '' };

/**
 * Whether a feed has no entry yet (no report, completion or correction of its items): the page's
 * subscribe link then says 暂无更新 (components/FeedLink.astro), as the feed's subtitle does.
 */
export const feedIsEmpty = {
  item: (year: YearData, item: Item): boolean => entriesOf(year, [item], COUNTING).length === 0,
  category: (year: YearData, no: number): boolean =>
    entriesOf(
      year,
      year.projects.filter((p) => p.group === no),
      COUNTING,
    ).length === 0,
  unit: (ds: Dataset, unitId: string): boolean =>
    ds.years.every((year) => entriesOf(year, itemsOfUnitIn(year, unitId), COUNTING).length === 0),
};

export function categoryFeed(ctx: FeedContext, year: YearData, no: number): string {
  const { ds, urls, site } = ctx;
  const category = year.categories.find((c) => c.no === no);
  const links = entryLinks(ctx);
  return atom({
    id: tagId(links.site, year.year, `feeds/${year.programme?.slug ?? ''}/${year.year}-${no}`),
    title: `${year.year}年${year.programme?.name ?? ''}·${category ? `${category.numeral}、${category.name}` : no}`,
    subtitle: `本类${year.programme?.name ?? ''}的月度落实情况、完成通报和更正`,
    self: absoluteUrl(site, urls.feedCategory(year.year, no)),
    alternate: absoluteUrl(site, urls.category(year.year, no)),
    author: ds.site.publisher,
    updated: year.manifest.data_date,
    entries: entriesOf(
      year,
      year.projects.filter((p) => p.group === no),
      links,
    ),
    limit: FEED_LIMIT,
  });
}

export function unitFeed(ctx: FeedContext, unitId: string): string {
  const { ds, urls, site } = ctx;
  const unit = ds.unitById.get(unitId);
  const links = entryLinks(ctx);
  return atom({
    id: tagId(links.site, ds.years[0]?.year ?? 2000, `feeds/units/${unitId}`),
    title: `${unit?.name ?? unitId}承担的任务`,
    subtitle: `${unit?.fullName ?? unitId}牵头或参与的主要工作任务和民生工程：月度落实情况、完成通报和更正`,
    self: absoluteUrl(site, urls.feedUnit(unitId)),
    alternate: absoluteUrl(site, urls.unit(unitId)),
    author: ds.site.publisher,
    updated: feedFallbackDate(ds),
    entries: ds.years.flatMap((year) => entriesOf(year, itemsOfUnitIn(year, unitId), links)),
    limit: FEED_LIMIT,
  });
}

export function itemFeed(ctx: FeedContext, year: YearData, item: Item): string {
  const { ds, urls, site } = ctx;
  const links = entryLinks(ctx);
  return atom({
    id: tagId(links.site, year.year, `feeds/items/${year.year}-${item.key}`),
    title: `${year.year}年${itemLabel(item)}`,
    subtitle: item.text,
    self: absoluteUrl(site, urls.feedItem(year.year, item.key)),
    alternate: absoluteUrl(site, urls.item(item)),
    author: ds.site.publisher,
    updated: year.manifest.data_date,
    entries: entriesOf(year, [item], links),
  });
}
