/** /feeds/all.xml: every 通报 (written and generated) and completion notice. */
import type { APIRoute } from 'astro';
import { feedResponse, siteFeed } from '../../site/feeds.ts';

export const GET: APIRoute = async ({ site }) => feedResponse(await siteFeed(site));
