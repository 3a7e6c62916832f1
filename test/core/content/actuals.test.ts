/**
 * content/YYYY/actuals/YYYY-MM.csv through the loader (src/core/content/actuals.ts): optional; a
 * valid file gives each indicator its values, oldest month first; every value a person would type
 * is read, anything else is refused naming file, line, column and value, all at once; a falling
 * cumulative value and 全部完成 below the target need the report's explanation.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/core/errors/issues.ts';
import { loadContent } from '../../../src/core/content/load.ts';
import { TODAY, makeContent } from '../../fixtures/content.ts';

const INDICATORS = [
  'item,no,name,kind,measure,goal,comparison,source,confirmed',
  'T1,1,完成投资,金额,亿元,10,,,是',
  'T2,1,新建学校,数量,所,3,,,是',
  'T2,2,回迁安置,数量,人,2.45万,,,是',
  'P2,1,低保标准,标准,元/年/人,3480,不低于,,是',
  'P1,1,加装电梯,数量,部,60,,,是',
].join('\n');
const HEADER = 'item,no,month,actual';
const actuals = (month: string, ...rows: string[]) => ({ [`2020/actuals/${month}.csv`]: [HEADER, ...rows].join('\n') });
const load = (changes: Parameters<typeof makeContent>[0]) =>
  loadContent(makeContent({ '2020/indicators.csv': INDICATORS, ...changes }), { today: TODAY });
const messages = (changes: Parameters<typeof makeContent>[0]) => load(changes).issues.map((i) => formatIssue(i));

describe('a valid actuals folder', () => {
  it('is optional: without one, indicators have no values', () => {
    const result = load({});
    expect(result.issues).toEqual([]);
    expect(result.dataset!.years[0].actuals).toEqual([]);
  });

  it('reads values as people type them, in the indicator unit and its base unit, oldest month first', () => {
    const result = load({
      ...actuals('2020-02', 'T1,1,2020-02,"12,000万元"', 'T2,1,2020-02,２', 'T2,2,2020-02,1.2万人'),
      ...actuals('2020-01', 'T1,1,2020-01,0.5', 'T2,2,2020-01,8000', 'P2,1,2020-01,3600元/年/人'),
    });
    expect(result.issues.map((i) => formatIssue(i))).toEqual([]);
    const year = result.dataset!.years[0];
    const t1 = year.itemByKey.get('T1')!.indicators[0];
    expect(t1.actuals.map((a) => [a.month, a.value.value, a.value.unit, a.base.value, a.base.unit])).toEqual([
      ['2020-01', 0.5, '亿元', 5000, '万元'],
      ['2020-02', 1.2, '亿元', 12000, '万元'],
    ]);
    expect(year.itemByKey.get('T2')!.indicators.map((i) => i.actuals.map((a) => a.value.value))).toEqual([[2], [8000, 12000]]);
    expect(year.actuals.map((a) => a.month)).toEqual(['2020-01', '2020-01', '2020-01', '2020-02', '2020-02', '2020-02']);
    expect(result.dataset!.rowCounts.find((c) => c.file.endsWith('actuals/2020-02.csv'))).toMatchObject({ read: 3, published: 3 });
  });
});

describe('a bad actuals row', () => {
  it('names every refused value with file:line:column, value and fix, all at once, and publishes none of them', () => {
    const result = load({
      ...actuals('2020-01', 'T2,2,2020-01,约7千人', 'T2,1,2020-01,大部分', 'T1,1,2020-01,3千万', 'P2,1,2020-01,三千'),
      ...actuals('2020-02', 'T2,2,2020-02,12000套', 'T1,1,2020-02,5-6', 'T2,9,2020-02,1', 'T3,1,2020-02,1'),
    });
    const got = result.issues.map((i) => formatIssue(i));
    expect(got).toHaveLength(9);
    expect(got[0]).toMatch(/^content\/2020\/actuals\/2020-01\.csv:2:4 +\[LS-ACT-005\] +actual +「约7千人」 +累计完成数是约数（“约”）/);
    expect(got[1]).toMatch(/2020-01\.csv:3:4 +\[LS-ACT-012\].*「大部分」/);
    expect(got[2]).toMatch(/2020-01\.csv:4:4 +\[LS-ACT-010\].*「3千万」.*“千”/);
    expect(got[3]).toMatch(/2020-01\.csv:5:4 +\[LS-ACT-006\].*「三千」/);
    expect(got[4]).toMatch(/2020-02\.csv:2:4 +\[LS-ACT-013\].*「12000套」.*“套”与指标的计量单位“人”不符/);
    expect(got[5]).toMatch(/2020-02\.csv:3:4 +\[LS-ACT-008\].*「5-6」/);
    expect(got[6]).toMatch(/2020-02\.csv:4:2 +\[LS-ACT-001\].*T2 没有第 9 个指标.*1、2/);
    expect(got[7]).toMatch(/2020-02\.csv:5:1 +\[LS-ACT-002\].*T3 没有指标/);
    expect(got[8]).toMatch(/2020-02\.csv:5:1 +\[LS-ACT-004\].*T3 2020-02 没有月报/);
    expect(result.dataset).toBeUndefined();
  });

  it('refuses a duplicate, a month without a report, a month that is not the file’s', () => {
    const got = messages({
      ...actuals('2020-02', 'T2,1,2020-02,1', 'T2,1,2020-02,2', 'T2,1,2020-01,1', 'P1,1,2020-02,1'),
      ...actuals('2020-1', 'T2,1,2020-01,1'),
    });
    expect(got.some((m) => /P1 2020-02 没有月报/.test(m))).toBe(true);
    expect(got.some((m) => /\[LS-ACT-003\].*T2 第 1 个指标本月已填过（content\/2020\/actuals\/2020-02\.csv:2）/.test(m))).toBe(true);
    expect(got.some((m) => /:4:3 +\[LS-REF-026\]/.test(m))).toBe(true);
    expect(got.some((m) => /2020-1\.csv.*\[LS-CSV-012\] +actuals 中的文件名应为 YYYY-MM\.csv/.test(m))).toBe(true);
  });
});

describe('values that need the report to explain them', () => {
  it('a cumulative value below the month before, unless the report says why', () => {
    const falling = { ...actuals('2020-01', 'T2,2,2020-01,9000'), ...actuals('2020-02', 'T2,2,2020-02,8000') };
    expect(messages(falling)).toEqual([
      expect.stringMatching(/actuals\/2020-02\.csv:2:4 +\[LS-ACT-014\].*累计完成数 8000人 比上月（2020-01：9000人）少/),
    ]);
    const explained = {
      ...falling,
      '2020/reports/2020-02.csv': [
        'item,month,unit,target,progress,problems,next_steps,evaluation,item_complete,filed,note',
        'T1,2020-02,区发改局,目标,进展,无,计划,完成,否,2020-03-05,',
        'T2,2020-02,区教体局,目标,进展,无,计划,完成,否,2020-03-05,核减重复统计1000人',
      ].join('\n'),
    };
    expect(messages(explained)).toEqual([]);
  });

  it('全部完成 with a counted indicator below its target, unless the report says why', () => {
    // P1 is reported complete (全部完成 是) in January with no note.
    expect(messages(actuals('2020-01', 'P1,1,2020-01,19'))).toEqual([
      expect.stringMatching(/\[LS-ACT-015\].*月报称全部完成，但指标“加装电梯”累计完成 19部，未达目标 60部/),
    ]);
    expect(messages(actuals('2020-01', 'P1,1,2020-01,60'))).toEqual([]);
  });
});
