/**
 * The forms' indicator block (office/forms/indicator-cells.ts, indicator-import.ts): 附件4 gives
 * each indicator of an item a row with its name and unit, target and a 累计完成 cell; 附件3 the
 * planned cumulative value at each quarter's end. Filled forms saved as CSV go through the whole
 * import (runImport): values are read as people type them into actuals/YYYY-MM.csv and
 * indicator-plans.csv; every refused value is named by file, row, column and value, and then
 * nothing of the batch is written (content compared byte for byte); a falling cumulative value or
 * 全部完成 below the target needs the report's 说明, by the loader's own rule.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../../src/core/content/load.ts';
import { buildForm, formColumns, type FormKind, type FormSheet } from '../../../office/forms/forms.ts';
import { parseFormGrid } from '../../../office/forms/form-read.ts';
import { runImport } from '../../../office/forms/importer.ts';
import { TODAY, makeContent } from '../../fixtures/content.ts';

const INDICATORS = [
  'item,no,name,kind,measure,goal,comparison,source,confirmed',
  // A name that ends with its unit: the form does not say the unit twice.
  'T2,1,新建学校（所）,数量,所,3,,,是',
  'T2,2,回迁安置,数量,人,2.45万,,,是',
  'P2,1,低保标准,标准,元/年/人,3480,不低于,,是',
  'P1,1,加装电梯,数量,部,60,,,是',
].join('\n');

const content = (changes: Record<string, string> = {}) => makeContent({ '2020/indicators.csv': INDICATORS, ...changes });

const REPORT = { progress: '进展', problems: '无', next_steps: '计划', evaluation: '完成', item_complete: '否' };

/** Fill a form's grid as a department does: the item's report cells, and cells of indicator rows by their 指标 text's number. */
function fill(
  sheet: FormSheet,
  items: Record<string, { report?: Record<string, string>; values?: Record<number, Record<string, string>> }>,
): string[][] {
  const grid = sheet.grid.map((r) => [...r]);
  grid[sheet.filedCell[0] - 1][sheet.filedCell[1] - 1] = sheet.kind === 'report' ? '2020-04-07' : '2020-01-20';
  const col = (field: string) => sheet.columns.findIndex((c) => c.field === field);
  let item = '';
  for (let r = sheet.firstDataRow - 1; r < sheet.lastDataRow; r++) {
    if (grid[r][0] !== '') {
      item = grid[r][0];
      for (const [f, v] of Object.entries(items[item]?.report ?? {})) grid[r][col(f)] = v;
    }
    const no = Number(/^(\d+)\./.exec(grid[r][col('indicator')] ?? '')?.[1]);
    for (const [f, v] of Object.entries(items[item]?.values?.[no] ?? {})) grid[r][col(f)] = v;
  }
  return grid;
}

/** Every file under a folder, byte for byte. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(path.relative(dir, p), readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

/** Build a unit's form from `root`, fill it, save it as CSV and import it. */
async function importFilled(
  root: string,
  unit: string,
  kind: FormKind,
  items: Parameters<typeof fill>[1],
  options: { replace?: boolean; month?: string } = {},
) {
  const ds = loadContentOrThrow(root, { today: TODAY });
  const sheet = buildForm(ds, ds.years[0], unit, kind, kind === 'report' ? (options.month ?? '2020-03') : undefined);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'luoshi-form-')), `${unit}.csv`);
  writeFileSync(file, stringify(fill(sheet, items)));
  const outcome = await runImport([file], { content: root, today: TODAY, replace: options.replace });
  return { outcome, sheet, file };
}

const read = (root: string, rel: string) => readFileSync(path.join(root, rel), 'utf8');

