/**
 * How an indicator's numbers are said: amounts with their unit (19部, 1.2亿元), completion rates
 * (31.7%), where a value stands against the expected line, and the one sentence the feeds and
 * charts give of an indicator in a month ("累计完成19部，完成率31.7%，低于序时进度"). Pure, and
 * imports only types and the model's rules: the charts, the feeds and the downloads use it.
 */
import { isCounted } from '../model/progress.ts';
import { formatRate } from './progress.ts';
import type { Indicator, IndicatorKind, IndicatorProgress, Position } from '../model/types.ts';

/** The kinds as the content files and the site name them. */
export const KIND_NAME: Record<IndicatorKind, string> = { quantity: '数量', money: '金额', standard: '标准', bound: '幅度' };

/**
 * A number as a reader reads it: at most two decimals, trailing zeros dropped, no grouping
 * (19, 156.92, 11100). Reported values are typed with few decimals; an expected value is a
 * share of the target and is rounded here.
 */
export function formatAmount(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** The amount rounded as formatAmount says it, as a number (a chart's values and table cells). */
export function roundAmount(value: number): number {
  return Number(formatAmount(value));
}

/** 19 and 部 → "19部"; 3 and % → "3%". */
export function formatQuantity(value: number, unit: string): string {
  return `${formatAmount(value)}${unit}`;
}

// One rate format for the whole site: the item page's (a value short of its target never reads 100%).
export { formatRate } from './progress.ts';

/** A rate as the downloads give it: the percentage as a number with one decimal (31.7), or ''. */
export function ratePercent(rate: number | undefined): string {
  return rate === undefined ? '' : formatAmount(Math.round(rate * 1000) / 10);
}

/** A standard's or bound's target with its comparison: 不低于3480元/年/人, 6%左右. */
export function targetPhrase(indicator: Pick<Indicator, 'target' | 'comparison'>): string {
  const target = formatQuantity(indicator.target.value, indicator.target.unit);
  if (indicator.comparison === '左右') return `${target}左右`;
  return indicator.comparison ? `${indicator.comparison}${target}` : target;
}

/** Where a value stands, in words (FORMATS.md 「公开状态如何计算」). */
export const POSITION_WORDS: Record<Position, string> = {
  reached: '已达目标',
  ahead: '超前于序时进度',
  on: '序时推进',
  behind: '低于序时进度',
  met: '达到目标',
  'not-met': '未达到目标',
  unreported: '尚未报送',
};

/**
 * One indicator in one month, in a sentence without its name:
 * - quantity or money: 累计完成19部，完成率31.7%，低于序时进度 (超额 above the target);
 * - standard or bound: 现值3840元/年/人，达到目标（不低于3480元/年/人）;
 * - nothing reported yet: 尚未报送（目标60部）.
 */
export function progressSentence(p: IndicatorProgress): string {
  const { indicator, actual } = p;
  const unit = indicator.target.unit;
  if (!actual)
    return `${POSITION_WORDS.unreported}（目标${isCounted(indicator) ? formatQuantity(indicator.target.value, unit) : targetPhrase(indicator)}）`;
  const value = formatQuantity(actual.value.value, unit);
  if (!isCounted(indicator)) return `现值${value}，${POSITION_WORDS[p.position]}（${targetPhrase(indicator)}）`;
  return `累计完成${value}，完成率${formatRate(p.rate ?? actual.value.value / indicator.target.value)}，${positionWord(p)}`;
}

/** Where a value stands in words; above a quantity's or money's target: 超额完成. */
export function positionWord(p: Pick<IndicatorProgress, 'position' | 'rate'>): string {
  return p.position === 'reached' && (p.rate ?? 0) > 1 ? '超额完成' : POSITION_WORDS[p.position];
}
