/**
 * npm run import -- FILE… [--replace] [--dry-run] [--data-date YYYY-MM-DD] [--content DIR]
 * Reads filled forms (.xlsx, or .csv in UTF-8 / UTF-8 with BOM / GBK), validates every row with
 * the data core and merges them into the content folder; all or nothing.
 */
import { buildDate, contentRoot } from '../src/core/content/paths.ts';
import { LuoshiError, UsageError, coded } from '../src/core/errors/errors.ts';
import { cli, dateArg } from './lib/cli.ts';
import { withImportLock } from '../office/forms/import-lock.ts';
import { runImport } from '../office/forms/importer.ts';

const USAGE = `用法：npm run import -- 文件或目录… [--replace] [--dry-run] [--data-date YYYY-MM-DD] [--content 目录]

导入各单位报回的表格（附件3 落实计划表、附件4 落实情况表），校验后并入内容目录：
  文件或目录   .xlsx，或 .csv（UTF-8、带 BOM 的 UTF-8、GBK/GB18030 均可）；目录表示其中全部表格
  --replace    允许覆盖内容中已有而内容不同的月报/计划（会列出原值）；不加则拒绝导入
  --dry-run    只校验并显示将会新增、修改的内容，不写入
  --data-date  同时把所涉年度 manifest.json 的数据日期改为该日（新一月的月报通常需要）
  --content    内容目录（默认 content/，或环境变量 LUOSHI_CONTENT）

全部或全不：任何一个文件有错误，或有未允许的覆盖，就什么也不写入，并列出所有错误（文件名、行号、列）。
有错误时退出码为 1。`;

const { values, positionals } = cli(
  USAGE,
  {
    replace: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'data-date': { type: 'string' },
    content: { type: 'string' },
  },
  { positionals: true },
);
if (positionals.length === 0) throw coded(UsageError, 'LS-CLI-012');
const dataDate = dateArg(values['data-date']);

const started = performance.now();
const root = contentRoot(values.content);
const importing = () =>
  runImport(positionals, {
    content: root,
    replace: values.replace,
    dryRun: values['dry-run'],
    dataDate,
    today: buildDate(),
  });
// The read-merge-write runs under the import lock, so concurrent imports never lose a row.
const outcome = values['dry-run']
  ? await importing()
  : await withImportLock(root, importing, { onWait: (m) => console.error(m) });
const ms = Math.round(performance.now() - started);

for (const f of outcome.files) {
  const what = f.kind === 'report' ? `附件4 ${f.month ?? ''}` : '附件3';
  console.log(
    `读取 ${f.file}（${what}，${f.unit || '未写单位'}，${f.encoding}）：已填 ${f.rows} 行${f.blank ? `，未填 ${f.blank} 行` : ''}`,
  );
}
if (outcome.errors.length > 0) {
  console.error(`\n发现 ${outcome.errors.length} 处错误：`);
  for (const e of outcome.errors) console.error(e);
}
if (outcome.conflicts.length > 0) {
  console.error(`\n${outcome.conflicts.length} 行与内容中已有的月报/计划不同，已拒绝（确需更正请加 --replace 重新导入）：`);
  for (const c of outcome.conflicts) console.error(c);
}
if (!outcome.ok) {
  console.error('');
  throw coded(LuoshiError, 'LS-FORM-037', { root });
}
if (outcome.replaced.length > 0) {
  console.log(`\n以下 ${outcome.replaced.length} 行已替换（原值如下）：`);
  for (const c of outcome.replaced) console.log(c);
}
console.log('\n按单位汇总：');
for (const s of outcome.summary)
  console.log(`  ${s.unit}：新增 ${s.added}，修改 ${s.changed}，未变 ${s.unchanged}${s.blank ? `，未填 ${s.blank}` : ''}`);
const t = outcome.totals;
console.log(
  `合计：新增 ${t.added} 行，修改 ${t.changed} 行，未变 ${t.unchanged} 行${t.blank ? `，未填 ${t.blank} 行（不导入）` : ''}。`,
);
for (const d of outcome.dataDate ?? []) console.log(`${d.year} 年度数据日期：${d.from} → ${d.to}`);
if (values['dry-run']) {
  console.log(
    outcome.modified.length
      ? `试运行：将改动 ${outcome.modified.join('、')}；未写入任何文件（${ms} ms）。`
      : `试运行：没有需要写入的改动（${ms} ms）。`,
  );
} else {
  console.log(
    outcome.written.length
      ? `已写入：${outcome.written.join('、')}（${ms} ms）。下一步：npm run validate，然后提交。`
      : `内容没有变化（${ms} ms）。`,
  );
}
