/**
 * The search page's shard check (src/client/search-shards.ts): Pagefind skips a query term that
 * no page of an index holds instead of failing the search there, so a shard lacking one term is
 * left out. A fake Pagefind: each shard a set of pages, each page a set of words.
 */
import { describe, expect, it } from 'vitest';
import { queryTerms, shardsLackingATerm, sortedSearch, withoutShards, type PagefindApi } from '../../src/client/search-shards.ts';

/** Pagefind as its search behaves: every term it holds, ANDed; a term no page holds, skipped. */
function fakePagefind(shards: Record<string, Record<string, string[]>>): PagefindApi {
  const search = async (q: string | null) => {
    const terms = (q ?? '').split(' ').filter(Boolean);
    const results: { id: string; data: () => Promise<never> }[] = [];
    const counts: Record<string, number> = {};
    for (const [shard, pages] of Object.entries(shards)) {
      const known = terms.filter((t) => Object.values(pages).some((w) => w.some((x) => x.startsWith(t))));
      const hits = known.length
        ? Object.entries(pages).filter(([, w]) => known.every((t) => w.some((x) => x.startsWith(t))))
        : [];
      counts[shard] = hits.length;
      results.push(...hits.map(([id]) => ({ id, data: () => Promise.reject(new Error('not read')) })));
    }
    return { results, unfilteredResultCount: results.length, filters: { shard: counts }, totalFilters: {} };
  };
  return { search, options: async () => {}, init: async () => {}, mergeIndex: async () => {}, filters: async () => ({}) };
}

const SHARDS = {
  site: { 'units/renwubu/': ['区人武部', '武', '装部'] },
  '2020': { '2020/12100/5/': ['加装', '加', '装', '电梯'], '2020/tasks/68/': ['加强', '装修'] },
};

describe('shards lacking a term', () => {
  it('Pagefind alone finds 区人武部 for 加 装 电梯 (the main bundle holds neither 加 nor 电梯)', async () => {
    const ids = (await fakePagefind(SHARDS).search('加 装 电梯'))!.results.map((r) => r.id);
    expect(ids.sort()).toEqual(['2020/12100/5/', 'units/renwubu/']);
  });

  it('the main bundle is left out for 加 装 电梯; no shard for a one-term query', async () => {
    const pf = fakePagefind(SHARDS);
    expect(await shardsLackingATerm(pf, '加 装 电梯', Object.keys(SHARDS))).toEqual(['site']);
    expect(await shardsLackingATerm(pf, '电梯', Object.keys(SHARDS))).toEqual([]);
    expect(withoutShards({ kind: { any: ['x'] } }, ['site'])).toEqual({ kind: { any: ['x'] }, shard: { none: ['site'] } });
    expect(withoutShards({}, [])).toEqual({});
    expect(queryTerms('加装电梯')).toEqual(['加', '装', '电梯']);
  });

  it('a sorted search over shards apart skips the shard that lacks a term', async () => {
    const apart = Object.entries(SHARDS).map(([name, pages]) => fakePagefind({ [name]: pages }));
    const s = await sortedSearch(apart, '加 装 电梯', { filters: {}, sort: { number: 'asc' } }, false);
    expect(s.results).toHaveLength(1);
    expect(s.unfilteredResultCount).toBe(1);
  });
});
