/**
 * npm run forms -- --month 2020-07 [--unit ID] [--out DIR] [--content DIR]
 * npm run forms -- --plan [--year 2020] [--unit ID] [--out DIR] [--content DIR]
 * Writes one .xlsx per department laid out like 附件4 (or 附件3 with --plan), pre-filled with the
 * items it leads and, for 附件4, the quarter's target from its plan.
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { formatIssues, loadContent } from '../src/core/content/load.ts';
import { buildDate, contentRoot } from '../src/core/content/paths.ts';
import { buildForm } from '../office/forms/forms.ts';
import { itemsLedBy, itemsWithoutLead, reportingUnits } from '../src/core/model/stats.ts';
import { MONTH_ARG, cli, fail } from './lib/cli.ts';
import { writeFormXlsx } from '../office/forms/xlsx.ts';

const USAGE = `用法：
  npm run forms -- --month 2020-07 [--unit 单位编号] [--out 目录] [--content 目录]
  npm run forms -- --plan [--year 2020] [--unit 单位编号] [--out 目录] [--content 目录]

为每个牵头单位生成一份 Excel 表格（.xlsx）：
  --month YYYY-MM  附件4《主要工作任务落实情况表》，标题写明月份，预填本单位牵头的事项和该季度计划目标
  --plan           附件3《工作任务落实计划表》，预填本单位牵头的事项（--year 指定年度，默认最新年度）
  --unit ID        只生成该单位（units.csv 中的编号，如 fagaiju）
  --out DIR        输出目录（默认：主目录下的 落实表格/月份 或 落实表格/年度-计划）
  --content DIR    内容目录（默认 content/，或环境变量 LUOSHI_CONTENT）
出错时退出码非 0。`;

const { values } = cli(USAGE, {
  month: { type: 'string' },
  plan: { type: 'boolean' },
  year: { type: 'string' },
  unit: { type: 'string' },
  out: { type: 'string' },
  content: { type: 'string' },
});

if (!values.plan && !values.month) fail(`错误：请用 --month YYYY-MM 指定月份，或用 --plan 生成计划表\n\n${USAGE}`, 2);
if (values.month && !MONTH_ARG.test(values.month)) fail(`错误：月份「${values.month}」无效，应写作 YYYY-MM，如 2020-07`, 2);
if (values.year && !/^\d{4}$/.test(values.year)) fail(`错误：年度「${values.year}」无效，应写作 4 位数字，如 2020`, 2);

const started = performance.now();
const root = contentRoot(values.content);
const loaded = loadContent(root, { today: buildDate() });
if (loaded.issues.length > 0 || !loaded.dataset) fail(`内容目录未通过校验，无法生成表格：\n${formatIssues(loaded.issues)}`);
const ds = loaded.dataset;
const kind = values.plan ? 'plan' : 'report';
const yearNo = values.year ? Number(values.year) : values.month ? Number(values.month.slice(0, 4)) : ds.years.at(-1)?.year;
const year = ds.years.find((y) => y.year === yearNo);
if (!year) fail(`错误：内容中没有 ${yearNo} 年度（现有：${ds.years.map((y) => y.year).join('、') || '无'}）`);

let units = reportingUnits(ds, year);
if (values.unit) {
  const unit = ds.unitById.get(values.unit) ?? ds.units.find((u) => u.name === values.unit || u.aliases.includes(values.unit!));
  if (!unit) fail(`错误：未知的单位「${values.unit}」，请使用 units.csv 中的编号（如 ${ds.units[0]?.id ?? 'fagaiju'}）`);
  if (itemsLedBy(year, unit.id).length === 0) fail(`错误：${unit.name} 在 ${year.year} 年度没有牵头的事项，无需填报`);
  units = [unit];
}

const out = path.resolve(values.out ?? path.join(homedir(), '落实表格', kind === 'report' ? values.month! : `${year.year}-计划`));
mkdirSync(out, { recursive: true });
let rows = 0;
for (const unit of units) {
  const sheet = buildForm(ds, year, unit.id, kind, values.month);
  await writeFormXlsx(sheet, path.join(out, sheet.fileName));
  rows += sheet.lastDataRow - sheet.firstDataRow + 1;
}
const what = kind === 'report' ? `${values.month} 月报表（附件4）` : `${year.year} 年落实计划表（附件3）`;
console.log(
  `已生成 ${units.length} 份${what}，共 ${rows} 个事项，保存在：${out}（${Math.round(performance.now() - started)} ms）`,
);
if (kind === 'report' && year.plans.length === 0)
  console.log('注意：该年度还没有落实计划（附件3），季度计划完成目标未能预填；没有计划的事项不能导入月报。');
const orphans = itemsWithoutLead(year);
if (orphans.length > 0 && !values.unit) {
  console.log(
    `注意：以下事项没有具体牵头单位（只列有统称），未列入任何表格，请另行收集：${orphans.map((i) => i.key).join('、')}`,
  );
}
