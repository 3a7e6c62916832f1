/**
 * npm run status -- --month 2020-07 [--date YYYY-MM-DD] [--details] [--content DIR]
 * Who has reported for the month, who is late, who is missing, against the deadline (the 5th
 * working day of the next month, by China's public holidays and adjusted working days).
 */
import { formatIssues, loadContent } from '../src/core/content/load.ts';
import { buildDate, contentRoot } from '../src/core/content/paths.ts';
import { isOpenItem, monthReporting, reportingGroups, totalsLine } from '../office/reporting/reporting.ts';
import { formatMonth } from '../src/core/present/vocabulary.ts';
import { LuoshiError, coded } from '../src/core/errors/errors.ts';
import { cli, dateArg, monthArg } from './lib/cli.ts';

const USAGE = `用法：npm run status -- --month 2020-07 [--date YYYY-MM-DD] [--details] [--content 目录]

列出各牵头单位该月月报（附件4）的报送情况：按时报送、逾期报送、未报送。
报送期限为次月初第 5 个工作日（按国家法定节假日和调休计算，日历取自 chinese-days 包及 content/holidays/YYYY.csv）。
  --month    所报月份
  --date     按哪一天判断是否已过期限（默认今天，或环境变量 LUOSHI_TODAY）
  --details  列出每个单位未报送、逾期报送的事项
  --content  内容目录（默认 content/，或环境变量 LUOSHI_CONTENT）
出错时退出码非 0。`;

const { values } = cli(USAGE, {
  month: { type: 'string' },
  date: { type: 'string' },
  details: { type: 'boolean' },
  content: { type: 'string' },
});
const month = monthArg(values.month);
const asOf = dateArg(values.date);

const today = buildDate();
const loaded = loadContent(contentRoot(values.content), { today });
if (loaded.issues.length > 0 || !loaded.dataset)
  throw coded(LuoshiError, 'LS-CLI-020', { issues: `\n${formatIssues(loaded.issues)}` });
const r = monthReporting(loaded.dataset, month, asOf ?? today);

console.log(
  `${formatMonth(month)}月报报送情况（报送期限 ${r.deadline}，按 ${r.asOf} 判断：${r.overdue ? '期限已过' : '期限未到'}）`,
);
for (const { label, units } of reportingGroups(r)) {
  console.log(`\n${label}（${units.length} 个单位）：`);
  for (const u of units) {
    const c = u.counts;
    const parts = [`牵头 ${u.items.length} 项`, `按时 ${c.按时报送}`];
    if (c.逾期报送) parts.push(`逾期 ${c.逾期报送}`);
    if (c.未报送) parts.push(`未报 ${c.未报送}`);
    if (c.尚未到期) parts.push(`待报 ${c.尚未到期}`);
    if (c.无需报送) parts.push(`已完成无需报 ${c.无需报送}`);
    console.log(`  ${u.unit.name}：${parts.join('，')}${u.lastFiled ? `（最近填报 ${u.lastFiled}）` : ''}`);
    if (values.details) {
      for (const i of u.items)
        if (isOpenItem(i.state))
          console.log(
            `      ${i.item.key} ${i.state}${i.report ? `（填报 ${i.report.filed}）` : ''}  ${i.item.text.slice(0, 30)}`,
          );
    }
  }
}
if (r.unassigned.length > 0) {
  console.log(`\n没有具体牵头单位的事项（只列有统称）：${r.unassigned.map((i) => `${i.item.key} ${i.state}`).join('、')}`);
}
if (r.disagreements.length > 0) {
  console.log(`\n数字与自评不一致的事项（${r.disagreements.length} 项，公开状态按数字；请与牵头单位核实）：`);
  for (const d of r.disagreements) console.log(`  ${d.item.key} ${d.basis}  ${d.item.text.slice(0, 30)}`);
}
console.log(`\n${totalsLine(r)}`);
