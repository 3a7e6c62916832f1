/**
 * How progress from numbers is worded (src/core/present/progress.ts): "19 / 60 部（31.7%）",
 * 超额 above 100 %, standards without a rate, unreported values, an item's rate in a list (the
 * lowest of its counted indicators) and its filters, the tallies, and the bulletin's clause.
 */
import { describe, expect, it } from 'vitest';
import { LIBRARY_CALENDAR } from '../../../src/core/model/calendar.ts';
import { indicatorProgress } from '../../../src/core/model/progress.ts';
import { deriveItemStatus } from '../../../src/core/model/status.ts';
import type { Actual, Comparison, Indicator, IndicatorKind, Item, Report, YearData } from '../../../src/core/model/types.ts';
import {
  basisSentence,
  bulletinClause,
  formatAmount,
  formatRate,
  indicatorTally,
  indicatorView,
  itemRate,
  meanRate,
  tallySentences,
} from '../../../src/core/present/progress.ts';

const RAW = { file: 'f', line: 2, header: [], cells: [] };

function indicator(
  kind: IndicatorKind,
  target: number,
  unit: string,
  values: [string, number][] = [],
  comparison?: Comparison,
  no = 1,
): Indicator {
  const actuals: Actual[] = values.map(([month, value]) => ({
    year: 2020,
    item: 'P5',
    no,
    month,
    value: { value, unit },
    base: { value, unit },
    source: { file: 'f', line: 2 },
    raw: RAW,
  }));
  const name = kind === 'standard' ? '教师健康体检标准' : '加装电梯';
  return {
    ...{ year: 2020, item: 'P5', no, name, kind, comparison, sourceText: '', confirmed: true, actuals },
    ...{ target: { value: target, unit }, base: { value: target, unit }, source: { file: 'f', line: 2 }, raw: RAW },
  };
}

function report(month: string, evaluation: '完成' | '未完成', itemComplete = false): Report {
  const deadline = LIBRARY_CALENDAR.reportDeadline(month);
  return {
    ...{ year: 2020, item: 'P5', month, unitId: 'u', target: 't', progress: 'p', problems: '', nextSteps: '' },
    ...{ evaluation, itemComplete, filed: deadline, note: '', deadline, late: false, source: { file: 'f', line: 2 }, raw: RAW },
  };
}

/** A year holding one item with these indicators and reports, over `months`. */
function yearWith(indicators: Indicator[], reports: Report[], months: string[]) {
  const item = { key: 'P5', indicators } as unknown as Item;
  const status = deriveItemStatus(reports, months, LIBRARY_CALENDAR, { indicators });
  const year = { status: new Map([['P5', status]]) } as unknown as YearData;
  return { item, year, status };
}

