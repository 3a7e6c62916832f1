/**
 * The indicator values of an import (the forms' indicator block, indicator-cells.ts). Pure:
 * 1. a form row's indicator rows are read as numbers in each indicator's unit by the model's
 *    number reader; a value it refuses (约7千人, 大部分, a unit that does not match) is a problem
 *    on its own cell, with the catalogue message the loader gives the same value in a file;
 * 2. the values ride beside the item's report or plan row as merge fields (`#2:actual`), with
 *    the values already in content/ beside the existing rows, so the merge (merge.ts) decides
 *    added / unchanged / conflict for the item as a whole;
 * 3. after the merge, each item the import adds or replaces gets exactly the rows its form gave
 *    in the month's actuals/YYYY-MM.csv (or the year's indicator-plans.csv): an empty cell is no
 *    row. Other items' rows stay as they are, where they are.
 * The merged files are then validated by the core like every other file of the import, so a
 * falling cumulative value or 全部完成 below the target without an explanation is refused by the
 * loader's own rule, located back on the form's cell.
 */
import { numberRefusal } from '../../src/core/content/number-refusals.ts';
import { issueOf } from '../../src/core/errors/catalogue.ts';
import { readQuantity } from '../../src/core/model/quantity.ts';
import type { Indicator, YearData } from '../../src/core/model/types.ts';
import type { FormKind } from './forms.ts';
import type { FormError, FormRow, ParsedForm } from './form-read.ts';
import { PLAN_QUARTERS, VALUE_FIELDS, indicatorNumber, mergeField, parseMergeField } from './indicator-cells.ts';
import type { Origin } from './merge.ts';

/** The content file beside a form's own: a month's actuals, or the year's quarterly planned numbers. */
export type SideKind = 'actuals' | 'indicator-plans';

export function sideKindOf(kind: FormKind): SideKind {
  return kind === 'report' ? 'actuals' : 'indicator-plans';
}

/** `2020/reports/2020-07.csv` → `2020/actuals/2020-07.csv`; `2020/plans.csv` → `2020/indicator-plans.csv`. */
export function sideFileOf(kind: FormKind, rel: string): string {
  return kind === 'report'
    ? rel.replace(/\/reports\/([^/]+)$/, '/actuals/$1')
    : rel.replace(/plans\.csv$/, 'indicator-plans.csv');
}

/** Where a side file's field is on the form (the indicator's number is its 指标 cell). */
export const FIELD_ON_FORM: Record<SideKind, Record<string, string>> = {
  actuals: { item: 'item', no: 'indicator', month: 'month', actual: 'actual' },
  'indicator-plans': { item: 'item', no: 'indicator', ...Object.fromEntries(PLAN_QUARTERS.map((q) => [q, `plan_${q}`])) },
};

/** The content field a form's value cell fills: `actual`, or `q1` … `q4` of indicator-plans.csv. */
const contentField = (formField: string) => formField.replace(/^plan_/, '');

/** A value as the content stores it: the number in the indicator's unit, when it reads as one. */
function normalised(text: string, indicator: Indicator | undefined): string {
  if (!indicator || text === '') return text;
  const reading = readQuantity(text, indicator.target.unit);
  return reading.ok ? String(reading.quantity.value) : text;
}

const indicatorOf = (year: YearData | undefined, item: string, no: number) =>
  year?.itemByKey.get(item)?.indicators.find((i) => i.no === no);

/**
 * Step 1: a form row's indicator values as merge fields, the form cell each came from, and the
 * values refused. A value for an indicator the item does not have is kept as written: the
 * loader then names the indicator that is missing.
 */
