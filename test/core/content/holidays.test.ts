/**
 * Issue 25.2, "the holiday calendar ends in 2026": chinese-days 1.5.7 has no 2027, and a deadline
 * in a year nobody has arranged was computed on plain weekdays (December 2026's report due
 * 2027-01-07, 1 January counted as a working day). Now such a deadline is an error naming the
 * year and the fix, collected by validation, and content/holidays/YYYY.csv supplies a year.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { readYearFile } from '../../../src/core/content/holidays.ts';
import { loadContent } from '../../../src/core/content/load.ts';
import { formatIssue, type DataIssue } from '../../../src/core/errors/issues.ts';
import { HolidayCalendar, LIBRARY_CALENDAR } from '../../../src/core/model/calendar.ts';
import { fixtureText, makeContent } from '../../fixtures/content.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const REPORT_HEADER = 'item,month,unit,target,progress,problems,next_steps,evaluation,item_complete,filed,note';
const YEAR_FILES = [
  'manifest.json',
  'sections.csv',
  'categories.csv',
  'tasks.csv',
  'projects.csv',
  'plans.csv',
  'reports/2020-01.csv',
  'reports/2020-02.csv',
];

/**
 * INVENTED for these tests, not the State Council's 2027 arrangement (not published when this
 * was written): 1–4 January off, Saturday 9 January worked. On plain weekdays the 5th working
 * day of January 2027 would be the 7th; by this file it is the 9th.
 */
const INVENTED_2027 = [
  'date,kind,name',
  '2027-01-01,休,虚构元旦（测试用）',
  '2027-01-02,休,虚构元旦（测试用）',
  '2027-01-03,休,虚构元旦（测试用）',
  '2027-01-04,休,虚构元旦（测试用）',
  '2027-01-09,班,虚构元旦（测试用）',
].join('\n');

/** The test fixture moved to 2026 (every 2020 becomes 2026), with a December report filed on `filed` and `dataDate`. */
function content2026(dataDate: string, extra: Record<string, string> = {}, decemberFiled?: string): string {
  const files: Record<string, string | null> = {};
  for (const name of YEAR_FILES) {
    files[`2020/${name}`] = null;
    files[`2026/${name.replace('2020', '2026')}`] = fixtureText(`2020/${name}`).replaceAll('2020', '2026');
  }
  files['2026/manifest.json'] = files['2026/manifest.json']!.replace('"data_date":"2026-04-10"', `"data_date":"${dataDate}"`);
  if (decemberFiled)
    files['2026/reports/2026-12.csv'] = `${REPORT_HEADER}\nT1,2026-12,区发改局,目标,进展,无,计划,完成,否,${decemberFiled},\n`;
  return makeContent({ ...files, ...extra });
}

const messages = (issues: DataIssue[]) => issues.map((i) => formatIssue(i));
const HINT_2027 =
  '提示：国务院办公厅发布《关于2027年部分节假日安排的通知》后，按通知逐日填写 content/holidays/2027.csv（格式见 docs/FORMATS.md「节假日安排」，填写示例见 docs/GUIDE.md），再重新运行；在此之前不能推算，也不要估计';

describe('a deadline in a year the calendar does not cover', () => {
  it('is an error naming the year and the fix, not 2027-01-07 (the library has no 2027)', () => {
    expect(LIBRARY_CALENDAR.covers(2026)).toBe(true);
    expect(LIBRARY_CALENDAR.covers(2027)).toBe(false);
    expect(() => LIBRARY_CALENDAR.reportDeadline('2026-12')).toThrow(
      `[LS-CAL-001] 2027 年的节假日安排（放假和调休上班的日期）尚未收录，无法按工作日计算该年的日期（如报送期限）  ${HINT_2027}`,
    );
    expect(LIBRARY_CALENDAR.reportDeadline('2026-11')).toBe('2026-12-07');
  });

  it('is collected by validation at the December report’s month, the other files still checked', () => {
    const r = loadContent(content2026('2027-01-04', {}, '2027-01-04'), { today: '2027-01-04' });
    expect(r.dataset).toBeUndefined();
    expect(messages(r.issues)).toEqual([
      `content/2026/reports/2026-12.csv:2:2  [LS-CAL-001]  month  「2026-12」  2027 年的节假日安排（放假和调休上班的日期）尚未收录，无法按工作日计算该年的日期（如报送期限）  ${HINT_2027}`,
    ]);
  });

  it('is collected at the data date when that date needs the next year’s working days', () => {
    const r = loadContent(content2026('2027-01-20'), { today: '2027-01-20' });
    expect(messages(r.issues)).toEqual([
      `content/2026/manifest.json:0  [LS-CAL-001]  data_date  「2027-01-20」  2027 年的节假日安排（放假和调休上班的日期）尚未收录，无法按工作日计算该年的日期（如报送期限）  ${HINT_2027}`,
    ]);
    // Before the earliest possible deadline (5 January) December is not due whatever the calendar says.
    expect(loadContent(content2026('2027-01-05'), { today: '2027-01-05' }).issues).toEqual([]);
  });

  it('follows content/holidays/2027.csv when the office has added it', () => {
    const r = loadContent(content2026('2027-01-20', { 'holidays/2027.csv': INVENTED_2027 }, '2027-01-08'), {
      today: '2027-01-20',
    });
    expect(messages(r.issues)).toEqual([]);
    const ds = r.dataset!;
    expect(ds.calendar.covers(2027)).toBe(true);
    expect(ds.calendar.sourceOf(2027)).toBe('content/holidays/2027.csv');
    const december = ds.years[0].reportsByItem.get('T1')!.find((x) => x.month === '2026-12')!;
    expect(december.deadline).toBe('2027-01-09');
    expect(december.late).toBe(false);
    expect(ds.years[0].months).toContain('2026-12');
  });
});

