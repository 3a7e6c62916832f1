/**
 * The office's round trip through the command-line tools, as separate processes: forms out,
 * filled programmatically, imported (xlsx, UTF-8/BOM/GBK CSV), checked by status and bulletin.
 * Every test works on its own temporary content folder; the real content/ is never touched.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadContent, loadContentOrThrow } from '../../src/core/content/load.ts';
import { countStatuses, itemsLedBy, reportingUnits } from '../../src/core/model/stats.ts';
import { formatIssue } from '../../src/core/errors/issues.ts';
import { readXlsxGrid } from '../../office/forms/xlsx.ts';
import { TODAY, makeContent } from '../fixtures/content.ts';
import { answer, fillXlsx, type FilledForm } from './fill.ts';
import { encodeGbk } from './gbk.ts';
import { snapshot } from '../fixtures/processes.ts';
import { SHIZHONG_2020 } from '../fixtures/bundled.ts';

const ROOT = path.resolve(__dirname, '../..');
const NODE = existsSync(path.join(ROOT, 'node_modules/.bin/node')) ? path.join(ROOT, 'node_modules/.bin/node') : process.execPath;

function run(script: string, args: string[], content: string) {
  const r = spawnSync(NODE, [path.join(ROOT, 'scripts', `${script}.ts`), ...args, '--content', content], {
    encoding: 'utf8',
    env: { ...process.env, LUOSHI_TODAY: TODAY, LUOSHI_CONTENT: '/nonexistent-use-the-flag' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'luoshi-forms-'));
}

function csvRows(file: string): Record<string, string>[] {
  return parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
}

/** The content rows the filled forms must produce. */
function expectedReports(forms: FilledForm[], month: string, filed: string, target: (key: string) => string) {
  return forms
    .flatMap((f) => f.items.map((key) => ({ key, unit: f.unit, a: answer('report', key, month) })))
    .map(({ key, unit, a }) => ({
      item: key,
      month,
      unit,
      target: target(key),
      progress: a.progress,
      problems: a.problems,
      next_steps: a.next_steps,
      evaluation: a.evaluation,
      item_complete: a.item_complete,
      filed,
      note: a.note,
    }));
}

function expectedPlans(forms: FilledForm[], filed: string) {
  return forms.flatMap((f) =>
    f.items.map((key) => {
      const a = answer('plan', key);
      return {
        item: key,
        unit: f.unit,
        q1: a.q1,
        q2: a.q2,
        q3: a.q3,
        q4: a.q4,
        principal: a.principal,
        deputy: a.deputy,
        note: a.note,
        filed,
      };
    }),
  );
}

const byItem = (a: Record<string, string>, b: Record<string, string>) => a.item.localeCompare(b.item);

