import { describe, it, expect } from 'vitest';
import { loadContentOrThrow } from '../../../src/core/content/load.ts';
import { PLAN_COLUMNS, REPORT_COLUMNS, buildForm } from '../../../office/forms/forms.ts';
import { columnLetter, normaliseDate, parseContentGrid, parseFormGrid } from '../../../office/forms/form-read.ts';
import { reportingUnits } from '../../../src/core/model/stats.ts';
import { TODAY, makeContent } from '../../fixtures/content.ts';

const ds = () => loadContentOrThrow(makeContent(), { today: TODAY });

/** Fill a grid the way a department fills the sheet. */
function fill(
  grid: string[][],
  firstDataRow: number,
  columns: typeof REPORT_COLUMNS,
  values: (key: string) => Record<string, string>,
  filedCell: [number, number],
  filed: string,
): string[][] {
  const out = grid.map((r) => [...r]);
  out[filedCell[0] - 1][filedCell[1] - 1] = filed;
  for (let r = firstDataRow - 1; r < out.length && /^[TP]\d+$/.test(out[r][0]); r++) {
    const v = values(out[r][0]);
    columns.forEach((c, i) => {
      if (c.input && v[c.field] !== undefined) out[r][i] = v[c.field];
    });
  }
  return out;
}

describe('附件4 form layout', () => {
  it('has the title with the month, 填报单位, 填报时间, the notice columns in order and the footer', () => {
    const d = ds();
    const form = buildForm(d, d.years[0], 'zhujianju', 'report', '2020-03');
    expect(form.grid[0][0]).toBe('2020年主要工作任务落实情况表');
    expect(form.grid[1][0]).toBe('（3月）');
    expect(form.grid[2][0]).toBe('填报单位：区住建局');
    expect(form.grid[2]).toContain('填报时间：');
    const header = form.grid[form.firstDataRow - 2];
    expect(header.slice(0, 7)).toEqual([
      '分解序号',
      '主要任务',
      '季度计划完成目标',
      '完成情况',
      '存在问题',
      '下一步计划',
      '评价（完成、未完成）',
    ]);
    expect(header.slice(7)).toEqual(['是否全部完成（是、否）', '说明']);
    const footer = form.grid.find((r) => r[0] === '填报人：')!;
    expect(footer.filter(Boolean)).toEqual(['填报人：', '联系电话：', '负责人签字：']);
    expect(form.fileName).toBe('附件4_2020-03_区住建局.xlsx');
  });

  it('is pre-filled with the items the unit leads and the quarter target of its plan', () => {
    const d = ds();
    const form = buildForm(d, d.years[0], 'zhujianju', 'report', '2020-03');
    const rows = form.grid.slice(form.firstDataRow - 1, form.lastDataRow);
    expect(rows.map((r) => r[0])).toEqual(['T3', 'P1']);
    expect(rows[0][1]).toBe('加装电梯60部。');
    expect(rows[0][2]).toBe('一季度目标');
    // P1 was reported complete in January: pre-filled 是.
    expect(rows[1][7]).toBe('是');
    expect(buildForm(d, d.years[0], 'zhujianju', 'report', '2020-07').grid[form.firstDataRow - 1][2]).toBe('三季度目标');
  });

  it('pre-fills an existing report, so a re-issued form round-trips', () => {
    const d = ds();
    const form = buildForm(d, d.years[0], 'fagaiju', 'report', '2020-02');
    expect(form.grid[form.firstDataRow - 1].slice(0, 7)).toEqual([
      'T1',
      '完成投资10亿元。',
      '目标',
      '进展',
      '无',
      '计划',
      '完成',
    ]);
  });

  it('lists units that lead items', () => {
    const d = ds();
    expect(reportingUnits(d, d.years[0]).map((u) => u.id)).toEqual(['fagaiju', 'zhujianju', 'jiaotiju']);
  });
});

describe('附件3 form layout', () => {
  it('has the quarters under 季度目标及月份推进计划 and merges the other headers over two rows', () => {
    const d = ds();
    const form = buildForm(d, d.years[0], 'jiaotiju', 'plan');
    expect(form.grid[0][0]).toBe('2020年工作任务落实计划表');
    const [top, sub] = [form.grid[form.firstDataRow - 3], form.grid[form.firstDataRow - 2]];
    expect(top).toEqual(PLAN_COLUMNS.map((c) => c.header));
    expect(sub.slice(2, 6)).toEqual(['一季度', '二季度', '三季度', '四季度']);
    expect(form.merges).toContainEqual([form.firstDataRow - 2, 1, form.firstDataRow - 1, 1]);
    expect(form.grid.slice(form.firstDataRow - 1, form.lastDataRow).map((r) => r[0])).toEqual(['T2', 'P2']);
  });
});

