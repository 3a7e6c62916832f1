/**
 * How progress measured by numbers is shown: an indicator as "19 / 60 部（31.7%）" with its bar
 * and expected-by-now mark, a standard as its current value against the standard (达到, never a
 * rate), an item's completion rate in a list, the tallies of a set of items' indicators, and the
 * sentences the item page and the office's bulletin drafts state. The numbers themselves come
 * from the model (src/core/model/progress.ts); this file only words and rounds them. Pure.
 *
 * An item with several counted indicators shows its *lowest* rate in a list (the one furthest
 * from its target, which is also what makes it behind), with how many indicators it has; the
 * item page shows each. Items without a counted indicator show "—".
 */
import { isCounted, measuredStatus } from '../model/progress.ts';
import type { Quantity } from '../model/quantity.ts';
import type { IndicatorProgress, Item, MonthStatus, Position, Status, YearData } from '../model/types.ts';
import { formatMonthShort } from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------
// Numbers

/** 11100 → "11,100"; 3.75 → "3.75"; at most `decimals` decimals, no trailing zeros. */
export function formatNumber(n: number, decimals = 2, grouping = true): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: decimals, useGrouping: grouping });
}

/** An amount with its unit: "60 部", "3,480 元/年/人", "6%"; `tight` writes "3053套" (running text, as official documents do). */
export function formatAmount(q: Quantity, options: { tight?: boolean; decimals?: number } = {}): string {
  const n = formatNumber(q.value, options.decimals, !options.tight);
  return q.unit === '%' || options.tight ? `${n}${q.unit}` : `${n} ${q.unit}`;
}

/**
 * A completion rate with one decimal: 0.3166 → "31.7%", 2.86 → "286%". A value short of its
 * target never shows as 100% (0.9996 → "99.9%"), and a value above zero never as 0%.
 */
export function formatRate(rate: number): string {
  let pct = Math.round(rate * 1000) / 10;
  if (rate < 1 && pct >= 100) pct = 99.9;
  if (rate > 0 && pct === 0) pct = 0.1;
  return `${pct}%`;
}

// ---------------------------------------------------------------------------------------------
// One indicator

/** What each position is called on the site (the status page's words). */
export const POSITION_WORD: Record<Position, string> = {
  reached: '已达目标',
  ahead: '超前',
  on: '序时推进',
  behind: '低于序时进度',
  met: '达到',
  'not-met': '未达到',
  unreported: '尚未报送',
};

/** The CSS class of each position (the word is always shown; the status badge's class adds its symbol and colour, page.css). */
export const POSITION_CLASS: Record<Position, string> = {
  reached: 's-done',
  ahead: 's-ontrack',
  on: 's-ontrack',
  behind: 's-behind',
  met: 's-done',
  'not-met': 's-behind',
  unreported: 's-missing',
};

export interface IndicatorView {
  name: string;
  /** A quantity or money (a rate and a bar), or a standard or bound (met or not). */
  counted: boolean;
  position: Position;
  /** The position in words: 低于序时进度, 已达目标, 达到, 尚未报送. */
  word: string;
  /** "19 / 60 部（31.7%）", "172 / 60 部（286.7%，超额）", "目标 60 部", "现值 3,600 元/年/人，标准 不低于3,480 元/年/人". */
  headline: string;
  /** "序时进度：7月底应完成 35 部（58.3%）" (a counted indicator short of its target). */
  expected?: string;
  /** The bar, in whole percent of the target (0–100): the actual's fill and the expected mark. */
  bar?: { fill: number; mark: number };
  /** The value was reported in an earlier month than the one measured: "（6月报送）". */
  asOf?: string;
}

/** A target as the standard or bound words it: "不低于3,480 元/年/人", "6%左右". */
function goal(p: IndicatorProgress): string {
  const { comparison, target } = p.indicator;
  const amount = formatAmount(target);
  return comparison === '左右' ? `${amount}左右` : `${comparison ?? '不低于'}${amount}`;
}

const percentOf = (value: number, target: number) => Math.max(0, Math.min(100, Math.round((value / target) * 100)));

