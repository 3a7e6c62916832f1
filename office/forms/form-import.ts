/**
 * Importing filled forms, the logic without the file system (office/forms/importer.ts is the
 * thin file-system glue around it):
 * 1. parse every form read (a grid of cells, from .xlsx or CSV) with the layout of forms.ts;
 * 2. group its rows by the content file they go to and merge them into that file's rows
 *    (merge.ts): added / unchanged / conflicts, and the merged CSV text;
 * 3. the caller loads the merged content with the core (loadContent on a temporary copy), and
 *    every problem found there is located back on the form's own file, row and column;
 * 4. every problem, sorted, and a summary per unit; ok only when nothing is wrong anywhere.
 */
import path from 'node:path';
import { readCsvBytes } from '../../src/core/content/csv.ts';
import { issueOf, type Coded } from '../../src/core/errors/catalogue.ts';
import { issueFromZod } from '../../src/core/errors/zod-messages.ts';
import type { FormKind } from './forms.ts';
import { formatFormError, parseContentGrid, parseFormGrid, type FormError, type ParsedForm } from './form-read.ts';
import { formatIssue, type DataIssue } from '../../src/core/errors/issues.ts';
import {
  compareItemKeys,
  mergeRows,
  stringifyCsv,
  type Conflict,
  type IncomingRow,
  type MergeResult,
  type Origin,
} from './merge.ts';
import type { Dataset } from '../../src/core/model/types.ts';
import { FILES, columnLabel, type FileKind } from '../../src/core/content/schema.ts';
import { mergeFieldLabel } from './indicator-cells.ts';
import {
  FIELD_ON_FORM,
  existingValues,
  readIndicatorValues,
  sideFileOf,
  sideKindOf,
  sideRows,
  type SideKind,
} from './indicator-import.ts';

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

/** One input file as read (office/forms/xlsx.ts readGrid): its grid, or why there is none. */
export interface FormRead {
  file: string;
  grid?: string[][];
  /** The worksheet the grid came from (.xlsx with several sheets). */
  sheet?: string;
  encoding?: string;
  /** Why there is no grid: code, message and hint. */
  failure?: Coded;
  /** Cells that could not be read as meant, as form errors. */
  problems: FormError[];
}

const KIND_FILE: Record<FormKind, 'reports' | 'plans'> = { report: 'reports', plan: 'plans' };

/** One content file the import writes into. */
export interface ImportTarget {
  /** Path relative to the content folder: `2020/reports/2020-07.csv`, `2020/plans.csv`. */
  rel: string;
  kind: FormKind;
  year: number;
  incoming: IncomingRow[];
  merge?: MergeResult;
  /** The merged file's text, when it changes. */
  text?: string;
  /** Line in the merged file → where the row came from. */
  lineOrigin: Map<number, Origin>;
  /** Each item's indicator values on the forms: merge field → the form cell's row. */
  cells: Map<string, Map<string, Origin>>;
  /** For the file beside a form's own (actuals, quarterly planned numbers): its kind. */
  side?: SideKind;
}

/** The state of one import between its steps. */
export interface ImportBatch {
  dataset: Dataset;
  outcome: ImportOutcome;
  targets: Map<string, ImportTarget>;
  /** manifest.json texts with the new data date, by year. */
  manifests: Map<number, string>;
  names: Map<string, string>;
  formByFile: Map<string, ParsedForm>;
  formErrors: FormError[];
  /** Errors of the reading itself; other errors at their cells are not repeated. */
  readErrors: Set<FormError>;
  problemCells: Set<string>;
  coreErrors: string[];
}

function emptyOutcome(): ImportOutcome {
  return {
    ok: false,
    errors: [],
    conflicts: [],
    replaced: [],
    files: [],
    summary: [],
    totals: { added: 0, changed: 0, unchanged: 0, blank: 0 },
    written: [],
    modified: [],
  };
}

/** An outcome that failed before any form was read (the content folder itself is invalid, …). */
export function failedImport(errors: string[]): ImportOutcome {
  const outcome = emptyOutcome();
  outcome.errors.push(...errors);
  return outcome;
}

/** Every name of a unit (short, full, aliases) → its short name. */
function unitNames(dataset: Dataset): Map<string, string> {
  const names = new Map<string, string>();
  for (const u of dataset.units) for (const n of [u.name, u.fullName, ...u.aliases]) names.set(n, u.name);
  return names;
}

