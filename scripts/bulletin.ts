/**
 * npm run bulletin -- --month 2020-07 | --quarter 2020Q2 [--date YYYY-MM-DD] [--force] [--content DIR]
 * Writes an MDX draft of the monthly bulletin of the programme, or of the quarterly overall bulletin, into
 * content/bulletins/, every figure computed from the data and the charts embedded.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatIssues, loadContent } from '../src/core/content/load.ts';
import { buildDate, contentRoot } from '../src/core/content/paths.ts';
import { monthlyDraft, quarterlyDraft, type BulletinDraft } from '../office/reporting/bulletin-drafts.ts';
import { LuoshiError, UsageError, coded } from '../src/core/errors/errors.ts';
import { cli, dateArg, monthArg } from './lib/cli.ts';

const USAGE = `用法：
  npm run bulletin -- --month 2020-07 [--date YYYY-MM-DD] [--force] [--content 目录]
  npm run bulletin -- --quarter 2020Q2 [--date YYYY-MM-DD] [--force] [--content 目录]

生成通报草稿（MDX）到 内容目录/bulletins/：
  --month    民生实事项目月度通报
  --quarter  整体工作推进情况季度通报（如 2020Q2）
  --date     通报日期（默认取报送期限与数据日期中较早者）
  --force    覆盖已有的同名草稿（默认不覆盖，以免丢失已修改的文字）
  --content  内容目录（默认 content/，或环境变量 LUOSHI_CONTENT）
草稿中的数字全部由数据计算；修改文字后运行 npm run build 预览，再提交。出错时退出码非 0。`;

const { values } = cli(USAGE, {
  month: { type: 'string' },
  quarter: { type: 'string' },
  date: { type: 'string' },
  force: { type: 'boolean' },
  content: { type: 'string' },
});
if (!values.month === !values.quarter) throw coded(UsageError, 'LS-CLI-010');
const month = values.month === undefined ? undefined : monthArg(values.month);
const date = dateArg(values.date);

const root = contentRoot(values.content);
const loaded = loadContent(root, { today: buildDate() });
if (loaded.issues.length > 0 || !loaded.dataset)
  throw coded(LuoshiError, 'LS-CLI-020', { issues: `\n${formatIssues(loaded.issues)}` });
// The quarter is checked where it is read (quarterlyDraft): a malformed one is a usage error.
const draft: BulletinDraft = month
  ? monthlyDraft(loaded.dataset, month, { date })
  : quarterlyDraft(loaded.dataset, values.quarter!, { date });
const dir = path.join(root, 'bulletins');
const file = path.join(dir, draft.fileName);
if (existsSync(file) && !values.force) throw coded(LuoshiError, 'LS-CLI-024', { file });
mkdirSync(dir, { recursive: true });
const tmp = `${file}.${process.pid}.tmp`;
writeFileSync(tmp, draft.text);
renameSync(tmp, file);
console.log(`已生成通报草稿：${file}`);
console.log(`  ${draft.title}（${draft.date}）`);
console.log(`  ${draft.summary}`);
console.log('下一步：修改文字（数字由数据计算，请勿手改），npm run build 预览，然后提交。');
