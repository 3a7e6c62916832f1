/** /robots.txt: crawling allowed, and where the sitemap is (src/core/publish/robots.ts). */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../core/publish/robots.ts';
import { BASE } from '../site/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(site ?? 'https://example.gov.cn', BASE), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
