/**
 * The search page's instant search (src/pages/search/index.astro), on Pagefind's JS API.
 * State lives in the URL (?q=…&sort=…&unit=…&status=…), so a search can be bookmarked, shared
 * and reached from the header's plain form. Filters: checkboxes with counts, grouped in
 * fieldsets; several values of one filter widen (any), different filters narrow (all).
 * An empty query with filters browses (Pagefind filter-only search).
 *
 * The filter index is loaded when it is first needed: when the 筛选 panel is opened, or when the
 * URL already holds filters. Filters are a third of what a first search would fetch on a large
 * site (every shard's filter chunks, tools/bench/search.ts); a reader who only types a query
 * never downloads them.
 *
 * A first search reads the main bundle only: every item of every year by number, title, units,
 * leaders and status (the catalogue), and the newest year's full text. The older years' report
 * text is searched when the visitor asks (「在往年月报全文中继续搜索」, `full=1` in the URL) or
 * chooses an older year in the 年度 filter: their shards are merged then (src/client/search-shards.ts).
 *
 * A result is listed only if it shows one of the query's words (resultShowsQuery): in its title,
 * number, lead unit, excerpt (cut from the page's own text where the word is), or the units and
 * leaders it names, which it then lists. One that matched only on index-only text or on single
 * characters of a split word is dropped.
 */
import {
  cleanExcerpt,
  excerptSource,
  FILTER_LABELS,
  queryWords,
  relatedMatches,
  resultShowsQuery,
  searchQuery,
  type FilterName,
} from '../core/present/search.ts';
import { withTrailingSlash } from '../core/present/urls.ts';
import { STATUS_CLASS as CLASSES } from '../core/present/vocabulary.ts';
import {
  loadMain,
  loadShardsApart,
  MAIN_SHARD,
  mergeShards,
  shardList,
  shardsLackingATerm,
  sortedSearch,
  withoutCatalogueOf,
  withoutShards,
  type ShardList,
} from './search-shards.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string>;
}
interface PagefindSearch {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(o: object): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, o?: object): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(q: string | null, o?: object): Promise<PagefindSearch | null>;
  debouncedSearch(q: string | null, o?: object, ms?: number): Promise<PagefindSearch | null>;
}

const PAGE = 20;
const STATUS_CLASS: Record<string, string> = CLASSES;
const FILTER_NAMES = Object.keys(FILTER_LABELS) as FilterName[];
const BASE = withTrailingSlash((import.meta.env.BASE_URL as string) ?? '/');
/** The programmes' own names (from the year's data), for number queries such as “<name> 第5项”. */
const PROGRAMME_ALIASES: string[] = JSON.parse(document.getElementById('search-app')?.dataset.programmeAliases ?? '[]');

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const input = $<HTMLInputElement>('search-q');
const form = input.form!;
const status = $('search-status');
const filtersBox = $('search-filters');
const clear = $<HTMLButtonElement>('search-clear');
const sortSelect = $<HTMLSelectElement>('search-sort');
const list = $<HTMLOListElement>('search-list');
const more = $<HTMLButtonElement>('search-more');
const filtersPanel = $<HTMLDetailsElement>('search-filters-panel');
const filtersSummary = $('search-filters-summary');
const scope = $('search-scope');
const scopeText = $('search-scope-text');
const older = $<HTMLButtonElement>('search-older');
const OPTIONS = { baseUrl: BASE, excerptLength: 40 };
// noWorker, for the instances a module starts (a merged index has none of its own): Pagefind 1.6
// would fetch pagefind-worker.js (43 kB) to search off the main thread. A first search is counted
// in bytes (bench budget ≤ 300 kB); the search runs on the main thread, as before Pagefind 1.5.
const START_OPTIONS = { ...OPTIONS, noWorker: true };

interface State {
  q: string;
  sort: string;
  filters: Partial<Record<FilterName, string[]>>;
  /** Search the older years' report text too (「在往年月报全文中继续搜索」). */
  full: boolean;
}