describe('reading a filled form', () => {
  it('reads back what was filled, with the form row of every value', () => {
    const d = ds();
    const form = buildForm(d, d.years[0], 'jiaotiju', 'report', '2020-03');
    const grid = fill(
      form.grid,
      form.firstDataRow,
      REPORT_COLUMNS,
      (k): Record<string, string> =>
        k === 'T2' ? { progress: '建成1所', problems: '', next_steps: '继续', evaluation: '完成', item_complete: '否' } : {},
      form.filedCell,
      '2020/4/7',
    );
    const parsed = parseFormGrid(grid, 'a.xlsx');
    expect(parsed.errors).toEqual([]);
    expect(parsed.kind).toBe('report');
    expect(parsed.month).toBe('2020-03');
    expect(parsed.unit).toBe('区教体局');
    expect(parsed.rows).toEqual([
      {
        row: form.firstDataRow,
        values: {
          item: 'T2',
          month: '2020-03',
          unit: '区教体局',
          target: '一季度目标',
          progress: '建成1所',
          problems: '',
          next_steps: '继续',
          evaluation: '完成',
          item_complete: '否',
          filed: '2020-04-07',
          note: '',
        },
      },
    ]);
    expect(parsed.blankRows).toBe(1);
    expect(parsed.locate(form.firstDataRow, 'evaluation')).toEqual({
      row: form.firstDataRow,
      column: 7,
      label: '评价（完成、未完成）',
    });
    expect(parsed.locate(form.firstDataRow, 'filed').row).toBe(3);
  });

  it('finds columns by their header, so an Excel copy with shifted cells still reads', () => {
    const d = ds();
    const form = buildForm(d, d.years[0], 'jiaotiju', 'plan');
    const grid = fill(
      form.grid,
      form.firstDataRow,
      PLAN_COLUMNS,
      () => ({ q1: 'a', q2: 'b', q3: 'c', q4: 'd', principal: '甲', deputy: '乙' }),
      form.filedCell,
      '2020年2月21日',
    );
    const shifted = grid.map((r) => ['', ...r]);
    const parsed = parseFormGrid(shifted, 'b.csv');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.values.item, r.values.q3, r.values.filed])).toEqual([
      ['T2', 'c', '2020-02-21'],
      ['P2', 'c', '2020-02-21'],
    ]);
    expect(parsed.locate(parsed.rows[0].row, 'q3').column).toBe(6);
  });

  it('reports a missing title, header column, month and date', () => {
    expect(parseFormGrid([['随便什么']], 'x.csv').errors[0].message).toMatch(/找不到表格标题/);
    const d = ds();
    const form = buildForm(d, d.years[0], 'jiaotiju', 'report', '2020-03');
    const grid = form.grid.map((r) => [...r]);
    grid[1][0] = '';
    grid[form.firstDataRow - 2][3] = '情况';
    const errors = parseFormGrid(grid, 'x.xlsx').errors.map((e) => e.message);
    expect(errors).toContain('标题下缺少月份，如“（7月）”');
    expect(errors).toContain('填报时间为空');
    expect(errors).toContain('表头缺少“完成情况”列');
  });

  it('accepts content-format CSV too', () => {
    const parsed = parseContentGrid(
      [
        ['item', 'month', 'unit', 'target', 'progress', 'problems', 'next_steps', 'evaluation', 'item_complete', 'filed', 'note'],
        ['T1', '2020-03', '区发改局', 't', 'p', '', '', '完成', '否', '2020/4/1', ''],
      ],
      'c.csv',
    )!;
    expect(parsed.kind).toBe('report');
    expect(parsed.rows[0]).toEqual({
      row: 2,
      values: {
        item: 'T1',
        month: '2020-03',
        unit: '区发改局',
        target: 't',
        progress: 'p',
        problems: '',
        next_steps: '',
        evaluation: '完成',
        item_complete: '否',
        filed: '2020-04-01',
        note: '',
      },
    });
  });

  it('normalises dates as typed in Excel and names columns by letter', () => {
    expect(normaliseDate('2020/8/5')).toBe('2020-08-05');
    expect(normaliseDate('2020年8月5日')).toBe('2020-08-05');
    expect(normaliseDate('2020.08.05')).toBe('2020-08-05');
    expect(normaliseDate('八月五日')).toBe('八月五日');
    expect([1, 7, 26, 27].map(columnLetter)).toEqual(['A', 'G', 'Z', 'AA']);
  });
});
