/**
 * Atom feeds (RFC 4287): one XML builder with strict escaping, and the entries the data
 * produces by itself — monthly reports, completion notices, later corrections. Pure: the
 * caller supplies absolute URLs, so the same entries serve the site feed and the feeds per
 * programme category, per unit and per item.
 */
import type { Change } from '../content/history.ts';
import type { Dataset, IndicatorProgress, Item, Report, YearData } from '../model/types.ts';
import { completedInMonth } from '../model/stats.ts';
import { columnLabel, type FileKind } from '../content/schema.ts';
import { escapeXml, formatMonth as monthLabel, itemLabel, shortText } from '../present/vocabulary.ts';
import { progressSentence } from '../present/indicator-text.ts';
import { LuoshiError } from '../errors/errors.ts';

export interface FeedEntry {
  /** A tag: URI or an absolute URL, stable for the life of the entry. */
  id: string;
  title: string;
  /** YYYY-MM-DD or a full RFC 3339 time. */
  updated: string;
  /** YYYY-MM-DD or RFC 3339; when the entry was first published, if known. */
  published?: string;
  /** Absolute URL of the page the entry is about. */
  link: string;
  summary?: string;
  /** Category terms, e.g. 完成通报, 月报. */
  categories?: string[];
}

export interface Feed {
  id: string;
  title: string;
  subtitle?: string;
  /** Absolute URL of the feed itself. */
  self: string;
  /** Absolute URL of the HTML page the feed follows. */
  alternate: string;
  author: string;
  /** Used when there are no entries (the data date). */
  updated: string;
  entries: FeedEntry[];
  /** Keep the newest `limit` entries. */
  limit?: number;
}

/**
 * Appended to the subtitle of a feed with no entry yet (an item not yet reported on, a unit with
 * no item), so that a reader who subscribes sees why the feed is empty rather than a broken one.
 */
export const EMPTY_FEED_NOTE = '暂无更新，有新内容时将在此发布';

/** Escape text for XML element content and attribute values (vocabulary.ts). */
export const xmlEscape = escapeXml;

/**
 * An RFC 3339 time: a date alone is read as midnight in China Standard Time (the data's dates
 * are local dates); a full time is kept.
 */
