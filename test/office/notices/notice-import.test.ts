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

  it('imports a table with no leader column, each item said to name no leader (no refusal)', () => {
    const grid = {
      source: '表1',
      title: '2016年民生实事目标任务分解表',
      rows: [
        { line: 1, cells: ['序号', '民生实事', '责任单位', '完成时限'] },
        { line: 2, cells: ['1', '新建2座人行天桥。', '县住建局', '9月投入使用'] },
        { line: 3, cells: ['2', '建成县残疾人综合服务中心。', '县残联', '5月底前动工'] },
      ],
    };
    const r = importNotice([grid], { units: [], leaders: [], collectives: [] }, { year: 2016 });
    expect(r.errors).toEqual([]);
    expect(r.programme!.rows.map((x) => [x.leaders, x.deadline])).toEqual([
      ['', '9月投入使用'],
      ['', '5月底前动工'],
    ]);
    expect(r.review).toContain('表1 第 2 行（第 1 项）：未列明牵头领导');
    expect(r.review).toContain('表1 第 3 行（第 2 项）：未列明牵头领导');
    expect(r.newLeaders).toEqual([]);
  });

  it('keeps a row of two sub-tasks as one item, each line with its own deadline, and says so', () => {
    const header = ['序号', '工作任务', '责任单位', '完成时限'];
    const grid = (rows: string[][]) => ({
      source: '表1',
      title: '重点工作任务分解表',
      rows: [header, ...rows].map((cells, i) => ({ line: i + 1, cells })),
    });
    const regs = { units: [], leaders: [], collectives: [] };
    // Two lines of text beside two lines of deadline.
    let r = importNotice(
      [grid([['1', '开工建设县老年养护楼。\n开工建设老年大学。', '县民政局', '5月底前动工\n12月底前']])],
      regs,
      { year: 2016 },
    );
    expect(r.errors).toEqual([]);
    expect(r.tasks!.rows[0]).toMatchObject({
      no: '1',
      target: '开工建设县老年养护楼。\n开工建设老年大学。',
      deadline: '5月底前动工\n12月底前',
    });
    expect(r.review).toContain(
      '表1 第 2 行（第 1 项）：一行有 2 个子任务，导入为一项的 2 个子任务（序号不变），各自的完成时限：（1）开工建设县老年养护楼。——5月底前动工；（2）开工建设老年大学。——12月底前',
    );
    // Numbered sub-tasks with their deadlines in brackets, one wrapped over two lines; no deadline column.
    r = importNotice(
      [
        {
          source: '表1',
          title: '重点工作任务分解表',
          rows: [
            { line: 1, cells: ['序号', '工作任务', '责任单位'] },
            { line: 2, cells: ['1', '1.改造老旧小区30个\n（9月底前）\n2.新建公厕10座（12月底前）', '区住建局'] },
            { line: 3, cells: ['2', '新建学校2所。\n（年底前）', '区教育局'] },
          ],
        },
      ],
      regs,
      { year: 2021 },
    );
    expect(r.tasks!.rows.map((x) => [x.target, x.deadline])).toEqual([
      ['1.改造老旧小区30个（9月底前）\n2.新建公厕10座（12月底前）', '9月底前\n12月底前'],
      ['新建学校2所。（年底前）', ''],
    ]);
    // Lines without a deadline each, or not numbered, stay one task, joined as written.
    expect(
      importNotice([grid([['1', '推进老旧小区改造，\n完成30个。', '区住建局', '12月底前']])], regs, { year: 2021 }).tasks!
        .rows[0],
    ).toMatchObject({ target: '推进老旧小区改造，完成30个。', deadline: '12月底前' });
  });

  it('takes the programme name from the table title', async () => {
    const { programmeNameOf } = await import('../../../office/notices/notice-import.ts');
    expect(programmeNameOf('2021年民生十件实事任务分解表')).toBe('民生十件实事');
    expect(programmeNameOf('2020年“12100”民生工程责任分解表')).toBe('“12100”民生工程');
    expect(programmeNameOf('2022年为民办实事项目清单')).toBe('为民办实事');
    expect(programmeNameOf('2016年民生实事目标任务分解表')).toBe('民生实事');
  });
});
