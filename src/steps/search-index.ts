/**
 * Builds the search index over the built site (default dist/) with Pagefind (its extended build
 * segments Chinese). Run by the build (src/integrations/search-index.ts) in `astro:build:done`; as a CLI
 * over an existing site folder: `node src/steps/search-index.ts [site]`.
 *
 * Which pages: the item pages (main tasks and the programme's items), unit pages, leader pages and
 * bulletins — the pages a citizen looks for. Lists, month overviews, the home page and embeds
 * repeat the items' text and would crowd the results; they stay out.
 *
 * What Pagefind reads: each page's `data-pagefind-body` (the <main> of the layout, never the
 * header, nav or footer), plus what the data core says about the page (src/core/present/search.ts):
 * filters (year, kind, category, section, lead unit, every unit, leader, status), sort keys
 * (number, latest update), result metadata (number, status, unit) and index-only text (number
 * forms such as 第37项 and <programme>第5项, unit aliases such as 发改局). That is inserted into the copy
 * of the HTML handed to Pagefind; the published pages are not changed, so pages need no search
 * markup and the extra text is never shown to anyone.
 *
 * How: each bundle (the main one, one per older year) is indexed in parts of about 100 pages, one
 * Pagefind process each, and the parts merged into the bundle (src/steps/search-parts.ts,
 * src/steps/pagefind-merge.ts): Pagefind's memory grows with the words of one index.
 *
 * Fails (exit 1) on any Pagefind error, when a known page lacks `data-pagefind-body`, or when a
 * record of the data has no page, so a broken or partial index never ships silently.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rm } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import { loadContentOrThrow } from '../core/content/load.ts';
import { collectGarbage } from './garbage-collection.ts';
import { isIndexFile, mergeBundles, SORT_VALUES_FILE } from './pagefind-merge.ts';
import { indexPart, partOf, pool } from './search-parts.ts';
import { CATALOGUE_FILE, catalogueEntry, cataloguePage, itemYear } from './search-catalogue.ts';
import type { Dataset } from '../core/model/types.ts';
import { buildDate, contentRoot } from '../core/content/paths.ts';
import { stableJson } from '../core/publish/page-keys.ts';
import { bulletinRecord, injectionHtml, KIND, searchRecords, type SearchRecord } from '../core/present/search.ts';

export interface IndexOptions {
  /** `plain`: Pagefind alone over every page (the baseline of the measurements); `full`: the site's index. */
  mode?: 'plain' | 'full';
  /** Also index character pairs of each page's text (off: measured not to be needed, see tools/search-report.ts). */
  bigrams?: boolean;
  /** Also index each page's whole text split into words as the browser splits queries (segmentWords). */
  words?: boolean;
  /** Index-only text (number forms, unit aliases); off only to measure Pagefind without it. Default on. */
  extraText?: boolean;
  /** Where to write the bundle; default SITE/pagefind. */
  outputPath?: string;
  content?: string;
  /** The dataset the pages were built from (the build integration passes it: loaded once per build). */
  dataset?: Dataset;
}

export interface IndexResult {
  pages: number;
  errors: string[];
  ms: number;
  outputPath: string;
  /** One line on how the index was built (shards, memory), for the build log. */
  detail?: string;
}

/** Stop Pagefind's indexer process (the CLI and the build integration call it when done). */
export async function closeSearch(): Promise<void> {
  await pagefind.close();
}

function htmlFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (p !== 'pagefind' && p !== '_astro') out.push(...htmlFiles(dir, p));
    } else if (e.name === 'index.html') out.push(p);
  }
  return out.sort();
}

const BODY_OPEN = /<[a-z]+\b[^>]*\bdata-pagefind-body\b[^>]*>/i;
const strip = (html: string) =>
  html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ');

