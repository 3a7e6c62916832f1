/**
 * Search over the main bundle and the older years' shards of the index (src/steps/search-index.ts,
 * src/steps/search-catalogue.ts) in the browser.
 *
 * Relevance: Pagefind's multisite search (`mergeIndex`) merges the shards by score, which is
 * what a relevance search wants.
 * Sorted (by number, by latest update): the multisite merge re-sorts by score and loses the
 * order (even with every shard weighted 0: the browse-by-number test got 3, 8, 5, 2, … back).
 * So a sorted search asks each shard on its own (every shard folder is a complete Pagefind
 * bundle: its own pagefind.js is a module of its own), each returns its results in sort order,
 * and the runs are merged here by the sort key Pagefind also stores as result metadata
 * (`sort_<name>`), reading only the result data the page shows plus one head per shard.
 *
 * Every term in every result: Pagefind ANDs a query's terms only over the terms an index holds.
 * A term no page of an index contains is skipped there, not failed (pagefind_web's search_term
 * intersects the pages of the terms it finds), so a shard without one word of the query returned
 * its pages that match the others: 加装电梯, split by the browser into 加 装 电梯, was searched in
 * the main bundle (units and leaders, no 加 and no 电梯) as 装 alone, and 区人武部 (济南市市中区人民
 * 武装部) came second. One index held every word; shards do not. So each term is first searched
 * alone, and a shard where one of them has no page is left out of the search (shardsLackingATerm).
 */
import { browserTerms } from '../core/present/search.ts';

export interface ResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text. */
  content: string;
  meta: Record<string, string>;
}
export interface Result {
  id: string;
  data(): Promise<ResultData>;
}
export interface Search {
  results: Result[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
export interface PagefindApi {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, o?: object): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string | null, o?: object): Promise<Search | null>;
}

/** The name of the main bundle's shard in the `shard` filter. */
export const MAIN_SHARD = 'site';

/** The distinct terms Pagefind looks up for a query (as the browser splits it: browserTerms). */
export function queryTerms(query: string): string[] {
  return [...new Set(browserTerms(query).split(' ').filter(Boolean))];
}

/**
 * The shards (by their `shard` filter value: MAIN_SHARD and the years) where some term of the
 * query has no page, from one search of each term alone on the merged instance: the counts of the
 * `shard` filter come with every search, without its filter index. A query of one term needs no
 * check: Pagefind returns nothing for it where it is not.
 */
export async function shardsLackingATerm(pf: PagefindApi, query: string, shards: string[]): Promise<string[]> {
  const terms = queryTerms(query);
  if (terms.length < 2) return [];
  const counts = await Promise.all(terms.map(async (term) => (await pf.search(term))?.filters.shard ?? {}));
  return shards.filter((shard) => counts.some((c) => !((c[shard] ?? 0) > 0)));
}

/** The filter that leaves out shards lacking a term of the query (none when every shard has them all). */
export function withoutShards(filters: object, lacking: string[]): object {
  return lacking.length ? { ...filters, shard: { none: lacking } } : filters;
}

/**
 * The main bundle alone (relevance searches): the catalogue of every item of every year, the
 * newest year's full text, units and leaders (src/steps/search-catalogue.ts). The older years'
 * shards are merged into it on demand (mergeShards).
 */
export async function loadMain(base: string, options: object): Promise<PagefindApi> {
  const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
  await pf.options({ ...options, mergeFilter: { shard: MAIN_SHARD } });
  await pf.init();
  return pf;
}

/** Merge the shards of `years` not merged yet into `pf`; `merged` (the years merged so far) is updated. */
export async function mergeShards(
  pf: PagefindApi,
  base: string,
  options: object,
  years: string[],
  merged: Set<string>,
): Promise<void> {
  for (const shard of years.filter((y) => !merged.has(y))) {
    await pf.mergeIndex(`${base}pagefind/${shard}/`, { ...options, mergeFilter: { shard } });
    merged.add(shard);
  }
}

/**
 * The filter that lists an item once: its catalogue copy (in the main bundle) is left out once
 * its year's full text is merged (src/steps/search-catalogue.ts, CATALOGUE_FILTER).
 */
export function withoutCatalogueOf(filters: object, merged: Iterable<string>): object {
  const years = [...merged];
  return years.length ? { ...filters, catalogue: { none: years } } : filters;
}

