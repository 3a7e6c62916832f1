/**
 * The public status of an item in a month. What the department reports (`reported`):
 * - 已完成   the item was reported complete in this month or earlier, and not reopened since;
 * - 序时推进 this month's report says the month's share of the quarterly target was met (完成);
 * - 滞后     this month's report says it was not (未完成);
 * - 未报送   the report was due (its deadline passed on the data date) and none was filed.
 * Where the month's report gives a quantity or money value, the numbers decide the public status
 * instead (progress.ts: reached, on or ahead of, or behind the expected line), and a status the
 * numbers and the department's own words do not share is marked `disagrees`.
 */
import { monthsOfYear, type HolidayCalendar } from './calendar.ts';
import { indicatorProgress, measuredStatus } from './progress.ts';
import type { Indicator, ItemStatus, MonthStatus, Report, YearData } from './types.ts';

/** What an item's numbers are measured with: its indicators and its deadline read as a month. */
export interface Measures {
  indicators: readonly Indicator[];
  /** 完成时限 as a month (YYYY-MM), when it names one. */
  deadlineMonth?: string;
}

// The four statuses are part of the record's shape (types.ts); offered here with their rules.
export { STATUSES } from './types.ts';

/**
 * The months of `year` that the public record covers on `dataDate`: every month whose report
 * deadline has passed, plus any later month for which a report was already filed.
 */
export function coveredMonths(
  year: number,
  dataDate: string,
  reportedMonths: Iterable<string>,
  calendar: HolidayCalendar,
): string[] {
  const reported = new Set(reportedMonths);
  return monthsOfYear(year).filter((m) => reported.has(m) || calendar.deadlinePassed(m, dataDate));
}

/**
 * Status of one item over the covered months. `reports` are that item's reports, any order.
 * A month without a report is covered because its deadline passed, so `calendar` knows it.
 */
export function deriveItemStatus(
  reports: Report[],
  months: string[],
  calendar: HolidayCalendar,
  measures: Measures = { indicators: [] },
): ItemStatus {
  const byMonth = new Map(reports.map((r) => [r.month, r]));
  const result: MonthStatus[] = [];
  let completedIn: string | undefined;
  for (const month of months) {
    const report = byMonth.get(month);
    if (report) {
      if (report.itemComplete) completedIn ??= month;
      else completedIn = undefined; // reopened (records.ts requires an explanation in `note`)
    }
    const reported = completedIn ? '已完成' : report ? (report.evaluation === '完成' ? '序时推进' : '滞后') : '未报送';
    const indicators = measures.indicators.map((i) => indicatorProgress(i, month, measures.deadlineMonth));
    const measured = report ? measuredStatus(indicators) : undefined;
    result.push({
      month,
      status: measured ?? reported,
      reported,
      indicators,
      disagrees: measured !== undefined && measured !== reported,
      report,
      deadline: report?.deadline ?? calendar.reportDeadline(month),
    });
  }
  return { months: result, current: result.at(-1), completedIn };
}

/**
 * Whether an item stood complete before `month`: the status rule above applied to its earlier
 * reports (reported complete, not reopened since). Forms and the reporting record use it to
 * skip items that need no report.
 */
export function completeBefore(reports: readonly Report[], month: string): boolean {
  const earlier = reports.filter((r) => r.month < month);
  // The same rule as deriveItemStatus over reported months only (no deadline is needed).
  let completedIn: string | undefined;
  for (const r of [...earlier].sort((a, b) => a.month.localeCompare(b.month))) {
    if (r.itemComplete) completedIn ??= r.month;
    else completedIn = undefined;
  }
  return completedIn !== undefined;
}

/**
 * What a year's validated records say about its items on the data date: the covered months and
 * each item's status over them. The loader's last step for a year; pure, so anything holding
 * the year's items and reports can derive the same.
 */
export function deriveYearStatus(
  year: Pick<YearData, 'year' | 'items' | 'reportsByItem'>,
  dataDate: string,
  calendar: HolidayCalendar,
): Pick<YearData, 'months' | 'status'> {
  const reported = [...year.reportsByItem.values()].flatMap((list) => list.map((r) => r.month));
  const months = coveredMonths(year.year, dataDate, reported, calendar);
  const status = new Map(
    year.items.map((i) => [
      i.key,
      deriveItemStatus(year.reportsByItem.get(i.key) ?? [], months, calendar, {
        indicators: i.indicators,
        deadlineMonth: i.deadlineMonth,
      }),
    ]),
  );
  return { months, status };
}
