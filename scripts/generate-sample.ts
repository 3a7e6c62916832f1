/**
 * npm run sample [-- --content DIR] [--year 2020] [--months 6] [--seed N]
 *
 * Writes SAMPLE data: one quarterly plan (附件3) per item to <content>/<year>/plans.csv and
 * monthly reports (附件4) for January … month N to <content>/<year>/reports/YYYY-MM.csv; for the
 * year's indicators (indicators.csv), the plan's quarter-end numbers to indicator-plans.csv and
 * the reported values (累计完成) to actuals/YYYY-MM.csv.
 * Nothing here is real: targets, progress, problems and the principals' names are made up
 * from templates and a seeded PRNG (same seed, same bytes). The year's manifest.json must say
 * "sample": true (the site then labels every page as sample data); otherwise nothing is written.
 * Items and units are read from the content folder; items whose responsible units are only
 * collective references (e.g. 各责任单位) get no plan and no reports, and show as 未报送.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LIBRARY_CALENDAR, nextMonth } from '../src/core/model/calendar.ts';
import { formatIssues, loadContent } from '../src/core/content/load.ts';
import { buildDate, contentRoot } from '../src/core/content/paths.ts';
import { generateSample } from '../office/sample/sample.ts';
import { yearOf } from '../office/reporting/reporting.ts';
import { LuoshiError, UsageError, coded } from '../src/core/errors/errors.ts';
import { cli, exit, yearArg } from './lib/cli.ts';

const USAGE = `用法：npm run sample [-- --content 目录] [--year 2020] [--months 6] [--seed 数字]
生成示例数据（不是真实进展）：为每个事项生成一份落实计划（附件3，写入 <目录>/<年度>/plans.csv），
并生成 1 月至第 N 月的月报（附件4，写入 <目录>/<年度>/reports/YYYY-MM.csv）；年度有指标（indicators.csv）的，
同时生成各季度末计划累计数（indicator-plans.csv）和每月累计完成数（actuals/YYYY-MM.csv）。然后校验整个内容目录。
  --content  内容目录，默认 content/（或环境变量 LUOSHI_CONTENT）
  --year     年度，默认 2020；该年度 manifest.json 中 sample 须为 true，否则不写入
  --months   生成几个月的月报（从 1 月起），默认 6
  --seed     随机种子，默认 20200217；同一种子每次生成的文件完全相同
  -h, --help 显示本说明`;

const { values } = cli(USAGE, {
  content: { type: 'string' },
  year: { type: 'string' },
  months: { type: 'string' },
  seed: { type: 'string' },
});
const root = contentRoot(values.content);
const year = yearArg(values.year) ?? 2020;
const months = Number(values.months ?? '6');
if (!Number.isInteger(months) || months < 1 || months > 12) throw coded(UsageError, 'LS-CLI-027', { value: values.months ?? '' });
const yearDir = path.join(root, String(year));

// Read the items through the core, from a copy of the registries and the year's item lists only:
// existing plans and reports (stale, or from an earlier run) must not stop a regeneration.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'luoshi-sample-'));
let loaded: ReturnType<typeof loadContent>;
try {
  // Every file of the content root and of the year's folder (the notice text, the site's
  // identity images …) except the plans; no sub-folders (reports, actuals, other years, bulletins).
  const filesOf = (dir: string) =>
    existsSync(path.join(root, dir))
      ? readdirSync(path.join(root, dir), { withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => path.join(dir, e.name))
      : [];
  const files = [
    ...filesOf('.'),
    ...filesOf(String(year)).filter((f) => !['plans.csv', 'indicator-plans.csv'].includes(path.basename(f))),
  ];
  mkdirSync(path.join(tmp, String(year)));
  for (const f of files) if (existsSync(path.join(root, f))) copyFileSync(path.join(root, f), path.join(tmp, f));
  loaded = loadContent(tmp, { today: buildDate() });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (!loaded.dataset) {
  const shown = path.basename(root);
  const issues = loaded.issues.map((i) => ({ ...i, file: i.file.replace(path.basename(tmp), shown) }));
  throw coded(LuoshiError, 'LS-CLI-020', { issues: `\n${formatIssues(issues)}` });
}
const ds = loaded.dataset;
const yd = yearOf(ds, year);
if (!yd.manifest.sample) throw coded(LuoshiError, 'LS-CLI-028', { year });
const dataDate = yd.manifest.data_date;
const lastMonth = `${year}-${String(months).padStart(2, '0')}`;
if (LIBRARY_CALENDAR.nthWorkingDay(nextMonth(lastMonth), 1) > dataDate)
  throw coded(LuoshiError, 'LS-CLI-029', { date: dataDate, month: lastMonth });

const seed = values.seed ?? '20200217';
const sample = generateSample(ds, yd, { seed, months });
writeFileSync(path.join(yearDir, 'plans.csv'), sample.plans);
mkdirSync(path.join(yearDir, 'reports'), { recursive: true });
for (const [m, text] of sample.reports)
  writeFileSync(path.join(yearDir, 'reports', `${year}-${String(m).padStart(2, '0')}.csv`), text);
const actualsDir = path.join(yearDir, 'actuals');
if (yd.items.some((i) => i.indicators.length > 0)) {
  writeFileSync(path.join(yearDir, 'indicator-plans.csv'), sample.indicatorPlans);
  mkdirSync(actualsDir, { recursive: true });
  for (const [m, text] of sample.actuals) writeFileSync(path.join(actualsDir, `${year}-${String(m).padStart(2, '0')}.csv`), text);
}
// Months left from an earlier, longer run would contradict this run's stories: the year is sample data, remove them.
const stale = ['reports', 'actuals'].flatMap((folder) =>
  existsSync(path.join(yearDir, folder))
    ? readdirSync(path.join(yearDir, folder))
        .filter((f) => /^\d{4}-\d{2}\.csv$/.test(f))
        .filter((f) => f.slice(0, 7) > lastMonth || (folder === 'actuals' && !sample.actuals.has(Number(f.slice(5, 7)))))
        .map((f) => path.join(folder, f))
    : [],
);
for (const f of stale) rmSync(path.join(yearDir, f));
if (stale.length > 0) console.log(`已删除上次生成的、本次未覆盖的示例文件：${stale.join('、')}`);
if (sample.skipped.length > 0) {
  console.log(
    `未生成计划和月报（责任单位只有统称，没有名录中的单位）：${sample.skipped.map((i) => `${i.key}（${i.units.map((u) => (u.type === 'unit' ? u.written : u.name)).join('、')}）`).join('；')}`,
  );
}

const result = loadContent(root, { today: buildDate() });
if (result.issues.length > 0) {
  // The sample just written does not validate: a fault of the generator, every problem listed.
  console.error(formatIssues(result.issues));
  exit(1);
}
const check = result.dataset!.years.find((y) => y.year === year)!;
const count = (pred: (k: string) => boolean) =>
  [...check.status.entries()].filter(([k, s]) => pred(k) && s.current?.status === '已完成').length;
const shownDir = path.relative(process.cwd(), yearDir).startsWith('..') ? yearDir : path.relative(process.cwd(), yearDir);
console.log(`已写入示例数据（种子 ${seed}）：${shownDir}/plans.csv、reports/${year}-01.csv … ${lastMonth}.csv`);
console.log(
  `  计划 ${check.plans.length} 份；月报 ${check.reports.length} 份，其中逾期报送 ${check.reports.filter((r) => r.late).length} 份，评价未完成 ${check.reports.filter((r) => r.evaluation === '未完成').length} 份；缺报 ${sample.missing} 个事项月`,
);
console.log(
  `  截至 ${lastMonth} 已完成：主要任务 ${count((k) => k.startsWith('T'))} 项，民生工程 ${count((k) => k.startsWith('P'))} 项；曾滞后事项 ${sample.behind} 项；完成后又重新打开：${sample.reopened.join('、') || '无'}`,
);
