/**
 * A year's records: the plans (plans.csv), the withdrawals (withdrawals.csv) and the monthly
 * reports (reports/YYYY-MM.csv), each row checked in its own scope against the items, the
 * registries, the plans and the data date; then the rules across a whole item's reports.
 */
import path from 'node:path';
import type { HolidayCalendar } from '../model/calendar.ts';
import { issueOf } from '../errors/catalogue.ts';
import type { IssueLocation } from '../errors/issues.ts';
import type { Item, Plan, Report, Withdrawal } from '../model/types.ts';
import { cellOf, type LoadContext } from './context.ts';
import { entryNames, exists } from './files.ts';
import { inCoveredYear } from './holidays.ts';
import { itemNamed, type YearItems } from './items.ts';
import type { Names } from './registries.ts';
import { isRealMonth } from './schema.ts';
import type { Scope } from './scope.ts';

export interface YearRecords {
  plans: Plan[];
  planByItem: Map<string, Plan>;
  withdrawals: Withdrawal[];
  reports: Report[];
  /** Reports of each item, oldest month first. */
  reportsByItem: Map<string, Report[]>;
}

/** What the records of a year are checked against. */
interface Against {
  ctx: LoadContext;
  /** The working days of the year's deadlines (library plus content/holidays). */
  calendar: HolidayCalendar;
  names: Names;
  year: number;
  items: YearItems;
  dataDate: string;
}

export function loadRecords(
  ctx: LoadContext,
  names: Names,
  dir: string,
  year: number,
  items: YearItems,
  dataDate: string,
  calendar: HolidayCalendar,
): YearRecords {
  const against: Against = { ctx, calendar, names, year, items, dataDate };
  const plans = loadPlans(against, path.join(dir, 'plans.csv'));
  const planByItem = new Map(plans.map((p) => [p.item, p]));
  const withdrawals = loadWithdrawals(against, path.join(dir, 'withdrawals.csv'));
  const reports = loadReports(against, path.join(dir, 'reports'), planByItem, withdrawals);
  const reportsByItem = new Map<string, Report[]>();
  for (const r of reports) {
    const list = reportsByItem.get(r.item) ?? [];
    list.push(r);
    reportsByItem.set(r.item, list);
  }
  for (const list of reportsByItem.values()) list.sort((a, b) => a.month.localeCompare(b.month));
  checkReopenedItems(ctx, reportsByItem);
  return { plans, planByItem, withdrawals, reports, reportsByItem };
}

/** The registry id of the unit a plan or report names, if it is one of the item's units. */
function unitOfItem(names: Names, scope: Scope, item: Item | undefined, name: string, at: IssueLocation): string | undefined {
  const unit = names.unitByName.get(name);
  if (!unit) {
    const candidates = names.candidates(name);
    scope.issue(candidates ? issueOf('LS-REF-021', at, { candidates }) : issueOf('LS-REF-022', at));
    return undefined;
  }
  if (item && !item.units.some((r) => r.type === 'unit' && r.id === unit.id)) {
    const named = item.units.flatMap((r) => (r.type === 'unit' ? [r.written] : [])).join('、');
    scope.issue(
      named ? issueOf('LS-REF-023', at, { item: item.key, units: named }) : issueOf('LS-REF-024', at, { item: item.key }),
    );
    return undefined;
  }
  return unit.id;
}

function loadPlans({ ctx, names, items, dataDate }: Against, abs: string): Plan[] {
  const plans: Plan[] = [];
  const seen = new Map<string, number>();
  // A new year has no plans until departments file them.
  const table = ctx.table('plans', abs, { optional: true });
  const file = table.file;
  for (const row of table.rows) {
    const d = row.data;
    const cell = (field: string) => cellOf(file, row, field);
    if (items.brokenKeys.has(d.item)) continue;
    const scope = ctx.scope();
    const item = itemNamed(items, scope, cell('item'));
    if (seen.has(d.item)) scope.issue(issueOf('LS-REF-020', cell('item'), { first: seen.get(d.item)! }));
    seen.set(d.item, row.line);
    const unitId = unitOfItem(names, scope, item, d.unit, cell('unit'));
    if (d.filed > dataDate) scope.issue(issueOf('LS-REF-025', cell('filed'), { date: dataDate }));
    if (!scope.ok || !unitId) continue;
    plans.push({
      year: item!.year,
      item: d.item,
      unitId,
      quarters: [d.q1, d.q2, d.q3, d.q4],
      principal: d.principal,
      deputy: d.deputy,
      note: d.note,
      filed: d.filed,
      source: { file, line: row.line },
      raw: row.raw,
    });
  }
  ctx.published(file, plans.length);
  return plans;
}

/** content/YYYY/withdrawals.csv (optional): reports taken back on purpose, each with its reason. */
function loadWithdrawals({ ctx, year, items, dataDate }: Against, abs: string): Withdrawal[] {
  const withdrawals: Withdrawal[] = [];
  const seen = new Map<string, number>();
  const table = ctx.table('withdrawals', abs, { optional: true });
  const file = table.file;
  for (const row of table.rows) {
    const d = row.data;
    const cell = (field: string) => cellOf(file, row, field);
    const scope = ctx.scope();
    if (!items.brokenKeys.has(d.item) && !items.itemByKey.has(d.item)) scope.issue(issueOf('LS-REF-019', cell('item')));
    if (!d.month.startsWith(`${year}-`)) scope.issue(issueOf('LS-WDR-002', cell('month'), { year, other: d.month.slice(0, 4) }));
    if (d.withdrawn > dataDate) scope.issue(issueOf('LS-WDR-003', cell('withdrawn'), { date: dataDate }));
    const key = `${d.item}@${d.month}`;
    if (seen.has(key)) scope.issue(issueOf('LS-WDR-004', cell('item'), { month: d.month, first: seen.get(key)! }));
    seen.set(key, row.line);
    if (!scope.ok) continue;
    withdrawals.push({
      year,
      item: d.item,
      month: d.month,
      withdrawn: d.withdrawn,
      reason: d.reason,
      source: { file, line: row.line },
      raw: row.raw,
    });
  }
  ctx.published(file, withdrawals.length);
  return withdrawals.sort((a, b) => a.month.localeCompare(b.month) || compareKeys(a.item, b.item));
}