export function indicatorView(p: IndicatorProgress): IndicatorView {
  const { indicator, actual } = p;
  const counted = isCounted(indicator);
  const view = { name: indicator.name, counted, position: p.position, word: POSITION_WORD[p.position] };
  const asOf = actual && actual.month !== p.month ? `（${formatMonthShort(actual.month)}报送）` : undefined;
  if (!counted) {
    const what = indicator.kind === 'standard' ? '标准' : '目标';
    const headline = actual ? `现值 ${formatAmount(actual.value)}，${what} ${goal(p)}` : `${what} ${goal(p)}`;
    return { ...view, headline, asOf };
  }
  const target = indicator.target;
  const expected =
    p.expected !== undefined && p.position !== 'reached'
      ? `序时进度：${formatMonthShort(p.month)}底应完成 ${formatAmount({ value: p.expected, unit: target.unit }, { decimals: 1 })}（${formatRate(p.expected / target.value)}）`
      : undefined;
  if (!actual || p.rate === undefined) return { ...view, headline: `目标 ${formatAmount(target)}`, expected };
  const over = p.rate > 1 ? '，超额' : '';
  const headline = `${formatNumber(actual.value.value)} / ${formatAmount(target)}（${formatRate(p.rate)}${over}）`;
  const mark = p.expected !== undefined ? percentOf(p.expected, target.value) : 0;
  return { ...view, headline, expected, bar: { fill: percentOf(actual.value.value, target.value), mark }, asOf };
}

// ---------------------------------------------------------------------------------------------
// An item in a month

/** The month's status of an item, or its latest when `month` is not given. */
export function monthStatusOf(year: YearData, key: string, month?: string): MonthStatus | undefined {
  const s = year.status.get(key);
  return month ? s?.months.find((m) => m.month === month) : s?.current;
}

/** Whether an item has a quantity or money indicator (so a list shows its rate). */
export function hasCountedIndicator(item: Pick<Item, 'indicators'>): boolean {
  return item.indicators.some(isCounted);
}

export interface ItemRate {
  /** "31.7%", "尚未报送", or "—" (no counted indicator, or not yet due). */
  text: string;
  /** What qualifies it: "超额", "3项指标中最低", "1项尚未报送". */
  note?: string;
  /** The lowest rate of the counted indicators with a value: the sort key. */
  rate?: number;
  /** Every counted indicator reached its target (filter 已达目标). */
  reached: boolean;
  /** A counted indicator is behind the expected line (filter 低于序时进度). */
  behind: boolean;
}

/** An item's completion rate for a list (the lowest of its counted indicators: see the file's head). */
export function itemRate(item: Pick<Item, 'indicators'>, ms: MonthStatus | undefined): ItemRate {
  const counted = (ms?.indicators ?? []).filter((p) => isCounted(p.indicator));
  const none = { reached: false, behind: false };
  if (!hasCountedIndicator(item) || counted.length === 0) return { text: '—', ...none };
  const rates = counted.flatMap((p) => (p.rate === undefined ? [] : [p.rate]));
  const reached = counted.every((p) => p.position === 'reached');
  const behind = counted.some((p) => p.position === 'behind');
  if (rates.length === 0) return { text: POSITION_WORD.unreported, reached, behind };
  const rate = Math.min(...rates);
  const notes = [
    ...(rate > 1 ? ['超额'] : []),
    ...(counted.length > 1 ? [`${counted.length}项指标中最低`] : []),
    ...(rates.length < counted.length ? [`${counted.length - rates.length}项尚未报送`] : []),
  ];
  return { text: formatRate(rate), ...(notes.length ? { note: notes.join('，') } : {}), rate, reached, behind };
}

/**
 * The month strip's value for a month: the (lowest) completion rate of the counted indicators
 * whose value was reported in that very month, "31.7%"; undefined when none was. A rate, not the
 * amount, so that one short cell serves an item with several indicators as well as with one
 * (the indicator list below the strip gives each amount).
 */
export function stripValue(ms: MonthStatus): string | undefined {
  const rates = ms.indicators.flatMap((p) => (p.rate !== undefined && p.actual?.month === ms.month ? [p.rate] : []));
  return rates.length ? formatRate(Math.min(...rates)) : undefined;
}

/** The numbers' status of a month, when the month's report gave a counted value (then it is the public status). */
export function numbersStatus(ms: MonthStatus | undefined): Exclude<Status, '未报送'> | undefined {
  return ms?.report ? measuredStatus(ms.indicators) : undefined;
}

/**
 * What the numbers say beside the department's own words, where the numbers decide:
 * "19 / 60 部" for each counted indicator with a value (the behind ones first).
 */
export function numbersDetail(ms: MonthStatus): string {
  const counted = ms.indicators.filter((p) => isCounted(p.indicator) && p.rate !== undefined);
  const order = (p: IndicatorProgress) => (p.position === 'behind' ? 0 : 1);
  return [...counted]
    .sort((a, b) => order(a) - order(b))
    .map((p) => `${formatNumber(p.actual!.value.value)} / ${formatAmount(p.indicator.target)}`)
    .join('，');
}

