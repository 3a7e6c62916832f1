/**
 * Who has reported for a month, who is late and who is missing, per department, against the
 * deadline of the notice: the 5th working day of the next month (the dataset's calendar,
 * calendar.ts: public holidays and adjusted working days from `chinese-days` and
 * content/holidays/YYYY.csv).
 *
 * The lead unit reports for an item; a report filed by another responsible unit of the item
 * still counts for it. An item reported complete in an earlier month needs no report.
 */
import { completedBefore, itemsLedBy, itemsWithoutLead, reportingUnits } from '../../src/core/model/stats.ts';
import type { Dataset, Item, Report, Unit, YearData } from '../../src/core/model/types.ts';
import { LuoshiError, coded } from '../../src/core/errors/errors.ts';
import { basisSentence } from '../../src/core/present/progress.ts';

/** One item's state for the month. */
export type ItemReporting = '按时报送' | '逾期报送' | '未报送' | '尚未到期' | '无需报送';

/** A department's state for the month. */
export type UnitReporting = '已按时报送' | '逾期报送' | '未报送' | '部分未报送' | '尚未报送（未到期）' | '无需报送';

export interface UnitStatus {
  unit: Unit;
  state: UnitReporting;
  items: { item: Item; state: ItemReporting; report?: Report }[];
  counts: Record<ItemReporting, number>;
  /** Latest 填报时间 among the unit's reports of the month. */
  lastFiled?: string;
}

export interface MonthReporting {
  month: string;
  deadline: string;
  /** The date the record is judged on. */
  asOf: string;
  /** The deadline has passed on `asOf`. */
  overdue: boolean;
  units: UnitStatus[];
  /** Items no department leads (only collective references): listed for the office to chase. */
  unassigned: { item: Item; state: ItemReporting; report?: Report }[];
  totals: Record<UnitReporting, number>;
  /**
   * Items whose reported numbers and own 评价 say different things this month (the public
   * status follows the numbers): "按数字：滞后（19 / 60 部）；部门自评：已完成", for the office to query.
   */
  disagreements: { item: Item; basis: string }[];
}

function itemState(
  year: YearData,
  item: Item,
  month: string,
  deadline: string,
  asOf: string,
): { state: ItemReporting; report?: Report } {
  const report = year.reportsByItem.get(item.key)?.find((r) => r.month === month);
  if (report) return { state: report.filed > deadline ? '逾期报送' : '按时报送', report };
  if (completedBefore(year, item.key, month)) return { state: '无需报送' };
  return { state: asOf > deadline ? '未报送' : '尚未到期' };
}

function emptyItemCounts(): Record<ItemReporting, number> {
  return { 按时报送: 0, 逾期报送: 0, 未报送: 0, 尚未到期: 0, 无需报送: 0 };
}

/** The year `year` of the content, or the office's error naming the years there are. */
export function yearOf(dataset: Dataset, year: number): YearData {
  const found = dataset.years.find((y) => y.year === year);
  if (!found) throw coded(LuoshiError, 'LS-CLI-019', { year, years: dataset.years.map((y) => y.year).join('、') || '无' });
  return found;
}

/** The reporting record of every department for `month`, judged on `asOf` (YYYY-MM-DD). */
export function monthReporting(dataset: Dataset, month: string, asOf: string): MonthReporting {
  const year = yearOf(dataset, Number(month.slice(0, 4)));
  const deadline = dataset.calendar.reportDeadline(month);
  const overdue = asOf > deadline;
  const totals: Record<UnitReporting, number> = {
    已按时报送: 0,
    逾期报送: 0,
    未报送: 0,
    部分未报送: 0,
    '尚未报送（未到期）': 0,
    无需报送: 0,
  };
  const units: UnitStatus[] = reportingUnits(dataset, year).map((unit) => {
    const items = itemsLedBy(year, unit.id).map((item) => ({ item, ...itemState(year, item, month, deadline, asOf) }));
    const counts = emptyItemCounts();
    for (const i of items) counts[i.state]++;
    const reported = counts.按时报送 + counts.逾期报送;
    const open = counts.未报送 + counts.尚未到期;
    let state: UnitReporting;
    if (open === 0) state = reported === 0 ? '无需报送' : counts.逾期报送 > 0 ? '逾期报送' : '已按时报送';
    else if (!overdue) state = '尚未报送（未到期）';
    else state = reported > 0 ? '部分未报送' : '未报送';
    totals[state]++;
    const filed = items.flatMap((i) => (i.report ? [i.report.filed] : [])).sort();
    return { unit, state, items, counts, lastFiled: filed.at(-1) };
  });
  const unassigned = itemsWithoutLead(year).map((item) => ({ item, ...itemState(year, item, month, deadline, asOf) }));
  return { month, deadline, asOf, overdue, units, unassigned, totals, disagreements: disagreementsIn(year, month) };
}

/** The items of `year` whose numbers and 评价 disagree in `month` (status.ts: `disagrees`), in item order. */
export function disagreementsIn(year: YearData, month: string): { item: Item; basis: string }[] {
  return year.items.flatMap((item) => {
    const ms = year.status.get(item.key)?.months.find((m) => m.month === month);
    const basis = ms?.disagrees ? basisSentence(ms) : undefined;
    return basis ? [{ item, basis }] : [];
  });
}

/** The groups the office reads a month's record in, in this order (a group with no unit is left out). */
const GROUPS: [UnitReporting, string][] = [
  ['已按时报送', '已按时报送'],
  ['逾期报送', '逾期报送'],
  ['部分未报送', '部分未报送'],
  ['未报送', '未报送'],
  ['尚未报送（未到期）', '尚未报送（未到期）'],
  ['无需报送', '无需报送（牵头事项均已完成）'],
];

/** The units of a month's record by state, for `npm run status` and 报送情况.md alike. */
export function reportingGroups(r: MonthReporting): { state: UnitReporting; label: string; units: UnitStatus[] }[] {
  return GROUPS.map(([state, label]) => ({ state, label, units: r.units.filter((u) => u.state === state) })).filter(
    (g) => g.units.length > 0,
  );
}

/** An item of the month still to chase: not reported, reported late, or not yet due. */
export function isOpenItem(state: ItemReporting): boolean {
  return state === '未报送' || state === '逾期报送' || state === '尚未到期';
}

/** The one-line count of the month's record by state. */
export function totalsLine(r: MonthReporting): string {
  const t = r.totals;
  return `合计 ${r.units.length} 个单位：按时 ${t.已按时报送}，逾期 ${t.逾期报送}，部分未报 ${t.部分未报送}，未报 ${t.未报送}，未到期 ${t['尚未报送（未到期）']}，无需报送 ${t.无需报送}。`;
}
