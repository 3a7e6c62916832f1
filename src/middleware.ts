/**
 * The Content-Security-Policy <meta> first in <head>, right after <meta charset>. Astro writes
 * it where the page's head ends, so the <title>, the description and /mode.js came before it,
 * outside the policy; Astro has no setting for its place, so each rendered page is rewritten
 * here (a build-time pass for a static site; the page is already a string). Its hashes are cut
 * to the page's own inline scripts and styles (cspOwnHashes).
 */
import { defineMiddleware } from 'astro:middleware';
import { cspFirst, cspOwnHashes } from './site/csp.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) return response;
  const html = await response.text();
  return new Response(cspFirst(cspOwnHashes(html)), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
});
