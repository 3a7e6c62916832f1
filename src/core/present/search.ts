/**
 * What the search index knows about each page beyond its visible text: the filters, sort keys
 * and result metadata of an item, unit or leader page, and the index-only text that makes the
 * searches citizens type work (number forms like `第37项`, `<programme>第5项`; unit aliases such as
 * 发改局 for 区发改局; leader names). Pure: src/steps/search-index.ts injects it into the copy of the
 * page it hands to Pagefind, so nothing here is ever shown on the site.
 */
import type { Dataset, Item, Unit, YearData } from '../model/types.ts';
import { itemPath, leaderPath, unitPath } from './urls.ts';
import { escapeHtml as esc, itemLabel, sectionNumber } from './vocabulary.ts';

/** Filter names as the search page shows them, in display order. */
export const FILTER_LABELS = {
  year: '年度',
  kind: '类型',
  category: '民生实事类别',
  section: '主要任务部分',
  lead: '牵头单位',
  unit: '责任单位',
  leader: '牵头领导',
  status: '当前状态',
} as const;
export type FilterName = keyof typeof FILTER_LABELS;

/** Values of the `kind` filter (items: the name of their list in the year's data, `item.kindName`). */
export const KIND = {
  bulletin: '通报',
  unit: '责任单位',
  leader: '牵头领导',
} as const;

export interface SearchRecord {
  /** Site-relative path of the page, without the base: `2020/tasks/5/`. */
  path: string;
  filters: Partial<Record<FilterName, string[]>>;
  /** `number`: kind rank and number (projects, then tasks, then the rest); `updated`: YYYY-MM-DD. */
  sort: { number: string; updated: string };
  /** Shown in results: title, number, status, unit, updated. */
  meta: Record<string, string>;
  /** Index-only text, strongly weighted: the page's own names and numbers. */
  names: string;
  /** Pagefind weight of `names` (default 8). */
  namesWeight?: number;
  /** Index-only text, weighted like body text: aliases of units and leaders it mentions. */
  aliases: string;
}

/**
 * Index-only tokens for the number of an item: `t37` (main task 37), `p5` (project 5) and `n37`
 * (either kind, for a bare 第37项), plus the bare number (`37`), which the page's own strong
 * weight ranks above mentions of 37 elsewhere. Chinese number forms (第37项, 民生实事第5项) are not
 * indexed as such: Pagefind splits them into 第 / 37 / 项, which match everywhere; `searchQuery`
 * rewrites them to these tokens instead.
 */
export function numberForms(item: Pick<Item, 'kind' | 'no'>): string[] {
  return [`${item.kind === 'project' ? 'p' : 't'}${item.no}`, `n${item.no}`, String(item.no)];
}

const NUM = String.raw`\s*第?\s*(\d{1,4})\s*项?`;
const escapeRe = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Words that name the livelihood programme in a query; the site adds its programmes' own names. */
const PROGRAMME_WORDS = ['民生工程', '民生实事', '民生', 'p'];

/**
 * The names of a dataset's programmes a query may use before a number: each programme's name
 * (without quotation marks), its slug, and the name's parts split at the quotation marks
 * (a quoted code name followed by a word). The search page passes them to searchQuery.
 */
