/**
 * npm run import-notice -- FILE --year YYYY [--content DIR] [--replace] [--programme NAME] [--slug SLUG]
 *   [--map 表头=字段 …] [--kind 表1=tasks …] [--doc-no 文号] [--title 标题] [--date YYYY-MM-DD] [--no-link] [--dry-run]
 * Turns a notice's decomposition tables (.xlsx, .docx, a text PDF, or its extracted text) into the year's
 * content: tasks.csv / projects.csv, sections / categories, manifest.json, and new units and
 * leaders in the registries. Prints every inference for review. Writes nothing on any error,
 * and nothing over an existing year without --replace; the result is validated before writing.
 * The logic is office/notices/notice-import.ts.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCsvBytes } from '../src/core/content/csv.ts';
import type { DataIssue } from '../src/core/errors/issues.ts';
import { formatIssues, loadContent } from '../src/core/content/load.ts';
import { buildDate, contentRoot } from '../src/core/content/paths.ts';
import { formatImportErrors, importFiles, importNotice, type Registries } from '../office/notices/notice-import.ts';
import { FIELD_LABELS, type Field } from '../office/notices/grid.ts';
import { indicatorsCsv, itemsOfImport, proposeIndicators, reviewLines, reviewMarkdown } from '../office/notices/indicators.ts';
import { noticeHeading, type NoticeHeading } from '../office/notices/text-tables.ts';
import { LuoshiError, UsageError, coded } from '../src/core/errors/errors.ts';
import { cli, dateArg, yearArg } from './lib/cli.ts';
import { readNotice } from '../office/notices/readers.ts';
import { schemaReference } from '../office/scaffold.ts';

const USAGE = `用法：npm run import-notice -- 文件 --year 年度 [--content 目录] [选项]
把立项通知的任务分解表导入为该年度的内容（tasks.csv、projects.csv、sections.csv、categories.csv、
manifest.json），新的责任单位和牵头领导加入名录；各项文字和目标列中的数提出为目标指标（indicators.csv，
待确认），审核清单写入 indicators-review.md。文件可以是：
  .xlsx   附件表格复制到 Excel：每张工作表一张表，表头上方可以有标题行
  .docx   通知原文（Word），从中读取表格
  .pdf    可选中文字的 PDF（表格须有框线；扫描件无法读取）
  .txt    通知的文本（表格为制表符缩进、每格一行，如 content/2020/notice.txt）
  没有任务分解表的 .docx、.txt 按编号段落读取：“1.……（X牵头，Y、Z按职责分工负责）”或
          “1.……（责任领导：…；牵头单位：…；责任单位：…）”，“一、”为部分，“（一）”为小标题
选项：
  --content 目录         内容目录（默认 content/ 或 LUOSHI_CONTENT）
  --replace              覆盖已有的年度任务文件（否则已有年度时不写入）
  --programme 名称       民生实事项目的名称（默认取自表格标题，如 2021年民生十件实事任务分解表 → 民生十件实事）
  --slug 网址段          民生实事页面的网址段（默认由名称得出）
  --map 表头=字段        按表头手工指定列，可多次使用；字段：${Object.entries(FIELD_LABELS)
    .map(([f, l]) => `${f}（${l}）`)
    .join('、')}
  --kind 表=类型         指定某张表的类型（tasks 主要工作任务 / programme 民生实事），如 --kind 表2=programme
  --doc-no / --title / --date   通知文号、标题、印发日期（默认从通知文本识别）
  --no-link              不自动关联与主要工作任务相同的民生实事
  --dry-run              只检查并列出识别结果，不写入
任何错误都不会写入文件；写入前先按 npm run validate 的规则校验。`;

const { values, positionals } = cli(
  USAGE,
  {
    year: { type: 'string' },
    content: { type: 'string' },
    replace: { type: 'boolean' },
    programme: { type: 'string' },
    slug: { type: 'string' },
    map: { type: 'string', multiple: true },
    kind: { type: 'string', multiple: true },
    'doc-no': { type: 'string' },
    title: { type: 'string' },
    date: { type: 'string' },
    'no-link': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  } as const,
  { positionals: true },
);
if (positionals.length !== 1) throw coded(UsageError, 'LS-CLI-014');
if (values.year === undefined) throw coded(UsageError, 'LS-CLI-015');
const year = yearArg(values.year)!;
dateArg(values.date);
const file = path.resolve(positionals[0]);
if (!existsSync(file)) throw coded(LuoshiError, 'LS-CLI-022', { file });
const root = contentRoot(values.content);
if (!existsSync(path.join(root, 'site.json'))) throw coded(LuoshiError, 'LS-CLI-023', { root });

const map: Record<string, Field> = {};
for (const m of (values.map as string[] | undefined) ?? []) {
  const [header, field] = m.split('=');
  if (!header || !field || !(field in FIELD_LABELS))
    throw coded(UsageError, 'LS-CLI-016', { value: m, fields: Object.keys(FIELD_LABELS).join('、') });
  map[header.replace(/\s+/g, '')] = field as Field;
}
const kinds: Record<string, 'tasks' | 'programme'> = {};
for (const k of (values.kind as string[] | undefined) ?? []) {
  const [table, kind] = k.split('=');
  if (!table || (kind !== 'tasks' && kind !== 'programme')) throw coded(UsageError, 'LS-CLI-017', { value: k });
  kinds[table] = kind;
}

// Registries as they are.
function rows(name: string): Record<string, string>[] {
  const abs = path.join(root, name);
  if (!existsSync(abs)) return [];
  const issues: DataIssue[] = [];
  const table = readCsvBytes(readFileSync(abs), name, issues);
  if (issues.length) throw coded(LuoshiError, 'LS-NTC-020', { file: name, issues: `\n${formatIssues(issues)}` });
  return table.records.map((r) => r.values);
}
const registries: Registries = {
  units: rows('units.csv') as Registries['units'],
  leaders: rows('leaders.csv') as Registries['leaders'],
  collectives: rows('collectives.csv').map((r) => r.name),
  collectiveMeanings: Object.fromEntries(rows('collectives.csv').map((r) => [r.name, r.meaning])),
};
const site = JSON.parse(readFileSync(path.join(root, 'site.json'), 'utf8').replace(/^\uFEFF/, '')) as { district?: string };
const place = /^(.+?)市(.+?)[区县]$/.exec(site.district ?? '');
const placeNames = place
  ? [place[1], place[2]]
  : /^(.{2,})[区县市]$/.test(site.district ?? '') && !/待填写/.test(site.district ?? '')
    ? [site.district!.slice(0, -1)]
    : [];

const read = await readNotice(file);
const heading: Partial<NoticeHeading> = read.text ? noticeHeading(read.text) : {};
const result = importNotice(read.grids, registries, {
  year,
  programme: values.programme,
  slug: values.slug,
  map,
  kinds,
  placeNames,
  link: !values['no-link'],
  notice: {
    doc_no: values['doc-no'] ?? heading.docNo,
    title: values.title ?? heading.title,
    date: values.date ?? heading.date,
    publicity: heading.publicity,
    // How the number was read, unless the office gave it.
    notes: values['doc-no'] ? [] : heading.notes,
  },
});

console.log(
  read.grids[0]?.paragraphs
    ? `读取 ${path.basename(file)}：按编号段落读取，${read.grids[0].rows.length - 1} 项。`
    : `读取 ${path.basename(file)}：${read.grids.length} 张表。`,
);
const review = [`读取方式：${read.reader}`, ...result.review];
console.log('\n请核对以下识别结果：');
for (const r of review) console.log(`  - ${r}`);
const indicators = proposeIndicators(itemsOfImport(result));
for (const r of reviewLines(indicators)) console.log(`  - ${r}`);
if (result.errors.length) {
  console.error('');
  throw coded(LuoshiError, 'LS-NTC-022', { count: result.errors.length, errors: `\n${formatImportErrors(result.errors)}` });
}

const yearDir = path.join(root, String(year));
const existing = ['tasks.csv', 'projects.csv'].filter((f) => existsSync(path.join(yearDir, f)));
if (existing.length && !values.replace) {
  console.error('');
  throw coded(LuoshiError, 'LS-NTC-021', { year, files: existing.join('、') });
}
const manifestFile = path.join(yearDir, 'manifest.json');
const oldManifest = existsSync(manifestFile)
  ? (JSON.parse(readFileSync(manifestFile, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>)
  : undefined;
const files = importFiles(result, registries, year, oldManifest);
if (!oldManifest) {
  // A new year's manifest names its JSON Schema first, so an editor checks it as the office types.
  const manifest = { $schema: schemaReference(yearDir, 'manifest'), ...JSON.parse(files.get(`${year}/manifest.json`)!) };
  if (read.text) {
    manifest.notice.text = 'notice.txt';
    files.set(`${year}/notice.txt`, read.text.endsWith('\n') ? read.text : `${read.text}\n`);
  }
  files.set(`${year}/manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
}
// Indicators the office has confirmed are its own record, not a proposal: a year replaced by a new
// import keeps its indicators.csv whole when any row is confirmed (已确认 是), and the new proposals
// go to the review list only.
const confirmed = confirmedIndicators(path.join(yearDir, 'indicators.csv'));
if (indicators.some((i) => i.proposals.length > 0)) {
  if (confirmed === 0) files.set(`${year}/indicators.csv`, indicatorsCsv(indicators));
  files.set(`${year}/indicators-review.md`, reviewMarkdown(indicators, year));
}
if (confirmed > 0)
  console.log(
    `\n${year}/indicators.csv 中已有 ${confirmed} 个确认的指标：保留该文件不变；本次的提议只写入 indicators-review.md，请对照后手工修改。`,
  );
if (existing.length) {
  // A replaced year loses files the new notice does not have (never the office's confirmed indicators).
  for (const f of ['sections.csv', 'categories.csv', 'tasks.csv', 'projects.csv', 'indicators.csv', 'indicators-review.md'])
    if (!files.has(`${year}/${f}`) && existsSync(path.join(yearDir, f)) && !(f === 'indicators.csv' && confirmed > 0))
      files.set(`${year}/${f}`, '\u0000delete');
}

// Validate a copy with the import applied before touching the real folder.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'luoshi-import-'));
const copy = path.join(tmp, path.basename(root));
try {
  cpSync(root, copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}.git`) });
  for (const [name, text] of files) {
    const abs = path.join(copy, name);
    if (text === '\u0000delete') rmSync(abs, { force: true });
    else {
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }
  const check = loadContent(copy, { today: buildDate() });
  if (check.issues.length) {
    console.error('');
    throw coded(LuoshiError, 'LS-NTC-023', { issues: `\n${formatIssues(check.issues)}` });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (values['dry-run']) {
  console.log(`\n检查通过（--dry-run，未写入）。将写入：${[...files.keys()].join('、')}`);
  process.exit(0);
}
for (const [name, text] of files) {
  const abs = path.join(root, name);
  if (text === '\u0000delete') rmSync(abs, { force: true });
  else {
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
}
const t = result.tasks?.rows.length ?? 0;
const p = result.programme?.rows.length ?? 0;
console.log(`\n已写入 ${root}：${[...files.keys()].join('、')}`);
console.log(
  `  ${year} 年：${[t && `主要工作任务 ${t} 项`, p && `${result.programme!.name} ${p} 项`].filter(Boolean).join('，')}；新增责任单位 ${result.newUnits.length} 个、牵头领导 ${result.newLeaders.length} 位。`,
);
console.log(
  `下一步：核对上面的识别结果，补全 units.csv 的全称和 leaders.csv 的职务，然后 npm run validate${values.content ? ` -- --content ${values.content}` : ''}。`,
);

/** How many rows of an existing indicators.csv the office has confirmed (0 when there is none). */
function confirmedIndicators(file: string): number {
  if (!existsSync(file)) return 0;
  const issues: DataIssue[] = [];
  return readCsvBytes(readFileSync(file), file, issues).records.filter((r) => r.values.confirmed === '是').length;
}