function describeConflict(c: Conflict, kind: FormKind, rel: string, month?: string): string {
  const fileKind = KIND_FILE[kind];
  const what = kind === 'report' ? `${c.incoming.key} ${month ?? ''} 月报` : `${c.incoming.key} 落实计划`;
  const lines = [
    `${c.incoming.origin.file} 第 ${c.incoming.origin.row} 行：${what}与已有内容不同（${rel} 第 ${c.existing.line} 行）`,
  ];
  for (const d of c.differences)
    lines.push(`    ${columnLabel(fileKind, d.field) ?? mergeFieldLabel(d.field) ?? d.field}：原「${d.old}」→ 新「${d.new}」`);
  return lines.join('\n');
}

/** Steps 1 and 2a: parse every form read, group the rows by the content file they go to. */
export function startImport(dataset: Dataset, reads: FormRead[], inputErrors: string[]): ImportBatch {
  const outcome = emptyOutcome();
  outcome.errors.push(...inputErrors);
  const batch: ImportBatch = {
    dataset,
    outcome,
    targets: new Map(),
    manifests: new Map(),
    names: unitNames(dataset),
    formByFile: new Map(),
    formErrors: [],
    readErrors: new Set(),
    problemCells: new Set(),
    coreErrors: [],
  };
  const { formErrors } = batch;

  const forms: ParsedForm[] = [];
  for (const read of reads) {
    const { file } = read;
    if (!read.grid) {
      formErrors.push({ file, row: 0, ...(read.failure ?? issueOf('LS-FORM-021', {}, { detail: '没有读到表格' })) });
      continue;
    }
    formErrors.push(...read.problems);
    for (const p of read.problems) {
      batch.readErrors.add(p);
      batch.problemCells.add(`${p.file}|${p.row}|${p.column}`);
    }
    if (read.grid.length === 0 && read.problems.length > 0) continue;
    const where = read.sheet ? `${file}（工作表“${read.sheet}”）` : file;
    const form = parseContentGrid(read.grid, where) ?? parseFormGrid(read.grid, where);
    formErrors.push(...form.errors);
    if (form.errors.some((e) => e.row === 0)) continue;
    if (!dataset.years.some((y) => y.year === form.year)) {
      formErrors.push(issueOf('LS-FORM-022', { file, row: 1 }, { year: form.year }));
      continue;
    }
    // 填报时间 is one cell for the whole form: check it once here, so a bad date is reported
    // even when the rows duplicate another file's (and are merged away).
    if (form.filed !== '' && form.rows.length > 0) {
      const check = FILES[KIND_FILE[form.kind]].schema.shape.filed.safeParse(form.filed);
      if (!check.success) {
        const at = form.locate(form.rows[0].row, 'filed');
        const columnHint = FILES[KIND_FILE[form.kind]].columns.filed.hint;
        formErrors.push(
          issueFromZod(
            check.error.issues[0].message,
            { file, row: at.row, column: at.column, label: at.label, value: form.filed },
            'LS-SITE-003',
            { columnHint },
          ),
        );
      }
    }
    forms.push(form);
    outcome.files.push({
      file,
      kind: form.kind,
      unit: form.unit,
      month: form.month,
      encoding: read.encoding ?? '',
      rows: form.rows.length,
      blank: form.blankRows,
    });
  }

  for (const form of forms) {
    for (const row of form.rows) {
      let year = form.year;
      let rel: string;
      if (form.kind === 'report') {
        const month = row.values.month;
        if (!/^\d{4}-\d{2}$/.test(month)) {
          const at = form.locate(row.row, 'month');
          formErrors.push(
            issueOf('LS-FORM-024', { file: form.file, row: at.row, column: at.column, label: at.label, value: month }),
          );
          continue;
        }
        year = Number(month.slice(0, 4));
        rel = `${year}/reports/${month}.csv`;
      } else rel = `${year}/plans.csv`;
      if (!dataset.years.some((y) => y.year === year)) {
        formErrors.push(issueOf('LS-FORM-023', { file: form.file, row: row.row }, { year }));
        continue;
      }
      const target: ImportTarget = batch.targets.get(rel) ?? {
        rel,
        kind: form.kind,
        year,
        incoming: [],
        lineOrigin: new Map(),
        cells: new Map(),
      };
      batch.targets.set(rel, target);
      let values = row.values;
      if (row.indicators) {
        const read = readIndicatorValues(
          form,
          row,
          dataset.years.find((y) => y.year === year),
        );
        formErrors.push(...read.errors);
        values = { ...values, ...read.values };
        if (!target.cells.has(row.values.item)) target.cells.set(row.values.item, read.cells);
      }
      target.incoming.push({
        key: row.values.item,
        values,
        origin: { file: form.file, row: row.row },
        unit: batch.names.get(row.values.unit) ?? row.values.unit,
      });
    }
  }
  batch.formByFile = new Map(forms.map((f) => [f.file, f]));
  return batch;
}