function readUrl(): State {
  const p = new URLSearchParams(location.search);
  const filters: State['filters'] = {};
  for (const name of FILTER_NAMES) {
    const values = p.getAll(name).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  return { q: p.get('q') ?? '', sort: p.get('sort') ?? '', filters, full: p.get('full') === '1' };
}

function writeUrl(state: State) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.sort) p.set('sort', state.sort);
  for (const name of FILTER_NAMES) for (const v of state.filters[name] ?? []) p.append(name, v);
  if (state.full) p.set('full', '1');
  const qs = p.toString();
  history.replaceState(null, '', `${location.pathname}${qs ? `?${qs}` : ''}`);
}

const state = readUrl();
/** Of the current search's results: how many were read (listed or dropped), how many dropped. */
let read = 0;
let dropped = 0;
/** The words a listed result must show (queryWords of the current query). */
let words: string[] = [];
let current: PagefindSearch | null = null;
let allFilters: Record<string, Record<string, number>> = {};
let filtersOnce: Promise<void> | undefined;
let serial = 0;

/** Load every shard's filter index (once), for the panel's options and their counts. */
function loadFilters(): Promise<void> {
  filtersOnce ??= pagefind!.filters().then((all) => {
    allFilters = all;
  });
  return filtersOnce;
}

/**
 * The excerpt, from the page's own words (meta.text) with the query marked: never Pagefind's
 * own excerpt, which would show the index-only tokens (p5, n5, split words) added for matching.
 */
