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
import { buildForm, unknownUnit } from '../office/forms/forms.ts';
import { yearOf } from '../office/reporting/reporting.ts';
import { LuoshiError, UsageError, coded } from '../src/core/errors/errors.ts';
import { itemsLedBy, itemsWithoutLead, reportingUnits } from '../src/core/model/stats.ts';
import { cli, monthArg, yearArg } from './lib/cli.ts';
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

if (!values.plan && values.month === undefined) throw coded(UsageError, 'LS-CLI-011');
const month = values.month === undefined ? undefined : monthArg(values.month);
const yearArgument = yearArg(values.year);

const started = performance.now();
const root = contentRoot(values.content);
const loaded = loadContent(root, { today: buildDate() });
if (loaded.issues.length > 0 || !loaded.dataset)
  throw coded(LuoshiError, 'LS-CLI-020', { issues: `\n${formatIssues(loaded.issues)}` });
const ds = loaded.dataset;
const kind = values.plan ? 'plan' : 'report';
// Valid content has at least one year (LS-SITE-005).
const year = yearOf(ds, yearArgument ?? (month ? Number(month.slice(0, 4)) : ds.years.at(-1)!.year));

let units = reportingUnits(ds, year);
if (values.unit) {
  const unit = ds.unitById.get(values.unit) ?? ds.units.find((u) => u.name === values.unit || u.aliases.includes(values.unit!));
  if (!unit) throw unknownUnit(ds, values.unit);
  if (itemsLedBy(year, unit.id).length === 0) throw coded(LuoshiError, 'LS-CLI-026', { unit: unit.name, year: year.year });
  units = [unit];
}

const out = path.resolve(values.out ?? path.join(homedir(), '落实表格', kind === 'report' ? month! : `${year.year}-计划`));
mkdirSync(out, { recursive: true });
let rows = 0;
for (const unit of units) {
  const sheet = buildForm(ds, year, unit.id, kind, month);
  await writeFormXlsx(sheet, path.join(out, sheet.fileName));
  rows += sheet.items;
}
const what = kind === 'report' ? `${month} 月报表（附件4）` : `${year.year} 年落实计划表（附件3）`;
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