/**
 * Step 2b: merge each target's rows into the content file's current bytes (`existing(rel)`,
 * undefined when the file does not exist yet). `replace` allows overwriting differing rows.
 */
export function mergeTargets(batch: ImportBatch, existing: (rel: string) => Uint8Array | undefined, replace: boolean): void {
  const sides: ImportTarget[] = [];
  for (const target of batch.targets.values()) {
    const fileKind = KIND_FILE[target.kind];
    const table = readExisting(existing(target.rel), target.rel, fileKind);
    // The indicator values already in content/ ride beside their items' rows, the form's beside its own.
    const sideKind = sideKindOf(target.kind);
    const sideRel = sideFileOf(target.kind, target.rel);
    const sideBytes = existing(sideRel);
    const side = readExisting(sideBytes, sideRel, sideKind);
    const yearData = batch.dataset.years.find((y) => y.year === target.year);
    const known = existingValues(sideKind, side.rows, yearData);
    const rows = table.rows.map((r) => ({ ...r, values: { ...r.values, ...known.get(r.values.item) } }));
    const incoming = target.incoming.map((r) => ({ ...r, values: { ...known.get(r.key), ...r.values } }));
    const fields = [
      ...new Set([...rows, ...incoming].flatMap((r) => Object.keys(r.values).filter((f) => f.startsWith('#')))),
    ].sort();
    const merge = mergeRows([...table.header, ...fields], rows, incoming, (v) => v.item, { replace, order: compareItemKeys });
    target.merge = merge;
    for (const d of merge.duplicates) {
      batch.formErrors.push(
        issueOf('LS-FORM-025', { file: d.second.file, row: d.second.row }, { item: d.key, file: d.first.file, row: d.first.row }),
      );
    }
    const month = target.kind === 'report' ? path.basename(target.rel, '.csv') : undefined;
    for (const c of merge.conflicts) batch.outcome.conflicts.push(describeConflict(c, target.kind, target.rel, month));
    for (const c of merge.changed) batch.outcome.replaced.push(describeConflict(c, target.kind, target.rel, month));
    if (merge.modified) {
      const { text, lines } = stringifyCsv(
        table.header,
        merge.rows.map((r) => r.values),
      );
      target.text = text;
      merge.rows.forEach((r, i) => {
        if (r.origin) target.lineOrigin.set(lines[i], r.origin);
      });
    }

    // The items the import adds or replaces get exactly their form's indicator rows.
    const replaced = new Set(
      [...merge.added, ...merge.changed.map((c) => c.incoming), ...merge.conflicts.map((c) => c.incoming)].map((r) => r.key),
    );
    const after = sideRows(sideKind, month, side.rows, merge.rows, replaced, target.cells);
    const sideTarget: ImportTarget = {
      rel: sideRel,
      kind: target.kind,
      year: target.year,
      incoming: [],
      lineOrigin: new Map(),
      cells: new Map(),
      side: sideKind,
    };
    const { text, lines } = stringifyCsv(
      side.header,
      after.map((r) => r.values),
    );
    const unchanged = sideBytes ? Buffer.from(sideBytes).equals(Buffer.from(text)) : after.length === 0;
    if (!unchanged) {
      sideTarget.text = text;
      after.forEach((r, i) => {
        if (r.origin) sideTarget.lineOrigin.set(lines[i], r.origin);
      });
      sides.push(sideTarget);
    }
  }
  for (const s of sides) batch.targets.set(s.rel, s);
}

/** A content file's header (its own, or the canonical one when it does not exist yet) and rows. */
function readExisting(
  bytes: Uint8Array | undefined,
  rel: string,
  kind: FileKind,
): { header: string[]; rows: { values: Record<string, string>; line: number }[] } {
  let header = Object.keys(FILES[kind].columns);
  const rows: { values: Record<string, string>; line: number }[] = [];
  if (bytes) {
    const issues: DataIssue[] = [];
    const table = readCsvBytes(bytes, rel, issues);
    if (table.header.length > 0) header = table.header;
    for (const r of table.records) rows.push({ values: r.values, line: r.line });
  }
  return { header, rows };
}

