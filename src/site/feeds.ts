/**
 * The feeds as pages see them: the `<link rel="alternate">` lists pages pass to Base's `feeds`
 * prop, and the site feed (/feeds/all.xml), which needs the bulletins' content collection. The
 * other feeds are pure functions of the dataset (src/core/publish/feeds.ts), written by the build.
 */
import { atom, feedFallbackDate, tagId, type FeedEntry } from '../core/publish/atom.ts';
import { absoluteUrl } from '../core/publish/feeds.ts';
import type { Dataset, Item } from '../core/model/types.ts';
import { itemLabel } from '../core/present/vocabulary.ts';
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

export async function siteFeed(site: URL | undefined, ds: Dataset = getDataset()): Promise<string> {
  const origin = absoluteUrl(site, '/');
  const firstYear = ds.years[0]?.year ?? 2000;
  const entries: FeedEntry[] = (await allBulletins()).map((b) => ({
    id: tagId(origin, firstYear, `bulletins/${b.slug}`),
    title: b.title,
    updated: b.date,
    link: absoluteUrl(site, urls.bulletin(b.slug)),
    summary: b.summary,
    categories: [
      b.kind === 'completion' ? '完成通报' : b.kind === 'monthly' ? '月度通报' : b.kind === 'quarterly' ? '季度通报' : '通报',
    ],
  }));
  return atom({
    id: tagId(origin, firstYear, 'feeds/all'),
    title: `${ds.site.title}：通报`,
    subtitle: `${ds.site.office}发布的通报、民生工程月度通报、季度通报和事项完成通报`,
    self: absoluteUrl(site, urls.feedAll()),
    alternate: absoluteUrl(site, urls.bulletins()),
    author: ds.site.publisher,
    updated: feedFallbackDate(ds),
    entries,
    limit: 200,
  });
}