function excerptNodes(text: string, query: string): Node[] {
  return cleanExcerpt(text, query, 60).map((p) => {
    if (!p.mark) return document.createTextNode(p.text);
    const m = document.createElement('mark');
    m.textContent = p.text;
    return m;
  });
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function resultItem(d: PagefindResultData): HTMLLIElement {
  const m = d.meta;
  const facts: (Node | string)[] = [];
  if (m.number) facts.push(el('span', { class: 'result-number' }, m.number));
  if (m.status) facts.push(' · ', el('span', { class: `status ${STATUS_CLASS[m.status] ?? 's-none'}` }, m.status));
  if (m.unit) facts.push(' · ', `牵头单位：${m.unit}`);
  else if (m.kind && m.kind !== m.number) facts.push(' · ', m.kind);
  // Found by a unit or leader the item names: say which (the lead unit is shown already).
  const related = relatedMatches(m.related, words);
  const units = related.units.filter((u) => u !== m.unit);
  if (units.length) facts.push(' · ', `责任单位：${units.join('、')}`);
  if (related.leaders.length) facts.push(' · ', `牵头领导：${related.leaders.join('、')}`);
  const li = el('li', { class: 'search-result' }, el('a', { href: d.url }, m.title ?? d.url));
  if (facts.length) li.append(el('p', { class: 'result-facts meta' }, ...facts));
  const excerpt = excerptSource(d, words);
  if (excerpt) li.append(el('p', { class: 'result-excerpt' }, ...excerptNodes(excerpt, state.q)));
  return li;
}

function sortOption(): Record<string, string> | undefined {
  const [key, dir] = (state.sort || (state.q ? '' : 'number:asc')).split(':');
  return key ? { [key]: dir } : undefined;
}

function pagefindFilters(): object {
  const out: Record<string, { any: string[] }> = {};
  for (const [name, values] of Object.entries(state.filters)) if (values?.length) out[name] = { any: values };
  return out;
}

function hasFilters(): boolean {
  return Object.values(state.filters).some((v) => v?.length);
}

function renderFilters(counts: Record<string, Record<string, number>>) {
  const focused =
    document.activeElement instanceof HTMLInputElement && filtersBox.contains(document.activeElement)
      ? document.activeElement.id
      : '';
  filtersBox.replaceChildren();
  FILTER_NAMES.forEach((name, i) => {
    // Options that would give no result are left out (a checked one stays, so it can be unchecked).
    const values = Object.keys(allFilters[name] ?? {}).filter(
      (v) => (counts[name]?.[v] ?? 0) > 0 || state.filters[name]?.includes(v),
    );
    if (!values.length) return;
    values.sort((a, b) => (name === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN', { numeric: true })));
    const fs = el('fieldset', { class: 'search-filter' }, el('legend', {}, FILTER_LABELS[name]));
    const ul = el('ul', { class: 'plain' });
    values.forEach((value, j) => {
      const id = `f-${i}-${j}`;
      const checked = state.filters[name]?.includes(value) ?? false;
      const n = counts[name]?.[value] ?? 0;
      const box = el('input', { type: 'checkbox', id, name, value });
      box.checked = checked;
      box.addEventListener('change', () => {
        const set = new Set(state.filters[name] ?? []);
        if (box.checked) set.add(value);
        else set.delete(value);
        state.filters[name] = [...set];
        run();
      });
      ul.append(el('li', {}, box, ' ', el('label', { for: id }, value, ' ', el('span', { class: 'count' }, `(${n})`))));
    });
    fs.append(ul);
    // Long lists (units) start folded unless one of them is checked.
    if (values.length > 12) {
      const details = el('details', {}, el('summary', {}, `${FILTER_LABELS[name]}（${values.length}）`), fs);
      if (state.filters[name]?.length) details.open = true;
      filtersBox.append(details);
    } else filtersBox.append(fs);
  });
  clear.hidden = !hasFilters();
  const chosen = Object.values(state.filters).reduce((k, v) => k + (v?.length ?? 0), 0);
  filtersSummary.textContent = chosen ? `筛选（已选 ${chosen} 项）` : '筛选';
  if (focused) document.getElementById(focused)?.focus();
}

/** List the next PAGE results that show the query's words, reading on past the ones that do not. */
async function showMore() {
  const search = current;
  if (!search) return;
  let listed = 0;
  while (listed < PAGE && read < search.results.length) {
    const batch = search.results.slice(read, read + PAGE - listed);
    const data = await Promise.all(batch.map((r) => r.data()));
    if (search !== current) return; // a newer search replaced this one
    read += batch.length;
    for (const d of data)
      if (resultShowsQuery(d, words)) {
        list.append(resultItem(d));
        listed++;
      } else dropped++;
  }
  more.hidden = read >= search.results.length;
  showCount();
}

/** The status line: the results left once those that do not show the query's words are dropped. */
function showCount() {
  const n = (current?.results.length ?? 0) - dropped;
  const what = state.q.trim() ? `“${state.q.trim()}”` : '所选条件';
  status.textContent = n
    ? `${what}：找到 ${n} 条结果。`
    : `${what}：没有找到结果。${hasFilters() ? '可减少筛选条件再试。' : '可换个说法，或试试单位简称、事项编号。'}`;
}

let pagefind: Pagefind | undefined;
let shards: ShardList = { shards: [], newest: '' };
/** The older years whose full text is merged into `pagefind`. */
const merged = new Set<string>();

/** The older years whose full text this search reads: all when asked, else those chosen in the 年度 filter. */
function yearsWanted(): string[] {
  if (!state.q.trim()) return [];
  return state.full ? shards.shards : shards.shards.filter((y) => state.filters.year?.includes(y));
}

/** What the search read, and the offer to read the older years' report text too. */
function showScope() {
  const rest = shards.shards.filter((y) => !merged.has(y));
  scope.hidden = !state.q.trim() || !shards.shards.length;
  older.hidden = rest.length === 0;
  const read = [shards.newest, ...[...merged].sort().reverse()].filter(Boolean).join('、');
  scopeText.textContent = rest.length
    ? `已搜索全部年度事项的编号、名称、责任单位、牵头领导和状态，以及 ${read} 年月报全文。`
    : `已搜索全部年度的事项和月报全文。`;
}

async function run() {
  writeUrl(state);
  const mine = ++serial;
  const pf = pagefind!;
  if (!state.q.trim() && !hasFilters()) {
    current = null;
    scope.hidden = true;
    list.replaceChildren();
    more.hidden = true;
    status.textContent = '请输入搜索词，或打开“筛选”勾选条件浏览全部事项。';
    if (filtersOnce) renderFilters(allFilters);
    return;
  }
  const query = state.q.trim() ? searchQuery(state.q, PROGRAMME_ALIASES) : null;
  const sort = sortOption();
  const wanted = yearsWanted().filter((y) => !merged.has(y));
  if (wanted.length) {
    status.textContent = `正在载入 ${wanted.join('、')} 年月报全文…`;
    await mergeShards(pf, BASE, OPTIONS, wanted, merged);
    if (mine !== serial) return;
  }
  // An item whose year's full text is merged is listed by its page, not its catalogue copy.
  const filters = withoutCatalogueOf(pagefindFilters(), merged);
  // Sorted searches ask each shard apart and merge their sorted runs (src/client/search-shards.ts);
  // both leave out the shards that lack a term of the query (shardsLackingATerm).
  const search = sort
    ? await sortedSearch(
        await loadShardsApart(BASE, START_OPTIONS, [...merged]),
        query,
        { filters, sort },
        filtersOnce !== undefined,
      )
    : await pf.search(query, {
        filters: withoutShards(filters, query ? await shardsLackingATerm(pf, query, [MAIN_SHARD, ...merged]) : []),
      });
  if (mine !== serial || !search) return; // a newer search replaced this one
  current = search as PagefindSearch;
  read = 0;
  dropped = 0;
  words = queryWords(state.q, PROGRAMME_ALIASES);
  list.replaceChildren();
  showScope();
  await showMore();
  if (mine !== serial) return;
  // Counts are known only for loaded filters: before the panel is first opened there are none to show.
  if (filtersOnce) renderFilters(search.filters);
}

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    state.q = input.value;
    run();
  }, 250);
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(timer);
  state.q = input.value;
  run();
});
sortSelect.addEventListener('change', () => {
  state.sort = sortSelect.value;
  run();
});
clear.addEventListener('click', () => {
  state.filters = {};
  run();
  input.focus();
});
more.addEventListener('click', () => void showMore());
older.addEventListener('click', () => {
  state.full = true;
  older.hidden = true;
  run();
});

