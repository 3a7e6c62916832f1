import { describe, it, expect } from 'vitest';
import { LIBRARY_CALENDAR } from '../../../src/core/model/calendar.ts';

const reportDeadline = (month: string) => LIBRARY_CALENDAR.reportDeadline(month);
import { monthReporting } from '../../../office/reporting/reporting.ts';
import { monthlyDraft } from '../../../office/reporting/bulletin-drafts.ts';
import { reportingMarkdown } from '../../../office/inbox/inbox.ts';
import { loadContentOrThrow } from '../../../src/core/content/load.ts';
import { TODAY, makeContent } from '../../fixtures/content.ts';

describe('report deadline: the 5th working day of the next month', () => {
  it('December 2019: 1 January is a holiday, so due 8 January 2020', () => {
    expect(reportDeadline('2019-12')).toBe('2020-01-08');
  });
  it('January 2020: the Spring Festival holiday was extended to 2 February, so due 7 February', () => {
    // 1 February (Saturday) was first an adjusted working day; the extension cancelled it.
    expect(reportDeadline('2020-01')).toBe('2020-02-07');
  });
  it('September 2020: National Day and Mid-Autumn 1–8 October, Saturday 10 October a working day, so due 14 October', () => {
    expect(reportDeadline('2020-09')).toBe('2020-10-14');
  });
  it('March 2020: Qingming 4–6 April, so due 8 April', () => {
    expect(reportDeadline('2020-03')).toBe('2020-04-08');
  });
});

describe('monthReporting', () => {
  const report = (line: string) =>
    `item,month,unit,target,progress,problems,next_steps,evaluation,item_complete,filed,note\n${line}`;

  it('sorts departments into on time, late, missing and not needed', () => {
    // January (due 2020-02-07): 区发改局 on time, 区教体局 on time for T2 and P2, 区住建局 late for P1 (filed 02-10) and missing T3.
    const ds = loadContentOrThrow(makeContent(), { today: TODAY });
    const r = monthReporting(ds, '2020-01', '2020-04-10');
    expect(r.deadline).toBe('2020-02-07');
    expect(r.overdue).toBe(true);
    const state = Object.fromEntries(r.units.map((u) => [u.unit.id, u.state]));
    expect(state).toEqual({ fagaiju: '已按时报送', zhujianju: '部分未报送', jiaotiju: '已按时报送' });
    const zhujian = r.units.find((u) => u.unit.id === 'zhujianju')!;
    expect(Object.fromEntries(zhujian.items.map((i) => [i.item.key, i.state]))).toEqual({ T3: '未报送', P1: '逾期报送' });
  });

  it('does not ask for a report of an item already complete, and waits until the deadline', () => {
    const ds = loadContentOrThrow(
      makeContent({ '2020/reports/2020-03.csv': report('T3,2020-03,区住建局,目标,进展,无,计划,完成,否,2020-04-03,') }),
      { today: TODAY },
    );
    const before = monthReporting(ds, '2020-03', '2020-04-08');
    expect(before.overdue).toBe(false);
    const state = Object.fromEntries(before.units.map((u) => [u.unit.id, u.state]));
    expect(state).toEqual({ fagaiju: '尚未报送（未到期）', zhujianju: '已按时报送', jiaotiju: '尚未报送（未到期）' });
    expect(before.units.find((u) => u.unit.id === 'zhujianju')!.items.find((i) => i.item.key === 'P1')!.state).toBe('无需报送');
    const after = monthReporting(ds, '2020-03', '2020-04-09');
    expect(after.units.find((u) => u.unit.id === 'fagaiju')!.state).toBe('未报送');
    expect(after.totals).toMatchObject({ 已按时报送: 1, 未报送: 2 });
  });
});

describe('numbers and 评价 that disagree (issue 22)', () => {
  // P2 (新建学校3所) reports 0 of 3 schools in January with 评价 完成: behind the line, so 滞后 by the numbers.
  const ds = loadContentOrThrow(
    makeContent({
      '2020/indicators.csv': [
        'item,no,name,kind,measure,goal,comparison,source,confirmed',
        'P2,1,新建学校,数量,所,3,,新建学校3所,是',
      ].join('\n'),
      '2020/actuals/2020-01.csv': ['item,no,month,actual', 'P2,1,2020-01,0'].join('\n'),
    }),
    { today: TODAY },
  );

  it('the status report lists the item with both statuses', () => {
    const r = monthReporting(ds, '2020-01', '2020-04-10');
    expect(r.disagreements.map((d) => [d.item.key, d.basis])).toEqual([['P2', '按数字：滞后（0 / 3 所）；部门自评：序时推进']]);
    expect(reportingMarkdown(r)).toContain('- P2：按数字：滞后（0 / 3 所）；部门自评：序时推进');
    expect(monthReporting(ds, '2020-02', '2020-04-10').disagreements).toEqual([]);
  });

  it('the bulletin draft states the numbers and lists the disagreement', () => {
    const { text } = monthlyDraft(ds, '2020-01');
    expect(text).toContain('新建学校3所。（区教体局）累计完成0所，完成率0%，低于序时进度。');
    expect(text).toContain('## 数字与自评不一致的事项');
    expect(text).toContain('按数字：滞后（0 / 3 所）；部门自评：序时推进。');
    expect(text).toContain('数量和金额指标1个：已达目标0个，序时推进或超前0个，低于序时进度1个，尚未报送0个。');
  });
});