describe('one indicator', () => {
  it('reads "19 / 60 部（31.7%）" with the expected-by-now mark, and says it is behind', () => {
    const v = indicatorView(indicatorProgress(indicator('quantity', 60, '部', [['2020-07', 19]]), '2020-07'));
    expect(v.headline).toBe('19 / 60 部（31.7%）');
    expect(v.word).toBe('低于序时进度');
    expect(v.expected).toBe('序时进度：7月底应完成 35 部（58.3%）');
    expect(v.bar).toEqual({ fill: 32, mark: 58 });
  });

  it('says 超额 above 100 %, keeps the bar at its end, and has no expected line once reached', () => {
    const v = indicatorView(indicatorProgress(indicator('quantity', 60, '部', [['2020-11', 172]]), '2020-11'));
    expect(v.headline).toBe('172 / 60 部（286.7%，超额）');
    expect(v.word).toBe('已达目标');
    expect(v.expected).toBeUndefined();
    expect(v.bar?.fill).toBe(100);
  });

  it('groups thousands, and names the month of a value carried from an earlier report', () => {
    const v = indicatorView(indicatorProgress(indicator('quantity', 11100, '套', [['2020-06', 8200]]), '2020-08'));
    expect(v.headline).toBe('8,200 / 11,100 套（73.9%）');
    expect(v.asOf).toBe('（6月报送）');
  });

  it('shows a standard as its value against the standard, 达到 or 未达到, never a rate', () => {
    const met = indicatorView(
      indicatorProgress(indicator('standard', 3480, '元/年/人', [['2020-03', 3600]], '不低于'), '2020-03'),
    );
    expect(met).toMatchObject({ headline: '现值 3,600 元/年/人，标准 不低于3,480 元/年/人', word: '达到', counted: false });
    expect(met.bar).toBeUndefined();
    expect(met.headline).not.toMatch(/%/);
    const bound = indicatorView(indicatorProgress(indicator('bound', 6, '%', [['2020-03', 5]], '左右'), '2020-03'));
    expect(bound).toMatchObject({ headline: '现值 5%，目标 6%左右', word: '未达到' });
  });

  it('says 尚未报送 where no value has come, with the target', () => {
    const v = indicatorView(indicatorProgress(indicator('quantity', 60, '部'), '2020-03'));
    expect(v).toMatchObject({ headline: '目标 60 部', word: '尚未报送' });
    expect(v.bar).toBeUndefined();
    expect(indicatorView(indicatorProgress(indicator('standard', 800, '元/人', [], '不低于'), '2020-03')).headline).toBe(
      '标准 不低于800 元/人',
    );
  });

  it('rounds rates so that a value short of its target never reads 100 %', () => {
    expect(formatRate(0.31666)).toBe('31.7%');
    expect(formatRate(0.9996)).toBe('99.9%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0.0004)).toBe('0.1%');
    expect(formatAmount({ value: 19, unit: '部' }, { tight: true })).toBe('19部');
    expect(formatAmount({ value: 3053, unit: '套' }, { tight: true })).toBe('3053套');
    expect(formatAmount({ value: 3053, unit: '套' })).toBe('3,053 套');
  });
});

describe('an item in a list', () => {
  it('shows the lowest rate of several counted indicators, and says so', () => {
    const { item, status } = yearWith(
      [
        indicator('quantity', 60, '部', [['2020-07', 19]]),
        indicator('quantity', 1500, '平方米', [['2020-07', 1500]], undefined, 2),
      ],
      [report('2020-07', '完成')],
      ['2020-07'],
    );
    expect(itemRate(item, status.current)).toEqual({
      text: '31.7%',
      note: '2项指标中最低',
      rate: 19 / 60,
      reached: false,
      behind: true,
    });
  });

  it('filters 已达目标 only when every counted indicator reached it, and marks 超额', () => {
    const { item, status } = yearWith(
      [indicator('quantity', 60, '部', [['2020-07', 72]])],
      [report('2020-07', '完成')],
      ['2020-07'],
    );
    expect(itemRate(item, status.current)).toMatchObject({ text: '120%', note: '超额', reached: true, behind: false });
  });

  it('shows "—" without a counted indicator and 尚未报送 before a value comes', () => {
    const standard = yearWith(
      [indicator('standard', 800, '元/人', [['2020-07', 900]], '不低于')],
      [report('2020-07', '完成')],
      ['2020-07'],
    );
    expect(itemRate(standard.item, standard.status.current).text).toBe('—');
    expect(itemRate({ indicators: [] }, undefined).text).toBe('—');
    const lifts = yearWith([indicator('quantity', 60, '部')], [report('2020-07', '完成')], ['2020-07']);
    expect(itemRate(lifts.item, lifts.status.current)).toEqual({ text: '尚未报送', reached: false, behind: false });
  });
});

describe('sets of items and the sentences that state them', () => {
  it('tallies counted indicators by position and standards by met or not', () => {
    const { item, year } = yearWith(
      [
        indicator('quantity', 60, '部', [['2020-07', 19]]),
        indicator('quantity', 10, '个', [['2020-07', 10]], undefined, 2),
        indicator('quantity', 10, '所', [], undefined, 3),
        indicator('standard', 800, '元/人', [['2020-07', 900]], '不低于', 4),
      ],
      [report('2020-07', '完成')],
      ['2020-07'],
    );
    const t = indicatorTally(year, [item]);
    expect(t).toMatchObject({ counted: 3, reached: 1, onOrAhead: 0, behind: 1, unreported: 1, compared: 1, met: 1 });
    expect(tallySentences(t)).toEqual([
      '数量和金额指标3个：已达目标1个，序时推进或超前0个，低于序时进度1个，尚未报送1个',
      '标准和幅度指标1个：达到1个，未达到0个，尚未报送0个',
    ]);
    // The mean caps each rate at 100 % and counts only indicators with a value.
    expect(meanRate(year, [item])).toEqual({ counted: 3, reported: 2, mean: (19 / 60 + 1) / 2 });
  });

  it('states both where the numbers and the department disagree, and the bulletin clause states the numbers', () => {
    const { status } = yearWith(
      [indicator('quantity', 60, '部', [['2020-07', 19]])],
      [report('2020-07', '完成', true)],
      ['2020-07'],
    );
    expect(status.current?.disagrees).toBe(true);
    expect(basisSentence(status.current!)).toBe('按数字：滞后（19 / 60 部）；部门自评：已完成');
    expect(bulletinClause(status.current!.indicators[0])).toBe('累计完成19部，完成率31.7%，低于序时进度');
    const standard = indicatorProgress(indicator('standard', 800, '元/人', [['2020-07', 900]], '不低于'), '2020-07');
    expect(bulletinClause(standard, true)).toBe('教师健康体检标准现值900元/人，达到标准（不低于800元/人）');
  });
});
