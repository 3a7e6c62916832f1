/**
 * Open data, feeds and sitemap in the built site (dist/, served by astro preview): the
 * downloads parse and equal the content files, every feed is valid Atom, the sitemap lists
 * real pages.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test } from '@playwright/test';
import { REGISTRY_TABLES, YEAR_TABLES, isComputed, tableSpec } from '../../src/core/publish/export.ts';
import { FILES, type FileKind } from '../../src/core/content/schema.ts';
import { atomProblems, parseXml } from '../fixtures/atom.ts';

const CONTENT = path.resolve(process.env.LUOSHI_CONTENT ?? 'content');
const years = readdirSync(CONTENT).filter((d) => /^\d{4}$/.test(d));

function contentRows(kind: FileKind, files: string[]): Record<string, string>[] {
  // A column the file may leave out (完成时限) is published empty.
  const columns = Object.entries(FILES[kind].columns).map(
    ([c, spec]) => [c, 'optionalColumn' in spec && spec.optionalColumn ? '' : undefined] as const,
  );
  return files
    .filter((f) => existsSync(f))
    .flatMap((f) =>
      (parse(readFileSync(f), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[]).map((r) =>
        Object.fromEntries(columns.map(([c, empty]) => [c, r[c] ?? empty])),
      ),
    );
}

function expected(year: string | undefined, kind: FileKind): Record<string, string>[] {
  if (!year) return contentRows(kind, [path.join(CONTENT, `${kind}.csv`)]);
  if (kind === 'reports' || kind === 'actuals') {
    const dir = path.join(CONTENT, year, kind);
    return contentRows(
      kind,
      existsSync(dir)
        ? readdirSync(dir)
            .sort()
            .map((f) => path.join(dir, f))
        : [],
    );
  }
  return contentRows(kind, [path.join(CONTENT, year, `${kind}.csv`)]);
}

test('/data/ links every download, and each CSV and JSON equals the content rows', async ({ page, request }) => {
  await page.goto('/data/');
  await expect(page.locator('h1')).toHaveText('开放数据');
  await expect(page.getByText('数据字典').first()).toBeVisible();
  // The licence in the page itself (every page's footer names it too).
  await expect(page.locator('main a[rel="license"]')).toBeVisible();
  const tables = [
    ...years.flatMap((y) => YEAR_TABLES.map((t) => [y, t] as const)),
    ...REGISTRY_TABLES.map((t) => [undefined, t] as const),
  ];
  for (const [year, kind] of tables) {
    const base = `/data/${year ? `${year}/` : ''}${kind}`;
    await expect(page.locator(`a[href="${base}.csv"]`), `${base}.csv linked`).toHaveCount(1);
    await expect(page.locator(`a[href="${base}.json"]`), `${base}.json linked`).toHaveCount(1);
    const csv = await request.get(`${base}.csv`);
    expect(csv.ok()).toBe(true);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)], `${base}.csv starts with a BOM`).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...records] = parse(bytes.subarray(3)) as string[][];
    expect(header).toEqual(Object.keys(tableSpec(kind).columns));
    const json = await (await request.get(`${base}.json`)).json();
    // The computed table (target and values side by side) is checked against the model in test/core/publish.
    if (isComputed(kind)) {
      expect(json.rows, `${base}.json rows`).toHaveLength(records.length);
      continue;
    }
    const rows = expected(year, kind);
    expect(
      records.map((r) => Object.fromEntries(header.map((c, i) => [c, r[i]]))),
      `${base}.csv rows`,
    ).toEqual(rows);
    expect(json.rows, `${base}.json rows`).toEqual(rows);
  }
  const zip = await request.get('/data/luoshi-data.zip');
  expect(zip.ok()).toBe(true);
  expect([...(await zip.body()).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
});

test('every feed is valid Atom, and the site feed is linked from the pages', async ({ page, request }) => {
  const dir = path.resolve('dist/feeds');
  const feeds: string[] = [];
  const walk = (d: string) =>
    readdirSync(d, { withFileTypes: true }).forEach((e) =>
      e.isDirectory() ? walk(path.join(d, e.name)) : feeds.push(path.join(d, e.name)),
    );
  walk(dir);
  expect(feeds.length).toBeGreaterThan(3);
  for (const f of feeds) expect(atomProblems(readFileSync(f, 'utf8')), path.relative(dir, f)).toEqual([]);
  const all = await request.get('/feeds/all.xml');
  expect(all.headers()['content-type']).toContain('xml');
  expect(atomProblems(await all.text())).toEqual([]);
  await page.goto('/data/');
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"][href="/feeds/all.xml"]')).toHaveCount(1);
});

test('the sitemap lists exactly the built pages that may be indexed, with absolute URLs', async ({ request }) => {
  const index = await request.get('/sitemap-index.xml');
  expect(index.ok()).toBe(true);
  const indexDoc = parseXml(await index.text());
  expect(indexDoc.name).toBe('http://www.sitemaps.org/schemas/sitemap/0.9|sitemapindex');
  const locs: string[] = [];
  for (const part of indexDoc.children.map((s) => s.children[0].text)) {
    const res = await request.get(new URL(part).pathname);
    expect(res.ok(), part).toBe(true);
    const doc = parseXml(await res.text());
    expect(doc.name).toBe('http://www.sitemaps.org/schemas/sitemap/0.9|urlset');
    locs.push(...doc.children.map((u) => u.children[0].text));
  }
  for (const loc of locs) expect(new URL(loc).protocol, loc).toBe('https:');
  // Every built HTML page is listed unless it carries robots noindex; nothing else is listed.
  const indexable: string[] = [];
  const walk = (d: string) =>
    readdirSync(d, { withFileTypes: true }).forEach((e) => {
      const p = path.join(d, e.name);
      if (e.isDirectory()) return walk(p);
      if (e.name !== 'index.html') return;
      if (/<meta[^>]+name="robots"[^>]+noindex/i.test(readFileSync(p, 'utf8'))) return;
      indexable.push(`/${path.relative('dist', path.dirname(p))}/`.replace(/^\/+/, '/').replace(/\/{2,}/g, '/'));
    });
  walk('dist');
  expect(locs.map((l) => new URL(l).pathname).sort()).toEqual(indexable.sort());
  expect(locs.some((l) => new URL(l).pathname === '/data/')).toBe(true);
});