/** Save a generated form's sheet as Excel's "CSV" would: merged cells once, CRLF. */
async function asCsv(xlsx: string): Promise<string> {
  const grid = await readXlsxGrid(xlsx);
  const q = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${grid.map((r) => r.map(q).join(',')).join('\r\n')}\r\n`;
}

describe('round trip: plan forms (附件3) and monthly forms (附件4) for every unit', () => {
  it('generates, fills, imports, and the content equals what was filled', async () => {
    const content = makeContent({ '2020/plans.csv': null, '2020/reports/2020-01.csv': null, '2020/reports/2020-02.csv': null });
    const ds = loadContentOrThrow(content, { today: TODAY });
    const units = reportingUnits(ds, ds.years[0]);

    const planDir = tmp();
    const gen = run('forms', ['--plan', '--out', planDir], content);
    expect(gen.code, gen.err).toBe(0);
    expect(gen.out).toContain('已生成 3 份2020 年落实计划表（附件3）');
    expect(readdirSync(planDir).sort()).toEqual(units.map((u) => `附件3_2020_${u.name}.xlsx`).sort());
    const plans: FilledForm[] = [];
    for (const f of readdirSync(planDir).sort()) plans.push(await fillXlsx(path.join(planDir, f), '2020-02-21'));
    const imp = run('import', [planDir], content);
    expect(imp.code, imp.err).toBe(0);
    expect(imp.out).toContain('合计：新增 5 行，修改 0 行，未变 0 行。');
    expect(imp.out).toMatch(/区住建局：新增 2，修改 0，未变 0/);
    expect(csvRows(path.join(content, '2020/plans.csv')).sort(byItem)).toEqual(expectedPlans(plans, '2020-02-21').sort(byItem));

    const monthDir = tmp();
    expect(run('forms', ['--month', '2020-03', '--out', monthDir], content).code).toBe(0);
    const reports: FilledForm[] = [];
    for (const f of readdirSync(monthDir).sort()) reports.push(await fillXlsx(path.join(monthDir, f), '2020/4/7'));
    const imp2 = run('import', [monthDir], content);
    expect(imp2.code, imp2.err).toBe(0);
    const written = csvRows(path.join(content, '2020/reports/2020-03.csv'));
    expect(written.sort(byItem)).toEqual(
      expectedReports(reports, '2020-03', '2020-04-07', (k) => answer('plan', k).q1).sort(byItem),
    );
    expect(loadContent(content, { today: TODAY }).issues).toEqual([]);

    // Importing the same forms again changes nothing.
    const before = snapshot(content);
    const again = run('import', [monthDir], content);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('合计：新增 0 行，修改 0 行，未变 5 行。');
    expect(snapshot(content)).toEqual(before);

    // The next month's forms carry the next quarter's target and need the data date moved on.
    const aprilDir = tmp();
    expect(run('forms', ['--month', '2020-04', '--unit', 'fagaiju', '--out', aprilDir], content).code).toBe(0);
    const april = [await fillXlsx(path.join(aprilDir, readdirSync(aprilDir)[0]), '2020-05-08')];
    const late = run('import', [aprilDir], content);
    expect(late.code).toBe(1);
    expect(late.err).toMatch(/\[LS-REF-025\].*填报时间晚于数据日期 2020-04-10/);
    const ok = run('import', [aprilDir, '--data-date', '2020-05-11'], content);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('2020 年度数据日期：2020-04-10 → 2020-05-11');
    expect(csvRows(path.join(content, '2020/reports/2020-04.csv'))).toEqual(
      expectedReports(april, '2020-04', '2020-05-08', (k) => answer('plan', k).q2),
    );
  });
});

describe('CSV forms saved from Excel', () => {
  it('imports GBK (Excel on Chinese Windows) and UTF-8 with BOM', async () => {
    const content = makeContent();
    const dir = tmp();
    expect(run('forms', ['--month', '2020-03', '--out', dir], content).code).toBe(0);
    const edu = await fillXlsx(path.join(dir, '附件4_2020-03_区教体局.xlsx'), '2020-04-07');
    const dev = await fillXlsx(path.join(dir, '附件4_2020-03_区发改局.xlsx'), '2020-04-07');
    const gbk = path.join(dir, 'edu-gbk.csv');
    const bom = path.join(dir, 'dev-bom.csv');
    const gbkBytes = encodeGbk(await asCsv(edu.file));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbkBytes)).toThrow();
    writeFileSync(gbk, gbkBytes);
    writeFileSync(bom, `\uFEFF${await asCsv(dev.file)}`);
    const r = run('import', [gbk, bom], content);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('GB18030/GBK');
    expect(r.out).toContain('UTF-8（带 BOM）');
    const rows = csvRows(path.join(content, '2020/reports/2020-03.csv'));
    expect(rows.sort(byItem)).toEqual(expectedReports([edu, dev], '2020-03', '2020-04-07', () => '一季度目标').sort(byItem));
    // Written as UTF-8 without BOM.
    expect(readFileSync(path.join(content, '2020/reports/2020-03.csv')).subarray(0, 4).toString()).toBe('item');
  });
});

describe('nothing changes in content/ when a file conflicts or is invalid', () => {
  it('refuses to overwrite a different report unless --replace, and then shows the old value', async () => {
    const content = makeContent();
    const dir = tmp();
    expect(run('forms', ['--month', '2020-02', '--unit', 'fagaiju', '--out', dir], content).code).toBe(0);
    const file = path.join(dir, readdirSync(dir)[0]);
    // The form comes pre-filled with the February report; the unit rewrites 完成情况.
    await fillXlsx(file, '2020-03-05', { values: () => ({ progress: '完成投资3亿元' }) });
    const before = snapshot(content);
    const refused = run('import', [file], content);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('T1 2020-02 月报与已有内容不同（2020/reports/2020-02.csv 第 2 行）');
    expect(refused.err).toContain('完成情况：原「进展」→ 新「完成投资3亿元」');
    expect(refused.err).toContain('没有任何改动');
    expect(snapshot(content)).toEqual(before);

    const replaced = run('import', [file, '--replace'], content);
    expect(replaced.code, replaced.err).toBe(0);
    expect(replaced.out).toContain('完成情况：原「进展」→ 新「完成投资3亿元」');
    expect(replaced.out).toContain('区发改局：新增 0，修改 1，未变 0');
    const rows = csvRows(path.join(content, '2020/reports/2020-02.csv'));
    expect(rows.find((r) => r.item === 'T1')).toMatchObject({ progress: '完成投资3亿元', filed: '2020-03-05' });
    expect(rows.find((r) => r.item === 'T2')).toMatchObject({ progress: '进展' });
  });

  it('a half-valid file imports nothing and lists every error with its form row', async () => {
    const content = makeContent();
    const dir = tmp();
    expect(run('forms', ['--month', '2020-03', '--out', dir], content).code).toBe(0);
    const good = await fillXlsx(path.join(dir, '附件4_2020-03_区发改局.xlsx'), '2020-04-07');
    const bad = path.join(dir, '附件4_2020-03_区教体局.xlsx');
    await fillXlsx(bad, '2020-04-07', {
      values: (kind, key) =>
        key === 'T2'
          ? { ...answer(kind, key), evaluation: '基本完成' }
          : { ...answer(kind, key), progress: '', problems: '有', item_complete: '也许' },
    });
    const grid = await readXlsxGrid(bad);
    const rowOf = (key: string) => grid.findIndex((r) => r[0] === key) + 1;
    const gbkBad = path.join(dir, 'bad-gbk.csv');
    writeFileSync(gbkBad, encodeGbk((await asCsv(bad)).replace('2020-04-07', '2020-13-45')));
    const before = snapshot(content);
    const r = run('import', [path.join(dir, '附件4_2020-03_区发改局.xlsx'), bad, gbkBad], content);
    expect(r.code).toBe(1);
    expect(good.items).toEqual(['T1']);
    expect(r.err).toContain(
      `${bad} 第 ${rowOf('T2')} 行 G 列  [LS-FLD-021]  （评价（完成、未完成））  「基本完成」  评价只能是“完成”或“未完成”`,
    );
    expect(r.err).toContain(`${bad} 第 ${rowOf('P2')} 行 D 列  [LS-FLD-010]  （完成情况）  必填项为空`);
    expect(r.err).toContain(
      `${bad} 第 ${rowOf('P2')} 行 H 列  [LS-FLD-020]  （是否全部完成（是、否））  「也许」  只能是 是 或 否`,
    );
    expect(r.err).toMatch(
      new RegExp(`bad-gbk\\.csv 第 3 行 H 列 {2}\\[LS-FLD-013\\] {2}（填报时间） {2}「2020-13-45」 {2}日期无效`),
    );
    expect(r.err).toContain('导入失败');
    expect(snapshot(content)).toEqual(before);
  });

  it('refuses a unit that is not responsible for the item, and unreadable files', () => {
    const content = makeContent();
    const dir = tmp();
    const csv = path.join(dir, 'plain.csv');
    writeFileSync(
      csv,
      'item,month,unit,target,progress,problems,next_steps,evaluation,item_complete,filed,note\nT1,2020-03,区教体局,t,p,,,完成,否,2020-04-07,\n',
    );
    const utf16 = path.join(dir, 'u16.csv');
    writeFileSync(utf16, Buffer.from('\uFEFFitem', 'utf16le'));
    const before = snapshot(content);
    const r = run('import', [csv, utf16, path.join(dir, 'missing.xlsx'), path.join(dir, 'old.xls')], content);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${csv} 第 2 行 C 列  [LS-REF-023]  （unit）  「区教体局」  不是事项 T1 的责任单位`);
    expect(r.err).toContain('UTF-16');
    expect(r.err).toContain('missing.xlsx  [LS-FORM-026]  文件不存在');
    expect(snapshot(content)).toEqual(before);
  });
});

