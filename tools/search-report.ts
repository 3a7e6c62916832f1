/**
 * node tools/search-report.ts [site] [--content DIR] [--variants plain,pages,full,bigrams] [--query 加装电梯] [--full] [--sample N] [--json]
 *
 * Measures the search on a built site (default dist/; build it first): builds each index variant
 * into a temporary folder, runs the queries of tools/search-queries.ts through Pagefind's own
 * JS API (pagefind.js, in Node, reading the bundle from disk: the main bundle, as a first search
 * on the search page reads it; with --full the older years' shards merged in, as
 * 「在往年月报全文中继续搜索」 does) and prints, per variant, the share
 * of queries whose expected page is among the first 3 results, the misses, the index size and the
 * bytes a first query downloads (entry, metadata, WASM, index chunks, five result fragments;
 * pagefind.js itself is counted too). Variants:
 *   plain    Pagefind alone over every page (the original indexer)
 *   pages    the site's page selection, filters and metadata, no index-only text
 *   full     + index-only text (number tokens, the item's own text, unit aliases) and the
 *            search page's query path: the rewrite of item numbers (searchQuery), shards lacking
 *            a term left out (shardsLackingATerm), results that do not show the query's words
 *            dropped (resultShowsQuery): what the site ships
 *   bigrams  + character pairs of every page's text
 *   words    + every page's text split into words the way the browser splits queries
 * The bench (tools/bench) can import `searchReport`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { loadContentOrThrow } from '../src/core/content/load.ts';
import type { Dataset } from '../src/core/model/types.ts';
import { buildDate, contentRoot } from '../src/core/content/paths.ts';
import { browserTerms, programmeAliases, queryWords, resultShowsQuery, searchQuery } from '../src/core/present/search.ts';
import {
  MAIN_SHARD,
  shardsLackingATerm,
  withoutCatalogueOf,
  withoutShards,
  type PagefindApi,
} from '../src/client/search-shards.ts';
import { buildSearchIndex, type IndexOptions } from '../src/steps/search-index.ts';
import { isHit, SEARCH_QUERIES, type SearchQuery } from './search-queries.ts';
import { LuoshiError } from '../src/core/errors/errors.ts';
import { itemPath } from '../src/core/present/urls.ts';

export type Variant = 'plain' | 'pages' | 'full' | 'bigrams' | 'words';
const VARIANT_OPTIONS: Record<Variant, IndexOptions> = {
  plain: { mode: 'plain' },
  pages: { mode: 'full', extraText: false },
  full: { mode: 'full' },
  bigrams: { mode: 'full', bigrams: true },
  words: { mode: 'full', words: true },
};

export interface VariantReport {
  variant: Variant;
  pages: number;
  indexMs: number;
  hits: number;
  total: number;
  misses: { q: string; got: string[] }[];
  /** Bytes of the bundle without the optional UI files (pagefind-ui*, highlight): what search can fetch. */
  indexBytes: number;
  files: number;
  firstQuery: { q: string; bytes: number; requests: number; results: number };
}

/** Bytes fetched per bundle folder, by a fetch that reads file: URLs from disk. */
const fetched = new Map<string, { bytes: number; requests: number }>();
let installed = false;
function installFetch() {
  if (installed) return;
  installed = true;
  const real = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const u = String(input instanceof Request ? input.url : input);
    if (!u.startsWith('file:')) return real(input, init);
    const file = fileURLToPath(u.split('?')[0]);
    const body = readFileSync(file);
    const dir = path.dirname(file).replace(/\/(index|fragment|filter)$/, '');
    const c = fetched.get(dir) ?? { bytes: 0, requests: 0 };
    c.bytes += body.length;
    c.requests++;
    fetched.set(dir, c);
    return new Response(body, {
      headers: { 'content-type': u.includes('wasm') ? 'application/wasm' : 'application/octet-stream' },
    });
  }) as typeof fetch;
}

