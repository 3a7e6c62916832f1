/**
 * A year's indicator values (content/YYYY/actuals/YYYY-MM.csv, optional): one row per indicator
 * and month, the 累计完成 cells of the 附件4 form. Each row is checked in its own scope against
 * the item's indicators and the month's report; the value is read against the indicator's unit
 * by the model's number reader (约7千人, 大部分 or a unit that does not match is refused, never
 * guessed). Then the rules across months, which need the report's explanation (its note): a
 * cumulative value below the month before, and 全部完成 reported with a value below the target.
 */
import path from 'node:path';
import { issueOf } from '../errors/catalogue.ts';
import { isCounted } from '../model/progress.ts';
import { readQuantity } from '../model/quantity.ts';
import type { Actual, Indicator, Report } from '../model/types.ts';
import { numberRefusal } from './number-refusals.ts';
import { cellOf, type LoadContext } from './context.ts';
import { entryNames, exists } from './files.ts';
import { itemNamed, type YearItems } from './items.ts';
import { isRealMonth } from './schema.ts';


/** How a value is written back in messages: 19 部, 1.2 亿元. */
function shown(a: { value: number; unit: string }): string {
  return `${a.value}${a.unit}`;
}

/**
 * Read content/YYYY/actuals/ (if there is one): give each indicator its values, oldest first,
 * and return them all. `reportsByItem` are the year's validated reports.
 */
export function loadActuals(
  ctx: LoadContext,
  dir: string,
  year: number,
  items: YearItems,
  reportsByItem: Map<string, Report[]>,
): Actual[] {
  const actuals: Actual[] = [];
  const folder = path.join(dir, 'actuals');
  if (ctx.isLink(folder) || !exists(folder)) return actuals;
  const seen = new Map<string, string>();
  for (const name of entryNames(folder)) {
    const abs = path.join(folder, name);
    const file = ctx.display(abs);
    if (ctx.isLink(abs)) continue;
    const fileMonth = /^(\d{4}-\d{2})\.csv$/.exec(name)?.[1];
    if (!fileMonth) {
      ctx.issue(issueOf('LS-CSV-012', { file, line: 0 }, { year, folder: 'actuals' }));
      continue;
    }
    if (!isRealMonth(fileMonth)) {
      ctx.issue(issueOf('LS-CSV-013', { file, line: 0, value: name }, { month: fileMonth, year }));
      continue;
    }
    if (!fileMonth.startsWith(`${year}-`)) {
      ctx.issue(issueOf('LS-CSV-014', { file, line: 0, value: name }, { year, other: fileMonth.slice(0, 4), folder: 'actuals' }));
      continue;
    }
    const table = ctx.table('actuals', abs);
    let published = 0;
    for (const row of table.rows) {
      const d = row.data;
      const cell = (field: string) => cellOf(file, row, field);
      if (items.brokenKeys.has(d.item)) continue;
      const scope = ctx.scope();
      if (d.month !== fileMonth) scope.issue(issueOf('LS-REF-026', cell('month'), { month: fileMonth, other: d.month }));
      const item = itemNamed(items, scope, cell('item'));
      let indicator: Indicator | undefined;
      if (item) {
        indicator = item.indicators.find((i) => i.no === d.no);
        if (!indicator && item.indicators.length === 0) scope.issue(issueOf('LS-ACT-002', cell('item'), { item: d.item }));
        else if (!indicator) {
          const numbers = item.indicators.map((i) => i.no).join('、');
          scope.issue(issueOf('LS-ACT-001', cell('no'), { item: d.item, no: d.no, numbers }));
        }
        if (!reportsByItem.get(d.item)?.some((r) => r.month === d.month))
          scope.issue(issueOf('LS-ACT-004', cell('item'), { item: d.item, month: d.month }));
      }
      const key = `${d.item}#${d.no}@${d.month}`;
      const first = seen.get(key);
      if (first) scope.issue(issueOf('LS-ACT-003', cell('no'), { item: d.item, no: d.no, first }));
      else seen.set(key, `${file}:${row.line}`);
      const reading = indicator ? readQuantity(d.actual, indicator.target.unit) : undefined;
      if (reading && !reading.ok) {
        const issue = numberRefusal('actual', reading, cell('actual'), indicator!.target.unit);
        if (issue) scope.issue(issue);
      }
      if (!scope.ok || !indicator || !reading?.ok) continue;
      const actual: Actual = {
        year,
        item: d.item,
        no: d.no,
        month: d.month,
        value: reading.quantity,
        base: reading.base,
        source: { file, line: row.line },
        raw: row.raw,
      };
      actuals.push(actual);
      indicator.actuals.push(actual);
      published++;
    }
    ctx.published(file, published);
  }
  for (const item of items.items) {
    for (const indicator of item.indicators) {
      indicator.actuals.sort((a, b) => a.month.localeCompare(b.month));
      checkExplained(ctx, indicator, reportsByItem.get(item.key) ?? []);
    }
  }
  return actuals.sort((a, b) => a.month.localeCompare(b.month));
}

/**
 * A cumulative value below the month before, or 全部完成 reported with a counted indicator below
 * its target, must be explained in that month's report (its note), as a reopened item must.
 */
function checkExplained(ctx: LoadContext, indicator: Indicator, reports: readonly Report[]): void {
  if (!isCounted(indicator)) return;
  const reportOf = new Map(reports.map((r) => [r.month, r]));
  let previous: Actual | undefined;
  for (const a of indicator.actuals) {
    const report = reportOf.get(a.month);
    const column = a.raw.header.indexOf('actual');
    const at = { file: a.source.file, line: a.source.line, column: column + 1, field: 'actual', value: a.raw.cells[column] };
    if (report?.note === '') {
      if (previous && a.value.value < previous.value.value)
        ctx.issue(issueOf('LS-ACT-014', at, { value: shown(a.value), previous: `${previous.month}：${shown(previous.value)}` }));
      if (report.itemComplete && a.value.value < indicator.target.value)
        ctx.issue(issueOf('LS-ACT-015', at, { name: indicator.name, value: shown(a.value), target: shown(indicator.target) }));
    }
    previous = a;
  }
}
