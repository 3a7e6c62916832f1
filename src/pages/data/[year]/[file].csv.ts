/** /data/<year>/<table>.csv: one year's table exactly as published, UTF-8 with BOM. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { YEAR_TABLES } from '../../../core/publish/export.ts';
import { getDataset } from '../../../site/data.ts';
import { keys } from '../../../site/keys.ts';
import { CONTENT_TYPES, getExports } from '../../../site/exports.ts';

export const getStaticPaths = (() =>
  getDataset().years.flatMap((y) =>
    YEAR_TABLES.map((file) => ({ params: { year: String(y.year), file }, cacheKey: keys().year(y) })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) =>
  new Response(getExports(site).get(`${params.year}/${params.file}.csv`)!.body, {
    headers: { 'Content-Type': CONTENT_TYPES.csv },
  });
