/**
 * Progress derived from numbers: each indicator's reported value against its target and against
 * the value expected by now, and what that says about an item in a month. Pure; the rules are
 * written on the status page (src/pages/…/status) in the same words:
 *
 * - rate = cumulative actual ÷ target (quantity and money); above 100 % is 超额;
 * - expected by the end of month m: from the quarterly plan's numbers (附件3) where it gives
 *   them, straight between them (0 at the start of the year, the target at the deadline);
 *   otherwise straight from January to the deadline (完成时限, or the year's end);
 * - on the line: within 2 % of the target of the expected value; above it ahead, below it behind;
 * - a standard or a bound is met or not (不低于: value ≥ target; 不高于: value ≤ target;
 *   左右: within 10 % of the target either side), never a rate;
 * - an item whose month's report gives a quantity or money value follows the numbers: 已完成
 *   when every such indicator reached its target, 滞后 when any is behind, else 序时推进.
 */
import type { Actual, Indicator, IndicatorProgress, Position, Status } from './types.ts';

/** How far from the expected value still counts as on the line, as a share of the target. */
export const ON_LINE_TOLERANCE = 0.02;
/** How far from the target a 左右 value may be and still meet it, as a share of the target. */
export const ABOUT_TOLERANCE = 0.1;

/** Months from the start of `year` to the end of `month` (YYYY-MM): 2020-03 in 2020 is 3. */
function monthsInto(year: number, month: string): number {
  return (Number(month.slice(0, 4)) - year) * 12 + Number(month.slice(5, 7));
}

/** Whether an indicator is counted (a rate and an expected line) rather than compared. */
export function isCounted(indicator: Pick<Indicator, 'kind'>): boolean {
  return indicator.kind === 'quantity' || indicator.kind === 'money';
}

/**
 * The value expected by the end of `month`, in the target's unit. `deadlineMonth` (YYYY-MM) is
 * the item's 完成时限 read as a month, if it names one; the year's end otherwise.
 */
export function expectedValue(
  indicator: Pick<Indicator, 'year' | 'target' | 'quarterPlan'>,
  month: string,
  deadlineMonth?: string,
): number {
  const target = indicator.target.value;
  const end = Math.max(1, deadlineMonth ? monthsInto(indicator.year, deadlineMonth) : 12);
  const points: [number, number][] = [[0, 0]];
  indicator.quarterPlan?.forEach((planned, q) => {
    if (planned !== undefined) points.push([(q + 1) * 3, planned]);
  });
  if (!points.some(([x]) => x >= end)) points.push([end, target]);
  points.sort((a, b) => a[0] - b[0]);
  const x = monthsInto(indicator.year, month);
  if (x <= 0) return 0;
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1];
    const [x1, y1] = points[i];
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return points.at(-1)![1];
}

/** Whether a standard's or bound's value meets its target. */
export function meets(indicator: Pick<Indicator, 'target' | 'comparison'>, value: number): boolean {
  const target = indicator.target.value;
  switch (indicator.comparison) {
    case '不高于':
      return value <= target;
    case '左右':
      return Math.abs(value - target) <= ABOUT_TOLERANCE * Math.abs(target);
    default:
      return value >= target;
  }
}

/** The latest actual reported in `month` or before, if any (`actuals` oldest first). */
export function latestActual(actuals: readonly Actual[], month: string): Actual | undefined {
  let latest: Actual | undefined;
  for (const a of actuals) if (a.month <= month) latest = a;
  return latest;
}

/** Where `indicator` stands at the end of `month`. */
export function indicatorProgress(indicator: Indicator, month: string, deadlineMonth?: string): IndicatorProgress {
  const actual = latestActual(indicator.actuals, month);
  if (!isCounted(indicator)) {
    const position: Position = !actual ? 'unreported' : meets(indicator, actual.value.value) ? 'met' : 'not-met';
    return { indicator, month, actual, position };
  }
  const expected = expectedValue(indicator, month, deadlineMonth);
  if (!actual) return { indicator, month, expected, position: 'unreported' };
  const target = indicator.target.value;
  const value = actual.value.value;
  const rate = value / target;
  let position: Position;
  if (value >= target) position = 'reached';
  else if (Math.abs(value - expected) <= ON_LINE_TOLERANCE * target) position = 'on';
  else position = value > expected ? 'ahead' : 'behind';
  return { indicator, month, actual, rate, expected, position };
}

/**
 * What the numbers say of an item in `month`: undefined unless the month's report gave a value
 * for a counted indicator (then the numbers decide, see the rule above).
 */
export function measuredStatus(progress: readonly IndicatorProgress[]): Exclude<Status, '未报送'> | undefined {
  const counted = progress.filter((p) => isCounted(p.indicator));
  if (!counted.some((p) => p.actual?.month === p.month)) return undefined;
  if (counted.some((p) => p.position === 'behind')) return '滞后';
  if (counted.every((p) => p.position === 'reached')) return '已完成';
  return '序时推进';
}