export function readIndicatorValues(
  form: ParsedForm,
  row: FormRow,
  year: YearData | undefined,
): { values: Record<string, string>; cells: Map<string, Origin>; errors: FormError[] } {
  const values: Record<string, string> = {};
  const cells = new Map<string, Origin>();
  const errors: FormError[] = [];
  for (const line of row.indicators ?? []) {
    const filled = VALUE_FIELDS[form.kind].filter((f) => line.values[f] !== '');
    const no = indicatorNumber(line.label);
    if (no === undefined) {
      if (filled.length > 0) {
        const at = form.locate(line.row, 'indicator');
        errors.push(
          issueOf('LS-FORM-038', { file: form.file, row: line.row, column: at.column, label: at.label, value: line.label }),
        );
      }
      continue;
    }
    const indicator = indicatorOf(year, row.values.item, no);
    for (const field of VALUE_FIELDS[form.kind]) {
      const name = mergeField(no, contentField(field));
      const text = line.values[field];
      cells.set(name, { file: form.file, row: line.row });
      values[name] = normalised(text, indicator);
      if (!indicator || text === '') continue;
      const reading = readQuantity(text, indicator.target.unit);
      if (reading.ok) continue;
      const at = form.locate(line.row, field);
      const where = { file: form.file, row: line.row, column: at.column, label: at.label, value: text };
      const refusal =
        form.kind === 'report'
          ? numberRefusal('actual', reading, where, indicator.target.unit)
          : numberRefusal('plan', reading, where, indicator.target.unit);
      if (refusal) errors.push(refusal);
    }
  }
  return { values, cells, errors };
}

/** Step 2: the side file's rows as merge fields of each item, values normalised like the form's. */
export function existingValues(
  kind: SideKind,
  rows: readonly { values: Record<string, string> }[],
  year: YearData | undefined,
): Map<string, Record<string, string>> {
  const byItem = new Map<string, Record<string, string>>();
  for (const { values } of rows) {
    const no = Number(values.no);
    const fields = byItem.get(values.item) ?? byItem.set(values.item, {}).get(values.item)!;
    const indicator = indicatorOf(year, values.item, no);
    for (const f of kind === 'actuals' ? ['actual'] : PLAN_QUARTERS)
      fields[mergeField(no, f)] = normalised(values[f] ?? '', indicator);
  }
  return byItem;
}

/** An item's side rows from its merged values: one per indicator with a value, by number. */
function rowsOf(
  kind: SideKind,
  item: string,
  values: Record<string, string>,
  month: string | undefined,
): { values: Record<string, string>; no: number }[] {
  const byNo = new Map<number, Record<string, string>>();
  for (const [name, value] of Object.entries(values)) {
    const f = parseMergeField(name);
    if (!f || value === '') continue;
    const row = byNo.get(f.no) ?? byNo.set(f.no, { item, no: String(f.no), ...(month ? { month } : {}) }).get(f.no)!;
    row[f.field] = value;
  }
  return [...byNo.entries()].sort((a, b) => a[0] - b[0]).map(([no, v]) => ({ values: v, no }));
}

/**
 * Step 3: the side file after the merge. `existing` are its rows; `merged` the form file's rows
 * after the merge (with merge fields); `replaced` the items whose rows the import sets; `cells`
 * where each item's merge fields came from on the forms.
 */
export function sideRows(
  kind: SideKind,
  month: string | undefined,
  existing: readonly { values: Record<string, string> }[],
  merged: readonly { values: Record<string, string> }[],
  replaced: ReadonlySet<string>,
  cells: ReadonlyMap<string, ReadonlyMap<string, Origin>>,
): { values: Record<string, string>; origin?: Origin }[] {
  const fresh = new Map<string, { values: Record<string, string>; origin?: Origin }[]>();
  for (const { values } of merged) {
    if (!replaced.has(values.item) || fresh.has(values.item)) continue;
    const origin = cells.get(values.item);
    fresh.set(
      values.item,
      rowsOf(kind, values.item, values, month).map((r) => ({
        values: r.values,
        origin: origin?.get(mergeField(r.no, kind === 'actuals' ? 'actual' : (PLAN_QUARTERS.find((q) => r.values[q]) ?? 'q1'))),
      })),
    );
  }
  const out: { values: Record<string, string>; origin?: Origin }[] = [];
  const done = new Set<string>();
  for (const row of existing) {
    const item = row.values.item;
    if (!fresh.has(item)) out.push({ values: row.values });
    else if (!done.has(item)) {
      out.push(...fresh.get(item)!);
      done.add(item);
    }
  }
  for (const [item, rows] of fresh) if (!done.has(item)) out.push(...rows);
  return out;
}