/** The text of the `data-pagefind-body` element (used for the optional character pairs). */
function bodyText(html: string): string {
  const open = html.match(BODY_OPEN);
  if (!open || open.index === undefined) return '';
  const tag = open[0].match(/^<([a-z]+)/i)![1];
  const end = html.lastIndexOf(`</${tag}>`);
  return strip(html.slice(open.index + open[0].length, end > open.index ? end : undefined));
}

/** Insert the record's search markup at the end of the `data-pagefind-body` element. */
export function augment(
  html: string,
  record: SearchRecord,
  opts: { bigrams?: boolean; words?: boolean; extraText?: boolean } = {},
): string | undefined {
  // A unit's or leader's page is found by its name, aliases and title. Its tables and charts
  // repeat the text, units and leaders of every item it lists (the items have pages of their own):
  // indexed, they made a unit page outrank the leader's own page for the leader's name, filled
  // result lists with unit pages for any item's words, and made the main bundle the largest
  // index of the site (720 MB of Pagefind's memory on the large dataset). They stay unindexed.
  // First: the insertion point below is found in the shortened copy.
  // Removed from the search copy rather than marked ignored, so that the copy changes only when
  // what is indexed changes: the main bundle's cache key is the copies' hash (buildSearchIndex).
  if (record.meta.kind === KIND.unit || record.meta.kind === KIND.leader)
    html = html.replace(/<figure\b[\s\S]*?<\/figure>/g, '').replace(/<table\b[\s\S]*?<\/table>/g, '');
  const open = html.match(BODY_OPEN);
  if (!open || open.index === undefined) return undefined;
  const tag = open[0].match(/^<([a-z]+)/i)![1];
  const end = html.lastIndexOf(`</${tag}>`);
  if (end < open.index) return undefined;
  const text = opts.bigrams || opts.words ? bodyText(html) : '';
  // The sort keys also as result metadata: the browser merges sorted shards by them (src/client/search-shards.ts).
  const sortMeta = Object.entries(record.sort)
    .map(([name, v]) =>
      v
        ? `<meta data-pagefind-meta="sort_${name}[content]" content="${v.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}">`
        : '',
    )
    .join('');
  const extra =
    sortMeta +
    injectionHtml(opts.extraText === false ? { ...record, names: '', aliases: '' } : record, {
      bigramText: opts.bigrams ? text : undefined,
      wordText: opts.words ? text : undefined,
    });
  return html.slice(0, end) + extra + html.slice(end);
}

function bulletinOf(rel: string, html: string): SearchRecord {
  const body = html.slice(html.search(BODY_OPEN));
  const title = strip(body.match(/<h1\b[^>]*>([\s\S]*?)<\/h1>/i)?.[1] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const date = body.match(/<time\b[^>]*datetime="(\d{4}-\d{2}-\d{2})"/i)?.[1] ?? '';
  // The excerpt's source: the bulletin's own text after its title (never the index-only text).
  const h1End = body.search(/<\/h1>/i);
  const text = strip(h1End >= 0 ? body.slice(h1End) : body)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
  return bulletinRecord(rel, title, date, text);
}

/**
 * The year of a page (`2024/…` pages; a bulletin whose slug starts with its year,
 * `bulletins/2024-12-…/`, goes with that year too), or '' for the site-wide pages (units,
 * leaders, bulletins without a year). An older year's pages are that year's shard,
 * `pagefind/2021/`; the newest year's go to the main bundle `pagefind/` (bundleOf). The browser
 * loads the main bundle and merges an older year's shard into it when asked (Pagefind's
 * multisite `mergeIndex`, src/client/search.ts).
 *
 * Why bulletins go with their year: publishing a month changes that year's bulletins, units and
 * leaders. With every bulletin (1,865 on the large dataset) in the main bundle, every publish
 * re-indexed two large shards; now it re-indexes the newest year's, the main bundle.
 */
export function shardOf(rel: string): string {
  return /^(?:bulletins\/)?(\d{4})[/-]/.exec(rel)?.[1] ?? '';
}

/**
 * The bundle a page goes to (issue 26): the newest year's pages join the site-wide pages and the
 * catalogue in the main bundle, which is all a first search reads; an older year's pages stay in
 * their year's shard, merged in the browser on demand (src/steps/search-catalogue.ts).
 */
export function bundleOf(rel: string, newest: string): string {
  const year = shardOf(rel);
  return year === newest ? '' : year;
}

/**
 * The shards' folders below `pagefind/`, written by the build for the browser: the older years,
 * merged on demand, and the newest year, in the main bundle: `{"shards":["2020",…],"newest":"2024"}`.
 */
export const SHARDS_FILE = 'shards.json';

function searchCacheDir(): string {
  const root = path.resolve(import.meta.dirname, '../..');
  return process.env.LUOSHI_CACHE_DIR
    ? path.resolve(process.env.LUOSHI_CACHE_DIR, 'search')
    : path.join(root, 'node_modules/.cache/luoshi-search');
}

const PAGEFIND_VERSION: string = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../node_modules/pagefind/package.json'), 'utf8'),
).version;

