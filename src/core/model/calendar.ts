/**
 * Report deadlines. The notice: reports are due "于次月初5个工作日内", i.e. by the 5th
 * working day of the next month. Working days follow the State Council's holiday
 * arrangements, including adjusted working days (调休), taken from the `chinese-days`
 * package, which is maintained from the official notices (and includes the 2020 Spring
 * Festival extension to 2 February).
 */
import chineseDays from 'chinese-days';

const { isWorkday } = chineseDays;

export const WORKING_DAYS_TO_REPORT = 5;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `2020-01` → `2020-02`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The n-th working day on or after the first day of `month`. */
export function nthWorkingDay(month: string, n: number): string {
  let date = `${month}-01`;
  let count = 0;
  for (;;) {
    if (isWorkday(date)) {
      count++;
      if (count === n) return date;
    }
    date = addDays(date, 1);
  }
}

const deadlines = new Map<string, string>();

/** The last day on which the report for `month` is on time. */
export function reportDeadline(month: string): string {
  let deadline = deadlines.get(month);
  if (!deadline) {
    deadline = nthWorkingDay(nextMonth(month), WORKING_DAYS_TO_REPORT);
    deadlines.set(month, deadline);
  }
  return deadline;
}

/** All months of a year, `YYYY-01` … `YYYY-12`. */
export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** `2020-03` → 3. */
export function monthNumber(month: string): number {
  return Number(month.slice(5, 7));
}

/** The quarter of a month, 0-based: `2020-03` → 0, `2020-04` → 1. */
export function quarterOf(month: string): 0 | 1 | 2 | 3 {
  return Math.floor((monthNumber(month) - 1) / 3) as 0 | 1 | 2 | 3;
}