async function start() {
  try {
    // The main bundle; an older year's shard is merged when a search needs it (yearsWanted).
    [pagefind, shards] = await Promise.all([loadMain(BASE, START_OPTIONS) as Promise<Pagefind>, shardList(BASE)]);
    if (hasFilters()) await loadFilters();
  } catch (error) {
    status.textContent = '搜索暂时无法使用（未能加载搜索索引）。请使用下方目录查找。';
    $('search-app').hidden = false;
    document.documentElement.classList.remove('js'); // shows the browse pages again
    console.error(error);
    return;
  }
  $('search-nojs').hidden = true;
  // The panel starts folded under its summary (its options load when it opens), and open when
  // the URL already filters or sorts; on wide screens it sits beside the results.
  if (hasFilters() || state.sort) filtersPanel.open = true;
  const onToggle = () => {
    if (!filtersPanel.open || filtersOnce) return;
    filtersSummary.textContent = '筛选（正在载入筛选条件…）';
    loadFilters().then(run, () => {
      filtersSummary.textContent = '筛选（筛选条件载入失败，请刷新页面重试）';
    });
  };
  filtersPanel.addEventListener('toggle', onToggle);
  onToggle();
  $('search-app').hidden = false;
  input.value = state.q;
  sortSelect.value = state.sort;
  // The header's box on this page mirrors the query.
  const header = document.getElementById('site-q') as HTMLInputElement | null;
  if (header) header.value = state.q;
  await run();
}

void start();
