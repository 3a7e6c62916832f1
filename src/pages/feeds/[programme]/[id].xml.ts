/** /feeds/<slug>/<year>-<no>.xml: one category of a year's programme (slug from manifest.json). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDataset } from '../../../site/data.ts';
import { keys } from '../../../site/keys.ts';
import { categoryFeed, feedResponse } from '../../../site/feeds.ts';

export const getStaticPaths = (() =>
  getDataset().years.flatMap((year) =>
    year.programme
      ? year.categories.map((c) => ({
          params: { programme: year.programme!.slug, id: `${year.year}-${c.no}` },
          props: { year: year.year, no: c.no },
          cacheKey: keys().year(year),
        }))
      : [],
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const year = getDataset().years.find((y) => y.year === props.year)!;
  return feedResponse(categoryFeed(site, year, props.no as number));
};