const UI = /^pagefind-(ui|modular-ui|component-ui|highlight)\./;
function bundleSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!UI.test(e.name) && e.name !== 'pagefind-worker.js') {
        bytes += statSync(p).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

/** The year shards of a bundle (src/steps/search-index.ts writes their list); none for a plain index. */
function shardsOf(bundle: string): string[] {
  try {
    return (JSON.parse(readFileSync(path.join(bundle, 'shards.json'), 'utf8')) as { shards: string[] }).shards;
  } catch {
    return [];
  }
}

/**
 * The main bundle, as a first search on the search page reads it (the catalogue of every year, the
 * newest year's full text); with `full`, the older years' shards merged in too, each tagged with
 * its `shard` filter, as 「在往年月报全文中继续搜索」 does (src/client/search-shards.ts).
 */
export async function loadPagefind(bundle: string, full = false): Promise<{ pf: PagefindApi; merged: string[] }> {
  installFetch();
  const pf = (await import(pathToFileURL(path.join(bundle, 'pagefind.js')).href)) as PagefindApi;
  await pf.options({ basePath: pathToFileURL(bundle + '/').href, baseUrl: '/', mergeFilter: { shard: MAIN_SHARD } });
  const merged = full ? shardsOf(bundle) : [];
  for (const shard of merged)
    await pf.mergeIndex(pathToFileURL(path.join(bundle, shard) + '/').href, { baseUrl: '/', mergeFilter: { shard } });
  return { pf, merged };
}

export async function measureVariant(
  site: string,
  variant: Variant,
  ds: Dataset,
  opts: { content?: string; query?: string; queries?: SearchQuery[]; full?: boolean } = {},
): Promise<VariantReport> {
  const out = mkdtempSync(path.join(os.tmpdir(), `luoshi-search-${variant}-`));
  try {
    const built = await buildSearchIndex(site, { ...VARIANT_OPTIONS[variant], outputPath: out, content: opts.content });
    if (built.errors.length) throw new LuoshiError(`${variant}: ${built.errors.join('; ')}`);
    const { pf, merged } = await loadPagefind(out, opts.full);
    const shards = [MAIN_SHARD, ...merged];
    // The search page's query path (full and the variants built on it); Pagefind alone otherwise.
    const asSite = variant !== 'plain' && variant !== 'pages';
    const aliases = programmeAliases(ds);
    const search = async (typed: string) => {
      const terms = browserTerms(asSite ? searchQuery(typed, aliases) : typed);
      const lacking = asSite ? await shardsLackingATerm(pf, terms, shards) : [];
      return (await pf.search(terms, { filters: withoutShards(withoutCatalogueOf({}, merged), lacking) })) ?? { results: [] };
    };
    const q0 = opts.query ?? '加装电梯';
    const first = await search(q0);
    await Promise.all(first.results.slice(0, 5).map((r) => r.data()));
    const c = [...fetched]
      .filter(([dir]) => dir === out || dir.startsWith(`${out}/`))
      .reduce((sum, [, f]) => ({ bytes: sum.bytes + f.bytes, requests: sum.requests + f.requests }), { bytes: 0, requests: 0 });
    const firstQuery = {
      q: q0,
      bytes: c.bytes + statSync(path.join(out, 'pagefind.js')).size,
      requests: c.requests + 1,
      results: first.results.length,
    };
    const misses: VariantReport['misses'] = [];
    const queries = opts.queries ?? SEARCH_QUERIES;
    for (const query of queries) {
      // The site rewrites item numbers (searchQuery); Pagefind alone gets what was typed. Both
      // as a browser's pagefind.js splits it into words (Node's copy does not). The site lists
      // only results that show the query's words: the first three of those.
      const s = await search(query.q);
      const words = asSite ? queryWords(query.q, aliases) : [];
      const paths: string[] = [];
      for (const r of s.results) {
        if (paths.length === 3) break;
        const d = await r.data();
        if (resultShowsQuery(d, words)) paths.push(d.url.replace(/^\//, ''));
      }
      if (!isHit(query, paths, ds)) misses.push({ q: query.q, got: paths });
    }
    const size = bundleSize(out);
    return {
      variant,
      pages: built.pages,
      indexMs: built.ms,
      hits: queries.length - misses.length,
      total: queries.length,
      misses,
      indexBytes: size.bytes,
      files: size.files,
      firstQuery,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * `--sample N`: N items spread evenly over every year of the dataset, each searched by its own
 * text (the title a citizen copies), expecting its page: on a site of any content, such as the
 * large synthetic one, whose items the real queries of tools/search-queries.ts do not name.
 */
export function titleQueries(ds: Dataset, n: number): SearchQuery[] {
  const items = ds.years.flatMap((y) => y.items.map((item) => ({ y, item })));
  const step = Math.max(1, Math.floor(items.length / n));
  return items
    .filter((_, i) => i % step === 0)
    .slice(0, n)
    .map(({ y, item }) => ({
      q: item.text,
      expect: [itemPath(y, item)],
      note: `${y.year} title`,
    }));
}

export function formatReport(reports: VariantReport[]): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const lines = [
    '| variant | pages | hits@3 | index (bytes) | files | first query (bytes) | requests |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of reports)
    lines.push(
      `| ${r.variant} | ${r.pages} | ${r.hits}/${r.total} (${Math.round((100 * r.hits) / r.total)}%) | ${r.indexBytes} (${kb(r.indexBytes)}) | ${r.files} | ${r.firstQuery.bytes} (${kb(r.firstQuery.bytes)}) | ${r.firstQuery.requests} |`,
    );
  for (const r of reports)
    if (r.misses.length)
      lines.push('', `${r.variant} misses: ${r.misses.map((m) => `${m.q} → [${m.got.join(', ')}]`).join('; ')}`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      content: { type: 'string' },
      variants: { type: 'string', default: 'plain,pages,full,bigrams,words' },
      query: { type: 'string' },
      full: { type: 'boolean', default: false },
      sample: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const site = positionals[0] ?? 'dist';
  const ds = loadContentOrThrow(contentRoot(values.content), { today: buildDate() });
  const reports: VariantReport[] = [];
  for (const v of values.variants.split(',') as Variant[]) {
    if (!(v in VARIANT_OPTIONS)) throw new LuoshiError(`unknown variant ${v}`);
    reports.push(
      await measureVariant(site, v, ds, {
        content: values.content,
        query: values.query,
        full: values.full,
        queries: values.sample ? titleQueries(ds, Number(values.sample)) : undefined,
      }),
    );
  }
  await pagefind.close();
  console.log(values.json ? JSON.stringify(reports, null, 2) : formatReport(reports));
}