describe('附件4 with indicators', () => {
  it('gives each indicator a row under its item: name and unit, target, and a 累计完成 cell (现值 for a standard)', () => {
    const ds = loadContentOrThrow(content(), { today: TODAY });
    const form = buildForm(ds, ds.years[0], 'jiaotiju', 'report', '2020-03');
    const header = form.grid[form.firstDataRow - 2];
    expect(header.slice(9)).toEqual(['指标（计量单位）', '目标', '累计完成（标准、幅度填现值）']);
    expect(header.filter((h) => h.includes('累计完成'))).toHaveLength(1);
    const rows = form.grid.slice(form.firstDataRow - 1, form.lastDataRow);
    expect(rows.map((r) => [r[0], ...r.slice(9)])).toEqual([
      ['T2', '1. 新建学校（所）', '3所', ''],
      ['', '2. 回迁安置（人）', '24500人', ''],
      ['P2', '1. 低保标准（元/年/人，填现值）', '不低于3480元/年/人', ''],
    ]);
    // T2's own cells span its two rows; the notes say how to fill the numbers.
    const t2 = form.firstDataRow;
    for (let c = 1; c <= 9; c++) expect(form.merges).toContainEqual([t2, c, t2 + 1, c]);
    expect(form.items).toBe(2);
    expect(form.grid.some((r) => r[0].includes('累计完成') && r[0].includes('约7千人'))).toBe(true);
  });

  it('has no indicator columns for a unit whose items have no indicators', () => {
    const ds = loadContentOrThrow(content(), { today: TODAY });
    const form = buildForm(ds, ds.years[0], 'fagaiju', 'report', '2020-03');
    expect(form.columns).toEqual(formColumns('report'));
    expect(form.grid[form.firstDataRow - 2]).toHaveLength(9);
  });

  it('reads the indicator rows with their item, and a form without the block as before', () => {
    const ds = loadContentOrThrow(content(), { today: TODAY });
    const form = buildForm(ds, ds.years[0], 'jiaotiju', 'report', '2020-03');
    const grid = fill(form, { T2: { values: { 2: { actual: '1.2万' } } } });
    const parsed = parseFormGrid(grid, 'a.csv');
    expect(parsed.errors).toEqual([]);
    // A number alone answers the row (its report cells are then checked as required).
    expect(parsed.rows.map((r) => [r.row, r.values.item, r.indicators])).toEqual([
      [
        form.firstDataRow,
        'T2',
        [
          { row: form.firstDataRow, label: '1. 新建学校（所）', values: { actual: '' } },
          { row: form.firstDataRow + 1, label: '2. 回迁安置（人）', values: { actual: '1.2万' } },
        ],
      ],
    ]);
    expect(parsed.blankRows).toBe(1);
    expect(parsed.locate(form.firstDataRow + 1, 'actual')).toEqual({
      row: form.firstDataRow + 1,
      column: 12,
      label: '累计完成（标准、幅度填现值）',
    });
    // The same form with the block cut off: no indicators, no error.
    const cut = fill(form, { T2: { report: REPORT } }).map((r) => r.slice(0, 9));
    cut[form.filedCell[0] - 1][6] = '填报时间：2020-04-07';
    const old = parseFormGrid(cut, 'b.csv');
    expect(old.errors).toEqual([]);
    expect(old.rows.map((r) => [r.values.item, r.indicators])).toEqual([['T2', undefined]]);
  });

  it('imports the numbers as typed (full-width, 万, unit) into actuals/YYYY-MM.csv, and the form comes back pre-filled', async () => {
    const root = content();
    const { outcome } = await importFilled(root, 'jiaotiju', 'report', {
      T2: { report: REPORT, values: { 1: { actual: '２' }, 2: { actual: '1.2万人' } } },
      P2: { report: REPORT, values: { 1: { actual: '3,600' } } },
    });
    expect(outcome.errors).toEqual([]);
    expect(outcome.written).toEqual(['2020/reports/2020-03.csv', '2020/actuals/2020-03.csv']);
    expect(read(root, '2020/actuals/2020-03.csv')).toBe(
      'item,no,month,actual\nT2,1,2020-03,2\nT2,2,2020-03,12000\nP2,1,2020-03,3600\n',
    );
    const ds = loadContentOrThrow(root, { today: TODAY });
    const again = buildForm(ds, ds.years[0], 'jiaotiju', 'report', '2020-03');
    expect(again.grid.slice(again.firstDataRow - 1, again.lastDataRow).map((r) => r[11])).toEqual(['2', '12000', '3600']);
  });

  it.each([
    ['约7千人', 'LS-ACT-005', '累计完成数是约数'],
    ['大部分', 'LS-ACT-012', '累计完成数不是数字'],
    ['12000套', 'LS-ACT-013', '单位“套”与指标的计量单位“人”不符'],
    ['7千', 'LS-ACT-010', '“千”不能作倍数'],
    ['一万二', 'LS-ACT-006', '应写阿拉伯数字'],
    ['5-6', 'LS-ACT-008', '是一个范围'],
    ['-3', 'LS-ACT-007', '不能是负数'],
    ['1,20,00', 'LS-ACT-009', '逗号位置不对'],
  ])('refuses %s naming file, row, column and value, and writes nothing', async (value, code, words) => {
    const root = content();
    const before = snapshot(root);
    const { outcome, sheet, file } = await importFilled(root, 'jiaotiju', 'report', {
      T2: { report: REPORT, values: { 1: { actual: '2' }, 2: { actual: value } } },
      P2: { report: REPORT, values: { 1: { actual: '3600' } } },
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.written).toEqual([]);
    expect(outcome.errors).toEqual([
      expect.stringContaining(
        `${file} 第 ${sheet.firstDataRow + 1} 行 L 列  [${code}]  （累计完成（标准、幅度填现值））  「${value}」  `,
      ),
    ]);
    expect(outcome.errors[0]).toContain(words);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses a cumulative value below last month’s, and 全部完成 below the target, unless 说明 explains', async () => {
    const withFebruary = () => content({ '2020/actuals/2020-02.csv': 'item,no,month,actual\nT2,1,2020-02,2\n' });
    let root = withFebruary();
    let before = snapshot(root);
    const falling = await importFilled(root, 'jiaotiju', 'report', { T2: { report: REPORT, values: { 1: { actual: '1' } } } });
    expect(falling.outcome.errors).toEqual([
      expect.stringMatching(
        /第 \d+ 行 L 列 {2}\[LS-ACT-014\] {2}.*「1」 {2}累计完成数 1所 比上月（2020-02：2所）少，但月报没有说明/,
      ),
    ]);
    expect(snapshot(root)).toEqual(before);
    const explained = await importFilled(root, 'jiaotiju', 'report', {
      T2: { report: { ...REPORT, note: '核减不合格1所' }, values: { 1: { actual: '1' } } },
    });
    expect(explained.outcome.errors).toEqual([]);

    root = withFebruary();
    before = snapshot(root);
    const complete = await importFilled(root, 'jiaotiju', 'report', {
      T2: { report: { ...REPORT, item_complete: '是' }, values: { 1: { actual: '2' }, 2: { actual: '24500' } } },
    });
    expect(complete.outcome.errors).toEqual([
      expect.stringMatching(/\[LS-ACT-015\] .*月报称全部完成，但指标“新建学校（所）”累计完成 2所，未达目标 3所，也没有说明/),
    ]);
    expect(snapshot(root)).toEqual(before);
  });

  it('re-imports the same form as unchanged; a changed number is refused unless replacing, and then the item’s rows are the form’s', async () => {
    const root = content();
    const first = { T2: { report: REPORT, values: { 1: { actual: '1' }, 2: { actual: '8000' } } } };
    expect((await importFilled(root, 'jiaotiju', 'report', first)).outcome.errors).toEqual([]);
    const same = await importFilled(root, 'jiaotiju', 'report', first);
    expect(same.outcome.ok).toBe(true);
    expect(same.outcome.written).toEqual([]);
    expect(same.outcome.totals.unchanged).toBe(1);

    const second = { T2: { report: REPORT, values: { 1: { actual: '' }, 2: { actual: '9000' } } } };
    const before = snapshot(root);
    const refused = await importFilled(root, 'jiaotiju', 'report', second);
    expect(refused.outcome.ok).toBe(false);
    expect(refused.outcome.conflicts).toEqual([expect.stringContaining('指标1 累计完成：原「1」→ 新「」')]);
    expect(refused.outcome.conflicts[0]).toContain('指标2 累计完成：原「8000」→ 新「9000」');
    expect(snapshot(root)).toEqual(before);
    const replaced = await importFilled(root, 'jiaotiju', 'report', second, { replace: true });
    expect(replaced.outcome.errors).toEqual([]);
    expect(read(root, '2020/actuals/2020-03.csv')).toBe('item,no,month,actual\nT2,2,2020-03,9000\n');
  });

  it('names a 指标 cell whose number was edited away', async () => {
    const root = content();
    const ds = loadContentOrThrow(root, { today: TODAY });
    const sheet = buildForm(ds, ds.years[0], 'jiaotiju', 'report', '2020-03');
    const grid = fill(sheet, { T2: { report: REPORT, values: { 1: { actual: '1' } } } });
    grid[sheet.firstDataRow - 1][9] = '新建学校';
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'luoshi-form-')), 'edited.csv');
    writeFileSync(file, stringify(grid));
    const outcome = await runImport([file], { content: root, today: TODAY });
    expect(outcome.errors).toEqual([expect.stringContaining(`第 ${sheet.firstDataRow} 行 J 列  [LS-FORM-038]`)]);
  });
});

