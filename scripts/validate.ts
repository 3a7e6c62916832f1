/**
 * npm run validate [-- --content DIR] [--today YYYY-MM-DD] [--since REV]
 * Checks every content file and prints every problem found; exits 1 if there is any.
 * Also checks, against the last commit (or REV), that no published report was removed without
 * a withdrawal record.
 */
import { parseArgs } from 'node:util';
import { formatIssues } from '../src/core/content/load.ts';
import { buildDate, contentRoot } from '../src/core/content/paths.ts';
import { validate } from '../src/core/content/validate.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    today: { type: 'string' },
    since: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

// The exit status is set, never process.exit(): that drops what a pipe has not read yet
// (long reports were cut at 64 KiB, without their summary line).
function main(): number {
  if (values.help) {
    console.log(`用法：npm run validate [-- --content 目录] [--today YYYY-MM-DD] [--since 提交]
校验内容目录（默认 content/，或环境变量 LUOSHI_CONTENT）中的全部文件，列出所有错误。
并与上次提交（或 --since 指定的提交，如 CI 中的 origin/main）比较：已发布的月报被删除而没有登记撤回，也是错误。
有错误时退出码为 1。`);
    return 0;
  }
  const root = contentRoot(values.content);
  const started = performance.now();
  const result = validate(root, { today: values.today ?? buildDate(), since: values.since });
  const issues = result.issues;
  const ms = Math.round(performance.now() - started);
  if (issues.length > 0) {
    console.error(formatIssues(issues));
    return 1;
  }
  const ds = result.dataset!;
  const rows = ds.rowCounts.reduce((n, c) => n + c.read, 0);
  console.log(`内容校验通过：${ds.rowCounts.length} 个文件，${rows} 行，全部发布（${ms} ms）。`);
  for (const year of ds.years) {
    const lists = [
      year.mainTasks && `${year.mainTasks.name} ${year.tasks.length} 项`,
      year.programme && `${year.programme.name} ${year.projects.length} 项`,
    ]
      .filter(Boolean)
      .join('，');
    const withdrawn = year.withdrawals.length ? `，撤回 ${year.withdrawals.length} 份` : '';
    console.log(
      `  ${year.year} 年：${lists}，计划 ${year.plans.length} 份，月报 ${year.reports.length} 份${withdrawn}，数据日期 ${year.manifest.data_date}${year.manifest.sample ? '（示例数据）' : ''}`,
    );
  }
  for (const note of result.notes) console.log(`  注意：${note}。`);
  return 0;
}

process.exitCode = main();
