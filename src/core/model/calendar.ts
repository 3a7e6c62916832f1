/**
 * Report deadlines. The notice: reports are due "于次月初5个工作日内", i.e. by the 5th
 * working day of the next month. Working days follow the State Council's holiday
 * arrangements, including adjusted working days (调休): a `HolidayCalendar` holds them as data,
 * year by year, from the `chinese-days` package (maintained from the official notices; it
 * includes the 2020 Spring Festival extension to 2 February) and from the office's own files
 * (content/holidays/YYYY.csv, read by the content layer), which win for their year.
 *
 * Never guess: a date in a year neither source covers is an `UncoveredYearError` naming the
 * year and the fix, not a calendar of plain weekdays (which would count 1 January as a
 * working day).
 */
// The package's own data (its functions answer per day and cannot say which years they cover).
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { coded, LuoshiError } from '../errors/errors.ts';

export const WORKING_DAYS_TO_REPORT = 5;

/** 休: a day off (holiday, or a weekday moved); 班: a working day (a weekend day moved). */
export const DAY_KINDS = ['休', '班'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** One year's arrangement: the days that differ from "Monday to Friday work, weekends off", and where it came from. */
export interface YearArrangement {
  year: number;
  days: ReadonlyMap<string, DayKind>;
  /** `chinese-days`, or the content file, e.g. `content/holidays/2027.csv`. */
  source: string;
}

/** A date in a year the calendar has no arrangement for. */
export class UncoveredYearError extends LuoshiError {
  override name = 'UncoveredYearError';
  year = 0;
}

function uncovered(year: number): UncoveredYearError {
  const error = coded(UncoveredYearError, 'LS-CAL-001', { year });
  error.year = year;
  return error;
}

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

export class HolidayCalendar {
  private readonly years: ReadonlyMap<number, YearArrangement>;
  private readonly deadlines = new Map<string, string>();

  constructor(arrangements: Iterable<YearArrangement>) {
    this.years = new Map([...arrangements].map((a) => [a.year, a]));
  }

  /** The library's arrangements, each year replaced by the office's own where it has one. */
  static withOverrides(overrides: Iterable<YearArrangement>): HolidayCalendar {
    const byYear = new Map(libraryArrangements().map((a) => [a.year, a]));
    for (const o of overrides) byYear.set(o.year, o);
    return new HolidayCalendar(byYear.values());
  }

  /** Whether the calendar has an arrangement for `year`. */
  covers(year: number): boolean {
    return this.years.has(year);
  }

  /** Where `year`'s arrangement comes from (undefined when it has none). */
  sourceOf(year: number): string | undefined {
    return this.years.get(year)?.source;
  }

  /** Is `date` (YYYY-MM-DD) a working day? Throws `UncoveredYearError` for a year without an arrangement. */
  isWorkday(date: string): boolean {
    const year = Number(date.slice(0, 4));
    const arrangement = this.years.get(year);
    if (!arrangement) throw uncovered(year);
    const kind = arrangement.days.get(date);
    if (kind) return kind === '班';
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The n-th working day on or after the first day of `month`. */
  nthWorkingDay(month: string, n: number): string {
    let date = `${month}-01`;
    let count = 0;
    for (;;) {
      if (this.isWorkday(date)) {
        count++;
        if (count === n) return date;
      }
      date = addDays(date, 1);
    }
  }

  /** The last day on which the report for `month` is on time. */
  reportDeadline(month: string): string {
    let deadline = this.deadlines.get(month);
    if (!deadline) {
      deadline = this.nthWorkingDay(nextMonth(month), WORKING_DAYS_TO_REPORT);
      this.deadlines.set(month, deadline);
    }
    return deadline;
  }

  /**
   * Whether the report deadline of `month` is before `date`. Where `date` is no later than
   * the earliest the deadline can be (the 5th working day is never before the 5th), the answer
   * needs no calendar, so December's reports are not "due" in a year nobody has arranged yet.
   */
  deadlinePassed(month: string, date: string): boolean {
    if (date <= `${nextMonth(month)}-${String(WORKING_DAYS_TO_REPORT).padStart(2, '0')}`) return false;
    return this.reportDeadline(month) < date;
  }
}

let library: YearArrangement[] | undefined;

/** The years chinese-days has, as arrangements: its holidays are 休, its moved working days 班. */
function libraryArrangements(): YearArrangement[] {
  if (library) return library;
  const days = new Map<number, Map<string, DayKind>>();
  const add = (dates: Record<string, string>, kind: DayKind) => {
    for (const date of Object.keys(dates)) {
      const year = Number(date.slice(0, 4));
      const map = days.get(year) ?? new Map<string, DayKind>();
      map.set(date, kind);
      days.set(year, map);
    }
  };
  add(chineseDays.holidays, '休');
  add(chineseDays.workdays, '班');
  library = [...days].map(([year, map]) => ({ year, days: map, source: 'chinese-days' }));
  return library;
}

/** The calendar of the library alone: for tools that have no content folder (the sample and bench generators). */
export const LIBRARY_CALENDAR = HolidayCalendar.withOverrides([]);

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
