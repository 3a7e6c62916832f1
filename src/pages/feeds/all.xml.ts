/** /feeds/all.xml: every 通报 (written and generated) and completion notice. */
import type { APIRoute } from 'astro';
import { siteFeed } from '../../site/feeds.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(await siteFeed(site), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
