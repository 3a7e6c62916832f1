/**
 * The sitemap, by @astrojs/sitemap (sitemap-index.xml and its parts). Pages that tell search
 * engines not to index them (<meta name="robots" content="noindex">: search results, the error
 * page, single embeds) are left out; test/site/dist.test.ts checks the two lists agree.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { withTrailingSlash } from '../core/present/urls.ts';

/** Paths (below the base) of the pages marked noindex. */
const NOINDEX = [/^search\/$/, /^404\/?$/, /^500\/?$/, /^embed\/.+/];

/** Whether the page at `url` belongs in the sitemap; `base` is the site's base path. */
export function inSitemap(url: string, base: string): boolean {
  const root = withTrailingSlash(base);
  const { pathname } = new URL(url);
  const p = pathname.startsWith(root) ? pathname.slice(root.length) : pathname.replace(/^\/+/, '');
  return !NOINDEX.some((re) => re.test(p));
}

export function luoshiSitemap(base: string): AstroIntegration {
  return sitemap({ filter: (url) => inSitemap(url, base) });
}
