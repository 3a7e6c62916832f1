/**
 * Every target a number, from the notice to the content, through the command line with no code
 * change: a notice table with a target column (目标任务 "8950人") → new-site → import-notice (the
 * indicators proposed) → the plan forms (附件3, with quarter-end numbers) filled and imported → the
 * month's forms (附件4) filled with 累计完成 values as a department types them → import → validate
 * → build. content/YYYY/actuals/ holds the numbers, each item page shows its target, value, unit and
 * rate (超额 above 100 %, a standard without a rate), and the downloads carry target and value
 * together. The notice has no leader column, as many do. A second run where one cell says 约7千人
 * is refused naming the cell, with nothing changed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../src/core/content/load.ts';
import { itemPath } from '../../src/core/present/urls.ts';
import { xlsxOf } from '../fixtures/second-government.ts';
import { fillXlsx } from './fill.ts';

const ROOT = path.resolve(__dirname, '../..');
const NODE = existsSync(path.join(ROOT, 'node_modules/.bin/node')) ? path.join(ROOT, 'node_modules/.bin/node') : process.execPath;
const TODAY = '2021-04-08';
const temps: string[] = [];
const tmp = (prefix: string) => {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(d);
  return d;
};
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function run(script: string, args: string[]) {
  const r = spawnSync(NODE, [path.join(ROOT, 'scripts', `${script}.ts`), ...args], {
    encoding: 'utf8',
    env: { ...process.env, LUOSHI_TODAY: TODAY, LUOSHI_CONTENT: '/nonexistent-use-the-flag' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A page's text as a reader sees it: tags dropped, entities of digits and punctuation kept as written. */
function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');
}

/** Every file of a folder, byte for byte. */
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

const NOTICE = {
  title: '2021年民生实事项目表',
  rows: [
    ['序号', '项目名称', '责任单位', '目标任务'],
    ['1', '扩大城镇就业。', '区人社局', '8950人'],
    ['2', '建设口袋公园。', '区城管局、区住建局', '8处'],
    ['3', '提高城乡低保标准。', '区民政局', '标准不低于3480元/年'],
  ],
};

/** What the departments type into 累计完成 (by item and indicator number), and what the content keeps. */
const TYPED: Record<string, string> = { P1: '7,000', P2: '１０处', P3: '3480元/年' };