describe('content/holidays/YYYY.csv', () => {
  it('the guide’s example, 2026 as the State Council published it, agrees with the library day by day', () => {
    const guide = readFileSync(path.join(ROOT, 'docs/GUIDE.md'), 'utf8');
    const chapter = guide.slice(guide.indexOf('## 十一、节假日安排'));
    const example = /```csv\n([\s\S]*?)```/.exec(chapter)![1];
    const issues: DataIssue[] = [];
    const arrangement = readYearFile(2026, 'content/holidays/2026.csv', Buffer.from(example), issues);
    expect(issues).toEqual([]);
    const fromFile = new HolidayCalendar([arrangement!]);
    const disagree: string[] = [];
    for (let d = new Date('2026-01-01T00:00:00Z'); d.getUTCFullYear() === 2026; d.setUTCDate(d.getUTCDate() + 1)) {
      const date = d.toISOString().slice(0, 10);
      if (fromFile.isWorkday(date) !== chineseDays.isWorkday(date)) disagree.push(date);
      if (LIBRARY_CALENDAR.isWorkday(date) !== chineseDays.isWorkday(date)) disagree.push(`library ${date}`);
    }
    expect(disagree).toEqual([]);
    expect([...arrangement!.days.values()].filter((k) => k === '班')).toHaveLength(6);
  });

  it('wins over the library for its year', () => {
    // A (made-up) file for 2020 without the Spring Festival extension: 31 January is a working day again.
    const r = loadContent(makeContent({ 'holidays/2020.csv': 'date,kind,name\n2020-01-01,休,元旦\n' }), {
      today: '2020-04-10',
    });
    expect(r.issues).toEqual([]);
    expect(LIBRARY_CALENDAR.isWorkday('2020-01-31')).toBe(false);
    expect(r.dataset!.calendar.isWorkday('2020-01-31')).toBe(true);
    expect(r.dataset!.calendar.reportDeadline('2020-01')).toBe('2020-02-07');
  });

  it('reports every problem of a bad file at file:line:column, all of them, and then does not use it', () => {
    const bad = [
      'date,kind,name',
      '2027-02-30,休,春节',
      '2026-12-31,休,元旦',
      '2027-01-01,休,元旦',
      '2027-01-01,休,元旦',
      '2027-01-02,假,元旦',
      '2027-01-05,班,元旦',
      '2027-01-03,休,',
    ].join('\n');
    const r = loadContent(makeContent({ 'holidays/2027.csv': bad, 'holidays/notes.txt': 'x' }), { today: '2020-04-10' });
    const F = 'content/holidays/2027.csv';
    expect(messages(r.issues)).toEqual([
      `${F}:2:1  [LS-CAL-003]  date  「2027-02-30」  日期不存在或写法有误，应写作 YYYY-MM-DD  提示：如 2026-10-01；每天一行`,
      `${F}:3:1  [LS-CAL-004]  date  「2026-12-31」  日期在 2026 年，不属于本文件的 2027 年  提示：每个文件只写文件名那一年的日期；跨年的假期（如元旦）分别写入两年的文件`,
      `${F}:5:1  [LS-CAL-005]  date  「2027-01-01」  日期重复（第 4 行已有）  提示：每天只写一行：删除多余的一行`,
      `${F}:6:2  [LS-CAL-006]  kind  「假」  类型只能是“休”或“班”  提示：休：放假的日子（含假期中的周末）；班：调休上班的周六或周日`,
      `${F}:7:2  [LS-CAL-007]  kind  「班」  2027-01-05 是星期二，本来就上班，不能标为“班”  提示：“班”只用于调休上班的周六、周日；请对照通知检查日期`,
      `${F}:8:3  [LS-CAL-008]  name  「」  节日名称为空  提示：如 元旦、春节、国庆节`,
      'content/holidays/notes.txt:0  [LS-CAL-002]  「notes.txt」  节假日安排目录中只能有以年份命名的 CSV 文件  提示：文件名写作 YYYY.csv，如 2027.csv，每年一个；其他文件请移出 content/holidays/',
    ]);
  });

  it('refuses a file with the wrong columns or no dates', () => {
    const columns = messages(
      loadContent(makeContent({ 'holidays/2027.csv': 'date,type\n2027-01-01,休\n' }), { today: '2020-04-10' }).issues,
    );
    expect(columns.map((m) => m.split('  ').slice(0, 3).join('  '))).toEqual([
      'content/holidays/2027.csv:1:2  [LS-CSV-010]  type',
      'content/holidays/2027.csv:1  [LS-CSV-011]  kind',
      'content/holidays/2027.csv:1  [LS-CSV-011]  name',
    ]);
    expect(
      messages(loadContent(makeContent({ 'holidays/2027.csv': 'date,kind,name\n' }), { today: '2020-04-10' }).issues),
    ).toEqual([
      'content/holidays/2027.csv:1  [LS-CAL-009]  文件中没有任何日期：2027 年将被当作没有任何节假日  提示：按《关于2027年部分节假日安排的通知》逐日填写；尚未发布则删除本文件',
    ]);
  });
});