export function rfc3339(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00+08:00`;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new LuoshiError(`feed: not a date: ${value}`);
  return /T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : d.toISOString();
}

function instant(value: string): number {
  return new Date(rfc3339(value)).getTime();
}

/** Newest first; ties by id so the output is stable. */
export function sortEntries(entries: FeedEntry[]): FeedEntry[] {
  // Each date parsed once, not in every comparison: a unit's feed sorts hundreds of entries.
  return entries
    .map((e) => ({ e, t: instant(e.updated) }))
    .sort((a, b) => b.t - a.t || a.e.id.localeCompare(b.e.id))
    .map(({ e }) => e);
}

export function atom(feed: Feed): string {
  const entries = sortEntries(feed.entries).slice(0, feed.limit ?? Infinity);
  // Sorted newest first: the first entry's date is the feed's.
  const updated = entries[0]?.updated ?? feed.updated;
  const subtitle = entries.length > 0 ? feed.subtitle : `${feed.subtitle ?? ''}（${EMPTY_FEED_NOTE}）`;
  // One element a line, not indented: whitespace between Atom elements means nothing to a reader,
  // and indentation was 2.4 MB of the large benchmark site's 5,800 feeds.
  const t = (name: string, value: string) => `<${name}>${xmlEscape(value)}</${name}>`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    t('id', feed.id),
    t('title', feed.title),
    ...(subtitle ? [t('subtitle', subtitle)] : []),
    t('updated', rfc3339(updated)),
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(feed.self)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(feed.alternate)}"/>`,
    `<author><name>${xmlEscape(feed.author)}</name></author>`,
    '<generator>luoshi</generator>',
  ];
  for (const e of entries) {
    lines.push(
      '<entry>',
      t('id', e.id),
      t('title', e.title),
      t('updated', rfc3339(e.updated)),
      ...(e.published ? [t('published', rfc3339(e.published))] : []),
      `<link rel="alternate" type="text/html" href="${xmlEscape(e.link)}"/>`,
      ...(e.categories ?? []).map((c) => `<category term="${xmlEscape(c)}"/>`),
      ...(e.summary ? [`<summary type="text">${xmlEscape(e.summary)}</summary>`] : []),
      '</entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** A tag: URI (RFC 4151) under the site's host: `tag:example.gov.cn,2020:luoshi/2020/P5/report/2020-03`. */
let lastSite = { url: '', host: '' };
export function tagId(homeUrl: string, year: number, specific: string): string {
  // Parsed once per site, not once per entry (a build writes ~200,000 entries).
  if (lastSite.url !== homeUrl) lastSite = { url: homeUrl, host: new URL(homeUrl).hostname };
  const host = lastSite.host;
  return `tag:${host},${year}:luoshi/${specific.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/g, encodeURIComponent)}`;
}

// ---------------------------------------------------------------------------------------------
// Entries from the data

/** Absolute URLs of the pages entries link to; supplied by the site. */
export interface EntryLinks {
  site: string;
  item: (item: Item) => string;
  month: (month: string) => string;
  /** The completion notice page of an item in a month; defaults to the item page. */
  completion?: (item: Item, month: string) => string;
}

function capAt(date: string, dataDate: string): string {
  return date < dataDate ? date : dataDate;
}

/** One entry per monthly report of `items`. */
export function reportEntries(year: YearData, items: Item[], links: EntryLinks): FeedEntry[] {
  const out: FeedEntry[] = [];
  for (const item of items) {
    const statuses = year.status.get(item.key)?.months ?? [];
    for (const r of year.reportsByItem.get(item.key) ?? []) {
      const month = statuses.find((m) => m.month === r.month);
      const status = month?.status;
      out.push({
        id: tagId(links.site, year.year, `${year.year}/${item.key}/report/${r.month}`),
        title: `${itemLabel(item)}${monthLabel(r.month)}落实情况：${status ?? r.evaluation}${r.late ? '（逾期报送）' : ''}`,
        updated: capAt(r.filed, year.manifest.data_date),
        link: `${links.item(item)}#${r.month}`,
        categories: ['月报'],
        summary: reportSummary(item, r, month?.indicators ?? []),
      });
    }
  }
  return out;
}

/**
 * A report's entry text: the item, the progress in the department's words, the numbers it gave
 * (each indicator with a value in this month's report: 加装电梯：累计完成19部，完成率31.7%，低于序时进度),
 * problems, the 评价.
 */
function reportSummary(item: Item, r: Report, indicators: readonly IndicatorProgress[]): string {
  const parts = [`${shortText(item.text, 60)}`, `完成情况：${r.progress}`];
  for (const p of indicators) if (p.actual?.month === r.month) parts.push(`${p.indicator.name}：${progressSentence(p)}`);
  if (r.problems && r.problems !== '无') parts.push(`存在问题：${r.problems}`);
  parts.push(`评价：${r.evaluation}；是否全部完成：${r.itemComplete ? '是' : '否'}；填报时间：${r.filed}`);
  if (r.note) parts.push(`说明：${r.note}`);
  return parts.join('\n');
}

/** Completion notices: an item whose status becomes 已完成 in a month. */
export function completionEntries(year: YearData, items: Item[] | undefined, links: EntryLinks): FeedEntry[] {
  const keys = items ? new Set(items.map((i) => i.key)) : undefined;
  const out: FeedEntry[] = [];
  for (const month of year.months) {
    for (const item of completedInMonth(year, month)) {
      if (keys && !keys.has(item.key)) continue;
      const report = year.reportsByItem.get(item.key)?.find((r) => r.month === month);
      out.push({
        id: tagId(links.site, year.year, `${year.year}/${item.key}/completed/${month}`),
        title: `关于${itemLabel(item)}已完成的通报`,
        // A month of completion always has the report that says so.
        updated: capAt(report?.filed ?? year.manifest.data_date, year.manifest.data_date),
        link: links.completion ? links.completion(item, month) : links.item(item),
        categories: ['完成通报'],
        summary: `${itemLabel(item)}于${monthLabel(month)}报告全部完成：${shortText(item.text, 80)}`,
      });
    }
  }
  return out;
}

const FILE_OF: Record<Change['record'], FileKind> = { task: 'tasks', project: 'projects', plan: 'plans', report: 'reports' };

/** A changed column's Chinese label. */
export function changeFieldLabel(record: Change['record'], field: string): string {
  return columnLabel(FILE_OF[record], field) ?? field;
}

/**
 * Corrections: a published record changed or withdrawn later (from the git history), one
 * entry per record per commit.
 */
export function correctionEntries(year: YearData, changes: Change[], links: EntryLinks): FeedEntry[] {
  const first = new Set<string>();
  const byCommit = new Map<string, Change[]>();
  for (const c of [...changes].sort((a, b) => instant(a.time) - instant(b.time))) {
    if (c.year !== year.year) continue;
    const rec = `${c.record}:${c.item}:${c.month ?? ''}`;
    if (c.kind === 'added') {
      first.add(rec);
      continue;
    }
    const key = `${c.hash}:${rec}`;
    byCommit.set(key, [...(byCommit.get(key) ?? []), c]);
  }
  const out: FeedEntry[] = [];
  for (const [key, list] of byCommit) {
    const c = list[0];
    const item = year.itemByKey.get(c.item);
    if (!item) continue;
    const what = c.record === 'report' ? `${monthLabel(c.month!)}月报` : c.record === 'plan' ? '落实计划' : '事项内容';
    const summary = list
      .map((x) => (x.kind === 'removed' ? '该记录已撤回' : `${changeFieldLabel(x.record, x.field!)}：“${x.old}” → “${x.new}”`))
      .join('\n');
    out.push({
      id: tagId(
        links.site,
        year.year,
        `${year.year}/${item.key}/correction/${key.split(':')[0].slice(0, 12)}/${c.record}${c.month ? `/${c.month}` : ''}`,
      ),
      title: `更正：${itemLabel(item)}${what}${c.kind === 'removed' ? '已撤回' : '已修改'}`,
      updated: c.time,
      link: c.record === 'report' ? links.month(c.month!) : links.item(item),
      categories: ['更正'],
      summary: `${summary}\n（提交 ${c.commit}，${c.date}）`,
    });
  }
  return out;
}

const itemsByUnit = new WeakMap<YearData, Map<string, Item[]>>();

/** Items of a unit (lead or shared) in a year, in the year's order. */
export function itemsOfUnitIn(year: YearData, unitId: string): Item[] {
  let byUnit = itemsByUnit.get(year);
  if (!byUnit) {
    byUnit = new Map();
    for (const item of year.items)
      for (const id of new Set(item.units.flatMap((r) => (r.type === 'unit' ? [r.id] : []))))
        byUnit.set(id, [...(byUnit.get(id) ?? []), item]);
    itemsByUnit.set(year, byUnit);
  }
  return [...(byUnit.get(unitId) ?? [])];
}

/** The newest data date of the dataset: a feed's `updated` when it has no entries. */
export function feedFallbackDate(dataset: Dataset): string {
  return (
    dataset.years
      .map((y) => y.manifest.data_date)
      .sort()
      .at(-1) ?? '1970-01-01'
  );
}
