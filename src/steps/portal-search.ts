/**
 * The province portal's search (issue 26; scripts/portal.ts): one province-wide catalogue, built by
 * the portal job from each district's published catalogue (`<district>/pagefind/catalogue.json.gz`,
 * src/steps/search-catalogue.ts), is all a first search reads. A district's own index (its newest
 * year's full text and its catalogue) is merged only when the visitor picks that district; a result
 * links into the district's site, where its full text is.
 *
 * Why catalogue pages of several items, not one record per item: Pagefind's metadata, which every
 * first search reads whole, holds a hash and a word count for every page of an index, ~7 bytes
 * each compressed. 136 districts × 5 years × 100 items as one record each gave a 477 kB metadata
 * file (measured), over the 300 kB budget by itself. So the items of a district's year are indexed
 * ITEMS_PER_PAGE to a page, each item a heading whose id is its path; Pagefind returns the page
 * with a sub-result per matching item (heading), and the portal lists those.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { escapeHtml as esc } from '../core/present/vocabulary.ts';
import { mergeBundles } from './pagefind-merge.ts';
import { CATALOGUE_FILE, type CatalogueEntry } from './search-catalogue.ts';
import { indexPart, pool } from './search-parts.ts';

/** Items per catalogue page: fewer make the metadata larger, more make each result's fragment larger. */
export const ITEMS_PER_PAGE = 25;

export interface PortalDistrict {
  /** The district's folder below the portal's site (its sites are built with LUOSHI_BASE=/<dir>/). */
  dir: string;
  name: string;
}

/**
 * An entry's index-only words, each once, without the item's text (its heading holds it): every
 * position of a word is stored in the index chunk a query fetches, and the words repeated the
 * title's text and its word split several times over.
 */
export function portalWords(e: CatalogueEntry): string {
  const text = e.title.slice(e.title.indexOf('：') + 1);
  const words = new Set(e.words.split(/\s+/).filter((w) => w && w !== text));
  return [...words].join(' ');
}

