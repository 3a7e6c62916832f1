/**
 * Indicator charts (src/core/present/indicator-charts.ts through charts.ts): which indicators
 * have one, the cumulative series with its gaps, the expected and target lines, the table and
 * its CSV, the description, the chart.js configuration; the standards' value tables; the words
 * (indicator-text.ts).
 */
import { describe, expect, it } from 'vitest';
import { chartConfig } from '../../../src/core/present/chart-config.ts';
import { chartData, chartIds, ChartError, contrastRatio, getChart } from '../../../src/core/present/charts.ts';
import { PROGRESS_STYLE } from '../../../src/core/present/chart-style.ts';
import {
  chartedIndicators,
  indicatorChartId,
  parseIndicatorChartId,
  valueTable,
} from '../../../src/core/present/indicator-charts.ts';
import {
  formatAmount,
  formatRate,
  progressSentence,
  ratePercent,
  targetPhrase,
} from '../../../src/core/present/indicator-text.ts';
import { expectedValue, indicatorProgress } from '../../../src/core/model/progress.ts';
import { loadContentOrThrow } from '../../../src/core/content/load.ts';
import { indicatorDataset } from '../../fixtures/indicators.ts';
import { TODAY, makeContent } from '../../fixtures/content.ts';

const dataset = indicatorDataset();
const year = dataset.years[0];
const indicator = (key: string, no = 1) => year.itemByKey.get(key)!.indicators.find((i) => i.no === no)!;

describe('which indicators have a chart', () => {
  it('a quantity or money indicator with a reported value, by an id of its own; not a standard, not one without values', () => {
    const ids = chartIds(dataset).filter((id) => id.startsWith('indicator-'));
    expect(ids).toEqual(['indicator-2020-t1-1', 'indicator-2020-t2-1', 'indicator-2020-p1-1']);
    expect(chartedIndicators(year).map((i) => `${i.item}-${i.no}`)).toEqual(['T1-1', 'T2-1', 'P1-1']);
    expect(indicatorChartId(indicator('P1'))).toBe('indicator-2020-p1-1');
    expect(parseIndicatorChartId('indicator-2020-p1-1')).toEqual({ year: 2020, item: 'P1', no: 1 });
    expect(parseIndicatorChartId('indicator-2020-P1-1')).toBeUndefined();
  });

  it('none without indicators (the fixture as it is)', () => {
    const plain = loadContentOrThrow(makeContent(), { today: TODAY });
    expect(chartIds(plain).filter((id) => id.startsWith('indicator-'))).toEqual([]);
  });

  it.each([
    ['indicator-2020-t9-1', '2020 年度没有事项 T9'],
    ['indicator-2020-t1-2', 'T1 没有第 2 个指标'],
    ['indicator-2020-p2-1', '没有图表'],
    ['indicator-2020-t3-1', '没有图表'],
  ])('refuses %s: %s', (id, why) => {
    expect(() => getChart(dataset, id)).toThrow(ChartError);
    expect(() => getChart(dataset, id)).toThrow(why);
    expect(() => getChart(dataset, id)).toThrow(`[LS-BUL-023] 未知的图表编号「${id}」`);
  });
});

