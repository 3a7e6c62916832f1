/**
 * The office's inbox (issue 16), the file and git side; conventions and texts in office/inbox/inbox.ts.
 *
 * runInbox: under the import lock, every folder inbox/YYYY-MM/ or inbox/YYYY-plan/ with forms in
 * it is one batch, imported all or nothing by the importer (office/forms/importer.ts) with the data
 * date moved to the day of the import. A batch that imports moves its forms to inbox/已处理/…; a
 * batch that does not leaves content untouched and gets 导入结果.md. Then one commit.
 *
 * runMonthly: the job on the 6th working day: 报送情况.md for the month, the next month's
 * pre-filled forms in its 待发/ folder (one commit), and bulletin drafts left for a pull request.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { LuoshiError, coded } from '../../src/core/errors/errors.ts';
import { git } from '../git.ts';
import { monthlyDraft, quarterlyDraft } from '../reporting/bulletin-drafts.ts';
import { buildForm } from '../forms/forms.ts';
import { reportingUnits } from '../../src/core/model/stats.ts';
import {
  INBOX,
  OUTGOING,
  PROCESSED,
  REPLACE_FILE,
  RESULT_FILE,
  STATUS_FILE,
  failureReport,
  folderTitle,
  formsMonthAfter,
  importCommitMessage,
  inboxFolder,
  isFormFile,
  lateAndMissing,
  parseReplaceList,
  quarterClosedBy,
  reportingMarkdown,
  type BatchSummary,
  type FailedFile,
  type InboxFolder,
} from './inbox.ts';
import { formatIssues, loadContent } from '../../src/core/content/load.ts';
import type { Dataset } from '../../src/core/model/types.ts';
import { monthReporting } from '../reporting/reporting.ts';
import { formatMonth } from '../../src/core/present/vocabulary.ts';
import { withImportLock } from '../forms/import-lock.ts';
import { runImport, type ImportOutcome } from '../forms/importer.ts';
import { writeFormXlsx } from '../forms/xlsx.ts';

export interface InboxOptions {
  /** The git work tree (the inbox is its inbox/ folder). */
  repo: string;
  /** The content folder, inside the work tree. */
  content: string;
  /** The day of the import: the data date, and the day the reporting record is judged on. */
  today: string;
  /** Progress lines for the terminal or the CI log. */
  log?: (line: string) => void;
}

export interface InboxResult {
  imported: BatchSummary[];
  failed: { folder: InboxFolder; report: string; problems: number }[];
  /** The commit made, if any. */
  commit?: string;
}

export class InboxError extends LuoshiError {
  override name = 'InboxError';
}

/** Commits keep the person's git identity; CI without one commits as the inbox. */
function identity(repo: string): string[] {
  let name = '';
  try {
    name = git(repo, ['config', 'user.name']);
  } catch {
    /* not set */
  }
  return name ? [] : ['-c', 'user.name=luoshi 收件箱', '-c', 'user.email=inbox@luoshi.invalid'];
}

function commitAll(repo: string, paths: string[], message: string): string | undefined {
  git(repo, ['add', '-A', '--', ...paths]);
  try {
    git(repo, ['diff', '--cached', '--quiet']);
    return undefined; // nothing staged
  } catch {
    /* something to commit */
  }
  git(repo, [...identity(repo), 'commit', '-q', '-F', '-'], message);
  return git(repo, ['rev-parse', 'HEAD']);
}

const posix = (p: string) => p.split(path.sep).join('/');

async function sheetName(file: string): Promise<string | undefined> {
  if (!/\.xlsx$/i.test(file)) return undefined;
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return (wb.worksheets.find((w) => w.state !== 'hidden' && w.state !== 'veryHidden') ?? wb.worksheets[0])?.name;
  } catch {
    return undefined;
  }
}

