/**
 * The user-facing labels, pinned: every page, feed, bulletin, chart, search record and CLI
 * builds them through src/core/present/vocabulary.ts, so these exact strings are what users read.
 */
import { SHIZHONG_2020 } from '../../fixtures/bundled.ts';
import { describe, expect, it } from 'vitest';
import { monthlyDraft } from '../../../office/reporting/bulletin-drafts.ts';
import { generatedBulletins } from '../../../src/core/present/generated-bulletins.ts';
import { loadContentOrThrow } from '../../../src/core/content/load.ts';
import { STATUSES } from '../../../src/core/model/status.ts';
import { completeBefore } from '../../../src/core/model/status.ts';
import type { Report } from '../../../src/core/model/types.ts';
import {
  NO_STATUS,
  STATUS_CLASS,
  chineseNumeral,
  escapeHtml,
  escapeXml,
  formatDate,
  formatMonth,
  formatMonthShort,
  formatQuarter,
  itemLabel,
  itemShortNo,
  itemSummary,
  joinCn,
  quarterName,
  shortText,
} from '../../../src/core/present/vocabulary.ts';

const bundled = loadContentOrThrow(SHIZHONG_2020, { today: '2026-11-29' });
const year = bundled.years.find((y) => y.year === 2020)!;

describe('vocabulary: item labels from the data', () => {
  it('labels a main task and a programme item with the list name of the year', () => {
    const task = year.tasks.find((t) => t.no === 37)!;
    const project = year.projects.find((p) => p.no === 5)!;
    expect(itemLabel(task)).toBe('主要工作任务第37项');
    expect(itemLabel(project)).toBe('“12100”民生工程第5项');
    expect(itemShortNo(task)).toBe('任务37');
    expect(itemShortNo(project)).toBe('民生5');
    // Another government's programme: the label follows its name, no code change.
    expect(itemLabel({ kindName: '民生十件实事', no: 3 })).toBe('民生十件实事第3项');
  });

  it('cuts titles at punctuation, texts anywhere, and joins names with 、', () => {
    expect(itemSummary({ text: '实施老旧小区改造，完成加装电梯30部，建设口袋公园10处' }, 16)).toBe('实施老旧小区改造…');
    expect(itemSummary({ text: '短文本' })).toBe('短文本');
    expect(shortText('一二三四五六', 4)).toBe('一二三四…');
    expect(shortText('一二三', 4)).toBe('一二三');
    expect(joinCn(['孟庆顺', '付华'])).toBe('孟庆顺、付华');
  });

  it('the monthly bulletin draft names items with the programme name (the drift of issue 14)', () => {
    const month = year.months.find((m) =>
      year.projects.some((p) => year.status.get(p.key)?.months.find((s) => s.month === m)?.status === '滞后'),
    )!;
    expect(month, 'a month with a 滞后 project in the sample data').toBeDefined();
    const draft = monthlyDraft(bundled, month);
    expect(draft.text).toMatch(/^- “12100”民生工程第\d+项：/m);
    expect(draft.text).not.toMatch(/^- 民生工程第/m);
  });

  it('generated bulletins use the same labels, months and quarters', () => {
    const all = generatedBulletins(bundled);
    expect(all.find((b) => b.slug === '2020-q1')?.title).toBe('2020年第一季度政府工作报告主要任务和“12100”民生工程推进情况通报');
    expect(all.find((b) => b.kind === 'monthly' && b.month === '2020-03')?.title).toBe('2020年3月“12100”民生工程推进情况通报');
    const completion = all.find((b) => b.kind === 'completion')!;
    expect(completion.title).toMatch(/^关于(主要工作任务|“12100”民生工程)第\d+项已完成的通报$/);
    expect(completion.summary).toMatch(/^(主要工作任务|“12100”民生工程)第\d+项于2020年\d{1,2}月报告全部完成。$/);
  });
});

describe('vocabulary: months, dates, quarters, numerals', () => {
  it('formats months and dates without leading zeros', () => {
    expect(formatMonth('2020-03')).toBe('2020年3月');
    expect(formatMonth('2020-12')).toBe('2020年12月');
    expect(formatMonthShort('2020-03')).toBe('3月');
    expect(formatDate('2020-03-06')).toBe('2020年3月6日');
    expect(formatDate('2021-11-29')).toBe('2021年11月29日');
  });

  it('names quarters and ordinals in Chinese numerals', () => {
    expect([1, 2, 3, 4].map(quarterName)).toEqual(['一季度', '二季度', '三季度', '四季度']);
    expect([1, 2, 3, 4].map(formatQuarter)).toEqual(['第一季度', '第二季度', '第三季度', '第四季度']);
    expect(chineseNumeral(10)).toBe('十');
    expect(chineseNumeral(12)).toBe('十二');
    expect(chineseNumeral(13)).toBe('13');
  });
});

describe('vocabulary: statuses', () => {
  it('gives each status word its CSS class (site.css draws the symbol), and a class for none', () => {
    expect(STATUSES).toEqual(['已完成', '序时推进', '滞后', '未报送']);
    expect(STATUS_CLASS).toEqual({ 已完成: 's-done', 序时推进: 's-ontrack', 滞后: 's-behind', 未报送: 's-missing' });
    expect(NO_STATUS).toEqual({ text: '尚未到报送期', class: 's-none' });
  });

  it('an item stands complete before a month by the status rule: complete, not reopened since', () => {
    const r = (month: string, itemComplete: boolean) => ({ month, itemComplete, evaluation: '完成' }) as Report;
    expect(completeBefore([r('2020-03', true)], '2020-04')).toBe(true);
    expect(completeBefore([r('2020-03', true)], '2020-03')).toBe(false);
    expect(completeBefore([r('2020-03', true), r('2020-05', false)], '2020-06')).toBe(false);
    expect(completeBefore([r('2020-05', false), r('2020-03', true)], '2020-05')).toBe(true);
    expect(completeBefore([], '2020-05')).toBe(false);
  });
});

describe('vocabulary: escaping', () => {
  it('escapes < > & " \' for HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('escapes the same five for XML, with &apos;, and drops characters XML cannot hold', () => {
    expect(escapeXml(`<b>"&'\u0001\uFFFE`)).toBe('&lt;b&gt;&quot;&amp;&apos;');
    expect(escapeXml('&#39;')).toBe('&amp;#39;');
  });
});