function compareKeys(a: string, b: string): number {
  return a[0] === b[0] ? Number(a.slice(1)) - Number(b.slice(1)) : a[0] === 'T' ? -1 : 1;
}

function loadReports(
  { ctx, calendar, names, year, items, dataDate }: Against,
  dir: string,
  planByItem: Map<string, Plan>,
  withdrawals: Withdrawal[],
): Report[] {
  const reports: Report[] = [];
  if (ctx.isLink(dir) || !exists(dir)) return reports;
  const seen = new Map<string, string>();
  const withdrawn = new Map(withdrawals.map((w) => [`${w.item}@${w.month}`, w]));
  const withdrawalFile = ctx.display(path.join(path.dirname(dir), 'withdrawals.csv'));
  for (const name of entryNames(dir)) {
    const abs = path.join(dir, name);
    const file = ctx.display(abs);
    if (ctx.isLink(abs)) continue;
    const fileMonth = /^(\d{4}-\d{2})\.csv$/.exec(name)?.[1];
    if (!fileMonth) {
      ctx.issue(issueOf('LS-CSV-012', { file, line: 0 }, { year, folder: 'reports' }));
      continue;
    }
    if (!isRealMonth(fileMonth)) {
      ctx.issue(issueOf('LS-CSV-013', { file, line: 0, value: name }, { month: fileMonth, year }));
      continue;
    }
    if (!fileMonth.startsWith(`${year}-`)) {
      ctx.issue(issueOf('LS-CSV-014', { file, line: 0, value: name }, { year, other: fileMonth.slice(0, 4), folder: 'reports' }));
      continue;
    }
    let published = 0;
    const table = ctx.table('reports', abs);
    if (table.read === 0 && table.ok) {
      ctx.issue(issueOf('LS-WDR-001', { file, line: 1 }, { month: fileMonth, file, withdrawals: withdrawalFile }));
    }
    for (const row of table.rows) {
      const d = row.data;
      const cell = (field: string) => cellOf(file, row, field);
      const scope = ctx.scope();
      if (d.month !== fileMonth) scope.issue(issueOf('LS-REF-026', cell('month'), { month: fileMonth, other: d.month }));
      if (!d.month.startsWith(`${year}-`)) scope.issue(issueOf('LS-REF-027', cell('month'), { year, other: d.month.slice(0, 4) }));
      if (d.month > dataDate.slice(0, 7)) scope.issue(issueOf('LS-REF-028', cell('month'), { date: dataDate }));
      if (items.brokenKeys.has(d.item)) continue;
      const item = itemNamed(items, scope, cell('item'));
      const key = `${d.item}@${d.month}`;
      if (seen.has(key)) scope.issue(issueOf('LS-REF-029', cell('item'), { month: d.month, first: seen.get(key)! }));
      seen.set(key, `${file}:${row.line}`);
      const unitId = unitOfItem(names, scope, item, d.unit, cell('unit'));
      const w = withdrawn.get(key);
      if (w) scope.issue(issueOf('LS-WDR-005', cell('item'), { file: w.source.file, line: w.source.line }));
      if (d.filed < `${d.month}-01`) scope.issue(issueOf('LS-REF-030', cell('filed'), { month: d.month }));
      if (d.filed > dataDate) scope.issue(issueOf('LS-REF-025', cell('filed'), { date: dataDate }));
      const plan = planByItem.get(d.item);
      if (item && !plan) scope.issue(issueOf('LS-REF-031', cell('item')));
      else if (plan && d.month < plan.filed.slice(0, 7)) scope.issue(issueOf('LS-REF-032', cell('month'), { filed: plan.filed }));
      if (!scope.ok || !item || !unitId) continue;
      // A deadline in a year the calendar does not cover is an error naming the year, never a guess.
      const deadline = inCoveredYear(() => calendar.reportDeadline(d.month), cell('month'), ctx.issues);
      if (deadline === undefined) continue;
      reports.push({
        year,
        item: d.item,
        month: d.month,
        unitId,
        target: d.target,
        progress: d.progress,
        problems: d.problems,
        nextSteps: d.next_steps,
        evaluation: d.evaluation,
        itemComplete: d.item_complete,
        filed: d.filed,
        note: d.note,
        deadline,
        late: d.filed > deadline,
        source: { file, line: row.line },
        raw: row.raw,
      });
      published++;
    }
    ctx.published(file, published);
  }
  return reports;
}

/** An item reported complete that later reports "not complete" must say why. */
function checkReopenedItems(ctx: LoadContext, reportsByItem: Map<string, Report[]>): void {
  for (const list of reportsByItem.values()) {
    let completed: Report | undefined;
    for (const r of list) {
      if (r.itemComplete) completed = r;
      else if (completed) {
        if (r.note === '') {
          ctx.issue(
            issueOf(
              'LS-REF-033',
              { file: r.source.file, line: r.source.line, field: 'item_complete', value: '否' },
              { month: completed.month },
            ),
          );
        }
        completed = undefined;
      }
    }
  }
}