const apart = new Map<string, Promise<PagefindApi>>();
/** One Pagefind instance per shard, the main bundle first (sorted searches), each loaded once. */
export function loadShardsApart(base: string, options: object, shards: string[]): Promise<PagefindApi[]> {
  return Promise.all(
    ['', ...shards].map((shard) => {
      const known = apart.get(shard);
      if (known) return known;
      const loading = (async () => {
        // The main bundle's script under another URL: a module apart from the merged instance.
        const url = shard ? `${base}pagefind/${shard}/pagefind.js` : `${base}pagefind/pagefind.js?apart`;
        const pf = (await import(/* @vite-ignore */ url)) as PagefindApi;
        await pf.options({ ...options, bundlePath: shard ? `${base}pagefind/${shard}/` : `${base}pagefind/` });
        await pf.init();
        return pf;
      })();
      apart.set(shard, loading);
      return loading;
    }),
  );
}

/** A sorted search over shards apart: one Search whose results are the shards' runs merged by `key`. */
export async function sortedSearch(
  instances: PagefindApi[],
  query: string | null,
  options: { filters: object; sort: Record<string, string> },
  withFilters: boolean,
): Promise<Search> {
  const [key, dir] = Object.entries(options.sort)[0];
  if (withFilters) await Promise.all(instances.map((pf) => pf.filters()));
  // Each instance is one shard: one that lacks a term of the query has no result (see above).
  const terms = query ? queryTerms(query) : [];
  const hasEveryTerm = async (pf: PagefindApi) =>
    terms.length < 2 ||
    (await Promise.all(terms.map(async (t) => ((await pf.search(t))?.results.length ?? 0) > 0))).every(Boolean);
  const searches = (
    await Promise.all(instances.map(async (pf) => ((await hasEveryTerm(pf)) ? pf.search(query, options) : null)))
  ).map((s) => s ?? { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} });
  const sum = (list: Record<string, Record<string, number>>[]) => {
    const out: Record<string, Record<string, number>> = {};
    for (const f of list)
      for (const [name, values] of Object.entries(f))
        for (const [v, n] of Object.entries(values)) (out[name] ??= {})[v] = (out[name][v] ?? 0) + n;
    return out;
  };
  return {
    results: mergeRuns(
      searches.map((s) => s.results),
      key,
      dir,
    ),
    unfilteredResultCount: searches.reduce((n, s) => n + s.unfilteredResultCount, 0),
    filters: sum(searches.map((s) => s.filters)),
    totalFilters: sum(searches.map((s) => s.totalFilters)),
  };
}

/** The older years' shards (merged on demand) and the newest year (in the main bundle), from shards.json. */
export interface ShardList {
  shards: string[];
  newest: string;
}
let shardsOnce: Promise<ShardList> | undefined;
export function shardList(base: string): Promise<ShardList> {
  shardsOnce ??= fetch(`${base}pagefind/shards.json`).then(async (r) =>
    r.ok ? ({ shards: [], newest: '', ...((await r.json()) as Partial<ShardList>) } as ShardList) : { shards: [], newest: '' },
  );
  return shardsOnce;
}

/**
 * Merge runs of results, each sorted by `key` (`asc` or `desc`), into one sorted list, lazily:
 * result i's data() settles the order up to i.
 */
export function mergeRuns(runs: Result[][], key: string, dir: string): Result[] {
  const total = runs.reduce((n, r) => n + r.length, 0);
  const memo = new Map<Result, Promise<ResultData>>();
  const dataOf = (r: Result) => memo.get(r) ?? memo.set(r, r.data()).get(r)!;
  const heads = runs.map(() => 0);
  const order: Result[] = [];
  let chain: Promise<void> = Promise.resolve();
  const sortKey = async (r: Result) => (await dataOf(r)).meta[`sort_${key}`] ?? '';
  const advanceTo = (i: number) =>
    (chain = chain.then(async () => {
      while (order.length <= i) {
        let best = -1;
        let bestKey = '';
        for (const [s, run] of runs.entries()) {
          if (heads[s] >= run.length) continue;
          const k = await sortKey(run[heads[s]]);
          if (best < 0 || (dir === 'desc' ? k > bestKey : k < bestKey)) {
            best = s;
            bestKey = k;
          }
        }
        if (best < 0) return;
        order.push(runs[best][heads[best]++]);
      }
    }));
  return Array.from({ length: total }, (_, i) => ({
    id: `sorted-${i}`,
    data: async () => {
      await advanceTo(i);
      return dataOf(order[i]);
    },
  }));
}
