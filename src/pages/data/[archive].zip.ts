/**
 * /data/luoshi-data.zip: every download, the data dictionary, README and licence. A route with one
 * path, so that it has a cache key: an unchanged zip is reused by the incremental build, not
 * made again (keys().all: every year and the registries, as the downloads it holds).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getZip, ZIP_BASENAME } from '../../site/exports.ts';
import { keys } from '../../site/keys.ts';

export const getStaticPaths = (() => [{ params: { archive: ZIP_BASENAME }, cacheKey: keys().all }]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ site }) => new Response(getZip(site), { headers: { 'Content-Type': 'application/zip' } });