describe('status and bulletin', () => {
  it('status lists who reported, who is late, who is missing', () => {
    const content = makeContent();
    const r = run('reporting', ['--month', '2020-01', '--date', '2020-04-10'], content);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('2020年1月月报报送情况（报送期限 2020-02-07');
    expect(r.out).toMatch(/已按时报送（2 个单位）/);
    expect(r.out).toMatch(/部分未报送（1 个单位）：\n {2}区住建局：牵头 2 项，按时 0，逾期 1，未报 1/);
  });

  it('bulletin writes an MDX draft whose figures come from the data, marked as sample', async () => {
    const content = makeContent();
    const r = run('bulletin', ['--month', '2020-02'], content);
    expect(r.code, r.err).toBe(0);
    const file = path.join(content, 'bulletins/2020-02-12100-tongbao.mdx');
    const text = readFileSync(file, 'utf8');
    const ds = loadContentOrThrow(content, { today: TODAY });
    const year = ds.years[0];
    const c = countStatuses(year, year.projects, '2020-02');
    expect(text).toMatch(
      /^---\ntitle: "2020年2月“12100”民生工程推进情况通报"\ndate: "2020-03-06"\nkind: monthly\nyear: 2020\nsummary: ".*"\n---\n/,
    );
    expect(text).toContain("import Chart from '../../src/components/Chart.astro';");
    expect(text).toContain(
      `${year.projects.length}项${year.programme!.name}中，已完成${c.已完成}项（50%），序时推进${c.序时推进}项，滞后${c.滞后}项，未报送${c.未报送}项`,
    );
    expect(text).toContain('**示例数据：**');
    expect(text).toContain('<Chart id="12100-by-category-2020-02" />');
    const ids = [...text.matchAll(/<Chart id="([^"]+)" \/>/g)].map((m) => m[1]);
    const { getChart } = await import('../../src/core/present/charts.ts');
    for (const id of ids) expect(() => getChart(ds, id)).not.toThrow();

    const again = run('bulletin', ['--month', '2020-02'], content);
    expect(again.code).toBe(1);
    expect(again.err).toContain('已存在');
    const q = run('bulletin', ['--quarter', '2020Q1'], content);
    expect(q.code, q.err).toBe(0);
    const qt = readFileSync(path.join(content, 'bulletins/2020-q1-tongbao.mdx'), 'utf8');
    expect(qt).toContain('kind: quarterly');
    for (const id of [...qt.matchAll(/<Chart id="([^"]+)" \/>/g)].map((m) => m[1])) expect(() => getChart(ds, id)).not.toThrow();
    expect(run('bulletin', ['--month', '2020-05'], content).err).toContain('尚未发布');
  });
});

describe('command lines', () => {
  it('every script has --help, and usage errors exit non-zero with a Chinese message', () => {
    const content = makeContent();
    for (const s of ['forms', 'import', 'reporting', 'bulletin']) {
      const h = run(s, ['--help'], content);
      expect(h.code).toBe(0);
      expect(h.out).toContain('用法');
    }
    expect(run('forms', [], content)).toMatchObject({ code: 2 });
    expect(run('forms', ['--month', '2020-13'], content).err).toContain('月份「2020-13」无效');
    expect(run('forms', ['--month', '2020-03', '--unit', 'nobody'], content).err).toContain('未知的单位「nobody」');
    expect(run('reporting', ['--month', '2020-03', '--bogus'], content)).toMatchObject({ code: 2 });
    expect(run('reporting', ['--month', '2020-03', '--bogus'], content).err).toContain('未知的选项 --bogus');
    expect(run('import', [], content).code).toBe(2);
  });

  it('a usage error exits 2 with its code, a Chinese sentence with its hint, and the usage', () => {
    const content = makeContent();
    const r = run('reporting', ['--month', '2020-13'], content);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^错误：\[LS-CLI-006\] 月份「2020-13」无效 {2}提示：写作 YYYY-MM，如 2020-07\n\n用法：npm run status/);
    // Bad arguments the office gives the option for: the same, whichever command.
    const bulletin = run('bulletin', ['--quarter', '2020Q5'], content);
    expect(bulletin.code).toBe(2);
    expect(bulletin.err).toContain('错误：[LS-CLI-009] 季度「2020Q5」无效');
  });

  it('an error that is not about the arguments exits 1 with its code and no usage', () => {
    const content = makeContent();
    const r = run('reporting', ['--month', '2019-03'], content);
    expect(r.code).toBe(1);
    expect(r.err.trimEnd()).toBe(
      '错误：[LS-CLI-019] 内容中没有 2019 年度（现有：2020）  提示：检查年度或月份；或先建立该年度的目录（见 docs/FORMATS.md）',
    );
  });
});

