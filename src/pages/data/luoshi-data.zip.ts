/** /data/luoshi-data.zip: every download, the data dictionary, README and licence. */
import type { APIRoute } from 'astro';
import { getZip } from '../../site/exports.ts';

export const GET: APIRoute = ({ site }) => new Response(getZip(site), { headers: { 'Content-Type': 'application/zip' } });
