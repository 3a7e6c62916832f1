/**
 * robots.txt: every page may be crawled (pages kept out of search engines say so themselves with
 * <meta name="robots" content="noindex">), and the sitemap index's absolute URL, from the site's
 * origin (LUOSHI_SITE) and base (LUOSHI_BASE). Crawlers read robots.txt only at the root of an
 * origin: a site deployed under a sub-path still gets the file, for the host's own robots.txt to
 * copy its Sitemap line.
 */
import { withTrailingSlash } from '../present/urls.ts';

export function robotsTxt(site: URL | string, base: string): string {
  const sitemap = new URL(`${withTrailingSlash(base)}sitemap-index.xml`, site).href;
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${sitemap}`, ''].join('\n');
}
