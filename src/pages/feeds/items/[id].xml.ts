/** /feeds/items/<year>-<key>.xml, e.g. /feeds/items/2020-P5.xml: one task or project. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../../site/data.ts';
import { keys } from '../../../site/keys.ts';
import { feedResponse, itemFeed } from '../../../site/feeds.ts';

export const getStaticPaths = (() =>
  getDataset().years.flatMap((year) =>
    year.items.map((item) => ({
      params: { id: `${year.year}-${item.key}` },
      props: { year: year.year, key: item.key },
      cacheKey: keys().item(year, item),
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const year = getDataset().years.find((y) => y.year === props.year)!;
  return feedResponse(itemFeed(site, year, year.itemByKey.get(props.key as string)!));
};
