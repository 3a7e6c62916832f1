/**
 * Chart definitions: every chart the site, the embeds, the static images and the CSV downloads
 * show, computed from the dataset. Pure: no Astro, no DOM, no I/O. One definition (a
 * `ChartSpec`) feeds all four forms; `chart-config.ts` turns it into a chart.js configuration.
 *
 * Chart ids (URL-safe, stable; <slug> is the year's programme slug from manifest.json):
 *   <slug>-by-category-<year>[-<MM>]  the programme's items by category and status (stacked bars)
 *   <slug>-completion-<year>[-<MM>]   completed programme items per month, out of all of them (line, one axis)
 *   tasks-by-section-<year>[-<MM>]    main tasks by section and status (stacked bars)
 *   tasks-completion-<year>[-<MM>]    completed main tasks per month, out of all of them (line, one axis)
 *   <slug>-rate-by-category-<year>[-<MM>], tasks-rate-by-section-<year>[-<MM>]
 *                                     the mean completion rate of each group's quantity and money
 *                                     indicators (bars, one axis, 0–100 %); only for a kind that has such indicators
 *   <slug>-category-<year>-<no>       one category's items by status per month (stacked bars)
 *   tasks-section-<year>-<no>         one section's main tasks by status per month (stacked bars)
 *   unit-<unitId>-<year>              a unit's items (lead or shared) by status per month (stacked bars)
 *   indicator-<year>-<item>-<no>      one quantity or money indicator: cumulative actual, expected line,
 *                                     target (lines, one axis in its unit; indicator-charts.ts)
 * An item's months are not a chart: the item page shows them as an HTML strip (MonthStrip.astro).
 * Without -<MM> a chart shows the latest covered month; with it, the state as of that month
 * (for month pages and bulletins that must not change when later data arrives).
 */
import { writeCsv } from '../content/csv.ts';
import type { Dataset, Item, ItemKind, YearData } from '../model/types.ts';
import { STATUSES } from '../model/status.ts';
import { LuoshiError, coded } from '../errors/errors.ts';
import { STATUS_STYLE, type ChartData, type ChartKind, type ChartSeries } from './chart-style.ts';
import { countStatuses, countsByGroup, itemsOfKind, itemsOfUnit, type StatusCounts } from '../model/stats.ts';
import { kindGrouped, kindName, kindSlug } from './naming.ts';
import { formatRate, hasCountedIndicator, meanRate } from './progress.ts';
import { embedPath } from './urls.ts';
import { chartedIndicators, indicatorChart, indicatorChartId, parseIndicatorChartId } from './indicator-charts.ts';
import { chineseNumeral, formatMonth as monthLabel, formatMonthShort as shortMonth, shortText } from './vocabulary.ts';

export { STATUS_STYLE };
export type { ChartData, ChartKind, ChartSeries };

export interface ChartTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

export interface ChartSpec {
  id: string;
  title: string;
  /** One Chinese sentence computed from the data: the alt text and the figure's summary. */
  description: string;
  kind: ChartKind;
  /** Bars along the y axis (long Chinese category labels), or along x. */
  orientation: 'horizontal' | 'vertical';
  labels: string[];
  series: ChartSeries[];
  table: ChartTable;
  source: string;
  /** The manifest's data date, YYYY-MM-DD. */
  dataDate: string;
  citation: string;
  /** The table as CSV (no BOM; the endpoint adds one for Excel). */
  csv: string;
  /** The year's plans and reports are sample data: every form says so. */
  sample: boolean;
  year: number;
  /** The month the chart shows (YYYY-MM), or undefined when no month is covered yet. */
  month?: string;
  /** The top of the value axis when it is a count out of a known total (completion lines). */
  valueMax?: number;
  /** The value axis title. */
  valueLabel?: string;
}

export function chartData(spec: ChartSpec): ChartData {
  const data: ChartData = {
    id: spec.id,
    kind: spec.kind,
    orientation: spec.orientation,
    labels: spec.labels,
    series: spec.series,
  };
  if (spec.valueMax !== undefined) data.valueMax = spec.valueMax;
  if (spec.valueLabel !== undefined) data.valueLabel = spec.valueLabel;
  return data;
}

export interface ChartOptions {
  /** Absolute URL of the site root, ending in `/` (including any base path): used in the citation. */
  homeUrl?: string;
  /** The citation's access date (GB/T 7714 引用日期), YYYY-MM-DD. */
  accessed?: string;
}

