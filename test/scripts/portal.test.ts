/**
 * The province portal (scripts/portal.ts) over district builds, and the summary each district
 * publishes (src/core/publish/summary.ts, /data/summary.json).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../src/core/content/load.ts';
import { siteSummary } from '../../src/core/publish/summary.ts';
import { buildPortal } from '../../scripts/portal.ts';
import { searchRecords } from '../../src/core/present/search.ts';
import { CATALOGUE_FILE, catalogueEntry, itemYear } from '../../src/steps/search-catalogue.ts';
import { ITEMS_PER_PAGE, PORTAL_SEARCH_JS, portalWords } from '../../src/steps/portal-search.ts';
import { loadPagefind } from '../../tools/search-report.ts';
import { makeContent, TODAY } from '../fixtures/content.ts';

describe('siteSummary', () => {
  it('counts every item of every year by status, with the data dates', () => {
    const ds = loadContentOrThrow(makeContent(), { today: TODAY });
    const s = siteSummary(ds);
    expect(s.district).toBe('测试区');
    expect(s.dataDate).toBe('2020-04-10');
    const y = s.years[0];
    expect(y.tasks.total).toBe(3);
    expect(y.projects.total).toBe(2);
    const statuses = (c: Record<string, number>) =>
      Object.entries(c)
        .filter(([k]) => k !== 'total')
        .reduce((a, [, v]) => a + v, 0);
    expect(statuses(y.tasks)).toBeGreaterThan(0);
    expect(statuses(y.tasks)).toBeLessThanOrEqual(3);
  });
});

describe('portalWords', () => {
  it("keeps each index-only word once and leaves out the item's text, which its heading holds", () => {
    const entry = {
      path: '2020/tasks/1/',
      year: '2020',
      title: '主要工作任务第1项：加装电梯',
      number: '2020年主要工作任务第1项',
      kind: '主要工作任务',
      status: '滞后',
      unit: '区住建局',
      group: '',
      words: 't1 n1 1 加装电梯 加装 电梯 区住建局 住建局 区 住建局',
    };
    expect(portalWords(entry)).toBe('t1 n1 1 加装 电梯 区住建局 住建局 区');
  });
});

describe('buildPortal', () => {
  it('writes an overview row per district and indexes every district catalogue into one search', async () => {
    const site = mkdtempSync(path.join(tmpdir(), 'luoshi-portal-'));
    const ds = loadContentOrThrow(makeContent(), { today: TODAY });
    const entries = [...searchRecords(ds).values()].filter((r) => itemYear(r.path)).map(catalogueEntry);
    for (const [dir, name] of [
      ['d1', '东区'],
      ['d2', '西区<b>'],
    ] as const) {
      mkdirSync(path.join(site, dir, 'data'), { recursive: true });
      mkdirSync(path.join(site, dir, 'pagefind'), { recursive: true });
      writeFileSync(path.join(site, dir, 'data/summary.json'), JSON.stringify({ ...siteSummary(ds), district: name }));
      writeFileSync(path.join(site, dir, 'pagefind', CATALOGUE_FILE), gzipSync(JSON.stringify(entries)));
    }
    const r = await buildPortal(site);
    expect(r).toEqual({ districts: 2, entries: 2 * entries.length, pages: 2 * Math.ceil(entries.length / ITEMS_PER_PAGE) });
    const html = readFileSync(path.join(site, 'index.html'), 'utf8');
    expect(html).toContain('<a href="/d1/">东区</a>');
    // Names from the data are escaped.
    expect(html).toContain('西区&#60;b&#62;');
    expect(html).not.toContain('西区<b>');
    expect(JSON.parse(readFileSync(path.join(site, 'search/districts.json'), 'utf8'))).toEqual([
      { dir: 'd1', name: '东区' },
      { dir: 'd2', name: '西区<b>' },
    ]);
    expect(existsSync(path.join(site, 'search/pagefind/pagefind.js'))).toBe(true);
    // A query finds a catalogue page per district; its sub-results name the items by their paths.
    const { pf } = await loadPagefind(path.join(site, 'search/pagefind'));
    const item = entries[0];
    const word = item.title.split('：')[1].slice(0, 4);
    const pages = await Promise.all(((await pf.search(word))?.results ?? []).map((r) => r.data()));
    const found = pages.flatMap((d) =>
      (d as unknown as { sub_results: { url: string }[] }).sub_results
        .filter((x) => x.url.includes('#'))
        .map((x) => `${d.meta.base}${decodeURIComponent(x.url.split('#')[1])}`),
    );
    expect(found).toContain(`/d1/${item.path}`);
    expect(found).toContain(`/d2/${item.path}`);
  }, 60_000);

  it('fails on a folder without district builds', async () => {
    await expect(buildPortal(mkdtempSync(path.join(tmpdir(), 'luoshi-portal-empty-')))).rejects.toThrow(/no district site/);
  });
});

/** The portal page's script run against stand-ins for the page and Pagefind; its status line once run. */
async function portalStatus(search: string, results: number): Promise<string> {
  const element = () => ({
    textContent: '',
    value: '',
    dataset: {},
    append: () => {},
    replaceChildren: () => {},
    addEventListener: () => {},
  });
  const elements = new Map(['q-form', 'q', 'district', 'results', 'status'].map((id) => [id, element()]));
  const document = { getElementById: (id: string) => elements.get(id), createElement: element, body: element() };
  const page = (i: number) => ({
    data: async () => ({ url: `/d1/2020/tasks/${i}/`, meta: { title: `第${i}项` }, sub_results: [] }),
  });
  const pagefind = {
    options: async () => {},
    init: async () => {},
    mergeIndex: async () => {},
    search: async () => ({ results: Array.from({ length: results }, (_, i) => page(i + 1)) }),
  };
  const script = PORTAL_SEARCH_JS.replace("await import('/search/pagefind/pagefind.js')", 'pagefind');
  expect(script).not.toBe(PORTAL_SEARCH_JS);
  const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  await new AsyncFunction('pagefind', 'document', 'fetch', 'history', 'location', 'Option', script)(
    pagefind,
    document,
    async () => ({ json: async () => [{ dir: 'd1', name: '东区' }] }),
    { replaceState: () => {} },
    { search },
    class {},
  );
  return elements.get('status')!.textContent;
}

describe('the portal search page', () => {
  it('counts a picked district’s results in items (项), as it lists them', async () => {
    expect(await portalStatus('?q=电梯&district=d1', 3)).toBe('找到 3 项结果。');
    expect(await portalStatus('?q=电梯&district=d1', 25)).toBe('找到 25 项结果，先列出 10 项。');
    expect(await portalStatus('?q=电梯&district=d1', 0)).toBe('没有找到结果。');
  });
});
