/**
 * /sitemap.xml from the pages Astro actually built (astro:build:done), without a dependency.
 * HTML pages only (not downloads or feeds); pages marked noindex and error pages are left out.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The sitemap XML for absolute page URLs. */
export function sitemapXml(locations: string[]): string {
  const urls = [...new Set(locations)].sort().map((loc) => `  <url><loc>${escape(loc)}</loc></url>`);
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

export function luoshiSitemap(): AstroIntegration {
  let site = 'https://example.gov.cn/';
  let base = '/';
  return {
    name: 'luoshi:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? site;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ pages, dir, logger }) => {
        const out = fileURLToPath(dir);
        const locations: string[] = [];
        for (const { pathname } of pages) {
          const p = pathname.replace(/^\/+/, '');
          if (p !== '' && !p.endsWith('/')) continue; // downloads, feeds, assets
          if (/^(404|500)\/?$/.test(p)) continue;
          const html = path.join(out, p, 'index.html');
          if (existsSync(html) && /<meta[^>]+name="robots"[^>]+noindex/i.test(readFileSync(html, 'utf8'))) continue;
          locations.push(new URL(`${base}${p}`.replace(/\/{2,}/g, '/'), site).href);
        }
        writeFileSync(path.join(out, 'sitemap.xml'), sitemapXml(locations));
        logger.info(`sitemap.xml: ${locations.length} pages`);
      },
    },
  };
}