const OPTION_KEYS = new Set(['homeUrl', 'accessed']);

/** The error for a chart id or option that does not exist: the build stops with this message. */
export class ChartError extends LuoshiError {
  override name = 'ChartError';
}

type YearChart = 'groups' | 'completion' | 'rates';

/** The kinds a year has (its main tasks, its programme), in chart order: the programme first. */
function kindsOf(year: YearData): ItemKind[] {
  return [...(year.programme ? (['project'] as const) : []), ...(year.mainTasks ? (['task'] as const) : [])];
}

/** The id prefix and chart names of a kind in a year: `tasks-by-section`, `<slug>-category`. */
function chartBase(year: YearData, kind: ItemKind, chart: YearChart | 'group'): string {
  const prefix = kindSlug(year, kind);
  if (chart === 'completion') return `${prefix}-completion`;
  if (chart === 'rates') return `${prefix}-rate-by-${kind === 'task' ? 'section' : 'category'}`;
  if (chart === 'group') return `${prefix}-${kind === 'task' ? 'section' : 'category'}`;
  return `${prefix}-${kind === 'task' ? 'by-section' : 'by-category'}`;
}

/** Whether a kind has the rate chart: grouped, with a quantity or money indicator. */
function hasRates(year: YearData, kind: ItemKind): boolean {
  return kindGrouped(year, kind) && itemsOfKind(year, kind).some(hasCountedIndicator);
}

/** The year charts of a year: by group (when the kind is grouped), completion, and rates by group, per kind. */
function yearChartBases(year: YearData): string[] {
  return kindsOf(year).flatMap((kind) => [
    ...(kindGrouped(year, kind) ? [chartBase(year, kind, 'groups')] : []),
    chartBase(year, kind, 'completion'),
    ...(hasRates(year, kind) ? [chartBase(year, kind, 'rates')] : []),
  ]);
}

/** Every chart id, in a stable order: year charts, their month variants, groups, units. */
export function chartIds(dataset: Dataset): string[] {
  return [...chartIdSet(dataset)];
}

/**
 * Whether a chart is also published as static images (PNG and SVG, normal and large text, by
 * the build's chart step). Images are for news posts without JavaScript and for print: they pay
 * for the district-wide charts (a year's or a month's overview, a category, a section), which
 * the /embed/ gallery offers. A unit's chart is one department's view, as an item's month strip
 * is one item's: its unit page draws it with its table, and its CSV and embed page stay, but its
 * images were 83 % of the large dataset's chart images (1,800 of 2,159 charts; 530 MB, and
 * 85 s of a cold build: bench/REPORT.md).
 */
export function hasImages(id: string): boolean {
  return !id.startsWith('unit-');
}

/** Whether `id` names a chart of this dataset (a unit has a chart only in years it has items). */
export function hasChart(dataset: Dataset, id: string): boolean {
  return chartIdSet(dataset).has(id);
}

const idSets = new WeakMap<Dataset, Set<string>>();

function chartIdSet(dataset: Dataset): Set<string> {
  let ids = idSets.get(dataset);
  if (ids) return ids;
  ids = new Set<string>();
  for (const year of dataset.years) {
    const bases = yearChartBases(year);
    for (const base of bases) ids.add(`${base}-${year.year}`);
    for (const month of year.months) for (const base of bases) ids.add(`${base}-${month}`);
    if (year.programme) for (const c of year.categories) ids.add(`${chartBase(year, 'project', 'group')}-${year.year}-${c.no}`);
    if (year.mainTasks) for (const sec of year.sections) ids.add(`${chartBase(year, 'task', 'group')}-${year.year}-${sec.no}`);
    for (const unit of dataset.units) {
      if (itemsOfUnit(dataset, unit.id).some((e) => e.year === year)) ids.add(`unit-${unit.id}-${year.year}`);
    }
    for (const indicator of chartedIndicators(year)) ids.add(indicatorChartId(indicator));
  }
  idSets.set(dataset, ids);
  return ids;
}

/** The main chart ids of a year (the ones a home page or a gallery shows first). */
export function yearChartIds(dataset: Dataset, year: number): string[] {
  const y = dataset.years.find((d) => d.year === year);
  return y ? yearChartBases(y).map((b) => `${b}-${year}`) : [];
}

/** The id of a kind's chart in a year: by group, completion or rates, optionally as of `month`; or one group's (`no`). */
export function kindChartId(year: YearData, kind: ItemKind, chart: YearChart, month?: string): string {
  return `${chartBase(year, kind, chart)}-${month ?? year.year}`;
}

