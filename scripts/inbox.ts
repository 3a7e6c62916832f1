/**
 * npm run inbox [-- --content DIR]
 * npm run inbox -- --due [--date YYYY-MM-DD]
 * npm run inbox -- --monthly --month YYYY-MM [--date YYYY-MM-DD] [--no-commit] [--force]
 * The office's inbox in the git work tree (issue 16): import the forms uploaded to inbox/ and
 * commit; or the monthly job. Logic in office/inbox/inbox-files.ts and office/inbox/inbox.ts.
 */
import path from 'node:path';
import { buildDate, contentRoot } from '../src/core/content/paths.ts';
import { loadHolidayCalendar } from '../src/core/content/holidays.ts';
import { formatIssues } from '../src/core/content/load.ts';
import type { DataIssue } from '../src/core/errors/issues.ts';
import { UncoveredYearError } from '../src/core/model/calendar.ts';
import { scheduledMonth } from '../office/inbox/inbox.ts';
import { cli, dateArg, exit, monthArg } from './lib/cli.ts';
import { LuoshiError, UsageError, coded } from '../src/core/errors/errors.ts';
import { workTreeRoot } from '../office/git.ts';
import { InboxError, runInbox, runMonthly } from '../office/inbox/inbox-files.ts';

const USAGE = `用法：
  npm run inbox                                  导入收件箱中的全部表格并提交
  npm run inbox -- --due [--date YYYY-MM-DD]     今天是每月第 6 个工作日时，输出应查看的月份（否则不输出）
  npm run inbox -- --monthly --month 2020-07 [--date YYYY-MM-DD] [--no-commit] [--force]
                                                 写报送情况、生成下月表格和通报草稿

收件箱是仓库中的 inbox/ 文件夹（可在代码托管平台的网页上传文件）：
  inbox/2020-07/      各单位报回的 2020 年 7 月落实情况表（附件4）：.xlsx，或 CSV（UTF-8、带 BOM、GBK 均可）
  inbox/2020-plan/    2020 年落实计划表（附件3）
  inbox/2020-07/替换.txt  需要替换原报告的单位名称，每行一个（不上传则不覆盖已有报告）
每个文件夹一批，全部或全不：导入成功则把表格移到 inbox/已处理/，提交内容改动（提交说明写明月份、
单位、事项数、逾期和未报单位）；有任何问题则不改动内容，把完整的问题清单写成
inbox/2020-07/导入结果.md 并提交。数据日期取导入当天（环境变量 LUOSHI_TODAY 可指定）。
  --content   内容目录（默认 content/，或环境变量 LUOSHI_CONTENT）
  --monthly   每月第 6 个工作日的任务：inbox/月份/报送情况.md，下月各单位表格到 inbox/下月/待发/，
              以及月度通报草稿（季末月另加季度通报）到 content/bulletins/（不提交，供发起合并请求）
  --no-commit 只写文件，不提交
  --force     重新生成 待发/ 中已有的表格
有表格未能导入时退出码为 1（问题清单已写入并提交）；其他错误退出码为 2。`;

const { values } = cli(USAGE, {
  content: { type: 'string' },
  due: { type: 'boolean' },
  date: { type: 'string' },
  monthly: { type: 'boolean' },
  month: { type: 'string' },
  'no-commit': { type: 'boolean' },
  force: { type: 'boolean' },
});
const today = dateArg(values.date) ?? buildDate();

if (values.due) {
  // The working days of content/holidays/YYYY.csv where the office has one, else the library's.
  const root = contentRoot(values.content);
  const base = path.dirname(path.resolve(root));
  const issues: DataIssue[] = [];
  const calendar = loadHolidayCalendar(root, (abs) => path.relative(base, abs).split(path.sep).join('/'), issues);
  if (issues.length > 0) throw coded(LuoshiError, 'LS-CLI-020', { issues: `\n${formatIssues(issues)}` });
  // Never a guessed day: a year without its arrangement throws UncoveredYearError (exit 1, with the fix).
  const month = scheduledMonth(today, calendar);
  if (month) console.log(month);
  exit(0);
}

const content = contentRoot(values.content);
const log = (line: string) => console.log(line);

try {
  const repo = workTreeRoot(process.cwd(), InboxError);
  // Form paths in messages are relative to the work tree.
  process.chdir(repo);
  if (values.monthly) {
    const r = await runMonthly({
      repo,
      content,
      month: monthArg(values.month),
      today,
      commit: !values['no-commit'],
      force: values.force,
      log,
    });
    for (const b of r.bulletins) console.log(`bulletin: ${b}`);
  } else {
    const started = performance.now();
    const r = await runInbox({ repo, content, today, log });
    console.log(`用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒。`);
    if (r.failed.length > 0) exit(1);
  }
} catch (error) {
  // A year without its holiday arrangement exits 1 like any stop for missing data (cli.ts prints it).
  if (error instanceof UncoveredYearError) throw error;
  // The inbox's own problems exit 2 (1 means forms were refused and the report committed).
  if (error instanceof LuoshiError && !(error instanceof UsageError)) {
    console.error(`错误：${error.message}`);
    exit(2);
  }
  throw error;
}