describe('附件3 with quarterly planned numbers', () => {
  it('lists the counted indicators with four quarter cells under one header', () => {
    const ds = loadContentOrThrow(content(), { today: TODAY });
    const form = buildForm(ds, ds.years[0], 'jiaotiju', 'plan');
    const [top, sub] = [form.grid[form.firstDataRow - 3], form.grid[form.firstDataRow - 2]];
    expect(top.slice(9)).toEqual(['指标（计量单位）', '目标', ...Array(4).fill('季度末计划累计完成数')]);
    expect(sub.slice(11)).toEqual(['一季度末', '二季度末', '三季度末', '四季度末']);
    expect(form.merges).toContainEqual([form.firstDataRow - 2, 12, form.firstDataRow - 2, 15]);
    expect(form.merges).toContainEqual([form.firstDataRow - 2, 3, form.firstDataRow - 2, 6]);
    // P2's only indicator is a standard: no planned numbers, one row.
    expect(form.grid.slice(form.firstDataRow - 1, form.lastDataRow).map((r) => [r[0], r[9]])).toEqual([
      ['T2', '1. 新建学校（所）'],
      ['', '2. 回迁安置（人）'],
      ['P2', ''],
    ]);
  });

  it('imports the planned numbers into indicator-plans.csv, which the loader gives to Indicator.quarterPlan', async () => {
    const root = content();
    // The plan was filed before (pre-filled on the form): adding numbers to it is a change, made with --replace.
    const { outcome } = await importFilled(
      root,
      'jiaotiju',
      'plan',
      { T2: { values: { 1: { plan_q2: '1', plan_q3: '2', plan_q4: '3所' }, 2: { plan_q4: '2.45万' } } } },
      { replace: true },
    );
    expect(outcome.errors).toEqual([]);
    expect(outcome.replaced).toEqual([expect.stringContaining('指标1 二季度末计划累计完成数：原「」→ 新「1」')]);
    expect(read(root, '2020/indicator-plans.csv')).toBe('item,no,q1,q2,q3,q4\nT2,1,,1,2,3\nT2,2,,,,24500\n');
    const t2 = loadContentOrThrow(root, { today: TODAY }).years[0].itemByKey.get('T2')!;
    expect(t2.indicators.map((i) => i.quarterPlan)).toEqual([
      [undefined, 1, 2, 3],
      [undefined, undefined, undefined, 24500],
    ]);
  });

  it('refuses a planned number that is not one, and one that falls, writing nothing', async () => {
    const root = content();
    const before = snapshot(root);
    const { outcome, sheet } = await importFilled(
      root,
      'jiaotiju',
      'plan',
      { T2: { values: { 1: { plan_q1: '约2所', plan_q3: '2', plan_q4: '1' } } } },
      { replace: true },
    );
    expect(outcome.errors).toEqual([
      expect.stringContaining(
        `第 ${sheet.firstDataRow} 行 L 列  [LS-IND-025]  （一季度末）  「约2所」  季度计划累计数是约数（“约”）`,
      ),
      expect.stringContaining(
        `第 ${sheet.firstDataRow} 行 O 列  [LS-IND-024]  （四季度末）  「1」  四季度末计划累计数 1所 比三季度末（2所）少`,
      ),
    ]);
    expect(snapshot(root)).toEqual(before);
  });
});