export function groupChartId(year: YearData, kind: ItemKind, no: number): string {
  return `${chartBase(year, kind, 'group')}-${year.year}-${no}`;
}

type Parsed =
  | { type: 'year'; prefix: string; chart: YearChart; group: string; year: number; month?: string }
  | { type: 'group'; prefix: string; group: string; year: number; no: number }
  | { type: 'unit'; unitId: string; year: number }
  | { type: 'indicator'; item: string; no: number; year: number };

const ID_FORMS =
  '<民生实事网址段>-by-category-2020、<民生实事网址段>-completion-2020-06、<民生实事网址段>-rate-by-category-2020、tasks-by-section-2020、tasks-completion-2020、<民生实事网址段>-category-2020-1、tasks-section-2020-2、unit-<单位编号>-2020、indicator-2020-p5-1';

function unknownId(id: string, why: string): ChartError {
  return coded(ChartError, 'LS-BUL-023', { id, why, forms: ID_FORMS });
}

function parseId(id: string): Parsed {
  if (typeof id !== 'string' || id === '') throw coded(ChartError, 'LS-BUL-024');
  let m =
    /^([a-z0-9]+(?:-[a-z0-9]+)*?)-(by-category|by-section|completion|rate-by-category|rate-by-section)-(\d{4})(?:-(\d{2}))?$/.exec(
      id,
    );
  if (m)
    return {
      type: 'year',
      prefix: m[1],
      chart: m[2] === 'completion' ? 'completion' : m[2].startsWith('rate-') ? 'rates' : 'groups',
      group: m[2],
      year: Number(m[3]),
      month: m[4] ? `${m[3]}-${m[4]}` : undefined,
    };
  m = /^([a-z0-9]+(?:-[a-z0-9]+)*?)-(category|section)-(\d{4})-([1-9]\d*)$/.exec(id);
  if (m) return { type: 'group', prefix: m[1], group: m[2], year: Number(m[3]), no: Number(m[4]) };
  m = /^unit-([a-z0-9][a-z0-9-]*)-(\d{4})$/.exec(id);
  if (m) return { type: 'unit', unitId: m[1], year: Number(m[2]) };
  const indicator = parseIndicatorChartId(id);
  if (indicator) return { type: 'indicator', ...indicator };
  if (/^item-\d{4}-[TP][1-9]\d*$/.test(id)) throw unknownId(id, '事项不再有单独的图表，各月状态见事项页面的月份条');
  throw unknownId(id, '格式不符');
}

/** The kind a chart id's prefix names in a year: `tasks`, or the year's programme slug. */
function kindOfPrefix(year: YearData, id: string, prefix: string, group: string): ItemKind {
  const kind: ItemKind | undefined =
    prefix === 'tasks' && year.mainTasks ? 'task' : prefix === year.programme?.slug ? 'project' : undefined;
  if (!kind) {
    const known = [...(year.mainTasks ? ['tasks'] : []), ...(year.programme ? [year.programme.slug] : [])];
    throw unknownId(id, `${year.year} 年度没有「${prefix}」（可用：${known.join('、') || '无'}）`);
  }
  const wanted =
    kind === 'task'
      ? ['by-section', 'section', 'completion', 'rate-by-section']
      : ['by-category', 'category', 'completion', 'rate-by-category'];
  if (
    !wanted.includes(group) ||
    (group !== 'completion' && !kindGrouped(year, kind)) ||
    (group.startsWith('rate-') && !hasRates(year, kind))
  )
    throw unknownId(id, `${kindName(year, kind)}没有这种图表`);
  return kind;
}

function yearOf(dataset: Dataset, id: string, year: number): YearData {
  const y = dataset.years.find((d) => d.year === year);
  if (!y) throw unknownId(id, `没有 ${year} 年度的数据（已有：${dataset.years.map((d) => d.year).join('、') || '无'}）`);
  return y;
}

