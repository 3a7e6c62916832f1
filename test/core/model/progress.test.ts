/**
 * Progress derived from numbers (src/core/model/progress.ts) and the public status it decides
 * (src/core/model/status.ts): rate, the expected-by-now line (straight, to a deadline, or through
 * the quarterly plan's numbers), the positions, standards met or not, and a status where the
 * numbers and the department's own 评价 disagree.
 */
import { describe, expect, it } from 'vitest';
import { LIBRARY_CALENDAR } from '../../../src/core/model/calendar.ts';
import { expectedValue, indicatorProgress, measuredStatus, meets } from '../../../src/core/model/progress.ts';
import { deriveItemStatus } from '../../../src/core/model/status.ts';
import type { Actual, Comparison, Indicator, IndicatorKind, Report } from '../../../src/core/model/types.ts';

const RAW = { file: 'f', line: 2, header: [], cells: [] };

function indicator(
  kind: IndicatorKind,
  target: number,
  unit: string,
  values: [string, number][] = [],
  comparison?: Comparison,
): Indicator {
  const actuals: Actual[] = values.map(([month, value]) => ({
    year: 2020,
    item: 'P5',
    no: 1,
    month,
    value: { value, unit },
    base: { value, unit },
    source: { file: 'f', line: 2 },
    raw: RAW,
  }));
  return {
    year: 2020,
    item: 'P5',
    no: 1,
    name: '加装电梯',
    kind,
    target: { value: target, unit },
    base: { value: target, unit },
    comparison,
    sourceText: '',
    confirmed: true,
    actuals,
    source: { file: 'f', line: 2 },
    raw: RAW,
  };
}

function report(month: string, evaluation: '完成' | '未完成', itemComplete = false): Report {
  const deadline = LIBRARY_CALENDAR.reportDeadline(month);
  return {
    year: 2020,
    item: 'P5',
    month,
    unitId: 'u',
    target: 't',
    progress: 'p',
    problems: '',
    nextSteps: '',
    evaluation,
    itemComplete,
    filed: deadline,
    note: '',
    deadline,
    late: false,
    source: { file: 'f', line: 2 },
    raw: RAW,
  };
}

describe('the expected-by-now line', () => {
  it('runs straight from January to the year end without a plan or deadline', () => {
    const lifts = indicator('quantity', 60, '部');
    expect(expectedValue(lifts, '2020-01')).toBe(5);
    expect(expectedValue(lifts, '2020-06')).toBe(30);
    expect(expectedValue(lifts, '2020-12')).toBe(60);
  });

  it('reaches the target at the deadline month, and stays there', () => {
    const lifts = indicator('quantity', 60, '部');
    expect(expectedValue(lifts, '2020-03', '2020-06')).toBe(30);
    expect(expectedValue(lifts, '2020-09', '2020-06')).toBe(60);
  });

  it('follows the quarterly plan’s numbers where 附件3 gives them, straight between them', () => {
    const lifts = { ...indicator('quantity', 60, '部'), quarterPlan: [6, 30, undefined, 60] as Indicator['quarterPlan'] };
    expect(expectedValue(lifts, '2020-03')).toBe(6);
    expect(expectedValue(lifts, '2020-02')).toBe(4);
    expect(expectedValue(lifts, '2020-05')).toBe(22);
    expect(expectedValue(lifts, '2020-09')).toBe(45);
  });
});

describe('an indicator in a month', () => {
  it('gives the rate and the position against the expected line (within 2 % of the target is on it)', () => {
    const lifts = indicator('quantity', 60, '部', [
      ['2020-03', 15],
      ['2020-06', 19],
      ['2020-07', 36],
      ['2020-11', 72],
    ]);
    expect(indicatorProgress(lifts, '2020-03')).toMatchObject({ rate: 0.25, expected: 15, position: 'on' });
    expect(indicatorProgress(lifts, '2020-06')).toMatchObject({ position: 'behind', expected: 30 });
    expect(indicatorProgress(lifts, '2020-06').rate).toBeCloseTo(0.3167, 4);
    expect(indicatorProgress(lifts, '2020-07')).toMatchObject({ rate: 0.6, expected: 35, position: 'on' });
    expect(indicatorProgress(lifts, '2020-08')).toMatchObject({ actual: { month: '2020-07' }, position: 'behind' });
    expect(indicatorProgress(lifts, '2020-11')).toMatchObject({ rate: 1.2, position: 'reached' });
    expect(indicatorProgress(lifts, '2020-02')).toMatchObject({ position: 'unreported', expected: 10 });
    expect(indicatorProgress(indicator('quantity', 60, '部', [['2020-02', 30]]), '2020-02').position).toBe('ahead');
  });

  it('compares a standard or a bound, never a rate', () => {
    const standard = indicator('standard', 3480, '元/年/人', [['2020-03', 3600]], '不低于');
    expect(indicatorProgress(standard, '2020-03')).toEqual(expect.objectContaining({ position: 'met' }));
    expect(indicatorProgress(standard, '2020-03').rate).toBeUndefined();
    expect(meets(standard, 3479)).toBe(false);
    const bound = indicator('bound', 3, '%', [], '不高于');
    expect(meets(bound, 3)).toBe(true);
    expect(meets(bound, 3.1)).toBe(false);
    const about = indicator('bound', 6, '%', [], '左右');
    expect([5.4, 6.6, 5.3].map((v) => meets(about, v))).toEqual([true, true, false]);
  });
});

describe('the public status where numbers are reported', () => {
  it('follows the numbers and keeps the department’s own status beside it', () => {
    const lifts = indicator('quantity', 60, '部', [['2020-06', 19]]);
    const status = deriveItemStatus(
      [report('2020-06', '完成', true), report('2020-07', '完成', true)],
      ['2020-06', '2020-07'],
      LIBRARY_CALENDAR,
      {
        indicators: [lifts],
      },
    );
    expect(status.months[0]).toMatchObject({ status: '滞后', reported: '已完成', disagrees: true });
    expect(status.months[0].indicators[0]).toMatchObject({ position: 'behind', actual: { value: { value: 19 } } });
    // July gives no value: the department's words decide, and the last value is still shown.
    expect(status.months[1]).toMatchObject({ status: '已完成', reported: '已完成', disagrees: false });
    expect(status.months[1].indicators[0].actual?.month).toBe('2020-06');
  });

  it('is 已完成 when every counted indicator reached its target, and ignores standards', () => {
    const progress = [
      indicatorProgress(indicator('quantity', 60, '部', [['2020-06', 60]]), '2020-06'),
      indicatorProgress(indicator('standard', 3480, '元', [['2020-06', 3000]], '不低于'), '2020-06'),
    ];
    expect(measuredStatus(progress)).toBe('已完成');
    expect(measuredStatus(progress.slice(1))).toBeUndefined();
    expect(measuredStatus([indicatorProgress(indicator('quantity', 60, '部', [['2020-06', 31]]), '2020-06')])).toBe('序时推进');
  });
});
