/**
 * Builds the search index over the built site (default dist/) with Pagefind (its extended build
 * segments Chinese). Run by the build integration (src/integrations/build.ts) in `astro:build:done`; as a CLI
 * over an existing site folder: `node scripts/pagefind.ts [site]`.
 *
 * Which pages: the item pages (主要工作任务, “12100”民生工程), unit pages, leader pages and
 * bulletins — the pages a citizen looks for. Lists, month overviews, the home page and embeds
 * repeat the items' text and would crowd the results; they stay out.
 *
 * What Pagefind reads: each page's `data-pagefind-body` (the <main> of the layout, never the
 * header, nav or footer), plus what the data core says about the page (src/core/search.ts):
 * filters (year, kind, category, section, lead unit, every unit, leader, status), sort keys
 * (number, latest update), result metadata (number, status, unit) and index-only text (number
 * forms such as 第37项 and 12100第5项, unit aliases such as 发改局). That is inserted into the copy
 * of the HTML handed to Pagefind's Node API; the published pages are not changed, so pages need
 * no search markup and the extra text is never shown to anyone.
 *
 * Fails (exit 1) on any Pagefind error, when a known page lacks `data-pagefind-body`, or when a
 * record of the data has no page, so a broken or partial index never ships silently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import { buildDate, contentRoot, loadContentOrThrow, type Dataset } from '../src/core/index.ts';
import { bulletinRecord, injectionHtml, KIND, searchRecords, type SearchRecord } from '../src/core/search.ts';

export interface IndexOptions {
  /** `plain`: Pagefind alone over every page (the baseline of the measurements); `full`: the site's index. */
  mode?: 'plain' | 'full';
  /** Also index character pairs of each page's text (off: measured not to be needed, see scripts/search-report.ts). */
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
export function augment(html: string, record: SearchRecord, opts: { bigrams?: boolean; words?: boolean; extraText?: boolean } = {}): string | undefined {
  const open = html.match(BODY_OPEN);
  if (!open || open.index === undefined) return undefined;
  const tag = open[0].match(/^<([a-z]+)/i)![1];
  const end = html.lastIndexOf(`</${tag}>`);
  if (end < open.index) return undefined;
  // On unit pages the item tables name each item's leader: repeated dozens of times, those cells
  // made a unit page outrank the leader's own page for the leader's name. They stay unindexed.
  if (record.meta.kind === KIND.unit) html = html.replace(/<td>(?=<a [^>]*href="[^"]*\/leaders\/)/g, '<td data-pagefind-ignore>');
  const text = opts.bigrams || opts.words ? bodyText(html) : '';
  const extra = injectionHtml(opts.extraText === false ? { ...record, names: '', aliases: '' } : record, { bigramText: opts.bigrams ? text : undefined, wordText: opts.words ? text : undefined });
  return html.slice(0, end) + extra + html.slice(end);
}

function bulletinOf(rel: string, html: string): SearchRecord {
  const body = html.slice(html.search(BODY_OPEN));
  const title = strip(body.match(/<h1\b[^>]*>([\s\S]*?)<\/h1>/i)?.[1] ?? '').replace(/\s+/g, ' ').trim();
  const date = body.match(/<time\b[^>]*datetime="(\d{4}-\d{2}-\d{2})"/i)?.[1] ?? '';
  return bulletinRecord(rel, title, date);
}

export async function buildSearchIndex(site: string, options: IndexOptions = {}): Promise<IndexResult> {
  const started = performance.now();
  const outputPath = options.outputPath ?? path.join(site, 'pagefind');
  const errors: string[] = [];
  const { index, errors: created } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index || created.length) return { pages: 0, errors: created.length ? created : ['Pagefind did not start'], ms: 0, outputPath };
  let pages = 0;
  if (options.mode === 'plain') {
    const added = await index.addDirectory({ path: site });
    errors.push(...added.errors);
    pages = added.page_count;
  } else {
    const ds = options.dataset ?? loadContentOrThrow(contentRoot(options.content), { today: buildDate() });
    const records = searchRecords(ds);
    const seen = new Set<string>();
    for (const file of htmlFiles(site)) {
      const rel = file.slice(0, -'index.html'.length);
      let record = records.get(rel);
      const isBulletin = /^bulletins\/[^/]+\/$/.test(rel);
      if (!record && !isBulletin) continue;
      const html = readFileSync(path.join(site, file), 'utf8');
      record ??= bulletinOf(rel, html);
      seen.add(rel);
      const content = augment(html, record, options);
      if (!content) {
        errors.push(`${file}: no data-pagefind-body element: the page would not be searchable`);
        continue;
      }
      const added = await index.addHTMLFile({ url: `/${rel}`, content });
      errors.push(...added.errors.map((e) => `${file}: ${e}`));
      pages++;
    }
    const missing = [...records.keys()].filter((p) => !seen.has(p));
    if (missing.length) errors.push(`${missing.length} page(s) of the data are missing from ${site}/ (URL scheme changed?): ${missing.slice(0, 5).join(', ')}`);
  }
  if (pages === 0) errors.push(`no page in ${site}/ to index`);
  if (!errors.length) {
    const written = await index.writeFiles({ outputPath });
    errors.push(...written.errors);
  }
  await index.deleteIndex();
  return { pages, errors, ms: Math.round(performance.now() - started), outputPath };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const site = process.argv[2] ?? 'dist';
  const result = await buildSearchIndex(site);
  await pagefind.close();
  if (result.errors.length) {
    console.error(`搜索索引生成失败 (Pagefind):\n${result.errors.join('\n')}`);
    process.exit(1);
  }
  console.log(`Pagefind: indexed ${result.pages} pages in ${result.ms} ms → ${result.outputPath}/`);
}
