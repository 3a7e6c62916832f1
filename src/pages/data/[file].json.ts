/** /data/units.json, leaders.json, collectives.json and dictionary.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { REGISTRY_TABLES } from '../../core/publish/export.ts';
import { CONTENT_TYPES, getExports } from '../../site/exports.ts';
import { keys } from '../../site/keys.ts';

export const getStaticPaths = (() =>
  [...REGISTRY_TABLES, 'dictionary'].map((file) => ({ params: { file }, cacheKey: keys().all }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) =>
  new Response(getExports(site).get(`${params.file}.json`)!.body, { headers: { 'Content-Type': CONTENT_TYPES.json } });