function unitResolver(ds: Dataset): (name: string) => string | undefined {
  const map = new Map<string, string>();
  for (const u of ds.units) for (const n of [u.id, u.name, u.fullName, ...u.aliases]) map.set(n, u.name);
  return (n) => map.get(n);
}

/** A free name under `dir` for `name`: `name`, else `name（2）`, … */
function freeName(dir: string, name: string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? name : `${stem}（${i}）${ext}`;
    if (!existsSync(path.join(dir, candidate))) return candidate;
  }
}

function dataDateOf(content: string, year: number): string | undefined {
  try {
    return JSON.parse(readFileSync(path.join(content, `${year}/manifest.json`), 'utf8').replace(/^\uFEFF/, '')).data_date;
  } catch {
    return undefined;
  }
}

interface Batch {
  folder: InboxFolder;
  dir: string;
  /** Form paths as the importer gets them: relative to the work tree (the CLI runs there). */
  forms: string[];
  replaceFile?: string;
}

function findBatches(repo: string): Batch[] {
  const inbox = path.join(repo, INBOX);
  if (!existsSync(inbox)) return [];
  const batches: Batch[] = [];
  for (const name of readdirSync(inbox).sort()) {
    const folder = inboxFolder(name);
    const dir = path.join(inbox, name);
    if (!folder || !statSync(dir).isDirectory()) continue;
    const forms = readdirSync(dir)
      .filter((n) => isFormFile(n) && statSync(path.join(dir, n)).isFile())
      .sort()
      .map((n) => posix(path.relative(process.cwd(), path.join(dir, n))));
    if (forms.length === 0) continue;
    const replaceFile = existsSync(path.join(dir, REPLACE_FILE)) ? path.join(dir, REPLACE_FILE) : undefined;
    batches.push({ folder, dir, forms, replaceFile });
  }
  return batches;
}

/** Import one batch, all or nothing. Returns the outcome, or the problems. */
async function importBatch(
  batch: Batch,
  options: InboxOptions,
  ds: Dataset,
): Promise<
  | { ok: true; outcome: ImportOutcome; replaced: string[]; dataDate?: { from: string; to: string } }
  | { ok: false; errors: string[]; conflicts: string[] }
> {
  const { folder } = batch;
  const errors: string[] = [];
  const resolve = unitResolver(ds);
  const replaceUnits = new Set<string>();
  if (batch.replaceFile) {
    for (const n of parseReplaceList(readFileSync(batch.replaceFile, 'utf8'))) {
      const unit = resolve(n);
      if (unit) replaceUnits.add(unit);
      else
        errors.push(
          `${posix(path.relative(process.cwd(), batch.replaceFile))}  「${n}」不是已知的单位  提示：每行写一个单位名称，与 units.csv 中的名称或简称一致，如“区发改局”`,
        );
    }
  }
  const current = dataDateOf(options.content, folder.year);
  const dataDate = current && options.today > current ? options.today : undefined;
  const importOptions = { content: options.content, replace: replaceUnits.size > 0, dataDate, today: options.today };

  const dry = await runImport(batch.forms, { ...importOptions, dryRun: true });
  errors.push(...dry.errors);
  const want = folder.kind === 'report' ? `${folder.month} 月报（附件4）` : `${folder.year} 年落实计划（附件3）`;
  for (const f of dry.files) {
    const is = f.kind === 'report' ? `${f.month} 月报（附件4）` : '落实计划（附件3）';
    const wrong = folder.kind === 'report' ? f.kind !== 'report' || f.month !== folder.month : f.kind !== 'plan';
    if (wrong)
      errors.push(
        `${f.file}  这是 ${is}的表格，不是本文件夹的 ${want}  提示：上传到 ${INBOX}/${f.kind === 'report' ? f.month : `${folder.year}-plan`}/ 文件夹`,
      );
  }
  const conflicts = [...dry.conflicts];
  // 替换.txt allows replacing the listed units' reports only.
  if (replaceUnits.size > 0) {
    const filesOf = (unit: string) => dry.files.filter((f) => (resolve(f.unit) ?? f.unit) === unit).map((f) => f.file);
    for (const s of dry.summary) {
      if (s.changed === 0 || replaceUnits.has(s.unit)) continue;
      const files = filesOf(s.unit);
      const lines = dry.replaced.filter((c) => files.some((f) => c.startsWith(`${f} `)));
      conflicts.push(
        ...(lines.length ? lines : [`${s.unit}：${s.changed} 行与已有报告不同，但该单位没有列在 ${REPLACE_FILE} 中`]),
      );
    }
  }
  if (errors.length > 0 || conflicts.length > 0 || !dry.ok) return { ok: false, errors, conflicts };

  const real = await runImport(batch.forms, importOptions);
  if (!real.ok) return { ok: false, errors: real.errors, conflicts: real.conflicts };
  const changedUnits = real.summary.filter((s) => s.changed > 0).map((s) => s.unit);
  return {
    ok: true,
    outcome: real,
    replaced: changedUnits,
    dataDate: dataDate && current ? { from: current, to: dataDate } : undefined,
  };
}

