/**
 * The catalogue (src/steps/search-catalogue.ts) with real Pagefind bundles: the main bundle holds
 * the newest year's pages and a catalogue copy of an older year's item; that year's full text is
 * its own shard, merged only on request (src/client/search-shards.ts).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeShards, withoutCatalogueOf, type PagefindApi } from '../../src/client/search-shards.ts';
import type { SearchRecord } from '../../src/core/present/search.ts';
import { cataloguePage, catalogueEntry, itemYear } from '../../src/steps/search-catalogue.ts';
import { augment, bundleOf } from '../../src/steps/search-index.ts';
import { loadPagefind } from '../../tools/search-report.ts';

const record = (year: number, no: number, title: string): SearchRecord => ({
  path: `${year}/tasks/${no}/`,
  filters: { year: [String(year)], kind: ['主要工作任务'], status: ['滞后'] },
  sort: { number: `n2${9999 - year}${no}`, updated: `${year}-03-10` },
  meta: { title: `主要工作任务第${no}项：${title}`, number: `${year}年主要工作任务第${no}项`, status: '滞后', unit: '区住建局' },
  names: `t${no} n${no} ${no} ${title}`,
  aliases: '区住建局 住建局',
});
const OLD = record(2021, 7, '加装既有住宅电梯');
const NEW = record(2022, 3, '改造老旧小区');
const itemPage = (r: SearchRecord, reports: string) =>
  `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><main data-pagefind-body><h1>${r.meta.title}</h1><p>${reports}</p></main></body></html>`;

async function bundle(dir: string, pages: { url: string; content: string }[]) {
  const { index } = await pagefind.createIndex({ forceLanguage: 'zh' });
  for (const p of pages) expect((await index!.addHTMLFile(p)).errors).toEqual([]);
  expect((await index!.writeFiles({ outputPath: dir })).errors).toEqual([]);
}

afterAll(() => pagefind.close());

describe('the search catalogue', () => {
  it('the newest year goes to the main bundle, an older year to its shard; only item pages have a year', () => {
    expect(bundleOf('2022/tasks/3/', '2022')).toBe('');
    expect(bundleOf('bulletins/2022-03-minsheng/', '2022')).toBe('');
    expect(bundleOf('2021/tasks/7/', '2022')).toBe('2021');
    expect(bundleOf('units/zhujianju/', '2022')).toBe('');
    expect(itemYear('2021/minsheng/7/')).toBe('2021');
    expect(itemYear('bulletins/2021-03-minsheng/')).toBe('');
    expect(catalogueEntry(OLD)).toMatchObject({ path: '2021/tasks/7/', year: '2021', status: '滞后', unit: '区住建局' });
  });

  it('a first search finds an older item by its title, its report text only once its year is merged, and lists it once', async () => {
    const site = mkdtempSync(path.join(os.tmpdir(), 'luoshi-catalogue-'));
    await bundle(path.join(site, 'pagefind'), [
      { url: '/2022/tasks/3/', content: augment(itemPage(NEW, '三月：完成招标。'), NEW)! },
      { url: '/2021/tasks/7/', content: augment(cataloguePage(OLD), OLD)! },
    ]);
    await bundle(path.join(site, 'pagefind/2021'), [
      { url: '/2021/tasks/7/', content: augment(itemPage(OLD, '三月：管线迁改涉及多个产权单位。'), OLD)! },
    ]);
    const { pf } = await loadPagefind(path.join(site, 'pagefind'));
    const merged = new Set<string>();
    const urls = async (q: string) => {
      const s = await pf.search(q, { filters: withoutCatalogueOf({}, merged) });
      return Promise.all((s?.results ?? []).map(async (r) => (await r.data()).url));
    };
    expect(await urls('电梯')).toEqual(['/2021/tasks/7/']);
    expect(await urls('管线')).toEqual([]);
    await mergeShards(pf as PagefindApi, `${pathToFileURL(site).href}/`, { baseUrl: '/' }, ['2021'], merged);
    expect(await urls('管线')).toEqual(['/2021/tasks/7/']);
    expect(await urls('电梯')).toEqual(['/2021/tasks/7/']);
    // Without the filter the item's catalogue copy and its page would both be listed.
    expect((await pf.search('电梯'))?.results.length).toBe(2);
  }, 60_000);
});
