/**
 * What crawlers and readers can reach on the built site (dist/): robots.txt names the sitemap,
 * every page of the sitemap is linked from some other page (the /embed/ gallery was listed but
 * linked from nowhere), and a feed with no entry says so, in its subtitle and on the page that
 * offers it (暂无更新).
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FEED_NOTE } from '../../src/core/publish/atom.ts';

const DIST = path.resolve('dist');
/** Node 24 from node_modules/.bin first, also when vitest is started outside npm scripts. */
const ENV = { ...process.env, PATH: `${path.resolve('node_modules/.bin')}${path.delimiter}${process.env.PATH}` };

function files(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, ext));
    else if (e.name.endsWith(ext)) out.push(p);
  }
  return out;
}

/** The URL path of a dist file: dist/2020/tasks/1/index.html → /2020/tasks/1/. */
function urlOf(file: string): string {
  return `/${path.relative(DIST, file).split(path.sep).join('/')}`.replace(/index\.html$/, '');
}

let pages: { url: string; html: string }[] = [];

beforeAll(() => {
  execSync('node tools/ensure-build.ts', { stdio: 'inherit', env: ENV });
  pages = files(DIST, '.html').map((file) => ({ url: urlOf(file), html: readFileSync(file, 'utf8') }));
}, 600_000);

describe('crawlers and reach', () => {
  it('robots.txt allows crawling and names the sitemap index, which exists', () => {
    const robots = readFileSync(path.join(DIST, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap).toBe('https://example.gov.cn/sitemap-index.xml');
    expect(existsSync(path.join(DIST, new URL(sitemap!).pathname))).toBe(true);
  });

  it('links every page of the sitemap from another page', () => {
    const sitemapped = files(DIST, '.xml')
      .filter((f) => /^sitemap-\d+\.xml$/.test(path.basename(f)))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname));
    expect(sitemapped.length).toBeGreaterThan(100);
    const linked = new Set<string>();
    for (const page of pages)
      for (const [, href] of page.html.matchAll(/<a\s[^>]*?href="([^"#?]*)[^"]*"/g)) {
        const target = new URL(href.replace(/&amp;/g, '&'), `https://example.gov.cn${page.url}`).pathname;
        if (target !== page.url) linked.add(target);
      }
    expect(sitemapped.filter((url) => url !== '/' && !linked.has(url))).toEqual([]);
    expect(linked.has('/embed/')).toBe(true);
  });

  it('an empty feed says so in its subtitle and on the page that offers it, and only an empty one', () => {
    const feedPages = pages.filter((p) => p.html.includes('class="feed-link"'));
    expect(feedPages.length).toBeGreaterThan(200);
    const seen = { empty: 0, full: 0 };
    for (const page of feedPages) {
      const link = /<p class="feed-link"[^>]*><a href="([^"]+)"[\s\S]*?<\/p>/.exec(page.html)!;
      const xml = readFileSync(path.join(DIST, link[1]), 'utf8');
      const empty = !xml.includes('<entry>');
      seen[empty ? 'empty' : 'full']++;
      expect({ page: page.url, note: link[0].includes('暂无更新') }).toEqual({ page: page.url, note: empty });
      expect({ feed: link[1], note: xml.includes(`${EMPTY_FEED_NOTE}）</subtitle>`) }).toEqual({ feed: link[1], note: empty });
    }
    // The bundled data has both: an item not yet reported on (主要工作任务第86项) and a unit with no item.
    expect(seen.empty).toBeGreaterThanOrEqual(2);
    expect(seen.full).toBeGreaterThan(200);
  });
});
