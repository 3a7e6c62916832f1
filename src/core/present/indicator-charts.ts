/**
 * An indicator's own chart and table (issue 22, item 6). Pure: no Astro, no DOM, no I/O.
 *
 * A quantity or a money indicator is a chart (`indicator-<year>-<item key>-<no>`, e.g.
 * indicator-2020-p5-1) in every form the site's other charts have (charts.ts: figure with its
 * table, embed page, PNG/SVG, CSV, citation): the cumulative value reported month by month
 * against the expected-by-now line and the target, one axis in the indicator's unit, over the
 * year's covered months. Each month's numbers are the item's status of that month
 * (`MonthStatus.indicators`, progress.ts): the chart, the item page and the status agree.
 *
 * Only an indicator with a value reported in a covered month has a chart: before that it would
 * be the plan alone (a straight line to the target), which the item page already states in
 * words; and each chart is four images.
 *
 * A standard or a bound is a value against a level, never a rate: a small table of the values
 * reported month by month and whether each met the level (`valueTable`), on the item page only.
 */
import { isCounted } from '../model/progress.ts';
import type { Indicator, IndicatorProgress, Item, YearData } from '../model/types.ts';
import type { ChartKind, ChartSeries } from './chart-style.ts';
import {
  formatQuantity,
  formatRate,
  KIND_NAME,
  POSITION_WORDS,
  positionWord,
  roundAmount,
  targetPhrase,
} from './indicator-text.ts';
import { formatMonth, formatMonthShort, itemLabel } from './vocabulary.ts';

/** A chart's table (charts.ts ChartTable). */
export interface IndicatorTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

/** What charts.ts needs to make a ChartSpec of an indicator. */
export interface IndicatorChart {
  title: string;
  description: string;
  kind: ChartKind;
  orientation: 'vertical';
  labels: string[];
  series: ChartSeries[];
  table: IndicatorTable;
  valueLabel: string;
  month?: string;
}

/** The chart id of an item's indicator: `indicator-2020-p5-1` (lower case, like every chart id). */
export function indicatorChartId(indicator: Pick<Indicator, 'year' | 'item' | 'no'>): string {
  return `indicator-${indicator.year}-${indicator.item.toLowerCase()}-${indicator.no}`;
}

const ID = /^indicator-(\d{4})-([a-z]+[1-9]\d*)-([1-9]\d*)$/;

/** The year, item key and indicator number an indicator chart id names, or undefined for another id. */
export function parseIndicatorChartId(id: string): { year: number; item: string; no: number } | undefined {
  const m = ID.exec(id);
  return m ? { year: Number(m[1]), item: m[2].toUpperCase(), no: Number(m[3]) } : undefined;
}

/** Each covered month's progress of one indicator, oldest first (from the item's status). */
function monthlyProgress(year: YearData, indicator: Indicator): IndicatorProgress[] {
  const months = year.status.get(indicator.item)?.months ?? [];
  return months.flatMap((m) => m.indicators.filter((p) => p.indicator.no === indicator.no));
}

/** Whether a value was reported in that very month (not carried from an earlier one). */
const reportedIn = (p: IndicatorProgress) => p.actual?.month === p.month;

/** Whether an indicator has a chart: a quantity or money with a value reported in a covered month. */
export function hasIndicatorChart(year: YearData, indicator: Indicator): boolean {
  return isCounted(indicator) && monthlyProgress(year, indicator).some(reportedIn);
}

/** The year's indicators that have a chart, in the items' order. */
export function chartedIndicators(year: YearData): Indicator[] {
  return year.items.flatMap((i) => i.indicators.filter((n) => hasIndicatorChart(year, n)));
}

/** The chart's title: the year, the item and the indicator (2020年<programme>第5项：加装电梯累计完成情况). */
function titleOf(year: YearData, item: Item, indicator: Indicator): string {
  return `${year.year}年${itemLabel(item)}：${indicator.name}累计完成情况`;
}

/** The chart of a quantity or money indicator over the year's covered months. */
export function indicatorChart(year: YearData, item: Item, indicator: Indicator): IndicatorChart {
  const unit = indicator.target.unit;
  const target = indicator.target.value;
  const points = monthlyProgress(year, indicator);
  const title = titleOf(year, item, indicator);
  const last = points.at(-1);
  const latest = [...points].reverse().find(reportedIn);
  const targetText = formatQuantity(target, unit);
  let description: string;
  if (!last || !latest?.actual)
    description = `${indicator.name}目标${targetText}，截至数据日期${year.manifest.data_date}尚未报告完成数。`;
  else {
    // The value is the latest reported; where it stands is read at the last covered month.
    const when = latest.month === last.month ? '' : `（${formatMonth(latest.month)}报告）`;
    const rate = formatRate(latest.actual.value.value / target);
    const expected = last.expected !== undefined ? `，序时进度${formatQuantity(last.expected, unit)}` : '';
    description =
      `截至${formatMonth(last.month)}，${indicator.name}累计完成${formatQuantity(latest.actual.value.value, unit)}${when}，` +
      `完成率${rate}，${positionWord(last)}（目标${targetText}${expected}）。`;
  }
  const amount = (v: number | undefined) => (v === undefined ? null : roundAmount(v));
  const actualName = `累计完成（${unit}）`;
  const expectedName = `序时进度（${unit}）`;
  return {
    title,
    description,
    kind: 'progress',
    orientation: 'vertical',
    labels: points.map((p) => formatMonthShort(p.month)),
    series: [
      { name: actualName, role: 'actual', values: points.map((p) => (reportedIn(p) ? amount(p.actual!.value.value) : null)) },
      { name: expectedName, role: 'expected', values: points.map((p) => amount(p.expected)) },
      { name: `目标（${targetText}）`, role: 'target', values: points.map(() => roundAmount(target)) },
    ],
    // The kind and the unit: the title names the indicator (a long name would crowd the axis).
    valueLabel: `${KIND_NAME[indicator.kind]}（${unit}）`,
    table: {
      caption: `${title}（单位：${unit}）`,
      columns: ['月份', actualName, expectedName, `目标（${unit}）`, '完成率'],
      // A month without its own value shows none: a cumulative value is what was reported, never carried.
      rows: points.map((p) => [
        formatMonth(p.month),
        reportedIn(p) ? roundAmount(p.actual!.value.value) : '',
        amount(p.expected) ?? '',
        roundAmount(target),
        reportedIn(p) && p.rate !== undefined ? formatRate(p.rate) : '',
      ]),
    },
    month: last?.month,
  };
}

/**
 * A standard's or bound's values month by month (the months with a value of their own) and
 * whether each met its level; no rate. Undefined when nothing was reported yet.
 */
export function valueTable(year: YearData, item: Item, indicator: Indicator): IndicatorTable | undefined {
  const points = monthlyProgress(year, indicator).filter(reportedIn);
  if (points.length === 0) return undefined;
  const unit = indicator.target.unit;
  return {
    caption: `${year.year}年${itemLabel(item)}：${indicator.name}（${targetPhrase(indicator)}）`,
    columns: ['月份', `现值（${unit}）`, '是否达到'],
    rows: points.map((p) => [formatMonth(p.month), roundAmount(p.actual!.value.value), POSITION_WORDS[p.position]]),
  };
}
