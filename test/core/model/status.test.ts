import { describe, expect, it } from 'vitest';
import { LIBRARY_CALENDAR, monthsOfYear, nextMonth } from '../../../src/core/model/calendar.ts';
import type { Item, Report } from '../../../src/core/model/types.ts';
import { coveredMonths, deriveItemStatus, deriveYearStatus } from '../../../src/core/model/status.ts';

const reportDeadline = (month: string) => LIBRARY_CALENDAR.reportDeadline(month);

function report(month: string, evaluation: '完成' | '未完成', itemComplete = false, note = ''): Report {
  const deadline = reportDeadline(month);
  return {
    year: Number(month.slice(0, 4)),
    item: 'P1',
    month,
    unitId: 'u',
    target: 't',
    progress: 'p',
    problems: '',
    nextSteps: '',
    evaluation,
    itemComplete,
    filed: deadline,
    note,
    deadline,
    late: false,
    source: { file: 'f', line: 2 },
    raw: { file: 'f', line: 2, header: [], cells: [] },
  };
}

const statuses = (reports: Report[], months: string[]) =>
  deriveItemStatus(reports, months, LIBRARY_CALENDAR).months.map((m) => m.status);

describe("report deadlines: the 5th working day of the next month, on China's holiday calendar", () => {
  it('follows holiday shifts and adjusted working days', () => {
    expect(reportDeadline('2019-12')).toBe('2020-01-08'); // 1 Jan holiday
    expect(reportDeadline('2020-01')).toBe('2020-02-07'); // Spring Festival extended to 2 Feb
    expect(reportDeadline('2020-03')).toBe('2020-04-08'); // Qingming 4–6 Apr
    expect(reportDeadline('2020-04')).toBe('2020-05-11'); // Labour Day 1–5 May; 9 May a working Saturday (6, 7, 8, 9, 11)
    expect(reportDeadline('2020-09')).toBe('2020-10-14'); // National Day 1–8 Oct; 10 Oct a working Saturday
    expect(reportDeadline('2020-12')).toBe('2021-01-08'); // 1 Jan holiday, weekend 2–3 Jan
  });

  it('months and month arithmetic', () => {
    expect(nextMonth('2020-12')).toBe('2021-01');
    expect(monthsOfYear(2020)).toHaveLength(12);
  });
});

describe('covered months', () => {
  it('are the months whose deadline passed by the data date, plus months already reported', () => {
    expect(coveredMonths(2020, '2020-07-10', [], LIBRARY_CALENDAR)).toEqual([
      '2020-01',
      '2020-02',
      '2020-03',
      '2020-04',
      '2020-05',
      '2020-06',
    ]);
    // June's deadline is 7 July: on that very day June is not yet overdue.
    expect(coveredMonths(2020, '2020-07-07', [], LIBRARY_CALENDAR)).toHaveLength(5);
    expect(coveredMonths(2020, '2020-07-07', ['2020-06'], LIBRARY_CALENDAR)).toHaveLength(6);
    expect(coveredMonths(2020, '2020-01-20', [], LIBRARY_CALENDAR)).toEqual([]);
  });
});

describe('status derivation', () => {
  const months = ['2020-01', '2020-02', '2020-03', '2020-04'];

  it('no reports at all: 未报送 every month, no current completion', () => {
    const s = deriveItemStatus([], months, LIBRARY_CALENDAR);
    expect(s.months.map((m) => m.status)).toEqual(['未报送', '未报送', '未报送', '未报送']);
    expect(s.current?.month).toBe('2020-04');
    expect(s.completedIn).toBeUndefined();
  });

  it("on schedule and behind follow each month's evaluation; a gap is 未报送", () => {
    expect(statuses([report('2020-01', '完成'), report('2020-02', '未完成'), report('2020-04', '完成')], months)).toEqual([
      '序时推进',
      '滞后',
      '未报送',
      '序时推进',
    ]);
  });

  it('completion holds for later months without further reports', () => {
    const s = deriveItemStatus([report('2020-01', '完成'), report('2020-02', '完成', true)], months, LIBRARY_CALENDAR);
    expect(s.months.map((m) => m.status)).toEqual(['序时推进', '已完成', '已完成', '已完成']);
    expect(s.completedIn).toBe('2020-02');
  });

  it('completion reported as 未完成 for the month still counts as complete (the item is done)', () => {
    expect(statuses([report('2020-03', '未完成', true)], months)).toEqual(['未报送', '未报送', '已完成', '已完成']);
  });

  it("a reopened item loses its completion and takes the month's evaluation", () => {
    const s = deriveItemStatus(
      [report('2020-01', '完成', true), report('2020-03', '未完成', false, '验收未通过')],
      months,
      LIBRARY_CALENDAR,
    );
    expect(s.months.map((m) => m.status)).toEqual(['已完成', '已完成', '滞后', '未报送']);
    expect(s.completedIn).toBeUndefined();
  });

  it('completed again after reopening dates from the new completion', () => {
    const s = deriveItemStatus(
      [report('2020-01', '完成', true), report('2020-02', '未完成', false, '整改'), report('2020-03', '完成', true)],
      months,
      LIBRARY_CALENDAR,
    );
    expect(s.completedIn).toBe('2020-03');
  });

  it('no covered months: no current status', () => {
    expect(deriveItemStatus([report('2020-01', '完成')], [], LIBRARY_CALENDAR).current).toBeUndefined();
  });
});

describe("a year's statuses (the loader's last step)", () => {
  it('covers the months due on the data date plus any month already reported, for every item', () => {
    const items = [
      { key: 'P1', indicators: [] },
      { key: 'P2', indicators: [] },
    ] as unknown as Item[];
    // 2020-05 is not due on 2020-04-10 but was reported early: it is covered.
    const reportsByItem = new Map([['P1', [report('2020-01', '完成'), report('2020-05', '完成', true)]]]);
    const { months, status } = deriveYearStatus({ year: 2020, items, reportsByItem }, '2020-04-10', LIBRARY_CALENDAR);
    expect(months).toEqual(['2020-01', '2020-02', '2020-03', '2020-05']);
    expect(status.get('P1')!.months.map((m) => m.status)).toEqual(['序时推进', '未报送', '未报送', '已完成']);
    expect(status.get('P2')!.current?.status).toBe('未报送');
    expect([...status.keys()]).toEqual(['P1', 'P2']);
  });

  it('measures an item’s numbers against the line to its deadline month (完成时限 read as a month)', () => {
    const lifts = {
      year: 2020,
      item: 'P1',
      no: 1,
      name: '加装电梯',
      kind: 'quantity',
      target: { value: 60, unit: '部' },
      base: { value: 60, unit: '部' },
      actuals: [{ month: '2020-03', value: { value: 25, unit: '部' } }],
    };
    const withDeadline = (deadlineMonth?: string) =>
      deriveYearStatus(
        {
          year: 2020,
          items: [{ key: 'P1', indicators: [lifts], deadlineMonth }] as unknown as Item[],
          reportsByItem: new Map([['P1', [report('2020-03', '完成')]]]),
        },
        '2020-04-10',
        LIBRARY_CALENDAR,
      ).status.get('P1')!.current!;
    // 25 of 60 by March: ahead of the year-end line (15), behind a June deadline's (30).
    expect(withDeadline()).toMatchObject({ status: '序时推进', indicators: [{ expected: 15, position: 'ahead' }] });
    expect(withDeadline('2020-06')).toMatchObject({
      status: '滞后',
      reported: '序时推进',
      disagrees: true,
      indicators: [{ expected: 30, position: 'behind' }],
    });
  });
});
