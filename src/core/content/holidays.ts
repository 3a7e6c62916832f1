/**
 * The office's own holiday arrangements: content/holidays/YYYY.csv, one file a year, copied
 * from the State Council's notice (国务院办公厅关于YYYY年部分节假日安排的通知). A file is the
 * whole arrangement of its year and replaces the library's (chinese-days) for that year, so a
 * year the library does not know yet can be added the day the notice is published, and a
 * library mistake can be corrected.
 *
 *   date,kind,name
 *   2026-01-01,休,元旦
 *   2026-01-04,班,元旦
 *
 * `休` is a day off (every day of the holiday, weekends included), `班` a weekend day that is
 * worked (调休上班). Other days follow the week: Monday to Friday work, weekends off. Every
 * problem is collected with its file, line and column; a file with problems is not used (the
 * year then counts as not covered, and the loader's issues already stop the build).
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { issueOf } from '../errors/catalogue.ts';
import type { DataIssue } from '../errors/issues.ts';
import { DAY_KINDS, HolidayCalendar, UncoveredYearError, type DayKind, type YearArrangement } from '../model/calendar.ts';
import { readCsvBytes } from './csv.ts';
import { isRealDate } from './schema.ts';

const HOLIDAYS_DIR = 'holidays';
const COLUMNS = ['date', 'kind', 'name'] as const;
const WEEKDAYS = '日一二三四五六';

/** Read content/holidays/ (if any) into the calendar: the library's years, each replaced by a valid file for it. */
export function loadHolidayCalendar(root: string, display: (abs: string) => string, issues: DataIssue[]): HolidayCalendar {
  const dir = path.join(root, HOLIDAYS_DIR);
  const overrides: YearArrangement[] = [];
  if (existsSync(dir) && !lstatSync(dir).isSymbolicLink() && lstatSync(dir).isDirectory()) {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = path.join(dir, entry.name);
      // Symbolic links are refused by the loader's walk; an empty .gitkeep keeps the folder in git.
      if (entry.isSymbolicLink() || (entry.name === '.gitkeep' && entry.isFile() && lstatSync(abs).size === 0)) continue;
      const name = /^(\d{4})\.csv$/.exec(entry.name);
      if (!entry.isFile() || !name) {
        issues.push(issueOf('LS-CAL-002', { file: display(abs), line: 0, value: entry.name }));
        continue;
      }
      const arrangement = readYearFile(Number(name[1]), display(abs), readFileSync(abs), issues);
      if (arrangement) overrides.push(arrangement);
    }
  }
  return HolidayCalendar.withOverrides(overrides);
}

/** One year's file: the arrangement, or undefined (with every problem in `issues`) when it has problems. */
export function readYearFile(year: number, file: string, bytes: Uint8Array, issues: DataIssue[]): YearArrangement | undefined {
  const before = issues.length;
  const table = readCsvBytes(bytes, file, issues);
  if (issues.length > before) return undefined;
  const columns = COLUMNS.join(',');
  table.header.forEach((name, i) => {
    if (!(COLUMNS as readonly string[]).includes(name))
      issues.push(issueOf('LS-CSV-010', { file, line: 1, column: i + 1, field: name }, { columns }));
  });
  for (const name of COLUMNS)
    if (!table.header.includes(name)) issues.push(issueOf('LS-CSV-011', { file, line: 1, field: name }, { columns }));
  if (issues.length > before) return undefined;

  const days = new Map<string, DayKind>();
  const firstLine = new Map<string, number>();
  for (const { line, values } of table.records) {
    const cell = (field: (typeof COLUMNS)[number]) => ({
      file,
      line,
      column: table.header.indexOf(field) + 1,
      field,
      value: values[field],
    });
    const date = values.date.trim();
    const kind = values.kind.trim();
    let ok = true;
    const problem = (i: DataIssue) => {
      issues.push(i);
      ok = false;
    };
    if (!isRealDate(date)) problem(issueOf('LS-CAL-003', cell('date')));
    else if (!date.startsWith(`${year}-`)) problem(issueOf('LS-CAL-004', cell('date'), { year, other: date.slice(0, 4) }));
    else if (firstLine.has(date)) problem(issueOf('LS-CAL-005', cell('date'), { first: firstLine.get(date)! }));
    if (!(DAY_KINDS as readonly string[]).includes(kind)) problem(issueOf('LS-CAL-006', cell('kind')));
    else if (kind === '班' && isRealDate(date)) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) problem(issueOf('LS-CAL-007', cell('kind'), { date, weekday: WEEKDAYS[weekday] }));
    }
    if (values.name.trim() === '') problem(issueOf('LS-CAL-008', cell('name')));
    if (isRealDate(date) && !firstLine.has(date)) firstLine.set(date, line);
    if (ok) days.set(date, kind as DayKind);
  }
  if (table.records.length === 0 && issues.length === before) issues.push(issueOf('LS-CAL-009', { file, line: 1 }, { year }));
  return issues.length > before ? undefined : { year, days, source: file };
}

/**
 * `compute()` (a deadline, a working day), or undefined with the problem in `issues` at `at`
 * when it falls in a year the calendar does not cover: validation collects, never throws.
 */
export function inCoveredYear<T>(compute: () => T, at: Omit<DataIssue, 'code' | 'message' | 'hint'>, issues: DataIssue[]): T | undefined {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof UncoveredYearError)) throw error;
    const issue = issueOf('LS-CAL-001', at, { year: error.year });
    if (!issues.some((i) => i.code === issue.code && i.file === issue.file && i.line === issue.line && i.column === issue.column))
      issues.push(issue);
    return undefined;
  }
}