/** The content files the merge changed, with their new text. */
export function mergedFiles(batch: ImportBatch): { rel: string; text: string }[] {
  return [...batch.targets.values()].flatMap((t) => (t.text === undefined ? [] : [{ rel: t.rel, text: t.text }]));
}

/**
 * Set the data date of every year imported into (`manifest(year)` gives its manifest.json
 * text): returns the manifests that change, `${year}/manifest.json` → new text.
 */
export function setDataDate(batch: ImportBatch, manifest: (year: number) => string, dataDate: string): Map<string, string> {
  batch.outcome.dataDate = [];
  const changed = new Map<string, string>();
  for (const year of new Set([...batch.targets.values()].map((t) => t.year))) {
    const json = JSON.parse(manifest(year).replace(/^\uFEFF/, ''));
    if (json.data_date === dataDate) continue;
    batch.outcome.dataDate.push({ year, from: json.data_date, to: dataDate });
    json.data_date = dataDate;
    const text = `${JSON.stringify(json, null, 2)}\n`;
    batch.manifests.set(year, text);
    changed.set(`${year}/manifest.json`, text);
  }
  return changed;
}

/**
 * Step 3: the problems the core found in the merged copy (`contentName`: the copy's folder
 * name, the prefix of its issues' files), located on the form a row came from when it came
 * from one; others are named in the content folder `root`.
 */
export function locateIssues(batch: ImportBatch, issues: DataIssue[], contentName: string, root: string): void {
  const prefix = `${contentName}/`;
  for (const issue of issues) {
    const rel = issue.file.startsWith(prefix) ? issue.file.slice(prefix.length) : issue.file;
    const target = batch.targets.get(rel);
    const origin = target?.lineOrigin.get(issue.line);
    const form = origin && batch.formByFile.get(origin.file);
    if (origin && form) {
      const field = issue.field ?? '';
      const at = form.locate(origin.row, target?.side ? (FIELD_ON_FORM[target.side][field] ?? field) : field);
      batch.formErrors.push({
        file: origin.file,
        row: at.row,
        column: at.column,
        label: at.label ?? issue.field,
        value: issue.value,
        code: issue.code,
        message: issue.message,
        hint: issue.hint,
      });
    } else {
      const kind: FileKind = rel.includes('/actuals/')
        ? 'actuals'
        : rel.endsWith('indicator-plans.csv')
          ? 'indicator-plans'
          : rel.endsWith('plans.csv')
            ? 'plans'
            : 'reports';
      batch.coreErrors.push(
        `${formatIssue({ ...issue, file: path.join(root, rel) }, (f) => columnLabel(kind, f))}（合并后的内容）`,
      );
    }
  }
}

/** Step 4: every problem in file and row order, the summary per unit, and whether to write. */
export function finishImport(batch: ImportBatch): ImportOutcome {
  const { outcome } = batch;
  const seen = new Set<string>();
  const sorted = batch.formErrors.sort(
    (a, b) => a.file.localeCompare(b.file) || a.row - b.row || (a.column ?? 0) - (b.column ?? 0),
  );
  for (const e of sorted) {
    if (!batch.readErrors.has(e) && batch.problemCells.has(`${e.file}|${e.row}|${e.column}`)) continue;
    const line = formatFormError(e);
    if (!seen.has(line)) outcome.errors.push(line);
    seen.add(line);
  }
  outcome.errors.push(...batch.coreErrors);

  const byUnit = new Map<string, UnitSummary>();
  const tally = (unit: string) =>
    byUnit.get(unit) ?? byUnit.set(unit, { unit, added: 0, changed: 0, unchanged: 0, blank: 0 }).get(unit)!;
  for (const t of batch.targets.values()) {
    for (const r of t.merge?.added ?? []) tally(r.unit).added++;
    for (const c of t.merge?.changed ?? []) tally(c.incoming.unit).changed++;
    for (const r of t.merge?.unchanged ?? []) tally(r.unit).unchanged++;
  }
  for (const f of outcome.files) if (f.blank > 0) tally(batch.names.get(f.unit) ?? f.unit).blank += f.blank;
  outcome.summary = [...byUnit.values()];
  for (const s of outcome.summary) {
    outcome.totals.added += s.added;
    outcome.totals.changed += s.changed;
    outcome.totals.unchanged += s.unchanged;
    outcome.totals.blank += s.blank;
  }
  outcome.modified = [...mergedFiles(batch).map((f) => f.rel), ...[...batch.manifests.keys()].map((y) => `${y}/manifest.json`)];
  outcome.ok = outcome.errors.length === 0 && outcome.conflicts.length === 0;
  return outcome;
}
