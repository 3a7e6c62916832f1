/**
 * Importing filled forms into a content folder, all or nothing:
 * 1. read every file (.xlsx; .csv in UTF-8, UTF-8 with BOM or GBK/GB18030) and parse it with
 *    the form layout of src/core/forms.ts;
 * 2. merge its rows into the content tables (src/core/merge.ts): added / unchanged / conflicts;
 * 3. write the merged tables into a temporary copy of the content folder and load that copy with
 *    the core (loadContent), so every rule the site enforces is enforced here;
 * 4. only if nothing is wrong anywhere, write the changed files into the content folder, each
 *    through a temporary file and a rename.
 * Problems are reported against the form's file, row and column.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readCsvBytes } from '../../src/core/csv.ts';
import { ANNEX, formatFormError, parseContentGrid, parseFormGrid, type FormError, type FormKind, type ParsedForm } from '../../src/core/forms.ts';
import { formatIssue, type DataIssue } from '../../src/core/issues.ts';
import { formatIssues, loadContent } from '../../src/core/load.ts';
import { compareItemKeys, mergeRows, stringifyCsv, type Conflict, type IncomingRow, type MergeResult, type Origin } from '../../src/core/merge.ts';
import type { Dataset } from '../../src/core/model.ts';
import { FILES, columnLabel } from '../../src/core/schema.ts';
import { readGrid, readProblems } from './xlsx.ts';

export interface ImportOptions {
  content: string;
  replace?: boolean;
  dryRun?: boolean;
  /** Set manifest.json data_date of the years imported into. */
  dataDate?: string;
  today: string;
}

export interface UnitSummary {
  unit: string;
  added: number;
  changed: number;
  unchanged: number;
  blank: number;
}

export interface ImportOutcome {
  ok: boolean;
  /** Every problem, formatted, in file and row order. */
  errors: string[];
  /** Refused (ok = false) or replaced (ok = true) rows, formatted with old and new values. */
  conflicts: string[];
  replaced: string[];
  files: { file: string; kind: FormKind; unit: string; month?: string; encoding: string; rows: number; blank: number }[];
  summary: UnitSummary[];
  totals: { added: number; changed: number; unchanged: number; blank: number };
  /** Content files written (relative to the content folder); empty on a dry run or failure. */
  written: string[];
  /** Content files that would change. */
  modified: string[];
  dataDate?: { year: number; from: string; to: string }[];
}

const KIND_FILE: Record<FormKind, 'reports' | 'plans'> = { report: 'reports', plan: 'plans' };

/** Directories stand for the .xlsx and .csv files in them (Excel's ~$ lock files skipped). */
export function expandInputs(inputs: string[]): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  for (const input of inputs) {
    if (!existsSync(input)) {
      errors.push(`${input}  文件不存在`);
      continue;
    }
    if (statSync(input).isDirectory()) {
      const found = readdirSync(input)
        .filter((n) => /\.(xlsx|csv)$/i.test(n) && !n.startsWith('~$'))
        .sort()
        .map((n) => path.join(input, n));
      if (found.length === 0) errors.push(`${input}  目录中没有 .xlsx 或 .csv 文件`);
      files.push(...found);
    } else files.push(input);
  }
  return { files, errors };
}

function unitNames(dataset: Dataset): Map<string, string> {
  const names = new Map<string, string>();
  for (const u of dataset.units) for (const n of [u.name, u.fullName, ...u.aliases]) names.set(n, u.name);
  return names;
}

function atomicWrite(abs: string, text: string): void {
  mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, abs);
}

interface Target {
  rel: string;
  kind: FormKind;
  year: number;
  incoming: IncomingRow[];
  forms: Map<string, ParsedForm>;
  merge?: MergeResult;
  text?: string;
  /** Line in the merged file → where the row came from. */
  lineOrigin: Map<number, Origin>;
}

function describeConflict(c: Conflict, kind: FormKind, rel: string, month?: string): string {
  const fileKind = KIND_FILE[kind];
  const what = kind === 'report' ? `${c.incoming.key} ${month ?? ''} 月报` : `${c.incoming.key} 落实计划`;
  const lines = [`${c.incoming.origin.file} 第 ${c.incoming.origin.row} 行：${what}与已有内容不同（${rel} 第 ${c.existing.line} 行）`];
  for (const d of c.differences) lines.push(`    ${columnLabel(fileKind, d.field) ?? d.field}：原「${d.old}」→ 新「${d.new}」`);
  return lines.join('\n');
}