describe('an indicator chart', () => {
  const spec = getChart(dataset, 'indicator-2020-t1-1', { homeUrl: 'https://example.gov.cn/', accessed: '2026-11-29' });

  it('runs over the covered months: the values reported (a gap where none was), the expected line and the target', () => {
    expect(year.months).toEqual(['2020-01', '2020-02', '2020-03']);
    expect(spec.kind).toBe('progress');
    expect(spec.labels).toEqual(['1月', '2月', '3月']);
    expect(spec.series.map((s) => [s.role, s.name])).toEqual([
      ['actual', '累计完成（亿元）'],
      ['expected', '序时进度（亿元）'],
      ['target', '目标（10亿元）'],
    ]);
    expect(spec.series[0].values).toEqual([0.5, 1.2, null]);
    // Straight from January to the year's end: 10 × m / 12, rounded to two decimals.
    expect(spec.series[1].values).toEqual([0.83, 1.67, 2.5]);
    for (const [i, m] of year.months.entries())
      expect(spec.series[1].values[i]).toBeCloseTo(expectedValue(indicator('T1'), m), 2);
    expect(spec.series[2].values).toEqual([10, 10, 10]);
    expect(spec.valueLabel).toBe('金额（亿元）');
    expect(spec.valueMax).toBeUndefined();
    expect(spec.month).toBe('2020-03');
  });

  it('has the same numbers as a table, with the rate of each reported month, and as CSV', () => {
    expect(spec.table).toEqual({
      caption: '2020年主要工作任务第1项：完成投资累计完成情况（单位：亿元）',
      columns: ['月份', '累计完成（亿元）', '序时进度（亿元）', '目标（亿元）', '完成率'],
      rows: [
        ['2020年1月', 0.5, 0.83, 10, '5%'],
        ['2020年2月', 1.2, 1.67, 10, '12%'],
        ['2020年3月', '', 2.5, 10, ''],
      ],
    });
    expect(spec.csv).toBe(
      [
        '月份,累计完成（亿元）,序时进度（亿元）,目标（亿元）,完成率',
        '2020年1月,0.5,0.83,10,5%',
        '2020年2月,1.2,1.67,10,12%',
        '2020年3月,,2.5,10,',
        '',
      ].join('\r\n'),
    );
  });

  it('says in one sentence where the indicator stands, and is cited like every chart', () => {
    expect(spec.title).toBe('2020年主要工作任务第1项：完成投资累计完成情况');
    expect(spec.description).toBe(
      '截至2020年3月，完成投资累计完成1.2亿元（2020年2月报告），完成率12%，低于序时进度（目标10亿元，序时进度2.5亿元）。',
    );
    expect(spec.citation).toBe(
      `测试区人民政府办公室. ${spec.title}[EB/OL]. (2020-04-10)[2026-11-29]. https://example.gov.cn/embed/indicator-2020-t1-1/.`,
    );
    expect(spec.sample).toBe(true);
  });

  it('an indicator above its target is 超额; one with no January value starts with a gap', () => {
    const p1 = getChart(dataset, 'indicator-2020-p1-1');
    expect(p1.description).toBe(
      '截至2020年3月，加装电梯累计完成70部（2020年1月报告），完成率116.7%，超额完成（目标60部，序时进度15部）。',
    );
    expect(p1.table.rows[0]).toEqual(['2020年1月', 70, 5, 60, '116.7%']);
    const t2 = getChart(dataset, 'indicator-2020-t2-1');
    expect(t2.series[0].values).toEqual([null, 2, null]);
    expect(t2.table.rows.map((r) => r[4])).toEqual(['', '66.7%', '']);
  });

  it('is drawn on one axis in its unit, not capped at the target, each line with a shape and dash of its own', () => {
    const config = chartConfig(chartData(spec), { fontFamily: 'Test' });
    expect(config.type).toBe('line');
    const scales = config.options?.scales as Record<string, { max?: number; title: { text: string } }>;
    expect(Object.keys(scales)).toEqual(['x', 'y']);
    expect(scales.y.max).toBeUndefined();
    expect(scales.y.title.text).toBe('金额（亿元）');
    const sets = config.data.datasets as {
      label: string;
      data: unknown[];
      pointStyle: string;
      borderDash: number[];
      spanGaps: boolean;
    }[];
    expect(sets.map((d) => d.label)).toEqual(spec.series.map((s) => s.name));
    expect(sets[0].data).toEqual([0.5, 1.2, null]);
    expect(new Set(sets.map((d) => d.pointStyle)).size).toBe(3);
    expect(new Set(sets.map((d) => d.borderDash.join())).size).toBe(3);
    expect(sets.every((d) => d.spanGaps)).toBe(true);
    for (const [role, style] of Object.entries(PROGRESS_STYLE))
      expect(contrastRatio(style.color, '#ffffff'), role).toBeGreaterThanOrEqual(3);
  });
});

describe('a standard', () => {
  it('is a table of the values reported and whether each met the level, without a rate', () => {
    const p2 = year.itemByKey.get('P2')!;
    expect(valueTable(year, p2, p2.indicators[0])).toEqual({
      caption: '2020年“12100”民生工程第2项：低保标准（不低于3480元/年/人）',
      columns: ['月份', '现值（元/年/人）', '是否达到'],
      rows: [['2020年1月', 3400, '未达到目标']],
    });
    // Nothing reported yet: no table.
    const t3 = year.itemByKey.get('T3')!;
    expect(valueTable(year, t3, t3.indicators[0])).toBeUndefined();
  });
});

describe('the words', () => {
  it('amounts, rates and targets', () => {
    expect([formatAmount(19), formatAmount(156.92), formatAmount(1.666666), formatAmount(11100), formatAmount(0)]).toEqual([
      '19',
      '156.92',
      '1.67',
      '11100',
      '0',
    ]);
    expect([formatRate(19 / 60), formatRate(1), formatRate(2.86)]).toEqual(['31.7%', '100%', '286%']);
    expect([ratePercent(19 / 60), ratePercent(undefined)]).toEqual(['31.7', '']);
    expect(targetPhrase(indicator('T1'))).toBe('10亿元');
    expect(targetPhrase(year.itemByKey.get('P2')!.indicators[0])).toBe('不低于3480元/年/人');
  });

  it('one sentence per indicator and month', () => {
    expect(progressSentence(indicatorProgress(indicator('T1'), '2020-02'))).toBe('累计完成1.2亿元，完成率12%，低于序时进度');
    expect(progressSentence(indicatorProgress(indicator('T2'), '2020-02'))).toBe('累计完成2所，完成率66.7%，超前于序时进度');
    expect(progressSentence(indicatorProgress(indicator('P1'), '2020-01'))).toBe('累计完成70部，完成率116.7%，超额完成');
    expect(progressSentence(indicatorProgress(indicator('T3'), '2020-02'))).toBe('尚未报送（目标60部）');
    const standard = year.itemByKey.get('P2')!.indicators[0];
    expect(progressSentence(indicatorProgress(standard, '2020-01'))).toBe('现值3400元/年/人，未达到目标（不低于3480元/年/人）');
  });
});