describe('a notice with a target column, through the forms, to the numbers', () => {
  it('new-site → import-notice → plan and month forms with numbers → import → validate → build, numbers on the pages and in the downloads; 约7千人 refused with nothing changed', async () => {
    const dir = tmp('luoshi-numbers-');
    const root = path.join(dir, 'content');
    expect(run('new-site', [root]).code).toBe(0);
    const notice = path.join(dir, 'notice.xlsx');
    writeFileSync(notice, await xlsxOf([NOTICE]));
    const imported = run('import-notice', [notice, '--year', '2021', '--content', root, '--date', '2021-02-20']);
    expect(imported.code, imported.err + imported.out).toBe(0);
    const indicators = readFileSync(path.join(root, '2021/indicators.csv'), 'utf8');
    expect(indicators).toContain('P1,1,');
    expect(indicators).toMatch(/P1,1,[^,]*,数量,人,8950,/);
    expect(indicators).toMatch(/P2,1,[^,]*,数量,处,8,/);
    expect(indicators).toMatch(/P3,1,[^,]*,标准,元\/年,3480,不低于,/);

    // 附件3, with the planned numbers of the quantities.
    const plans = tmp('luoshi-plans-');
    expect(run('forms', ['--plan', '--year', '2021', '--out', plans, '--content', root]).code).toBe(0);
    const quarters: Record<string, Record<string, string>> = {
      P1: { plan_q1: '2000', plan_q2: '4500', plan_q3: '6700', plan_q4: '8950' },
      P2: { plan_q2: '3', plan_q4: '8' },
    };
    for (const f of readdirSync(plans))
      await fillXlsx(path.join(plans, f), '2021-02-25', { numbers: (key) => quarters[key] ?? {} });
    const p = run('import', [plans, '--content', root, '--data-date', '2021-03-01']);
    expect(p.code, p.err + p.out).toBe(0);
    expect(readFileSync(path.join(root, '2021/indicator-plans.csv'), 'utf8')).toBe(
      'item,no,q1,q2,q3,q4\nP1,1,2000,4500,6700,8950\nP2,1,,3,,8\n',
    );

    // 附件4 for March, with 累计完成 as typed.
    const month = tmp('luoshi-month-');
    expect(run('forms', ['--month', '2021-03', '--out', month, '--content', root]).code).toBe(0);
    const fill = async (typed: Record<string, string>) => {
      for (const f of readdirSync(month))
        await fillXlsx(path.join(month, f), '2021-04-06', {
          numbers: (key): Record<string, string> => (typed[key] ? { actual: typed[key] } : {}),
        });
    };
    const before = path.join(dir, 'before');
    cpSync(root, before, { recursive: true });

    await fill(TYPED);
    const r = run('import', [month, '--content', root, '--data-date', '2021-04-08']);
    expect(r.code, r.err + r.out).toBe(0);
    const v = run('validate', ['--content', root, '--today', TODAY]);
    expect(v.code, v.err + v.out).toBe(0);
    expect(readFileSync(path.join(root, '2021/actuals/2021-03.csv'), 'utf8')).toBe(
      'item,no,month,actual\nP1,1,2021-03,7000\nP2,1,2021-03,10\nP3,1,2021-03,3480\n',
    );
    const year = loadContentOrThrow(root, { today: TODAY }).years[0];
    const p1 = year.itemByKey.get('P1')!.indicators[0];
    expect([p1.actuals.map((a) => a.value.value), p1.quarterPlan]).toEqual([[7000], [2000, 4500, 6700, 8950]]);
    expect(year.items.every((i) => i.leaderIds.length === 0)).toBe(true);

    // The build, with no code change: each item page and the year's downloads.
    const out = path.join(dir, 'dist');
    execFileSync(path.join(ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', out], {
      cwd: ROOT,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        LUOSHI_TODAY: TODAY,
        LUOSHI_CONTENT: root,
        LUOSHI_CACHE_DIR: path.join(dir, 'cache'),
      },
      stdio: 'pipe',
    });
    const page = (no: number) =>
      textOf(readFileSync(path.join(out, itemPath(year, year.itemByKey.get(`P${no}`)!), 'index.html'), 'utf8'));
    expect(page(1)).toContain('7,000 / 8,950 人（78.2%）');
    expect(page(1)).toMatch(/牵头领导\s*未列明/);
    expect(page(2)).toMatch(/10 \/ 8 处（125%，超额）/);
    expect(page(3)).toContain('现值 3,480 元/年');
    expect(page(3)).toMatch(/达到/);
    expect(page(3)).not.toMatch(/3,480 元\/年（[\d.]+%/);
    const download = readFileSync(path.join(out, 'data/2021/indicator-progress.csv'), 'utf8').split('\n');
    const header = download[0].split(',');
    const row = download.find((l) => l.startsWith('P1,1,'))!.split(',');
    const cell = (name: string) => row[header.indexOf(name)];
    expect([cell('goal'), cell('actual'), cell('rate'), cell('month')]).toEqual(['8950', '7000', '78.2', '2021-03']);

    // The same month again from the state before, with one cell a department wrote as an estimate.
    rmSync(root, { recursive: true });
    cpSync(before, root, { recursive: true });
    const unchanged = snapshot(root);
    await fill({ ...TYPED, P1: '约7千人' });
    const refused = run('import', [month, '--content', root, '--data-date', '2021-04-08']);
    expect(refused.code).toBe(1);
    expect(refused.err + refused.out).toMatch(
      /第 \d+ 行 L 列 {2}\[LS-ACT-005\] {2}（累计完成（标准、幅度填现值）） {2}「约7千人」 {2}累计完成数是约数（“约”）/,
    );
    expect(snapshot(root)).toEqual(unchanged);
  }, 300_000);
});