function checkOptions(opts: ChartOptions | undefined): ChartOptions {
  if (opts === undefined) return {};
  // The options come from code (Chart.astro, the build steps), not from a bulletin: invariants, in English.
  if (opts === null || typeof opts !== 'object') throw new ChartError('chart options must be an object');
  for (const key of Object.keys(opts)) {
    if (!OPTION_KEYS.has(key)) throw new ChartError(`unknown chart option "${key}" (known: homeUrl, accessed)`);
  }
  if (opts.homeUrl !== undefined) {
    let ok: boolean;
    try {
      const u = new URL(opts.homeUrl);
      ok = (u.protocol === 'http:' || u.protocol === 'https:') && opts.homeUrl.endsWith('/');
    } catch {
      ok = false;
    }
    if (!ok) throw new ChartError(`chart option homeUrl must be an http(s) URL ending in /, got "${opts.homeUrl}"`);
  }
  if (opts.accessed !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.accessed)) {
    throw new ChartError(`chart option accessed must be a YYYY-MM-DD date, got "${opts.accessed}"`);
  }
  return opts;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function countsPhrase(c: StatusCounts): string {
  return STATUSES.map((s) => `${s}${c[s]}项`).join('，');
}

/** The chart's data as CSV, CRLF line ends for Excel. */
export function toCsv(columns: string[], rows: (string | number)[][]): string {
  return writeCsv(columns, rows, { eol: '\r\n', neutraliseFormulas: true }).text;
}

/** A section's short label: its ordinal and the first clause (`一、聚焦产业升级`). */
function sectionLabel(no: number, name: string): string {
  const first = name.split(/[，。,；;]/)[0] || name;
  return `${chineseNumeral(no)}、${shortText(first, 12)}`;
}

/** What each chart builder computes; getChart adds the source, dates, citation and CSV. */
type Built = Pick<
  ChartSpec,
  'title' | 'description' | 'kind' | 'orientation' | 'labels' | 'series' | 'table' | 'valueMax' | 'valueLabel'
> & { month?: string };

function statusSeries(rows: StatusCounts[]): ChartSeries[] {
  return STATUSES.map((s) => ({ name: s, status: s, values: rows.map((r) => r[s]) }));
}

function groupChart(year: YearData, kind: ItemKind, month: string | undefined): Built {
  const groups = countsByGroup(year, kind, month);
  const items = itemsOfKind(year, kind);
  const total = countStatuses(year, items, month);
  const what = kindName(year, kind);
  const groupWord = kind === 'task' ? '部分' : '类别';
  const labels = groups.map((g) => (kind === 'task' ? sectionLabel(g.no, g.name) : g.label));
  const title = `${year.year}年${what}${kind === 'task' ? '分部分' : '分类别'}完成情况${month ? `（截至${monthLabel(month)}）` : ''}`;
  let description: string;
  if (!month) {
    description = `截至数据日期${year.manifest.data_date}，${year.year}年${items.length}项${what}尚无到期的月报。`;
  } else {
    const lagging = groups
      .map((g, i) => ({ ...g, short: labels[i] }))
      .filter((g) => g.counts.滞后 > 0)
      .sort((a, b) => b.counts.滞后 - a.counts.滞后 || a.no - b.no)[0];
    const lagPart = lagging ? `，滞后最多的${groupWord}是“${lagging.short}”（${lagging.counts.滞后}项）` : '，没有滞后的事项';
    description = `截至${monthLabel(month)}，${items.length}项${what}中已完成${total.已完成}项，${countsPhrase(total).replace(/^已完成\d+项，/, '')}${lagPart}。`;
  }
  const columns = [groupWord, ...STATUSES, '合计'];
  const rows = groups.map((g, i) => [labels[i], ...STATUSES.map((s) => g.counts[s]), g.items.length]);
  rows.push(['合计', ...STATUSES.map((s) => total[s]), items.length]);
  return {
    title,
    description,
    kind: 'bar-stacked',
    orientation: 'horizontal',
    labels,
    series: statusSeries(groups.map((g) => g.counts)),
    table: { caption: `${title}（单位：项）`, columns, rows },
    month,
  };
}