export async function runImport(inputs: string[], options: ImportOptions): Promise<ImportOutcome> {
  const root = path.resolve(options.content);
  const outcome: ImportOutcome = { ok: false, errors: [], conflicts: [], replaced: [], files: [], summary: [], totals: { added: 0, changed: 0, unchanged: 0, blank: 0 }, written: [], modified: [] };
  const formErrors: FormError[] = [];
  /** Cells that could not be read (a formula without its result): their own message says it all. */
  const problemCells = new Set<string>();
  const readErrors = new Set<FormError>();

  const { files, errors: inputErrors } = expandInputs(inputs);
  outcome.errors.push(...inputErrors);

  const existing = loadContent(root, { today: options.today });
  if (existing.issues.length > 0 || !existing.dataset) {
    outcome.errors.push(`内容目录 ${root} 本身未通过校验，先修复这些错误再导入：`, formatIssues(existing.issues));
    return outcome;
  }
  const dataset = existing.dataset;
  const names = unitNames(dataset);

  // 1. Read and parse every file.
  const forms: ParsedForm[] = [];
  for (const file of files) {
    const read = await readGrid(file);
    if (!read.grid) {
      formErrors.push({ file, row: 0, message: read.error ?? '无法读取', hint: read.hint });
      continue;
    }
    const problems = readProblems(file, read);
    formErrors.push(...problems);
    for (const p of problems) {
      readErrors.add(p);
      problemCells.add(`${p.file}|${p.row}|${p.column}`);
    }
    if (read.grid.length === 0 && problems.length > 0) continue;
    const where = read.sheet ? `${file}（工作表“${read.sheet}”）` : file;
    const form = parseContentGrid(read.grid, where) ?? parseFormGrid(read.grid, where);
    formErrors.push(...form.errors);
    if (form.errors.some((e) => e.row === 0)) continue;
    if (!dataset.years.some((y) => y.year === form.year)) {
      formErrors.push({ file, row: 1, message: `内容中没有 ${form.year} 年度`, hint: `先建立 content/${form.year}/ 年度目录（见 content/README.md）` });
      continue;
    }
    // 填报时间 is one cell for the whole form: check it once here, so a bad date is reported
    // even when the rows duplicate another file's (and are merged away).
    if (form.filed !== '' && form.rows.length > 0) {
      const check = FILES[KIND_FILE[form.kind]].schema.shape.filed.safeParse(form.filed);
      if (!check.success) {
        const at = form.locate(form.rows[0].row, 'filed');
        formErrors.push({ file, row: at.row, column: at.column, label: at.label, value: form.filed, message: check.error.issues[0].message, hint: FILES[KIND_FILE[form.kind]].columns.filed.hint });
      }
    }
    forms.push(form);
    outcome.files.push({ file, kind: form.kind, unit: form.unit, month: form.month, encoding: read.encoding ?? '', rows: form.rows.length, blank: form.blankRows });
  }

  // 2. Group rows by the content file they go to, and merge.
  const targets = new Map<string, Target>();
  for (const form of forms) {
    for (const row of form.rows) {
      let year = form.year;
      let rel: string;
      if (form.kind === 'report') {
        const month = row.values.month;
        if (!/^\d{4}-\d{2}$/.test(month)) {
          const at = form.locate(row.row, 'month');
          formErrors.push({ file: form.file, row: at.row, column: at.column, label: at.label, value: month, message: '月份无效', hint: '写作 YYYY-MM' });
          continue;
        }
        year = Number(month.slice(0, 4));
        rel = `${year}/reports/${month}.csv`;
      } else rel = `${year}/plans.csv`;
      if (!dataset.years.some((y) => y.year === year)) {
        formErrors.push({ file: form.file, row: row.row, message: `内容中没有 ${year} 年度` });
        continue;
      }
      const target: Target = targets.get(rel) ?? { rel, kind: form.kind, year, incoming: [], forms: new Map(), lineOrigin: new Map() };
      targets.set(rel, target);
      target.incoming.push({ key: row.values.item, values: row.values, origin: { file: form.file, row: row.row }, unit: names.get(row.values.unit) ?? row.values.unit });
      target.forms.set(form.file, form);
    }
  }
  const formByFile = new Map(forms.map((f) => [f.file, f]));

  for (const target of targets.values()) {
    const abs = path.join(root, target.rel);
    const fileKind = KIND_FILE[target.kind];
    let header = Object.keys(FILES[fileKind].columns);
    const rows: { values: Record<string, string>; line: number }[] = [];
    if (existsSync(abs)) {
      const issues: DataIssue[] = [];
      const table = readCsvBytes(readFileSync(abs), target.rel, issues);
      if (table.header.length > 0) header = table.header;
      for (const r of table.records) rows.push({ values: r.values, line: r.line });
    }
    const merge = mergeRows(header, rows, target.incoming, (v) => v.item, { replace: options.replace ?? false, order: compareItemKeys });
    target.merge = merge;
    for (const d of merge.duplicates) {
      formErrors.push({ file: d.second.file, row: d.second.row, message: `事项 ${d.key} 重复填报，且与 ${d.first.file} 第 ${d.first.row} 行的内容不同`, hint: '同一事项每月（计划每年）只能有一行；请核对后只保留一份' });
    }
    const month = target.kind === 'report' ? path.basename(target.rel, '.csv') : undefined;
    for (const c of merge.conflicts) outcome.conflicts.push(describeConflict(c, target.kind, target.rel, month));
    for (const c of merge.changed) outcome.replaced.push(describeConflict(c, target.kind, target.rel, month));
    if (merge.modified) {
      const { text, lines } = stringifyCsv(merge.header, merge.rows.map((r) => r.values));
      target.text = text;
      merge.rows.forEach((r, i) => {
        if (r.origin) target.lineOrigin.set(lines[i], r.origin);
      });
    }
  }

  // 3. Validate the merged content with the core, in a temporary copy.
  const tmpBase = mkdtempSync(path.join(tmpdir(), 'luoshi-import-'));
  const tmpRoot = path.join(tmpBase, path.basename(root));
  const coreErrors: string[] = [];
  const manifests = new Map<number, string>();
  try {
    cpSync(root, tmpRoot, { recursive: true, filter: (src) => !src.startsWith(path.join(root, 'bulletins')) });
    for (const target of targets.values()) {
      if (target.text === undefined) continue;
      mkdirSync(path.dirname(path.join(tmpRoot, target.rel)), { recursive: true });
      writeFileSync(path.join(tmpRoot, target.rel), target.text);
    }
    if (options.dataDate) {
      outcome.dataDate = [];
      const years = new Set([...targets.values()].map((t) => t.year));
      for (const year of years) {
        const rel = `${year}/manifest.json`;
        const json = JSON.parse(readFileSync(path.join(root, rel), 'utf8').replace(/^\uFEFF/, ''));
        if (json.data_date === options.dataDate) continue;
        outcome.dataDate.push({ year, from: json.data_date, to: options.dataDate });
        json.data_date = options.dataDate;
        const text = `${JSON.stringify(json, null, 2)}\n`;
        manifests.set(year, text);
        writeFileSync(path.join(tmpRoot, rel), text);
      }
    }
    const checked = loadContent(tmpRoot, { today: options.today });
    const prefix = `${path.basename(root)}/`;
    for (const issue of checked.issues) {
      const rel = issue.file.startsWith(prefix) ? issue.file.slice(prefix.length) : issue.file;
      const origin = targets.get(rel)?.lineOrigin.get(issue.line);
      const form = origin && formByFile.get(origin.file);
      if (origin && form) {
        const at = form.locate(origin.row, issue.field ?? '');
        formErrors.push({ file: origin.file, row: at.row, column: at.column, label: at.label ?? issue.field, value: issue.value, message: issue.message, hint: issue.hint });
      } else {
        coreErrors.push(`${formatIssue({ ...issue, file: path.join(root, rel) }, (f) => columnLabel(rel.includes('/reports/') ? 'reports' : rel.endsWith('plans.csv') ? 'plans' : 'reports', f))}（合并后的内容）`);
      }
    }
  } finally {
    rmSync(tmpBase, { recursive: true, force: true });
  }

  // Every problem, in file and row order; a file with any problem means nothing is written.
  const seen = new Set<string>();
  const sorted = formErrors.sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row || (a.column ?? 0) - (b.column ?? 0));
  for (const e of sorted) {
    if (!readErrors.has(e) && problemCells.has(`${e.file}|${e.row}|${e.column}`)) continue;
    const line = formatFormError(e);
    if (!seen.has(line)) outcome.errors.push(line);
    seen.add(line);
  }
  outcome.errors.push(...coreErrors);

  // Summary per unit.
  const byUnit = new Map<string, UnitSummary>();
  const tally = (unit: string) => byUnit.get(unit) ?? byUnit.set(unit, { unit, added: 0, changed: 0, unchanged: 0, blank: 0 }).get(unit)!;
  for (const t of targets.values()) {
    for (const r of t.merge?.added ?? []) tally(r.unit).added++;
    for (const c of t.merge?.changed ?? []) tally(c.incoming.unit).changed++;
    for (const r of t.merge?.unchanged ?? []) tally(r.unit).unchanged++;
  }
  for (const f of outcome.files) if (f.blank > 0) tally(names.get(f.unit) ?? f.unit).blank += f.blank;
  outcome.summary = [...byUnit.values()];
  for (const s of outcome.summary) {
    outcome.totals.added += s.added;
    outcome.totals.changed += s.changed;
    outcome.totals.unchanged += s.unchanged;
    outcome.totals.blank += s.blank;
  }
  outcome.modified = [...[...targets.values()].filter((t) => t.text !== undefined).map((t) => t.rel), ...[...manifests.keys()].map((y) => `${y}/manifest.json`)];

  outcome.ok = outcome.errors.length === 0 && outcome.conflicts.length === 0;
  if (!outcome.ok || options.dryRun) return outcome;

  // 4. Write: each changed file through a temporary file and a rename.
  for (const target of targets.values()) {
    if (target.text === undefined) continue;
    atomicWrite(path.join(root, target.rel), target.text);
    outcome.written.push(target.rel);
  }
  for (const [year, text] of manifests) {
    atomicWrite(path.join(root, `${year}/manifest.json`), text);
    outcome.written.push(`${year}/manifest.json`);
  }
  return outcome;
}

export { ANNEX };