/** "按数字：滞后（19 / 60 部）；部门自评：已完成" (the office's lists; the page sets the same in badges). */
export function basisSentence(ms: MonthStatus): string | undefined {
  const numbers = numbersStatus(ms);
  if (!numbers) return undefined;
  return `按数字：${numbers}（${numbersDetail(ms)}）；部门自评：${ms.reported}`;
}

/**
 * A bulletin's clause for one indicator: "累计完成19部，完成率31.7%，低于序时进度";
 * a standard: "现值900元/人，达到标准（不低于800元/人）". `named` puts the indicator's name first.
 */
export function bulletinClause(p: IndicatorProgress, named = false): string {
  const name = named ? p.indicator.name : '';
  if (!p.actual) return `${name}${named ? '' : '累计完成数'}尚未报送`;
  const value = formatAmount(p.actual.value, { tight: true });
  if (!isCounted(p.indicator)) {
    const what = p.indicator.kind === 'standard' ? '标准' : '目标';
    return `${name}现值${value}，${p.position === 'met' ? '达到' : '未达到'}${what}（${goal(p).replace(/ /g, '')}）`;
  }
  const word = p.position === 'reached' ? (p.rate! > 1 ? '超额完成' : '已达目标') : POSITION_WORD[p.position];
  return `${name}累计完成${value}，完成率${formatRate(p.rate!)}，${word}`;
}

// ---------------------------------------------------------------------------------------------
// Sets of items

export interface IndicatorTally {
  /** Quantity and money indicators, by position. */
  counted: number;
  reached: number;
  /** On the expected line or ahead of it. */
  onOrAhead: number;
  behind: number;
  unreported: number;
  /** Standards and bounds, met or not. */
  compared: number;
  met: number;
  notMet: number;
  comparedUnreported: number;
}

/** The indicators of `items` in `month` (default: each item's latest covered month), by position. */
export function indicatorTally(year: YearData, items: readonly Item[], month?: string): IndicatorTally {
  const t: IndicatorTally = {
    counted: 0,
    reached: 0,
    onOrAhead: 0,
    behind: 0,
    unreported: 0,
    compared: 0,
    met: 0,
    notMet: 0,
    comparedUnreported: 0,
  };
  for (const item of items) {
    if (item.indicators.length === 0) continue;
    const ms = monthStatusOf(year, item.key, month);
    const positions = ms ? ms.indicators.map((p) => p.position) : item.indicators.map(() => 'unreported' as const);
    item.indicators.forEach((indicator, i) => {
      const position = positions[i] ?? 'unreported';
      if (isCounted(indicator)) {
        t.counted++;
        if (position === 'reached') t.reached++;
        else if (position === 'on' || position === 'ahead') t.onOrAhead++;
        else if (position === 'behind') t.behind++;
        else t.unreported++;
      } else {
        t.compared++;
        if (position === 'met') t.met++;
        else if (position === 'not-met') t.notMet++;
        else t.comparedUnreported++;
      }
    });
  }
  return t;
}

/** The tally as the home and overview pages state it, one sentence per kind of indicator present. */
export function tallySentences(t: IndicatorTally): string[] {
  return [
    ...(t.counted
      ? [
          `数量和金额指标${t.counted}个：已达目标${t.reached}个，序时推进或超前${t.onOrAhead}个，低于序时进度${t.behind}个，尚未报送${t.unreported}个`,
        ]
      : []),
    ...(t.compared
      ? [`标准和幅度指标${t.compared}个：达到${t.met}个，未达到${t.notMet}个，尚未报送${t.comparedUnreported}个`]
      : []),
  ];
}

/**
 * A group's completion rate (the rate chart's measure): the mean of its counted indicators'
 * rates, each capped at 100 % (one 286 % does not hide a lagging one), over the indicators with
 * a value; undefined when none has one. `reported` of `counted` say how many it stands for.
 */
export function meanRate(year: YearData, items: readonly Item[], month?: string) {
  let counted = 0;
  const rates: number[] = [];
  for (const item of items) {
    const ms = monthStatusOf(year, item.key, month);
    for (const indicator of item.indicators.filter(isCounted)) {
      counted++;
      const rate = ms?.indicators.find((p) => p.indicator === indicator)?.rate;
      if (rate !== undefined) rates.push(Math.min(1, rate));
    }
  }
  const mean = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : undefined;
  return { counted, reported: rates.length, mean };
}
