/** /charts/<id>.csv: each chart's data table as CSV, UTF-8 with BOM so Excel reads the Chinese. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartIds, getChart } from '../../core/charts.ts';
import { getDataset } from '../../site/data.ts';
import { keys } from '../../site/keys.ts';

export const getStaticPaths = (() =>
  chartIds(getDataset()).map((id) => ({ params: { id }, cacheKey: keys().chart(id) }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(`\uFEFF${getChart(getDataset(), params.id!).csv}`, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