function completionChart(year: YearData, kind: ItemKind, month: string | undefined): Built {
  const items = itemsOfKind(year, kind);
  const months = month ? year.months.filter((m) => m <= month) : year.months;
  const points = months.map((m) => {
    const c = countStatuses(year, items, m);
    return { month: m, completed: c.已完成, share: items.length ? c.已完成 / items.length : 0 };
  });
  const what = kindName(year, kind);
  const last = points.at(-1);
  const title = `${year.year}年${what}逐月完成情况${month ? `（截至${monthLabel(month)}）` : ''}`;
  let description: string;
  if (!last) description = `截至数据日期${year.manifest.data_date}，${year.year}年${items.length}项${what}尚无到期的月报。`;
  else if (points.length === 1)
    description = `截至${monthLabel(last.month)}，${items.length}项${what}已完成${last.completed}项，占${percent(last.share)}。`;
  else {
    description = `${monthLabel(points[0].month)}至${shortMonth(last.month)}，${items.length}项${what}中已完成的由${points[0].completed}项${last.completed >= points[0].completed ? '增至' : '变为'}${last.completed}项，占${percent(last.share)}。`;
  }
  return {
    title,
    description,
    kind: 'line',
    orientation: 'vertical',
    labels: points.map((p) => shortMonth(p.month)),
    // One measure on one axis: completed items out of all of them (the axis runs to the total).
    series: [{ name: `已完成（共${items.length}项）`, status: '已完成', values: points.map((p) => p.completed) }],
    valueMax: items.length,
    valueLabel: `已完成事项（项，共${items.length}项）`,
    table: {
      caption: `${title}`,
      columns: ['月份', '已完成（项）', '事项总数（项）', '完成率'],
      rows: points.map((p) => [monthLabel(p.month), p.completed, items.length, percent(p.share)]),
    },
    month: last?.month,
  };
}

/**
 * One bar per group: the mean completion rate of its quantity and money indicators in `month`
 * (src/core/present/progress.ts, meanRate: each rate capped at 100 %, over the indicators with a
 * value). One measure, one axis (0–100 %); the table says how many indicators each bar stands for.
 */
function rateChart(year: YearData, kind: ItemKind, month: string | undefined): Built {
  const what = kindName(year, kind);
  const groupWord = kind === 'task' ? '部分' : '类别';
  const groups = countsByGroup(year, kind, month)
    .filter((g) => g.items.some(hasCountedIndicator))
    .map((g) => ({ label: kind === 'task' ? sectionLabel(g.no, g.name) : g.label, ...meanRate(year, g.items, month) }));
  const title = `${year.year}年${what}${kind === 'task' ? '分部分' : '分类别'}指标完成率${month ? `（截至${monthLabel(month)}）` : ''}`;
  const reported = groups.filter((g) => g.mean !== undefined).sort((a, b) => a.mean! - b.mean!);
  const low = reported[0];
  const high = reported.at(-1);
  const description =
    !month || !low || !high
      ? `截至${month ? monthLabel(month) : `数据日期${year.manifest.data_date}`}，${year.year}年${what}的数量和金额指标尚无报送的累计完成数。`
      : `截至${monthLabel(month)}，${what}各${groupWord}数量和金额指标的平均完成率（超过100%的按100%计）最低的是“${low.label}”（${formatRate(low.mean!)}），最高的是“${high.label}”（${formatRate(high.mean!)}）。`;
  return {
    title,
    description,
    kind: 'bar-stacked',
    orientation: 'horizontal',
    labels: groups.map((g) => g.label),
    series: [{ name: '平均完成率（%）', values: groups.map((g) => Math.round((g.mean ?? 0) * 1000) / 10) }],
    valueMax: 100,
    valueLabel: '平均完成率（%，超过100%的按100%计）',
    table: {
      caption: `${title}（尚未报送的指标不计入）`,
      columns: [groupWord, '数量和金额指标（个）', '已报送（个）', '平均完成率'],
      rows: groups.map((g) => [g.label, g.counted, g.reported, g.mean === undefined ? '—' : formatRate(g.mean)]),
    },
    month,
  };
}

/** Stacked bars per month of a set of items' statuses (a unit's, a category's, a section's). */
function itemsByMonth(year: YearData, items: Item[], title: string, scope: string): Built {
  const perMonth = year.months.map((m) => countStatuses(year, items, m));
  const month = year.months.at(-1);
  const latest = perMonth.at(-1);
  const description =
    month && latest
      ? `截至${monthLabel(month)}，${scope}中${countsPhrase(latest)}。`
      : `截至数据日期${year.manifest.data_date}，${scope}尚无到期的月报。`;
  return {
    title,
    description,
    kind: 'bar-stacked',
    orientation: 'vertical',
    labels: year.months.map(shortMonth),
    series: statusSeries(perMonth),
    table: {
      caption: `${title}（单位：项）`,
      columns: ['月份', ...STATUSES, '合计'],
      rows: year.months.map((m, i) => [monthLabel(m), ...STATUSES.map((s) => perMonth[i][s]), perMonth[i].total]),
    },
    month,
  };
}