/**
 * Hash of what makes a part's index: Pagefind's version, the code that makes the search copies,
 * and every page's URL and published HTML and search record, fed one page at a time (`add`), so
 * the pages need not be held in memory.
 */
function partHasher(): { add: (url: string, content: string | Buffer) => void; digest: () => string } {
  const h = createHash('sha256');
  h.update(PAGEFIND_VERSION);
  for (const file of [import.meta.filename, path.resolve(import.meta.dirname, '../core/present/search.ts')])
    h.update(readFileSync(file));
  for (const file of ['search-catalogue.ts', 'search-parts.ts']) h.update(readFileSync(path.resolve(import.meta.dirname, file)));
  return {
    add: (url, content) => h.update(url).update('\0').update(content).update('\0'),
    digest: () => h.digest('hex').slice(0, 32),
  };
}

/** The pages of one part of a bundle (search-parts.ts): site-relative paths of pages, and of items given as catalogue copies. */
/** Pages (and catalogue copies) of a bundle at most which it is indexed as one part. */
const SMALL_BUNDLE = 400;

interface Part {
  key: string;
  pages: string[];
  catalogue: string[];
}

/** Move a fresh Pagefind output's scripts, WASM and styles to `assets` if it has none yet, else delete them. */
function takeAssets(output: string, assets: string): void {
  const keep = !existsSync(path.join(assets, 'pagefind.js'));
  const tmp = `${assets}.tmp`;
  if (keep) {
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
  }
  for (const f of readdirSync(output, { withFileTypes: true }))
    if (f.isFile() && !isIndexFile(f.name)) {
      if (keep) renameSync(path.join(output, f.name), path.join(tmp, f.name));
      else rmSync(path.join(output, f.name));
    }
  if (keep) {
    rmSync(assets, { recursive: true, force: true });
    renameSync(tmp, assets);
  }
}

/** A cached part no build has used for this long is deleted (pruneParts). */
const PART_UNUSED_MS = 14 * 24 * 3600 * 1000;

/**
 * Keep the cache of parts from growing with every publish: mark the parts this build used (their
 * folder's time), and delete those no build has used for PART_UNUSED_MS. Not at once: another
 * build (of another content folder, into the same cache) may be about to merge them.
 */
function pruneParts(root: string, used: string[]): void {
  const now = new Date();
  for (const dir of used) utimesSync(dir, now, now);
  const keep = new Set(used.map((d) => path.basename(d)));
  for (const e of readdirSync(root, { withFileTypes: true }))
    if (!keep.has(e.name) && now.getTime() - statSync(path.join(root, e.name)).mtimeMs > PART_UNUSED_MS)
      rmSync(path.join(root, e.name), { recursive: true, force: true });
}

/** Pagefind processes at once: two parts of ~70 MB each (search-parts.ts), on the build's otherwise idle cores. */
const PAGEFIND_PROCESSES = 2;

