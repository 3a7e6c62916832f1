/**
 * npm run validate [-- --content DIR] [--today YYYY-MM-DD]
 * Checks every content file and prints every problem found; exits 1 if there is any.
 */
import { parseArgs } from 'node:util';
import { buildDate, contentRoot, formatIssues, loadContent } from '../src/core/index.ts';


const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    today: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`用法：npm run validate [-- --content 目录] [--today YYYY-MM-DD]
校验内容目录（默认 content/，或环境变量 LUOSHI_CONTENT）中的全部文件，列出所有错误。
有错误时退出码为 1。`);
  process.exit(0);
}

const root = contentRoot(values.content);
const started = performance.now();
const result = loadContent(root, { today: values.today ?? buildDate() });
const ms = Math.round(performance.now() - started);
if (result.issues.length > 0) {
  console.error(formatIssues(result.issues));
  process.exit(1);
}
const ds = result.dataset!;
const rows = ds.rowCounts.reduce((n, c) => n + c.read, 0);
console.log(`内容校验通过：${ds.rowCounts.length} 个文件，${rows} 行，全部发布（${ms} ms）。`);
for (const year of ds.years) {
  const lists = [year.mainTasks && `${year.mainTasks.name} ${year.tasks.length} 项`, year.programme && `${year.programme.name} ${year.projects.length} 项`].filter(Boolean).join('，');
  console.log(`  ${year.year} 年：${lists}，计划 ${year.plans.length} 份，月报 ${year.reports.length} 份，数据日期 ${year.manifest.data_date}${year.manifest.sample ? '（示例数据）' : ''}`);
}
