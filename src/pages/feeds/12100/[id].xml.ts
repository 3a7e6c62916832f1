/** /feeds/12100/<year>-<no>.xml: one 12100 category. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../../site/data.ts';
import { keys } from '../../../site/keys.ts';
import { categoryFeed, feedResponse } from '../../../site/feeds.ts';

export const getStaticPaths = (() =>
  getDataset().years.flatMap((year) => year.categories.map((c) => ({ params: { id: `${year.year}-${c.no}` }, props: { year: year.year, no: c.no }, cacheKey: keys().year(year) })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const year = getDataset().years.find((y) => y.year === props.year)!;
  return feedResponse(categoryFeed(site, year, props.no as number));
};