export async function buildSearchIndex(site: string, options: IndexOptions = {}): Promise<IndexResult> {
  const started = performance.now();
  const outputPath = options.outputPath ?? path.join(site, 'pagefind');
  const errors: string[] = [];
  if (options.mode === 'plain') {
    const { index, errors: created } = await pagefind.createIndex({ forceLanguage: 'zh' });
    if (!index || created.length)
      return { pages: 0, errors: created.length ? created : ['Pagefind did not start'], ms: 0, outputPath };
    const added = await index.addDirectory({ path: site });
    errors.push(...added.errors);
    if (added.page_count === 0) errors.push(`no page in ${site}/ to index`);
    if (!errors.length) errors.push(...(await index.writeFiles({ outputPath })).errors);
    await index.deleteIndex();
    return { pages: added.page_count, errors, ms: Math.round(performance.now() - started), outputPath };
  }
  const ds = options.dataset ?? loadContentOrThrow(contentRoot(options.content), { today: buildDate() });
  const records = searchRecords(ds);
  // Which pages go to which bundle and part, from their paths alone: the pages are read one part
  // at a time below, so that no more than one page's HTML is held at once (all 7,285 indexed
  // pages of the large dataset held together were ~400 MB of the build's peak).
  const newest = String(ds.years.at(-1)?.year ?? '');
  const bundles = new Map<string, Map<string, Part>>([['', new Map()]]);
  const add = (bundle: string, key: string, rel: string, catalogue: boolean) => {
    const parts = bundles.get(bundle) ?? bundles.set(bundle, new Map()).get(bundle)!;
    const part = parts.get(key) ?? parts.set(key, { key, pages: [], catalogue: [] }).get(key)!;
    (catalogue ? part.catalogue : part.pages).push(rel);
  };
  const seen = new Set<string>();
  for (const file of htmlFiles(site)) {
    const rel = file.slice(0, -'index.html'.length);
    if (!records.has(rel) && !/^bulletins\/[^/]+\/$/.test(rel)) continue;
    add(bundleOf(rel, newest), partOf(rel), rel, false);
    seen.add(rel);
  }
  // The catalogue copies of the older years' items, indexed in the main bundle (search-catalogue.ts).
  let catalogueCopies = 0;
  for (const rel of records.keys())
    if (itemYear(rel) && bundleOf(rel, newest) && seen.has(rel)) {
      add('', partOf(rel, true), rel, true);
      catalogueCopies++;
    }
  // A small bundle is one part: each Pagefind process costs its start-up (~0.15 s), and the
  // bundled dataset's 314 pages made 7 parts (two of them of 2 pages), 1.9 s of search against
  // 1.0 s in one. Its memory stays small: ≤ 400 pages of ~1,000 words at ~450 bytes a word.
  for (const [name, parts] of bundles) {
    const all = [...parts.values()];
    if (all.length < 2 || all.reduce((n, p) => n + p.pages.length + p.catalogue.length, 0) > SMALL_BUNDLE) continue;
    all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    bundles.set(
      name,
      new Map([['all', { key: 'all', pages: all.flatMap((p) => p.pages), catalogue: all.flatMap((p) => p.catalogue) }]]),
    );
  }
  const missing = [...records.keys()].filter((p) => !seen.has(p));
  if (missing.length)
    errors.push(
      `${missing.length} page(s) of the data are missing from ${site}/ (URL scheme changed?): ${missing.slice(0, 5).join(', ')}`,
    );
  const pages = seen.size;
  if (pages === 0) errors.push(`no page in ${site}/ to index`);
  if (errors.length) return { pages, errors, ms: Math.round(performance.now() - started), outputPath };

  const searchCopy = (rel: string, html: string) => augment(html, records.get(rel) ?? bulletinOf(rel, html), options);
  const catalogueCopy = (rel: string) => augment(cataloguePage(records.get(rel)!), records.get(rel)!, options)!;
  const options_ = stableJson({ bigrams: options.bigrams, words: options.words, extraText: options.extraText });
  /**
   * A part's key: every page's URL, published HTML and search record (what `augment` makes
   * Pagefind's input from), hashed without augmenting: an unchanged part (most of them, when a
   * month is published) costs one read of its pages. The site-wide pages (units, leaders) are
   * keyed by their search copies instead: their HTML changes with every month published (their
   * tables of items), what is indexed of them rarely.
   */
  const partKey = (part: Part) => {
    const hasher = partHasher();
    hasher.add('options', options_);
    for (const rel of part.pages) {
      const file = path.join(site, rel, 'index.html');
      if (shardOf(rel)) {
        hasher.add(`/${rel}`, readFileSync(file));
        hasher.add('record', stableJson(records.get(rel) ?? null));
      } else {
        const html = readFileSync(file, 'utf8');
        hasher.add(`/${rel}`, searchCopy(rel, html) ?? html);
      }
    }
    for (const rel of part.catalogue) hasher.add(`catalogue /${rel}`, catalogueCopy(rel));
    return hasher.digest();
  };

  // Bundle by bundle (the main bundle first: the year shards are written inside its folder), part
  // by part: a part whose pages are unchanged is taken from the cache, the others are indexed, two
  // Pagefind processes at a time; then the parts are merged into the bundle (pagefind-merge.ts:
  // its fragments are hard links to the parts' files, so a bundle of unchanged parts costs a merge
  // of their index chunks, ~1 s for a year of the large dataset).
  const cacheRoot = options.outputPath ? undefined : searchCacheDir();
  const scratch = `${outputPath}.parts`;
  const assets = cacheRoot ? path.join(cacheRoot, `assets-${PAGEFIND_VERSION}`) : path.join(scratch, 'assets');
  const names = [...bundles.keys()].sort();
  const count = { partsIndexed: 0, partsCached: 0, pagesIndexed: 0 };
  // Where the time goes, for the build log: preparing the pages (hash, search copies), Pagefind, merging.
  let prepareMs = 0;
  let pagefindMs = 0;
  let mergeMs = 0;
  const cleanups: Promise<void>[] = [];
  const used: string[] = [];
  rmSync(outputPath, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
  for (const name of names) {
    const bundleStarted = performance.now();
    const parts = [...bundles.get(name)!.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const keys = parts.map(partKey);
    const dest = name ? path.join(outputPath, name) : outputPath;
    const partDirs = parts.map((p, i) =>
      cacheRoot ? path.join(cacheRoot, 'parts', keys[i]) : path.join(scratch, `${name || 'main'}-${i}`),
    );
    const todo = parts.flatMap((_, i) => (existsSync(path.join(partDirs[i], 'pagefind-entry.json')) ? [] : [i]));
    // The scripts and WASM come with a Pagefind run: without them in the cache, one part is indexed again.
    if (!todo.length && !existsSync(path.join(assets, 'pagefind.js'))) todo.push(0);
    count.partsCached += parts.length - todo.length;
    // The pages read for the hashes are garbage: Pagefind's processes come on top of this one.
    if (todo.length) collectGarbage({ releasePages: true });
    prepareMs += performance.now() - bundleStarted;
    const pagefindStarted = performance.now();
    let preparing = 0;
    await pool(
      todo.map((i) => async () => {
        if (errors.length) return;
        const prepared = performance.now();
        const src = path.join(scratch, `pages-${name || 'main'}-${i}`);
        const write = (rel: string, content: string) => {
          mkdirSync(path.join(src, rel), { recursive: true });
          writeFileSync(path.join(src, rel, 'index.html'), content);
        };
        // The copies' sort values, for the merge (pagefind-merge.ts: it orders the parts' pages by them).
        const sortValues: Record<string, string[]> = {};
        const sorted = (record: SearchRecord) => {
          for (const [key, value] of Object.entries(record.sort)) if (value) (sortValues[key] ??= []).push(value);
        };
        for (const rel of parts[i].pages) {
          const html = readFileSync(path.join(site, rel, 'index.html'), 'utf8');
          const record = records.get(rel) ?? bulletinOf(rel, html);
          const content = augment(html, record, options);
          if (!content) errors.push(`${rel}index.html: no data-pagefind-body element: the page would not be searchable`);
          else {
            write(rel, content);
            sorted(record);
          }
        }
        for (const rel of parts[i].catalogue) {
          write(rel, catalogueCopy(rel));
          sorted(records.get(rel)!);
        }
        preparing += performance.now() - prepared;
        if (errors.length) return;
        const output = `${partDirs[i]}.tmp`;
        const indexed = parts[i].pages.length + parts[i].catalogue.length;
        errors.push(...(await indexPart(src, indexed, output)));
        // Deleted in the background (libuv's threads) while the next part is prepared and indexed.
        cleanups.push(rm(src, { recursive: true, force: true }));
        if (errors.length) return;
        writeFileSync(path.join(output, SORT_VALUES_FILE), JSON.stringify(sortValues));
        takeAssets(output, assets);
        rmSync(partDirs[i], { recursive: true, force: true });
        mkdirSync(path.dirname(partDirs[i]), { recursive: true });
        renameSync(output, partDirs[i]);
        count.partsIndexed++;
        count.pagesIndexed += indexed;
      }),
      PAGEFIND_PROCESSES,
    );
    prepareMs += preparing;
    pagefindMs += performance.now() - pagefindStarted - preparing;
    if (errors.length) break;
    const mergeStarted = performance.now();
    // Written to a private folder first: the main bundle's folder holds the other shards.
    const tmp = path.join(scratch, `bundle-${name || 'main'}`);
    try {
      mergeBundles(partDirs, tmp, assets);
    } catch (error) {
      errors.push(`Pagefind index of ${name || 'the main bundle'} not merged: ${(error as Error).message}`);
      break;
    }
    // A merged shard needs only its index files: the UI scripts and styles are the main bundle's.
    if (name)
      for (const f of readdirSync(tmp))
        if (/^pagefind-(component-ui|modular-ui|ui|highlight)\./.test(f)) rmSync(path.join(tmp, f));
    // A rename, not a copy: the main bundle's folder (written first: '' sorts first) holds the year shards.
    renameSync(tmp, dest);
    mergeMs += performance.now() - mergeStarted;
    used.push(...partDirs);
  }
  await Promise.all(cleanups);
  rmSync(scratch, { recursive: true, force: true });
  if (cacheRoot && !errors.length) pruneParts(path.join(cacheRoot, 'parts'), used);
  if (!errors.length) {
    writeFileSync(path.join(outputPath, SHARDS_FILE), JSON.stringify({ shards: names.filter(Boolean), newest }));
    // Every item of every year, for the province portal's catalogue (scripts/portal.ts).
    const entries = [...records.values()].filter((r) => itemYear(r.path)).map(catalogueEntry);
    writeFileSync(path.join(outputPath, CATALOGUE_FILE), gzipSync(JSON.stringify(entries)));
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const c = count;
  const detail = `(${names.length} bundles in ${c.partsIndexed + c.partsCached} parts: ${c.partsIndexed} indexed (${c.pagesIndexed} pages, of the ${pages + catalogueCopies} with the catalogue copies), ${c.partsCached} from cache; pages prepared and hashed ${s(prepareMs)}, Pagefind ${s(pagefindMs)}, merged ${s(mergeMs)})`;
  return { pages, errors, ms: Math.round(performance.now() - started), outputPath, detail };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const site = process.argv[2] ?? 'dist';
  const result = await buildSearchIndex(site);
  await pagefind.close();
  if (result.errors.length) {
    console.error(`搜索索引生成失败 (Pagefind):\n${result.errors.join('\n')}`);
    process.exit(1);
  }
  console.log(`Pagefind: indexed ${result.pages} pages in ${result.ms} ms → ${result.outputPath}/ ${result.detail ?? ''}`);
}
