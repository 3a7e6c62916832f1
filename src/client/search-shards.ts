/**
 * Search over the year shards of the index (src/build/pagefind.ts) in the browser.
 *
 * Relevance: Pagefind's multisite search (`mergeIndex`) merges the shards by score, which is
 * what a relevance search wants.
 * Sorted (by number, by latest update): the multisite merge re-sorts by score and loses the
 * order. A second Pagefind instance (the same script under another URL, so a separate module;
 * its files come from the HTTP cache) merges every shard with `indexWeight: 0`: every score is
 * then 0, the stable re-sort keeps each shard's own sorted results in shard order, and the
 * `shard` filter's counts tell where each shard's run starts. The runs are merged here by the
 * sort key Pagefind also stores as result metadata (`sort_<name>`), reading only the result
 * data the page shows plus one head per shard.
 */
export interface ResultData {
  url: string;
  excerpt: string;
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

/** Load the shard list and a Pagefind instance with every shard merged (`weight` 0: the sorted instance). */
export async function loadSharded(base: string, options: object, weight?: number, tag = ''): Promise<PagefindApi> {
  const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js${tag}`)) as PagefindApi;
  const shards = await shardList(base);
  await pf.options({ ...options, ...(weight === undefined ? {} : { indexWeight: weight }), mergeFilter: { shard: MAIN_SHARD } });
  for (const shard of shards) await pf.mergeIndex(`${base}pagefind/${shard}/`, { ...options, ...(weight === undefined ? {} : { indexWeight: weight }), mergeFilter: { shard } });
  await pf.init();
  // Pagefind counts filter values only for the filters it has loaded: load them all (the relevance
  // instance does so for the filter list; the sorted one reads the same files from the HTTP cache).
  if (weight !== undefined) await pf.filters();
  return pf;
}

let shardsOnce: Promise<string[]> | undefined;
export function shardList(base: string): Promise<string[]> {
  shardsOnce ??= fetch(`${base}pagefind/shards.json`).then(async (r) => (r.ok ? ((await r.json()) as { shards: string[] }).shards : []));
  return shardsOnce;
}

/**
 * Merge a weight-0 multisite result list (shard runs in shard order, each sorted) into one list
 * sorted by `key` (`asc` or `desc`), lazily: result i's data() settles the order up to i.
 */
export function mergeRuns(search: Search, shards: string[], key: string, dir: string): Result[] {
  const counts = search.filters.shard ?? {};
  const runs: Result[][] = [];
  let at = 0;
  for (const s of [MAIN_SHARD, ...shards]) {
    const n = counts[s] ?? 0;
    runs.push(search.results.slice(at, at + n));
    at += n;
  }
  // Filter counts that do not add up would mean the runs are not where we think: keep Pagefind's order.
  if (at !== search.results.length) return search.results;
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
  return search.results.map((_, i) => ({
    id: `sorted-${i}`,
    data: async () => {
      await advanceTo(i);
      return dataOf(order[i]);
    },
  }));
}