function unitChart(dataset: Dataset, year: YearData, unitId: string, id: string): Built {
  const unit = dataset.unitById.get(unitId);
  if (!unit) throw unknownId(id, `没有编号为 ${unitId} 的责任单位`);
  const entries = itemsOfUnit(dataset, unitId).filter((e) => e.year === year);
  if (entries.length === 0) throw unknownId(id, `${unit.name}在 ${year.year} 年度没有负责的事项`);
  const led = entries.filter((e) => e.role === 'lead').length;
  const scope = `${unit.name}负责的${entries.length}项事项（牵头${led}项，参与${entries.length - led}项）`;
  return itemsByMonth(
    year,
    entries.map((e) => e.item),
    `${unit.name}${year.year}年负责事项逐月状态`,
    scope,
  );
}

function groupMonthChart(year: YearData, kind: ItemKind, no: number, id: string): Built {
  const groups = countsByGroup(year, kind);
  const g = groups.find((x) => x.no === no);
  if (!g)
    throw unknownId(
      id,
      `${year.year} 年度没有${kind === 'task' ? '第' + no + '部分' : '第' + no + '类'}（共 ${groups.length} 个）`,
    );
  const name = kind === 'task' ? sectionLabel(g.no, g.name) : g.label;
  const what = kindName(year, kind);
  return itemsByMonth(year, g.items, `${year.year}年${what}“${name}”逐月状态`, `“${name}”的${g.items.length}项${what}`);
}

function indicatorChartOf(year: YearData, key: string, no: number, id: string): Built {
  const item = year.itemByKey.get(key);
  if (!item) throw unknownId(id, `${year.year} 年度没有事项 ${key}`);
  const indicator = item.indicators.find((i) => i.no === no);
  if (!indicator) throw unknownId(id, `${key} 没有第 ${no} 个指标（共 ${item.indicators.length} 个）`);
  if (!chartedIndicators(year).includes(indicator))
    throw unknownId(id, `${key} 的第 ${no} 个指标没有图表（只有数量和金额指标、且已报告累计完成数的才有）`);
  return indicatorChart(year, item, indicator);
}

/** The chart with this id. Throws a `ChartError` (Chinese, with the English id) for an unknown id or bad options. */
export function getChart(dataset: Dataset, id: string, opts?: ChartOptions): ChartSpec {
  const options = checkOptions(opts);
  const parsed = parseId(id);
  const year = yearOf(dataset, id, parsed.year);
  let built: Built;
  if (parsed.type === 'year') {
    if (parsed.month && !year.months.includes(parsed.month)) {
      throw unknownId(id, `${monthLabel(parsed.month)}不在已发布的月份中（已有：${year.months.join('、') || '无'}）`);
    }
    const kind = kindOfPrefix(year, id, parsed.prefix, parsed.group);
    const month = parsed.month ?? year.months.at(-1);
    built =
      parsed.chart === 'completion'
        ? completionChart(year, kind, month)
        : parsed.chart === 'rates'
          ? rateChart(year, kind, month)
          : groupChart(year, kind, month);
  } else if (parsed.type === 'group')
    built = groupMonthChart(year, kindOfPrefix(year, id, parsed.prefix, parsed.group), parsed.no, id);
  else if (parsed.type === 'indicator') built = indicatorChartOf(year, parsed.item, parsed.no, id);
  else built = unitChart(dataset, year, parsed.unitId, id);

  const site = dataset.site;
  const dataDate = year.manifest.data_date;
  const source = `${site.publisher}（${site.office}）据${year.manifest.notice.doc_no}及各责任单位月度落实情况整理${year.manifest.sample ? '；计划和月报为示例数据' : ''}`;
  const url = options.homeUrl ? ` ${options.homeUrl}${embedPath(id)}.` : '';
  const accessed = options.accessed ? `[${options.accessed}]` : '';
  const citation = `${site.publisher}. ${built.title}[EB/OL]. (${dataDate})${accessed}.${url}`;
  return {
    id,
    title: built.title,
    description: built.description,
    kind: built.kind,
    orientation: built.orientation,
    labels: built.labels,
    series: built.series,
    table: built.table,
    source,
    dataDate,
    citation,
    csv: toCsv(built.table.columns, built.table.rows),
    sample: year.manifest.sample,
    year: year.year,
    month: built.month,
    ...(built.valueMax !== undefined ? { valueMax: built.valueMax } : {}),
    ...(built.valueLabel !== undefined ? { valueLabel: built.valueLabel } : {}),
  };
}

/** Relative luminance contrast of two `#rrggbb` colours (WCAG 2). */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
