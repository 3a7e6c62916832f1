/**
 * content/YYYY/indicator-plans.csv through the loader (src/core/content/indicator-plans.ts):
 * optional; a valid row becomes the indicator's quarterPlan (in the target's unit, a quarter left
 * empty undefined), which the expected-by-now line follows; every bad row is named with
 * file:line:column, value and fix, all at once, and none is published.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/core/errors/issues.ts';
import { loadContent } from '../../../src/core/content/load.ts';
import { expectedValue } from '../../../src/core/model/progress.ts';
import { TODAY, makeContent } from '../../fixtures/content.ts';

const INDICATORS = [
  'item,no,name,kind,measure,goal,comparison,source,confirmed',
  'T1,1,完成投资,金额,亿元,10,,,是',
  'T2,1,新建学校,数量,所,3,,,是',
  'T2,2,回迁安置,数量,人,2.45万,,,是',
  'P2,1,低保标准,标准,元/年/人,3480,不低于,,是',
].join('\n');
const plans = (...rows: string[]) => ({ '2020/indicator-plans.csv': ['item,no,q1,q2,q3,q4', ...rows].join('\n') });
const load = (changes: Parameters<typeof makeContent>[0]) =>
  loadContent(makeContent({ '2020/indicators.csv': INDICATORS, ...changes }), { today: TODAY });

describe('indicator-plans.csv', () => {
  it('is optional; its numbers, read as typed, become quarterPlan and move the expected line', () => {
    expect(load({}).dataset!.years[0].itemByKey.get('T2')!.indicators[0].quarterPlan).toBeUndefined();
    const result = load(plans('T2,1,0,1,2,3', 'T2,2,,"12,000",2万人,2.45万', 'T1,1,,50000万元,,'));
    expect(result.issues.map((i) => formatIssue(i))).toEqual([]);
    const year = result.dataset!.years[0];
    const [schools, people] = year.itemByKey.get('T2')!.indicators;
    expect(schools.quarterPlan).toEqual([0, 1, 2, 3]);
    expect(people.quarterPlan).toEqual([undefined, 12000, 20000, 24500]);
    expect(year.itemByKey.get('T1')!.indicators[0].quarterPlan).toEqual([undefined, 5, undefined, undefined]);
    // Nothing planned in the first quarter: nothing expected by March; then straight to the plan.
    expect(expectedValue(schools, '2020-03')).toBe(0);
    expect(expectedValue(schools, '2020-06')).toBe(1);
    expect(result.dataset!.rowCounts.find((c) => c.file.endsWith('indicator-plans.csv'))).toMatchObject({ read: 3, published: 3 });
  });

  it('names every bad row with its cell, value and fix, all at once, and publishes none of them', () => {
    const result = load(
      plans(
        'T2,3,1,2,3,4',
        'P1,1,1,,,',
        'P2,1,3480,,,',
        'T2,1,约1,大部分,2所以上,三',
        'T2,2,1万,2千,5000套,3000',
        'T2,2,1,,,',
        'T9,1,1,,,',
      ),
    );
    const got = result.issues.map((i) => formatIssue(i));
    expect(got).toEqual([
      expect.stringMatching(/indicator-plans\.csv:2:2 +\[LS-IND-020\] +no +「3」 +T2 没有第 3 个指标.*指标序号有：1、2/),
      expect.stringMatching(/:3:1 +\[LS-IND-021\] +item +「P1」 +P1 没有指标/),
      expect.stringMatching(/:4:2 +\[LS-IND-023\] .*“低保标准”是标准指标，没有季度计划累计数/),
      expect.stringMatching(/:5:3 +\[LS-IND-025\] .*「约1」 +季度计划累计数是约数（“约”）/),
      expect.stringMatching(/:5:4 +\[LS-IND-032\] .*「大部分」/),
      expect.stringMatching(/:5:5 +\[LS-IND-025\] .*「2所以上」/),
      expect.stringMatching(/:5:6 +\[LS-IND-026\] .*「三」/),
      expect.stringMatching(/:6:4 +\[LS-IND-030\] .*「2千」 +季度计划累计数中的“千”不能作倍数/),
      expect.stringMatching(/:6:5 +\[LS-IND-033\] .*「5000套」 +季度计划累计数中的单位“套”与指标的计量单位“人”不符/),
      expect.stringMatching(/:6:6 +\[LS-IND-024\] .*「3000」 +四季度末计划累计数 3000人 比一季度末（10000人）少/),
      expect.stringMatching(/:7:2 +\[LS-IND-022\] .*T2 第 2 个指标的季度计划数已填过（第 6 行）/),
      expect.stringMatching(/:8:1 +\[LS-REF-019\] .*「T9」/),
    ]);
  });
});