export function programmeAliases(ds: Pick<Dataset, 'years'>): string[] {
  const out = new Set<string>();
  for (const y of ds.years) {
    if (!y.programme) continue;
    const plain = y.programme.name.replace(/[“”"]/g, '');
    out.add(plain);
    out.add(y.programme.slug);
    for (const part of y.programme.name.split(/[“”"]/)) if (part.trim()) out.add(part.trim());
    out.add(y.programme.itemLabel);
  }
  return [...out];
}

function programmeNumber(aliases: string[]): RegExp {
  const words = [...new Set([...aliases, ...PROGRAMME_WORDS])].sort((a, b) => b.length - a.length).map(escapeRe);
  // A code name may be followed by a word (“<code>”民生工程): any alias, then optionally another.
  return new RegExp(String.raw`^(?:(?:${words.join('|')})\s*(?:${words.join('|')})?)${NUM}$`, 'i');
}
const TASK_NO = new RegExp(String.raw`^(?:主要工作任务|主要任务|工作任务|任务|t)${NUM}$`, 'i');
const ANY_NO = /^第\s*(\d{1,4})\s*项$/;

/**
 * The query Pagefind is given for what the user typed: item numbers in any common form become
 * the index-only number tokens (`民生实事第5项` → `p5`, `主要任务第37项` → `t37`, `第37项` → `n37`);
 * `aliases`: the programme's own names (programmeAliases), so `<its name> 第5项` works too;
 * anything else is passed on (Pagefind splits Chinese into words itself: browserTerms).
 */
export function searchQuery(input: string, aliases: string[] = []): string {
  const q = input.replace(/\u3000/g, ' ').trim();
  const compact = q.replace(/[“”"]/g, '');
  let m = compact.match(programmeNumber(aliases));
  if (m) return `p${Number(m[1])}`;
  m = compact.match(TASK_NO);
  if (m) return `t${Number(m[1])}`;
  m = compact.match(ANY_NO);
  if (m) return `n${Number(m[1])}`;
  return q;
}

/**
 * The terms Pagefind's search script actually looks up for a query in a browser: it splits a
 * Chinese query into words with `Intl.Segmenter` and drops punctuation (pagefind.js, `search`).
 * Node's copy of the script does not, so tools/search-report.ts applies this to measure what
 * the browser does. The index holds the same split of every page's own text (segmentWords), so
 * both sides agree.
 */
export function browserTerms(query: string): string {
  wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const s of wordSegmenter.segment(query)) {
    const chunk = [...s.segment]
      .filter((c) => !/^[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]$/u.test(c))
      .join('')
      .toLocaleLowerCase();
    if (chunk.trim()) out.push(chunk.trim());
  }
  return out.join(' ');
}

/** A unit's names: registry name, full name, aliases, and the name without the 区 prefix or 街道办事处 suffix. */
export function unitNames(unit: Unit): string[] {
  const names = [unit.name, unit.fullName, ...unit.aliases];
  if (unit.name.startsWith('区')) names.push(unit.name.slice(1));
  if (unit.name.endsWith('街道办事处')) names.push(unit.name.slice(0, -3), unit.name.slice(0, -5));
  return [...new Set(names.filter(Boolean))];
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Overlapping character pairs of each run of Chinese characters: `加装电梯` → `加装 装电 电梯`.
 * Pagefind's Chinese segmentation indexes words; a pair that straddles two words is then
 * findable. Runs of one character are dropped.
 */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  let run = '';
  const flush = () => {
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    run = '';
  };
  for (const ch of text) {
    if (CJK.test(ch)) run += ch;
    else flush();
  }
  flush();
  return out;
}

let wordSegmenter: Intl.Segmenter | undefined;

/**
 * The words of `text` as a browser splits a Chinese query: Pagefind's search script segments
 * the query with `Intl.Segmenter` (ICU), while its indexer segments pages with a dictionary
 * (jieba), and the two disagree (`陡沟学校` → 陡/沟/学校 in the browser, not in the index), so
 * the query's words are not found. Indexing the text also split this way, words separated by
 * spaces, gives every query a match. Punctuation is dropped.
 */
export function segmentWords(text: string): string[] {
  wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const s of wordSegmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** The strings and, where the browser would split them differently, their words too: the index-only text. */
export function withWords(strings: string[]): string {
  const out: string[] = [];
  for (const str of strings) {
    out.push(str);
    const words = segmentWords(str);
    if (words.length > 1) out.push(...words);
  }
  return out.join(' ');
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Sort keys by number start with a letter, so Pagefind compares them as text. Keys of digits
 * alone it parses as floating-point numbers: 1797900001 and 1797900008 are the same 32-bit float,
 * and a category's items came back in index order (3, 8, 5, 2, …) instead of 1, 2, 3, ….
 */
const SORT_PREFIX = 'n';

/** Sort key by number: projects (n1…), tasks (n2…), then units, leaders, bulletins; newer years first. */
export function numberKey(rank: number, year: number, no: number): string {
  return `${SORT_PREFIX}${rank}${pad(9999 - year, 4)}${pad(no, 5)}`;
}

function latestFiled(year: YearData, key: string): string | undefined {
  const reports = year.reportsByItem.get(key) ?? [];
  let latest: string | undefined;
  for (const r of reports) if (r.filed && (!latest || r.filed > latest)) latest = r.filed;
  return latest;
}

/** What the unit last reported for an item (the newest month's 完成情况), or ''. */
function latestProgress(year: YearData, key: string): string {
  const months = year.status.get(key)?.months ?? [];
  for (let i = months.length - 1; i >= 0; i--) {
    const r = months[i].report;
    if (r?.progress) return r.progress;
  }
  return '';
}

function unitName(ds: Dataset, id: string): string {
  return ds.unitById.get(id)?.name ?? id;
}

/** The record of an item page. */
export function itemRecord(ds: Dataset, year: YearData, item: Item): SearchRecord {
  const status = year.status.get(item.key)?.current?.status ?? '未报送';
  const unitIds = item.units.flatMap((r) => (r.type === 'unit' ? [r.id] : []));
  const collectives = item.units.flatMap((r) => (r.type === 'collective' ? [r.name] : []));
  const leaders = item.leaderIds.map((id) => ds.leaderById.get(id)).filter((l) => l !== undefined);
  const lead = item.leadUnitIds.map((id) => unitName(ds, id));
  const group = item.kind === 'project' ? year.categories.find((c) => c.no === item.group) : undefined;
  const section = item.kind === 'task' ? year.sections.find((s) => s.no === item.group) : undefined;
  const groupLabel = group ? `${group.numeral}、${group.name}` : section ? sectionNumber(section.no) : '';
  const updated = latestFiled(year, item.key) ?? year.manifest.data_date;
  const leadAliases = item.leadUnitIds.flatMap((id) => {
    const u = ds.unitById.get(id);
    return u ? unitNames(u) : [];
  });
  const otherAliases = unitIds
    .filter((id) => !item.leadUnitIds.includes(id))
    .flatMap((id) => {
      const u = ds.unitById.get(id);
      return u ? unitNames(u) : [];
    });
  const filters: SearchRecord['filters'] = {
    year: [String(year.year)],
    kind: [item.kindName],
    lead,
    unit: [...new Set([...unitIds.map((id) => unitName(ds, id)), ...collectives])],
    leader: leaders.map((l) => l.name),
    status: [status],
  };
  if (group) filters.category = [`${group.numeral}、${group.name}`];
  if (section) filters.section = [`${section.no}. ${section.name.replace(/[。，,]$/, '')}`];
  return {
    path: itemPath(year, item),
    filters,
    sort: { number: numberKey(item.kind === 'project' ? 1 : 2, year.year, item.no), updated },
    meta: {
      title: `${itemLabel(item)}：${item.text}`,
      number: `${year.year}年${itemLabel(item)}`,
      kind: item.kindName,
      status,
      unit: lead.join('、'),
      group: groupLabel,
      updated,
      // The excerpt's source: what the page itself says (the search page builds excerpts from it).
      text: [item.text, latestProgress(year, item.key)].filter(Boolean).join(' '),
      // Every unit and leader the item page names, by each of their names (the index holds them as
      // index-only aliases): a result found by one of them says so (relatedMatches).
      related: JSON.stringify({
        units: [
          ...unitIds.flatMap((id) => {
            const u = ds.unitById.get(id);
            return u ? [unitNames(u)] : [];
          }),
          ...collectives.map((name) => [name]),
        ],
        leaders: leaders.map((l) => l.name),
      } satisfies RelatedNames),
    },
    // The lead unit's names carry the most weight after the numbers: 发改局 should find what 区发改局 leads first.
    names: [...numberForms(item), withWords([item.text])].join(' '),
    aliases: withWords([...new Set([...leadAliases, ...otherAliases]), ...leaders.map((l) => l.name)]),
  };
}

/**
 * An item's units (each by all its names, the first as the page shows it) and leaders, as the
 * result metadata `related` holds them.
 */
export interface RelatedNames {
  units: string[][];
  leaders: string[];
}

/** The record of a unit page: its names are the strongest text on it. */
export function unitRecord(ds: Dataset, unit: Unit): SearchRecord {
  const years = ds.years.filter((y) => y.items.some((i) => i.units.some((r) => r.type === 'unit' && r.id === unit.id)));
  const latest = ds.years.at(-1);
  return {
    path: unitPath(unit.id),
    filters: { year: years.map((y) => String(y.year)), kind: [KIND.unit], unit: [unit.name], lead: [unit.name] },
    sort: { number: `${SORT_PREFIX}3${unit.id}`, updated: latest?.manifest.data_date ?? '' },
    meta: {
      title: unit.name,
      number: unit.fullName,
      kind: KIND.unit,
      unit: unit.name,
      updated: latest?.manifest.data_date ?? '',
      text: [unit.fullName, unit.aliases.length ? `别名：${unit.aliases.join('、')}` : ''].filter(Boolean).join('。'),
    },
    names: withWords(unitNames(unit)),
    namesWeight: PAGE_NAMES_WEIGHT,
    aliases: '',
  };
}

export function leaderRecord(ds: Dataset, leaderId: string): SearchRecord | undefined {
  const leader = ds.leaderById.get(leaderId);
  if (!leader) return undefined;
  const years = ds.years.filter((y) => y.items.some((i) => i.leaderIds.includes(leaderId)));
  const latest = ds.years.at(-1);
  return {
    path: leaderPath(leader.id),
    filters: { year: years.map((y) => String(y.year)), kind: [KIND.leader], leader: [leader.name] },
    sort: { number: `${SORT_PREFIX}4${leader.id}`, updated: latest?.manifest.data_date ?? '' },
    meta: {
      title: `${leader.name}（${leader.title}）`,
      number: leader.title,
      kind: KIND.leader,
      updated: latest?.manifest.data_date ?? '',
      text: `${leader.name}，${leader.title}`,
    },
    names: withWords([leader.name, `${leader.name}${leader.title}`]),
    namesWeight: PAGE_NAMES_WEIGHT,
    aliases: '',
  };
}

/** A bulletin page, from what the page itself shows (bulletins are an Astro collection, not core data). */
export function bulletinRecord(path: string, title: string, date: string, text = ''): SearchRecord {
  return {
    path,
    filters: { year: /^\d{4}/.test(date) ? [date.slice(0, 4)] : [], kind: [KIND.bulletin] },
    sort: { number: `${SORT_PREFIX}5${pad(99999999 - Number(date.replaceAll('-', '') || 0), 8)}`, updated: date },
    meta: { title, number: date ? `通报 · ${date}` : '通报', kind: KIND.bulletin, updated: date, ...(text ? { text } : {}) },
    names: '',
    aliases: '',
  };
}

/** Every item, unit and leader record of the dataset, by site-relative path. */
export function searchRecords(ds: Dataset): Map<string, SearchRecord> {
  const out = new Map<string, SearchRecord>();
  for (const year of ds.years) for (const item of year.items) out.set(itemPath(year, item), itemRecord(ds, year, item));
  for (const unit of ds.units) out.set(unitPath(unit.id), unitRecord(ds, unit));
  for (const leader of ds.leaders) {
    const r = leaderRecord(ds, leader.id);
    if (r) out.set(r.path, r);
  }
  return out;
}

/** Weights (Pagefind's default for body text is 1; headings get more). Tuned with tools/search-report.ts. */
export const ITEM_NAMES_WEIGHT = 8;
export const PAGE_NAMES_WEIGHT = 5;
export const ALIAS_WEIGHT = 1;

export interface InjectOptions {
  /** Add character pairs of this text (the page's visible text; measured: see tools/search-report.ts). */
  bigramText?: string;
  /** Add this text split into words as the browser splits queries (segmentWords). */
  wordText?: string;
}

/**
 * The HTML Pagefind reads for a record: filters, sort keys and metadata as `<meta>`-style
 * elements (attribute values, never text), and the index-only text in weighted blocks. Inserted
 * right after the opening tag of the `data-pagefind-body` element, in the copy given to Pagefind.
 */
export function injectionHtml(record: SearchRecord, options: InjectOptions = {}): string {
  const parts: string[] = [];
  for (const [name, values] of Object.entries(record.filters))
    for (const v of values ?? []) parts.push(`<meta data-pagefind-filter="${name}[content]" content="${esc(v)}">`);
  for (const [name, v] of Object.entries(record.sort))
    if (v) parts.push(`<meta data-pagefind-sort="${name}[content]" content="${esc(v)}">`);
  for (const [name, v] of Object.entries(record.meta))
    if (v) parts.push(`<meta data-pagefind-meta="${name}[content]" content="${esc(v)}">`);
  const text: string[] = [];
  if (record.names)
    text.push(`<div data-pagefind-weight="${record.namesWeight ?? ITEM_NAMES_WEIGHT}">${esc(record.names)}</div>`);
  if (record.aliases) text.push(`<div data-pagefind-weight="${ALIAS_WEIGHT}">${esc(record.aliases)}</div>`);
  if (options.bigramText) text.push(`<div data-pagefind-weight="0.5">${esc(bigrams(options.bigramText).join(' '))}</div>`);
  if (options.wordText) text.push(`<div data-pagefind-weight="0.5">${esc(segmentWords(options.wordText).join(' '))}</div>`);
  // The mark first: in the page's indexed text (a result's `content`) all that follows it is index-only.
  if (text.length) parts.push(`<div>${INDEX_ONLY_MARK}</div>`, ...text.map((t) => t.replaceAll(INDEX_ONLY_MARK, ' ')));
  return parts.join('');
}

/**
 * Put before the index-only text in the copy Pagefind reads, so that a result's `content` (the
 * page's indexed text) tells what the page shows from what only the index holds: visibleContent.
 * Punctuation, so Pagefind keeps it in the text without indexing it as a word.
 */
export const INDEX_ONLY_MARK = '‖';

/** The part of a result's indexed text that the page shows (before INDEX_ONLY_MARK). */
export function visibleContent(content: string): string {
  const at = content.lastIndexOf(INDEX_ONLY_MARK);
  return at < 0 ? content : content.slice(0, at);
}

/** One run of an excerpt: text, highlighted when it matches the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * A result's excerpt, built from the page's own words (the record's `meta.text`, never the
 * index-only tokens Pagefind also holds): a window of about `length` characters around the
 * first place the query's words occur, each occurrence marked. Words are the query as typed and
 * its browser split (browserTerms); single characters are marked only when the query is one.
 * Without a match, the text's beginning.
 */
export function cleanExcerpt(text: string, query: string, length = 60): ExcerptPart[] {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length === 0) return [];
  const q = query
    .replace(/\u3000/g, ' ')
    .trim()
    .toLocaleLowerCase();
  const terms = [...new Set([...q.split(/\s+/), ...browserTerms(q).split(' ')])]
    .filter((t) => t && ([...t].length > 1 || [...q].length === 1))
    .sort((a, b) => [...b].length - [...a].length);
  const flat = chars.join('');
  const lower = flat.toLocaleLowerCase();
  // Character offsets (code points) of every match, longest terms first, no overlaps.
  const marked = new Array<boolean>(chars.length).fill(false);
  const cpIndex = (utf16: number) => [...flat.slice(0, utf16)].length;
  let first = -1;
  for (const t of terms) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(t, from);
      if (at < 0) break;
      const s = cpIndex(at);
      const n = [...t].length;
      if (!marked.slice(s, s + n).some(Boolean)) {
        for (let i = s; i < s + n; i++) marked[i] = true;
        if (first < 0 || s < first) first = s;
      }
      from = at + t.length;
    }
  }
  let start = 0;
  if (first > length / 3) start = Math.max(0, Math.min(first - Math.floor(length / 3), chars.length - length));
  const end = Math.min(chars.length, start + length);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  for (let i = start; i < end; i++) {
    const last = parts.at(-1);
    if (last && last.mark === marked[i] && last.text !== '…') last.text += chars[i];
    else parts.push({ text: chars[i], mark: marked[i] });
  }
  if (end < chars.length) parts.push({ text: '…', mark: false });
  return parts;
}

/**
 * The words a result must show, one at least, for a query as typed (before searchQuery): the
 * query's own parts, the words a browser splits it into, and each pair of adjacent Chinese
 * characters (加装电梯 → 加装电梯, 电梯, 加装, 装电), all of two characters or more; single
 * characters only when the query has nothing longer. A single character is not a word to show:
 * the browser splits 加装 into 加 and 装, and 装 is in 武装部. An item number (第5项, 民生实事 第5项,
 * t37) is shown as 第N项 in its title.
 */
export function queryWords(typed: string, aliases: string[] = []): string[] {
  const q = typed
    .replace(/\u3000/g, ' ')
    .trim()
    .toLocaleLowerCase();
  if (!q) return [];
  const no = /^[ptn](\d+)$/.exec(searchQuery(q, aliases));
  if (no) return [`第${no[1]}项`];
  const terms = browserTerms(q).split(' ').filter(Boolean);
  const words = [...new Set([...q.split(/\s+/), ...terms, ...bigrams(q)])].filter((w) => [...w].length > 1);
  return words.length > 0 ? words : terms;
}

/**
 * The units and leaders in a result's `related` metadata with a name that contains one of
 * `words`, each by the name the page shows (a unit found by an alias: 发展和改革局 → 区发改局).
 */
export function relatedMatches(related: string | undefined, words: string[]): { units: string[]; leaders: string[] } {
  if (!related || words.length === 0) return { units: [], leaders: [] };
  const names = JSON.parse(related) as RelatedNames;
  const has = (name: string) => words.some((w) => name.toLocaleLowerCase().includes(w));
  return { units: names.units.filter((unit) => unit.some(has)).map((unit) => unit[0]), leaders: names.leaders.filter(has) };
}

const hasWord = (text: string | undefined, words: string[]) => !!text && words.some((w) => text.toLocaleLowerCase().includes(w));

/**
 * The text a result's excerpt is cut from: its own summary (meta.text: the item's text and
 * latest progress) when that shows one of the query's words, else the text the page shows
 * (visibleContent: its plan, every month's report, its category), so the excerpt shows the match.
 */
export function excerptSource(result: { meta: Record<string, string>; content?: string }, words: string[]): string {
  const text = result.meta.text ?? '';
  if (words.length === 0 || hasWord(text, words) || !result.content) return text;
  const visible = visibleContent(result.content);
  return hasWord(visible, words) ? visible : text;
}

/**
 * Whether a search result shows one of the query's words (queryWords): in its title, number,
 * lead unit or category, its excerpt (excerptSource: the page's own text), or the units and
 * leaders it names, by any of their names (relatedMatches), which the result then lists. One
 * that shows none matched only on index-only text or on single characters of a split word
 * (区人武部 for 加装电梯: 装 in 武装部), and the search page drops it (src/client/search.ts).
 */
export function resultShowsQuery(result: { meta: Record<string, string>; content?: string }, words: string[]): boolean {
  if (words.length === 0) return true;
  const m = result.meta;
  if ([m.title, m.number, m.unit, m.group].some((t) => hasWord(t, words))) return true;
  if (hasWord(excerptSource(result, words), words)) return true;
  const related = relatedMatches(m.related, words);
  return related.units.length + related.leaders.length > 0;
}
