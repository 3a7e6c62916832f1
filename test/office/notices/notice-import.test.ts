/**
 * import-notice's core: the bundled notice's text reproduces content/2020's tasks and projects;
 * an .xlsx and a .docx made here from the same tables give the same rows; the expansion rules;
 * clear errors. (The CLI and a second government end to end: test/scripts/import-notice.test.ts.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { importNotice, type Registries } from '../../../office/notices/notice-import.ts';
import { textGrids } from '../../../office/notices/text-tables.ts';
import { expandUnits, splitLeaders } from '../../../office/notices/units.ts';
import { SHIZHONG_2020 } from '../../fixtures/bundled.ts';

// The bundled dataset's test copy (test/fixtures/bundled.ts), so this runs whatever content/ holds.
const CONTENT = SHIZHONG_2020;
const csv = (rel: string) =>
  parse(readFileSync(path.join(CONTENT, rel)), { columns: true, bom: true }) as Record<string, string>[];
export const registries = (): Registries => ({
  units: csv('units.csv') as Registries['units'],
  leaders: csv('leaders.csv') as Registries['leaders'],
  collectives: csv('collectives.csv').map((c) => c.name),
});
const noticeText = readFileSync(path.join(CONTENT, '2020/notice.txt'), 'utf8');

describe('the bundled notice through the text path', () => {
  const grids = textGrids(noticeText);
  const result = importNotice(grids, registries(), { year: 2020, placeNames: ['济南', '市中'] });

  it('finds the two decomposition tables (not the blank forms of 附件3 and 附件4) and makes no error', () => {
    expect(result.errors).toEqual([]);
    expect(grids.map((g) => g.source)).toEqual(['附件1', '附件2']);
    expect(grids.map((g) => g.title)).toEqual(['2020年主要工作任务责任分解立项表', '2020年“12100”民生工程责任分解表']);
  });

  it('suggests links from a programme item to the main task it repeats, for review', () => {
    const linked = importNotice(grids, registries(), { year: 2020, placeNames: ['济南', '市中'], link: true });
    const expected = new Map(
      csv('2020/projects.csv')
        .filter((r) => r.task)
        .map((r) => [r.no, r.task]),
    );
    const got = new Map(linked.programme!.rows.filter((r) => r.task).map((r) => [r.no, r.task]));
    const right = [...got].filter(([no, t]) => expected.get(no) === t).length;
    console.log(`links: ${right} of ${got.size} suggested are the transcribed ones; ${expected.size} transcribed`);
    expect(right).toBeGreaterThan(0);
    expect(linked.review.filter((r) => r.includes('已关联'))).toHaveLength(got.size);
  });

  it('reproduces content/2020 tasks.csv and sections.csv exactly', () => {
    expect(result.tasks!.rows).toEqual(csv('2020/tasks.csv'));
    expect(result.tasks!.sections.map((s) => ({ no: String(s.no), name: s.name }))).toEqual(csv('2020/sections.csv'));
  });

  it('reproduces content/2020 projects.csv (all but the editorial task links) and categories.csv exactly', () => {
    const expected = csv('2020/projects.csv').map((r) => ({ ...r, task: '' }));
    expect(result.programme!.rows).toEqual(expected);
    expect(result.programme!.categories.map((c) => ({ no: String(c.no), numeral: c.numeral, name: c.name }))).toEqual(
      csv('2020/categories.csv'),
    );
    expect(result.programme).toMatchObject({ name: '“12100”民生工程', slug: '12100', itemLabel: '民生', attachment: '附件2' });
  });

  it('adds no unit or leader the registries already have', () => {
    expect(result.newUnits).toEqual([]);
    expect(result.newLeaders).toEqual([]);
  });
});

describe('the rules, one by one', () => {
  const ctx = {
    known: new Map<string, string>(),
    collectives: new Set(['各街道办事处', '相关街道办事处']),
    placeNames: ['南城'],
  };

  it('expands a shared 区 prefix and a shared 街道办事处 suffix; keeps collectives and a trailing 等', () => {
    expect(expandUnits('区发改局、住建局、工信局', ctx).names).toEqual(['区发改局', '区住建局', '区工信局']);
    expect(expandUnits('区工信局，杆石桥、四里村、大观园街道办事处', ctx).names).toEqual([
      '区工信局',
      '杆石桥街道办事处',
      '四里村街道办事处',
      '大观园街道办事处',
    ]);
    expect(expandUnits('区民政局、各街道办事处', ctx).names).toEqual(['区民政局', '各街道办事处']);
    expect(expandUnits('区妇联、人武部等', ctx).names).toEqual(['区妇联', '区人武部等']);
    expect(expandUnits('区城管局、南城控股集团', ctx).names).toEqual(['区城管局', '南城控股集团']);
    const notes = expandUnits('区发改局、住建局，东风、西湖街道办事处', ctx).notes;
    expect(notes).toEqual([
      '「住建局」补全为「区住建局」（共用前缀“区”）',
      '「东风」补全为「东风街道办事处」（与同组末项共用“街道办事处”）',
    ]);
  });

  it('reads units written one per line in a cell as separate units, and a name wrapped by the layout as one', () => {
    const oneEach = expandUnits('区发改局\n住建局\n区财政局', ctx);
    expect(oneEach.names).toEqual(['区发改局', '区住建局', '区财政局']);
    expect(oneEach.notes.filter((n) => n.includes('分行书写'))).toHaveLength(2);
    expect(expandUnits('区住房和城乡建设\n局、区财政局', ctx).names).toEqual(['区住房和城乡建设局', '区财政局']);
  });

  it('joins padded names, splits two leaders in one cell, rejoins a split title', () => {
    expect(splitLeaders('王  强')).toEqual(['王强']);
    expect(splitLeaders('孟庆顺\n付  华')).toEqual(['孟庆顺', '付华']);
    expect(splitLeaders('各相关\n\n副区长')).toEqual(['各相关副区长']);
    expect(splitLeaders('张三、李四')).toEqual(['张三', '李四']);
  });

  it('takes the programme name from the table title', async () => {
    const { programmeNameOf } = await import('../../../office/notices/notice-import.ts');
    expect(programmeNameOf('2021年民生十件实事任务分解表')).toBe('民生十件实事');
    expect(programmeNameOf('2020年“12100”民生工程责任分解表')).toBe('“12100”民生工程');
    expect(programmeNameOf('2022年为民办实事项目清单')).toBe('为民办实事');
  });
});