/** The catalogue pages of one district: HTML for Pagefind, ITEMS_PER_PAGE items each, by year. */
export function districtCataloguePages(district: PortalDistrict, entries: CatalogueEntry[]): { url: string; content: string }[] {
  const byYear = new Map<string, CatalogueEntry[]>();
  for (const e of entries) byYear.set(e.year, [...(byYear.get(e.year) ?? []), e]);
  const pages: { url: string; content: string }[] = [];
  for (const [year, list] of byYear)
    for (let i = 0; i < list.length; i += ITEMS_PER_PAGE) {
      const items = list
        .slice(i, i + ITEMS_PER_PAGE)
        .map(
          (e) =>
            `<h2 id="${esc(e.path)}">${esc(e.title)}（${esc(e.status)}）</h2><p>${esc([e.number, e.group, e.unit ? `牵头单位：${e.unit}` : ''].filter(Boolean).join(' · '))}</p><p data-pagefind-weight="2">${esc(portalWords(e))}</p>`,
        )
        .join('');
      const meta = [
        `<meta data-pagefind-meta="title[content]" content="${esc(`${district.name} ${year}年`)}">`,
        `<meta data-pagefind-meta="district[content]" content="${esc(district.name)}">`,
        `<meta data-pagefind-meta="base[content]" content="/${esc(district.dir)}/">`,
        `<meta data-pagefind-filter="district[content]" content="${esc(district.name)}">`,
        `<meta data-pagefind-filter="year[content]" content="${esc(year)}">`,
        `<meta data-pagefind-filter="layer[content]" content="目录">`,
      ].join('');
      pages.push({
        url: `/${district.dir}/catalogue/${year}/${i / ITEMS_PER_PAGE + 1}/`,
        content: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body><main data-pagefind-body>${meta}${items}</main></body></html>`,
      });
    }
  return pages;
}

/** A district's published catalogue (undefined when it has none). */
export function readCatalogue(site: string, dir: string): CatalogueEntry[] | undefined {
  try {
    return JSON.parse(gunzipSync(readFileSync(path.join(site, dir, 'pagefind', CATALOGUE_FILE))).toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Districts per part of the portal's index: Pagefind holds every word of an index several times
 * over while it writes it (src/steps/search-parts.ts); the whole province's catalogue in one
 * process (136 districts, 68,000 items) took it to 3.2 GB. Three districts' catalogues (1,500
 * items) are indexed at a time, and the parts merged (src/steps/pagefind-merge.ts).
 */
export const DISTRICTS_PER_PART = 3;

/** Index every district's catalogue into SITE/search/pagefind/. */
export async function buildPortalIndex(
  site: string,
  districts: PortalDistrict[],
): Promise<{ entries: number; pages: number; errors: string[] }> {
  const errors: string[] = [];
  const out = path.join(site, 'search/pagefind');
  const scratch = `${out}.parts`;
  rmSync(scratch, { recursive: true, force: true });
  let entries = 0;
  let pages = 0;
  const parts: { src: string; out: string; pages: number }[] = [];
  for (let i = 0; i < districts.length; i += DISTRICTS_PER_PART) {
    const part = { src: path.join(scratch, `pages-${parts.length}`), out: path.join(scratch, `index-${parts.length}`), pages: 0 };
    for (const d of districts.slice(i, i + DISTRICTS_PER_PART)) {
      const catalogue = readCatalogue(site, d.dir);
      if (!catalogue) {
        errors.push(`${d.dir}: no search catalogue (pagefind/${CATALOGUE_FILE})`);
        continue;
      }
      entries += catalogue.length;
      for (const page of districtCataloguePages(d, catalogue)) {
        mkdirSync(path.join(part.src, page.url), { recursive: true });
        writeFileSync(path.join(part.src, page.url, 'index.html'), page.content);
        part.pages++;
      }
    }
    if (part.pages) parts.push(part);
    pages += part.pages;
  }
  if (!errors.length && !parts.length) errors.push('no district catalogue to index');
  if (!errors.length)
    await pool(
      parts.map((part) => async () => {
        if (!errors.length) errors.push(...(await indexPart(part.src, part.pages, part.out)));
      }),
      2,
    );
  rmSync(out, { recursive: true, force: true });
  if (!errors.length)
    try {
      mergeBundles(
        parts.map((p) => p.out),
        out,
        parts[0].out,
      );
    } catch (error) {
      errors.push(`portal search index not merged: ${(error as Error).message}`);
    }
  rmSync(scratch, { recursive: true, force: true });
  return { entries, pages, errors };
}

/** The portal search page's script: the province catalogue first, a district's own index when picked. */
export const PORTAL_SEARCH_JS = `const pf = await import('/search/pagefind/pagefind.js');
await pf.options({ noWorker: true, excerptLength: 30 });
await pf.init();
const districts = await (await fetch('/search/districts.json')).json();
const form = document.getElementById('q-form'), input = document.getElementById('q'), pick = document.getElementById('district');
const list = document.getElementById('results'), status = document.getElementById('status');
for (const d of districts) pick.append(new Option(d.name, d.dir));
const merged = new Set();
const PAGE = 10;
async function run() {
  const q = input.value.trim();
  const url = new URLSearchParams();
  if (q) url.set('q', q);
  if (pick.value) url.set('district', pick.value);
  history.replaceState(null, '', '?' + url);
  if (!q) return;
  const d = districts.find((x) => x.dir === pick.value);
  let filters = {};
  if (d) {
    // The district's own index: its newest year's full text and its catalogue, in place of the portal's copy.
    if (!merged.has(d.dir)) {
      status.textContent = '正在载入' + d.name + '的搜索索引…';
      try {
        await pf.mergeIndex('/' + d.dir + '/pagefind/', { baseUrl: '/' + d.dir + '/', mergeFilter: { district: d.name } });
      } catch (error) {
        status.textContent = '未能载入' + d.name + '的搜索索引，请稍后重试。';
        console.error(error);
        return;
      }
      merged.add(d.dir);
    }
    filters = { district: { any: [d.name] }, layer: { none: ['目录'] } };
  }
  const s = await pf.search(q, { filters });
  const found = [];
  for (const r of s.results) {
    if (found.length >= PAGE) break;
    const data = await r.data();
    if (data.meta.base) {
      const subs = data.sub_results.filter((x) => x.url.includes('#'));
      const score = (x) => x.weighted_locations.reduce((n, l) => n + l.balanced_score, 0);
      for (const x of subs.sort((a, b) => score(b) - score(a)))
        found.push({ href: data.meta.base + decodeURIComponent(x.url.split('#')[1]), title: x.title, where: data.meta.district });
    } else found.push({ href: data.url, title: data.meta.title || data.url, where: d ? d.name : '' });
  }
  // A district's own index gives one result per page, each listed: counted in 项 like the list. The
  // province catalogue gives pages of up to ITEMS_PER_PAGE items (组), of which the matching items are listed.
  const listed = Math.min(found.length, PAGE);
  status.textContent = !found.length
    ? '没有找到结果。'
    : d
      ? '找到 ' + s.results.length + ' 项结果' + (s.results.length > listed ? '，先列出 ' + listed + ' 项' : '') + '。'
      : '找到 ' + s.results.length + ' 组结果，先列出 ' + listed + ' 项。';
  list.replaceChildren(...found.slice(0, PAGE).map((f) => { const li = document.createElement('li'); const a = document.createElement('a'); a.href = f.href; a.textContent = f.title; li.append(a, f.where ? '（' + f.where + '）' : ''); return li; }));
}
form.addEventListener('submit', (e) => { e.preventDefault(); run(); });
pick.addEventListener('change', run);
const p = new URLSearchParams(location.search);
input.value = p.get('q') ?? '';
pick.value = p.get('district') ?? '';
document.body.dataset.ready = 'true';
await run();
`;

/** Write the portal's search page, its script and the district list; index the catalogue. */
export async function writePortalSearch(
  site: string,
  districts: PortalDistrict[],
  head: (title: string) => string,
): Promise<{ entries: number; pages: number; errors: string[] }> {
  mkdirSync(path.join(site, 'search'), { recursive: true });
  writeFileSync(path.join(site, 'search/districts.json'), JSON.stringify(districts));
  writeFileSync(path.join(site, 'search/portal-search.js'), PORTAL_SEARCH_JS);
  writeFileSync(
    path.join(site, 'search/index.html'),
    `${head('搜索全部区')}<main><h1>搜索全部区</h1><form id="q-form" role="search" action="/search/" method="get"><label for="q">搜索词</label> <input id="q" name="q" type="search"> <label for="district">区</label> <select id="district" name="district"><option value="">全部区（事项目录）</option></select> <button>搜索</button></form><p id="status" role="status"></p><ol id="results"></ol></main><script type="module" src="/search/portal-search.js"></script></body></html>\n`,
  );
  return buildPortalIndex(site, districts);
}