function moveProcessed(repo: string, batch: Batch, today: string, summary: string): void {
  const dest = path.join(repo, INBOX, PROCESSED, batch.folder.name, today);
  mkdirSync(dest, { recursive: true });
  const files = [...batch.forms.map((f) => path.resolve(f)), ...(batch.replaceFile ? [batch.replaceFile] : [])];
  for (const abs of files) renameSync(abs, path.join(dest, freeName(dest, path.basename(abs))));
  const result = path.join(batch.dir, RESULT_FILE);
  if (existsSync(result)) rmSync(result);
  writeFileSync(path.join(dest, freeName(dest, RESULT_FILE)), summary);
}

/** Import the whole inbox under the import lock, and commit. */
export async function runInbox(options: InboxOptions): Promise<InboxResult> {
  const log = options.log ?? (() => {});
  const repo = path.resolve(options.repo);
  const contentRel = posix(path.relative(repo, path.resolve(options.content)));
  if (contentRel.startsWith('..')) throw coded(InboxError, 'LS-FORM-034', { content: options.content, repo });
  return withImportLock(
    options.content,
    async () => {
      const dirty = git(repo, ['status', '--porcelain', '--', contentRel]);
      if (dirty) throw coded(InboxError, 'LS-FORM-035', { changes: `\n${dirty}` });
      const result: InboxResult = { imported: [], failed: [] };
      const batches = findBatches(repo);
      if (batches.length === 0) {
        log(`收件箱（${INBOX}/）中没有待导入的表格。`);
        return result;
      }
      const loaded = loadContent(options.content, { today: options.today });
      if (!loaded.dataset) throw coded(InboxError, 'LS-CLI-020', { issues: `\n${formatIssues(loaded.issues)}` });
      for (const batch of batches) {
        log(`${INBOX}/${batch.folder.name}：${batch.forms.length} 份表格，导入${folderTitle(batch.folder)}……`);
        const r = await importBatch(batch, options, loaded.dataset);
        if (!r.ok) {
          const failedFiles: FailedFile[] = [];
          for (const f of batch.forms) failedFiles.push({ file: f, sheet: await sheetName(f) });
          const report = posix(path.join(INBOX, batch.folder.name, RESULT_FILE));
          writeFileSync(path.join(repo, report), failureReport(batch.folder, options.today, failedFiles, r.errors, r.conflicts));
          const problems = r.errors.length + r.conflicts.length;
          result.failed.push({ folder: batch.folder, report, problems });
          log(`  未导入：${problems} 处问题，内容没有改动；详见 ${report}`);
          for (const e of [...r.errors, ...r.conflicts]) log(`    ${e}`);
          continue;
        }
        const o = r.outcome;
        const summary: BatchSummary = {
          folder: batch.folder,
          forms: batch.forms.length,
          units: [...new Set(o.files.map((f) => f.unit))],
          added: o.totals.added,
          changed: o.totals.changed,
          unchanged: o.totals.unchanged,
          blank: o.totals.blank,
          replacedUnits: r.replaced,
          dataDate: r.dataDate,
        };
        result.imported.push(summary);
        log(
          `  已导入：新增 ${o.totals.added} 行，修改 ${o.totals.changed} 行，未变 ${o.totals.unchanged} 行${o.written.length ? `；写入 ${o.written.join('、')}` : ''}`,
        );
      }
      // The content as committed: checked once more as a whole, and the month's record from it.
      if (result.imported.length > 0) {
        const after = loadContent(options.content, { today: options.today });
        if (!after.dataset || after.issues.length > 0) {
          git(repo, ['checkout', '--', contentRel]);
          git(repo, ['clean', '-fdq', '--', contentRel]);
          throw coded(InboxError, 'LS-FORM-036', { issues: `\n${formatIssues(after.issues)}` });
        }
        for (const s of result.imported)
          if (s.folder.kind === 'report') s.reporting = monthReporting(after.dataset, s.folder.month, options.today);
        for (const [i, s] of result.imported.entries()) {
          const batch = batches.find((b) => b.folder.name === s.folder.name)!;
          moveProcessed(
            repo,
            batch,
            options.today,
            `# 导入结果：${folderTitle(s.folder)}已导入\n\n${importCommitMessage([result.imported[i]], options.today).replace(/\n/g, '\n\n')}`,
          );
        }
      }
      let message: string;
      if (result.imported.length > 0) {
        message = importCommitMessage(result.imported, options.today);
        if (result.failed.length)
          message += `\n${result.failed.map((f) => `${folderTitle(f.folder)}未导入：${f.problems} 处问题，见 ${f.report}`).join('\n')}\n`;
      } else {
        message = `收件箱：${result.failed.map((f) => `${folderTitle(f.folder)}未导入（${f.problems} 处问题）`).join('；')}，内容没有改动\n\n${result.failed.map((f) => `问题清单见 ${f.report}，改正后重新上传即可。`).join('\n')}\n`;
      }
      result.commit = commitAll(repo, [INBOX, contentRel], message);
      log(result.commit ? `已提交 ${result.commit.slice(0, 8)}：${message.split('\n')[0]}` : '没有需要提交的改动。');
      for (const s of result.imported) if (s.reporting) log(`${folderTitle(s.folder)}：${lateAndMissing(s.reporting).text}`);
      return result;
    },
    { onWait: log },
  );
}

