/**
 * Bytes of a first search, as a reader makes it: a fresh browser (empty cache) at phone size
 * opens /search/?q=… (what the header's search box submits), and the site's own search UI
 * (src/client/search.ts) merges the index shards, runs the query and shows the first page of
 * results. Everything fetched under /pagefind/ until the results are shown and the network is
 * idle counts: the Pagefind script and WASM, each shard's metadata, the index chunks for the
 * query, the fragments of the results shown. Then the 筛选 panel is opened, and what that
 * fetches (the filter index) is counted apart. Falls back to the Pagefind API on the home
 * page when the site has no /search/ page.
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './serve.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface SearchResult {
  page: string;
  query: string;
  results: number;
  firstTitles: string[];
  /** Bytes served under /pagefind/, as stored (index chunks are gzip already). */
  bytes: number;
  /** The same with HTTP gzip on the files Pagefind does not compress itself (JS, WASM, JSON). */
  bytesGzip: number;
  byKind: Record<string, number>;
  requests: number;
  ms: number;
  /** Bytes fetched when the 筛选 panel is then opened (the filter index), as stored. */
  filterBytes?: number;
  error?: string;
}

function kind(p: string): string {
  if (p.endsWith('.js')) return 'script';
  if (p.includes('wasm')) return 'wasm';
  if (p.endsWith('.pf_meta') || p.endsWith('.json')) return 'meta';
  if (p.endsWith('.pf_index')) return 'index';
  if (p.endsWith('.pf_fragment')) return 'fragments';
  if (p.endsWith('.pf_filter')) return 'filters';
  return 'other';
}

export async function measureFirstQuery(dist: string, query: string, base = '/'): Promise<SearchResult> {
  const server = await serveStatic(dist, base);
  const pagePath = existsSync(path.join(dist, 'search/index.html')) ? 'search/' : '';
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    // A strict CSP may keep page.evaluate from importing the Pagefind script; the bytes are the
    // same either way, so the measurement bypasses it (the site's own search UI is tested in e2e).
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true });
    const page = await context.newPage();
    server.served.clear();
    const started = performance.now();
    let found: { results: number; titles: string[] };
    if (pagePath) {
      await page.goto(`${server.url}${pagePath}?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
      await page.locator('#search-status').filter({ hasText: /找到|没有找到/ }).waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      const status = (await page.locator('#search-status').textContent()) ?? '';
      const titles = await page.locator('#search-list > li > a').evaluateAll((as) => as.slice(0, 5).map((a) => a.textContent ?? ''));
      found = { results: Number(/找到 (\d+) 条/.exec(status)?.[1] ?? 0), titles };
    } else {
      await page.goto(server.url, { waitUntil: 'load' });
      found = await page.evaluate(async ({ query, base }) => {
        const pf = await import(`${base}pagefind/pagefind.js`);
        await pf.options?.({ baseUrl: base });
        const search = await pf.search(query);
        const data = await Promise.all(search.results.slice(0, 5).map((r: { data: () => Promise<{ meta?: { title?: string } }> }) => r.data()));
        return { results: search.results.length as number, titles: data.map((d) => d.meta?.title ?? '') };
      }, { query, base });
      await page.waitForLoadState('networkidle');
    }
    const ms = performance.now() - started;
    const byKind: Record<string, number> = {};
    let bytes = 0;
    let bytesGzip = 0;
    let requests = 0;
    for (const [p, n] of server.served) {
      if (!p.startsWith(`${base}pagefind/`)) continue;
      requests++;
      bytes += n;
      byKind[kind(p)] = (byKind[kind(p)] ?? 0) + n;
      const compressible = /\.(js|json|wasm)$/.test(p) || p.includes('wasm');
      bytesGzip += compressible ? gzipSync(readFileSync(path.join(dist, p.slice(base.length)))).length : n;
    }
    let filterBytes: number | undefined;
    if (pagePath) {
      const before = new Set(server.served.keys());
      await page.locator('#search-filters-panel > summary').click();
      await page.locator('#search-filters fieldset').first().waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      filterBytes = 0;
      for (const [p, n] of server.served) if (!before.has(p) && p.startsWith(`${base}pagefind/`)) filterBytes += n;
    }
    return { page: `/${pagePath}`, query, results: found.results, firstTitles: found.titles, bytes, bytesGzip, byKind, requests, ms, filterBytes };
  } catch (error) {
    return { page: `/${pagePath}`, query, results: 0, firstTitles: [], bytes: 0, bytesGzip: 0, byKind: {}, requests: 0, ms: 0, error: (error as Error).message.split('\n')[0] };
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Bytes of a first search on the province portal (scripts/portal.ts), as a reader makes it: a
 * fresh browser opens /search/?q=…, the portal's script reads the province-wide catalogue and
 * lists the first results. Everything fetched under any …/pagefind/ folder counts (the portal's
 * catalogue, and any district's index it would merge).
 */
export async function measurePortalQuery(root: string, query: string): Promise<SearchResult> {
  const server = await serveStatic(root, '/');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    server.served.clear();
    const started = performance.now();
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    await page.locator('#status').filter({ hasText: /找到|没有找到/ }).waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    const ms = performance.now() - started;
    const titles = await page.locator('#results > li > a').evaluateAll((as) => as.slice(0, 5).map((a) => a.textContent ?? ''));
    const listed = await page.locator('#results > li').count();
    const byKind: Record<string, number> = {};
    let bytes = 0;
    let bytesGzip = 0;
    let requests = 0;
    for (const [p, n] of server.served) {
      if (!p.includes('/pagefind/')) continue;
      requests++;
      bytes += n;
      byKind[kind(p)] = (byKind[kind(p)] ?? 0) + n;
      const compressible = /\.(js|json|wasm)$/.test(p) || p.includes('wasm');
      bytesGzip += compressible ? gzipSync(readFileSync(path.join(root, p))).length : n;
    }
    return { page: '/search/', query, results: listed, firstTitles: titles, bytes, bytesGzip, byKind, requests, ms };
  } catch (error) {
    return { page: '/search/', query, results: 0, firstTitles: [], bytes: 0, bytesGzip: 0, byKind: {}, requests: 0, ms: 0, error: (error as Error).message.split('\n')[0] };
  } finally {
    await browser.close();
    await server.close();
  }
}
