/**
 * The SAMPLE numbers of a year's indicators, told from the same story as the sample reports
 * (sample.ts): for a quantity or money, the cumulative value in each month the item reported,
 * following the share of the work the report describes (behind in the months it says 未完成;
 * a little ahead or behind the plan otherwise); an item reported 全部完成 stands at its target or
 * above (some 超额); an item reopened after acceptance loses a few units in the month whose note
 * explains it, and holds until fixed. Months before anything is done have no value (the cell left
 * empty). A standard or a bound gets its current value near the target, short of it in some
 * items that fall behind. The plan's quarter-end numbers (indicator-plans.csv) are the plan's own
 * shares of the target, so the expected line follows the plan the reports are measured against.
 * Seeded (same seed, same bytes), pure.
 */
import { writeCsv } from '../../src/core/content/csv.ts';
import { ON_LINE_TOLERANCE, expectedValue, isCounted } from '../../src/core/model/progress.ts';
import type { Indicator, Item } from '../../src/core/model/types.ts';
import { mulberry32, seedOf } from './random.ts';
import type { Out } from './sample.ts';

const ACTUAL_COLUMNS = ['item', 'no', 'month', 'actual'];
const PLAN_COLUMNS = ['item', 'no', 'q1', 'q2', 'q3', 'q4'];
/** Share of completed items whose numbers pass the target (超额), and by how much at most. */
const OVER = { share: 0.6, most: 0.3 };
/** Share of other items whose numbers fall behind the plan from April although the reports say 完成. */
const LAGGING = 0.08;

/** A value as the office would write it: whole units for a whole target, else two decimals at most. */
function rounded(value: number, target: number): number {
  return Number.isInteger(target) ? Math.round(value) : Math.round(value * 100) / 100;
}

/** A current value: one decimal for percentages and small numbers, whole units above 100. */
function current(value: number, target: number, unit: string): number {
  return unit.includes('%') || target < 100 ? Math.round(value * 10) / 10 : Math.round(value);
}

/** The plan's quarter-end numbers of a counted indicator (indicator-plans.csv). */
function planned(indicator: Indicator, out: Out): number[] {
  const target = indicator.target.value;
  return out.planShares.map((f) => rounded(target * f, target));
}

/**
 * The cumulative values of a counted indicator by month (months without a value left out). A month
 * the report calls 完成 stands on or above the expected line, one it calls 未完成 below it (whole
 * units round across the line's 2 % tolerance otherwise); a lagging item falls below it from April.
 */
function countedValues(indicator: Indicator, out: Out, r: () => number, lagging: boolean): Map<number, number> {
  const target = indicator.target.value;
  const step = Number.isInteger(target) ? 1 : 0.01;
  const pace = 0.97 + r() * 0.08;
  const over = out.completedIn !== undefined && r() < OVER.share ? 1 + Math.round(r() * OVER.most * 100) / 100 : 1;
  const plan = planned(indicator, out);
  const line = (m: number) =>
    expectedValue(
      { year: indicator.year, target: indicator.target, quarterPlan: [plan[0], plan[1], plan[2], plan[3]] },
      `${indicator.year}-${String(m).padStart(2, '0')}`,
    ) -
    ON_LINE_TOLERANCE * target;
  const values = new Map<number, number>();
  let previous = 0;
  for (const [m, report] of [...out.reports].sort((a, b) => a[0] - b[0])) {
    let value: number;
    if (report.item_complete === '是') value = Math.max(previous, rounded(target * over, target));
    else if (out.reopened !== undefined && m >= out.reopened) {
      // Acceptance found faults: the month that says so (its note) takes some units off, then it holds.
      value = m === out.reopened ? rounded(previous * (0.9 + r() * 0.05), target) : previous;
    } else {
      value = rounded(target * out.shares[m] * pace, target);
      // Nothing done yet: the cell is left empty, unless the report says a goal above nothing was missed.
      if (value === 0 && previous === 0 && (report.evaluation !== '未完成' || line(m) <= 0)) continue;
      if (lagging && m >= 4) value = rounded(line(m) * (0.7 + r() * 0.15), target);
      if (report.evaluation === '未完成' || (lagging && m >= 4)) value = Math.min(value, Math.ceil(line(m) / step - 1) * step);
      else value = Math.max(value, Math.ceil(line(m) / step) * step);
      value = Math.max(previous, Math.min(rounded(value, target), rounded(target * 0.99, target)));
    }
    values.set(m, value);
    previous = value;
  }
  return values;
}

/** The current values of a standard or a bound by month: near the target, short of it while behind (and in a few items from March). */
function currentValues(indicator: Indicator, out: Out, r: () => number): Map<number, number> {
  const target = indicator.target.value;
  const unit = indicator.target.unit;
  const short = out.behind && r() < 0.6;
  // Some fall short from March on, whatever the report says (a growth rate below its aim).
  const under = r() < 0.15;
  const values = new Map<number, number>();
  for (const m of [...out.reports.keys()].sort((a, b) => a - b)) {
    const late = (short && m <= 4) || (under && m >= 3);
    let value: number;
    if (indicator.comparison === '不高于') value = target * (late ? 1.04 + r() * 0.06 : 0.85 + r() * 0.15);
    else if (indicator.comparison === '左右') value = target * (late ? 0.78 + r() * 0.08 : 0.92 + r() * 0.16);
    // 不低于: met at the target, or a little above it where the unit allows (a rate of 100% cannot be passed).
    else if (late) value = target * (0.9 + r() * 0.07);
    else value = unit === '%' && target >= 100 ? target : target * (1 + Math.round(r() * 5) / 100);
    values.set(m, current(value, target, unit));
  }
  return values;
}

export interface SampleNumbers {
  /** actuals/YYYY-MM.csv by month number, for the months with a value. */
  actuals: Map<number, string>;
  /** indicator-plans.csv. */
  plans: string;
}

/** The sample numbers of `items` (each with its story `out`), months 1 … `months`. */
export function sampleNumbers(
  items: readonly { item: Item; out: Out }[],
  options: { seed: string; year: number; months: number },
): SampleNumbers {
  const byMonth = new Map<number, Record<string, string>[]>();
  const plans: Record<string, string>[] = [];
  for (const { item, out } of items) {
    const r = mulberry32(seedOf(`${options.seed}:numbers:${item.key}`));
    const lagging = out.completedIn === undefined && !out.behind && r() < LAGGING;
    for (const indicator of item.indicators) {
      const counted = isCounted(indicator);
      const values = counted ? countedValues(indicator, out, r, lagging) : currentValues(indicator, out, r);
      for (const [m, value] of values) {
        const month = `${options.year}-${String(m).padStart(2, '0')}`;
        const rows = byMonth.get(m) ?? byMonth.set(m, []).get(m)!;
        rows.push({ item: item.key, no: String(indicator.no), month, actual: String(value) });
      }
      if (counted) {
        const [q1, q2, q3, q4] = planned(indicator, out).map(String);
        plans.push({ item: item.key, no: String(indicator.no), q1, q2, q3, q4 });
      }
    }
  }
  const actuals = new Map<number, string>();
  for (let m = 1; m <= options.months; m++) {
    const rows = byMonth.get(m);
    if (rows) actuals.set(m, writeCsv(ACTUAL_COLUMNS, rows).text);
  }
  return { actuals, plans: writeCsv(PLAN_COLUMNS, plans).text };
}