export interface MonthlyOptions {
  repo: string;
  content: string;
  /** The month whose reports were due (the job's day is the 6th working day of the next month). */
  month: string;
  today: string;
  /** Commit 报送情况.md and the forms (default true). */
  commit?: boolean;
  /** Write the forms again even if 待发/ already has them. */
  force?: boolean;
  log?: (line: string) => void;
}

export interface MonthlyResult {
  status: string;
  forms: string[];
  /** Bulletin drafts written (paths relative to the work tree), for the pull request. */
  bulletins: string[];
  commit?: string;
}

/** The monthly job: 报送情况.md, the next month's forms in 待发/, and the bulletin drafts. */
export async function runMonthly(options: MonthlyOptions): Promise<MonthlyResult> {
  const log = options.log ?? (() => {});
  const repo = path.resolve(options.repo);
  const loaded = loadContent(options.content, { today: options.today });
  if (!loaded.dataset || loaded.issues.length > 0)
    throw coded(InboxError, 'LS-CLI-020', { issues: `\n${formatIssues(loaded.issues)}` });
  const ds = loaded.dataset;
  const reporting = monthReporting(ds, options.month, options.today);
  const status = posix(path.join(INBOX, options.month, STATUS_FILE));
  mkdirSync(path.join(repo, INBOX, options.month), { recursive: true });
  writeFileSync(path.join(repo, status), reportingMarkdown(reporting));
  log(`已写入 ${status}：${lateAndMissing(reporting).text}`);

  const formsMonth = formsMonthAfter(options.month);
  const year = ds.years.find((y) => y.year === Number(formsMonth.slice(0, 4)));
  const outDir = path.join(repo, INBOX, formsMonth, OUTGOING);
  const forms: string[] = [];
  if (!year) log(`内容中还没有 ${formsMonth.slice(0, 4)} 年度，${formsMonth} 的表格未生成。`);
  else if (existsSync(outDir) && readdirSync(outDir).some(isFormFile) && !options.force)
    log(`${posix(path.relative(repo, outDir))}/ 中已有表格，不再生成（需要重新生成时加 --force）。`);
  else {
    mkdirSync(outDir, { recursive: true });
    for (const unit of reportingUnits(ds, year)) {
      const sheet = buildForm(ds, year, unit.id, 'report', formsMonth);
      await writeFormXlsx(sheet, path.join(outDir, sheet.fileName));
      forms.push(posix(path.relative(repo, path.join(outDir, sheet.fileName))));
    }
    log(`已生成 ${forms.length} 份 ${formsMonth} 月报表，在 ${posix(path.relative(repo, outDir))}/`);
  }

  // A year without plans yet (its first months): its 附件3 forms too, in inbox/YYYY-plan/待发/.
  if (year && year.plans.length === 0) {
    const planDir = path.join(repo, INBOX, `${year.year}-plan`, OUTGOING);
    if (!(existsSync(planDir) && readdirSync(planDir).some(isFormFile)) || options.force) {
      mkdirSync(planDir, { recursive: true });
      for (const unit of reportingUnits(ds, year)) {
        const sheet = buildForm(ds, year, unit.id, 'plan');
        await writeFormXlsx(sheet, path.join(planDir, sheet.fileName));
        forms.push(posix(path.relative(repo, path.join(planDir, sheet.fileName))));
      }
      log(`${year.year} 年度还没有落实计划：已生成落实计划表（附件3），在 ${posix(path.relative(repo, planDir))}/`);
    }
  }

  const bulletins: string[] = [];
  const drafts = [monthlyDraft(ds, options.month)];
  const quarter = quarterClosedBy(options.month);
  if (quarter) drafts.push(quarterlyDraft(ds, quarter));
  for (const d of drafts) {
    const file = path.join(options.content, 'bulletins', d.fileName);
    if (existsSync(file)) {
      log(`通报草稿 ${posix(path.relative(repo, file))} 已存在，不覆盖。`);
      continue;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, d.text);
    bulletins.push(posix(path.relative(repo, file)));
    log(`已生成通报草稿 ${posix(path.relative(repo, file))}：${d.title}`);
  }

  const result: MonthlyResult = { status, forms, bulletins };
  if (options.commit !== false) {
    const planForms = forms.filter((f) => f.includes('-plan/')).length;
    const reportForms = forms.length - planForms;
    const message = `${formatMonth(options.month)}报送情况：${lateAndMissing(reporting).text}${reportForms ? `；发出 ${formsMonth} 月报表 ${reportForms} 份` : ''}${planForms ? `；发出 ${formsMonth.slice(0, 4)} 年落实计划表 ${planForms} 份` : ''}\n\n报送期限 ${reporting.deadline}，按 ${options.today} 判断。详见 ${status}${forms.length ? `；表格在 ${posix(path.relative(repo, outDir))}/，下载后发给各单位` : ''}。\n`;
    result.commit = commitAll(repo, [status, ...new Set(forms.map((f) => path.posix.dirname(f)))], message);
    if (result.commit) log(`已提交 ${result.commit.slice(0, 8)}：${message.split('\n')[0]}`);
  }
  return result;
}