/** The bundled dataset (a temporary copy of its test copy): a full month for all units, timed. */
const real = SHIZHONG_2020;

describe('full round trip on a copy of the bundled dataset', () => {
  it('plans, then July 2020 for every unit', async () => {
    // The bundled content must validate (npm run validate): a broken content/ fails here, it does not skip.
    expect(
      loadContent(real, { today: TODAY }).issues.map((i) => formatIssue(i)),
      'content/ does not validate',
    ).toEqual([]);
    const content = path.join(tmp(), 'content');
    cpSync(real, content, { recursive: true });
    const ds = loadContentOrThrow(content, { today: TODAY });
    const year = ds.years[0];
    const t0 = performance.now();
    const planDir = tmp();
    expect(run('forms', ['--plan', '--out', planDir], content).code).toBe(0);
    const plans: FilledForm[] = [];
    for (const f of readdirSync(planDir))
      plans.push(await fillXlsx(path.join(planDir, f), '2020-02-21', { only: (k) => !year.planByItem.has(k) }));
    const p = run('import', [planDir], content);
    expect(p.code, p.err).toBe(0);
    const t1 = performance.now();
    const monthDir = tmp();
    expect(run('forms', ['--month', '2020-07', '--out', monthDir], content).code).toBe(0);
    const filled: FilledForm[] = [];
    for (const f of readdirSync(monthDir)) filled.push(await fillXlsx(path.join(monthDir, f), '2020-08-05'));
    const r = run('import', [monthDir, '--data-date', '2020-08-10'], content);
    expect(r.code, r.err).toBe(0);
    const v = spawnSync(NODE, [path.join(ROOT, 'scripts/validate.ts'), '--content', content, '--today', TODAY], {
      encoding: 'utf8',
    });
    expect(v.status, v.stderr).toBe(0);
    const t2 = performance.now();
    const units = reportingUnits(ds, year);
    expect(filled).toHaveLength(units.length);
    const items = units.reduce((n, u) => n + itemsLedBy(year, u.id).length, 0);
    const rows = csvRows(path.join(content, '2020/reports/2020-07.csv'));
    // Items already complete come pre-filled 是 and are left blank (无需报送).
    const filledRows = filled.reduce((n, f) => n + f.items.length, 0);
    expect(r.out).toContain(`新增 ${filledRows} 行`);
    expect(rows).toHaveLength(filledRows);
    const plansNow = new Map(csvRows(path.join(content, '2020/plans.csv')).map((row) => [row.item, row]));
    expect(rows.sort(byItem)).toEqual(expectedReports(filled, '2020-07', '2020-08-05', (k) => plansNow.get(k)!.q3).sort(byItem));
    console.log(
      `full round trip: ${units.length} units, ${items} items, ${filledRows} reports filled; plans ${Math.round(t1 - t0)} ms, July ${Math.round(t2 - t1)} ms`,
    );
  });
});
