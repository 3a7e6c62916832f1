/** /data/summary.json: the site at a glance (counts by status, data date), for a province portal (scripts/portal.ts). */
import type { APIRoute } from 'astro';
import { siteSummary } from '../../core/publish/summary.ts';
import { getDataset } from '../../site/data.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(siteSummary(getDataset()), null, 1), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
