/**
 * The indicator block of the forms. On 附件4 an item with indicators takes one row per indicator:
 * its name and unit, its target, and the 累计完成 cell (for a standard or a bound: the current
 * value, 现值). On 附件3 the same rows carry the planned cumulative value at each quarter's end
 * (quantities and money only: a standard has no cumulative plan). The item's own cells span its
 * indicator rows (merged), so an item without indicators keeps its single row. The block sits
 * after the notice's columns, so their letters do not move, and a form without it (issued before,
 * or for a unit whose items have no indicator) reads as before.
 *
 * Here: the columns, the pre-filled texts, how a row's indicator is known again on reading (the
 * number before its name, "2. 回迁安置（套）"), and the merge fields that carry an item's values
 * beside its report or plan row during the import (form-import.ts), so that a changed number is a
 * changed row, refused unless replacing, like any other cell.
 */
import { isCounted } from '../../src/core/model/progress.ts';
import type { Indicator, Item } from '../../src/core/model/types.ts';
import type { FormColumn, FormKind } from './forms.ts';

const INDICATOR: FormColumn = { field: 'indicator', header: '指标（计量单位）', width: 24, input: false, indicator: true };
const GOAL: FormColumn = { field: 'goal', header: '目标', width: 14, input: false, indicator: true };

/** 附件4: the value cell's header says 累计完成, and that a standard or bound takes its current value. */
export const REPORT_INDICATOR_COLUMNS: readonly FormColumn[] = [
  INDICATOR,
  GOAL,
  { field: 'actual', header: '累计完成（标准、幅度填现值）', width: 16, input: true, indicator: true },
];

const QUARTER_NAMES = ['一', '二', '三', '四'];
/** The content columns of indicator-plans.csv, one per quarter. */
export const PLAN_QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;

/** 附件3: the planned cumulative value at each quarter's end, under one header. */
export const PLAN_INDICATOR_COLUMNS: readonly FormColumn[] = [
  INDICATOR,
  GOAL,
  ...PLAN_QUARTERS.map((q, i): FormColumn => ({
    field: `plan_${q}`,
    header: '季度末计划累计完成数',
    sub: `${QUARTER_NAMES[i]}季度末`,
    width: 11,
    input: true,
    indicator: true,
  })),
];

/** The value fields of the block (what a department fills in), by form. */
export const VALUE_FIELDS: Record<FormKind, readonly string[]> = {
  report: ['actual'],
  plan: PLAN_QUARTERS.map((q) => `plan_${q}`),
};

/** The indicators a form lists for an item: all on 附件4, the counted ones on 附件3. */
export function formIndicators(kind: FormKind, item: Item): Indicator[] {
  return kind === 'report' ? item.indicators : item.indicators.filter(isCounted);
}

/** The 指标 cell: its number, name and unit; a standard or bound asks for its current value. */
export function indicatorLabel(indicator: Indicator): string {
  const unit = indicator.target.unit;
  // A name that already ends with its unit (回迁安置（套）) does not say it twice.
  const name = indicator.name.endsWith(`（${unit}）`) ? indicator.name.slice(0, -unit.length - 2) : indicator.name;
  return `${indicator.no}. ${name}（${isCounted(indicator) ? unit : `${unit}，填现值`}）`;
}

/** The 目标 cell: 60部, 不低于800元/人, 6%左右. */
export function goalText(indicator: Indicator): string {
  const value = `${indicator.target.value}${indicator.target.unit}`;
  if (indicator.comparison === '左右') return `${value}左右`;
  return indicator.comparison ? `${indicator.comparison}${value}` : value;
}

/** The indicator a 指标 cell names, by the number before its name; undefined when that was edited away. */
export function indicatorNumber(label: string): number | undefined {
  const m = /^\s*(\d+)\s*[.．、]/.exec(label);
  return m ? Number(m[1]) : undefined;
}

/** The pre-filled value cells of an indicator's row: this month's value, or the plan's numbers. */
export function indicatorCells(kind: FormKind, indicator: Indicator, month?: string): Record<string, string> {
  const cells: Record<string, string> = { indicator: indicatorLabel(indicator), goal: goalText(indicator) };
  if (kind === 'report') {
    const actual = indicator.actuals.find((a) => a.month === month);
    if (actual) cells.actual = String(actual.value.value);
  } else {
    PLAN_QUARTERS.forEach((q, i) => {
      const planned = indicator.quarterPlan?.[i];
      if (planned !== undefined) cells[`plan_${q}`] = String(planned);
    });
  }
  return cells;
}

// ---------------------------------------------------------------------------------------------
// Merge fields: an item's indicator values beside its report or plan row

/** `#2:actual`, `#2:q3`: indicator 2's value in the merge (never a content column: they start with #). */
export function mergeField(no: number, field: string): string {
  return `#${no}:${field}`;
}

export function parseMergeField(field: string): { no: number; field: string } | undefined {
  const m = /^#(\d+):(\w+)$/.exec(field);
  return m ? { no: Number(m[1]), field: m[2] } : undefined;
}

/** The office's name of a merge field in a conflict: 指标2 累计完成, 指标2 一季度末计划累计完成数. */
export function mergeFieldLabel(field: string): string | undefined {
  const f = parseMergeField(field);
  if (!f) return undefined;
  const quarter = PLAN_QUARTERS.indexOf(f.field as (typeof PLAN_QUARTERS)[number]);
  return `指标${f.no} ${quarter >= 0 ? `${QUARTER_NAMES[quarter]}季度末计划累计完成数` : '累计完成'}`;
}
