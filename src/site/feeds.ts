/**
 * The site's Atom feeds: their URLs, the `<link rel="alternate">` lists pages pass to Base's
 * `feeds` prop, and the XML of each feed (built by src/core/atom.ts).
 *
 *   /feeds/all.xml                 通报 (office-written and generated) and completion notices
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
} from '../core/atom.ts';
import { loadHistory } from '../core/history.ts';
import type { Dataset, Item, YearData } from '../core/model.ts';
import { completionSlug } from '../core/urls.ts';
import { itemLabel } from '../core/vocabulary.ts';
import { allBulletins } from './bulletins.ts';
import { getDataset } from './data.ts';
import { urls } from './urls.ts';

export interface FeedLinkInfo {
  title: string;
  href: string;
}

/** For Base's `feeds` prop: the feeds a page offers, most specific first, then the site feed. */
export const feedLinks = {
  site: (): FeedLinkInfo[] => [{ title: `${getDataset().site.title}：通报和完成通报`, href: urls.feedAll() }],
  item: (item: Item): FeedLinkInfo[] => [
    { title: `${itemLabel(item)}的更新`, href: urls.feedItem(item.year, item.key) },
    ...feedLinks.site(),
  ],
  category: (year: number, no: number): FeedLinkInfo[] => {
    const y = getDataset().years.find((d) => d.year === year);
    const c = y?.categories.find((x) => x.no === no);
    return [
      { title: `${year}年${y?.programme?.name ?? ''}·${c?.name ?? no}的更新`, href: urls.feedCategory(year, no) },
      ...feedLinks.site(),
    ];
  },
  unit: (id: string): FeedLinkInfo[] => [
    { title: `${getDataset().unitById.get(id)?.name ?? id}承担事项的更新`, href: urls.feedUnit(id) },
    ...feedLinks.site(),
  ],
};

function absolute(site: URL | undefined, path: string): string {
  return new URL(path, site ?? 'https://example.gov.cn').href;
}

function entryLinks(site: URL | undefined): EntryLinks {
  const s = absolute(site, '/');
  return {
    site: s,
    item: (item) => absolute(site, urls.item(item)),
    month: (month) => absolute(site, urls.month(month)),
    completion: (item, month) => absolute(site, urls.bulletin(completionSlug(item, month))),
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

/**
 * Entries kept in a category's or a unit's feed: the newest hundred (a unit's whole history ran
 * to 300 entries and 200 kB a feed on the large dataset). A feed is what changed lately; the
 * full record stays on the item pages and in the open data.
 */
const FEED_LIMIT = 100;

const XML_HEADERS = { 'Content-Type': 'application/atom+xml; charset=utf-8' };

export function feedResponse(xml: string): Response {
  return new Response(xml, { headers: XML_HEADERS });
}

export async function siteFeed(site: URL | undefined, ds: Dataset = getDataset()): Promise<string> {
  const links = entryLinks(site);
  const firstYear = ds.years[0]?.year ?? 2000;
  const entries: FeedEntry[] = (await allBulletins()).map((b) => ({
    id: tagId(links.site, firstYear, `bulletins/${b.slug}`),
    title: b.title,
    updated: b.date,
    link: absolute(site, urls.bulletin(b.slug)),
    summary: b.summary,
    categories: [
      b.kind === 'completion' ? '完成通报' : b.kind === 'monthly' ? '月度通报' : b.kind === 'quarterly' ? '季度通报' : '通报',
    ],
  }));
  return atom({
    id: tagId(links.site, firstYear, 'feeds/all'),
    title: `${ds.site.title}：通报`,
    subtitle: `${ds.site.office}发布的通报、民生工程月度通报、季度通报和事项完成通报`,
    self: absolute(site, urls.feedAll()),
    alternate: absolute(site, urls.bulletins()),
    author: ds.site.publisher,
    updated: feedFallbackDate(ds),
    entries,
    limit: 200,
  });
}

export function categoryFeed(site: URL | undefined, year: YearData, no: number, ds: Dataset = getDataset()): string {
  const links = entryLinks(site);
  const category = year.categories.find((c) => c.no === no);
  const items = year.projects.filter((p) => p.group === no);
  return atom({
    id: tagId(links.site, year.year, `feeds/${year.programme?.slug ?? ''}/${year.year}-${no}`),
    title: `${year.year}年${year.programme?.name ?? ''}·${category ? `${category.numeral}、${category.name}` : no}`,
    subtitle: `本类${year.programme?.name ?? ''}的月度落实情况、完成通报和更正`,
    self: absolute(site, urls.feedCategory(year.year, no)),
    alternate: absolute(site, urls.category(year.year, no)),
    author: ds.site.publisher,
    updated: year.manifest.data_date,
    entries: [...reportEntries(year, items, links), ...completionEntries(year, items, links), ...corrections(year, items, links)],
    limit: FEED_LIMIT,
  });
}

export function unitFeed(site: URL | undefined, unitId: string, ds: Dataset = getDataset()): string {
  const links = entryLinks(site);
  const unit = ds.unitById.get(unitId);
  const entries = ds.years.flatMap((year) => {
    const items = itemsOfUnitIn(year, unitId);
    return [...reportEntries(year, items, links), ...completionEntries(year, items, links), ...corrections(year, items, links)];
  });
  return atom({
    id: tagId(links.site, ds.years[0]?.year ?? 2000, `feeds/units/${unitId}`),
    title: `${unit?.name ?? unitId}承担的任务`,
    subtitle: `${unit?.fullName ?? unitId}牵头或参与的主要工作任务和民生工程：月度落实情况、完成通报和更正`,
    self: absolute(site, urls.feedUnit(unitId)),
    alternate: absolute(site, urls.unit(unitId)),
    author: ds.site.publisher,
    updated: feedFallbackDate(ds),
    entries,
    limit: FEED_LIMIT,
  });
}

export function itemFeed(site: URL | undefined, year: YearData, item: Item, ds: Dataset = getDataset()): string {
  const links = entryLinks(site);
  const label = itemLabel(item);
  return atom({
    id: tagId(links.site, year.year, `feeds/items/${year.year}-${item.key}`),
    title: `${year.year}年${label}`,
    subtitle: item.text,
    self: absolute(site, urls.feedItem(year.year, item.key)),
    alternate: absolute(site, urls.item(item)),
    author: ds.site.publisher,
    updated: year.manifest.data_date,
    entries: [
      ...reportEntries(year, [item], links),
      ...completionEntries(year, [item], links),
      ...corrections(year, [item], links),
    ],
  });
}
