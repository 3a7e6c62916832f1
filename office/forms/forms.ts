/**
 * The paper forms of the notice, as spreadsheets: 附件3 (工作任务落实计划表) and 附件4
 * (主要工作任务落实情况表). One module describes the layout (title, header fields, columns in
 * order, footer) and both builds a form as a grid of cells and reads a filled grid back, so the
 * writer and the reader cannot drift apart. Pure: no file or Excel I/O (see office/forms/xlsx.ts).
 *
 * A grid is rows of cell texts; row r of the grid is row r+1 of the spreadsheet (and record r+1
 * of a CSV saved from it), which is the row number every message refers to.
 */
import type { Dataset, Item, Plan, Report, YearData } from '../../src/core/model/types.ts';
import { monthNumber, quarterOf } from '../../src/core/model/calendar.ts';
import { issueOf, type Coded } from '../../src/core/errors/catalogue.ts';
import { UsageError, coded } from '../../src/core/errors/errors.ts';
import { EVALUATIONS, YES_NO } from '../../src/core/content/schema.ts';
import { completedBefore, itemsLedBy } from '../../src/core/model/stats.ts';

export type FormKind = 'report' | 'plan';

export interface FormColumn {
  /** Content column (plans.csv / reports csv), or `text` for the item's text shown for reference. */
  field: string;
  /** Header text, exactly as on the form. */
  header: string;
  /** Second header row (the plan's quarters under 季度目标及月份推进计划). */
  sub?: string;
  /** Column width in characters. */
  width: number;
  /** Filled in by the department (false: pre-filled reference, not imported). */
  input: boolean;
  /** Allowed values (a drop-down in Excel). */
  options?: readonly string[];
}

/** 附件4, the columns in the notice's order, then the two the published record also needs. */
export const REPORT_COLUMNS: readonly FormColumn[] = [
  { field: 'item', header: '分解序号', width: 8, input: false },
  { field: 'text', header: '主要任务', width: 36, input: false },
  { field: 'target', header: '季度计划完成目标', width: 28, input: true },
  { field: 'progress', header: '完成情况', width: 36, input: true },
  { field: 'problems', header: '存在问题', width: 24, input: true },
  { field: 'next_steps', header: '下一步计划', width: 28, input: true },
  { field: 'evaluation', header: '评价（完成、未完成）', width: 12, input: true, options: EVALUATIONS },
  { field: 'item_complete', header: '是否全部完成（是、否）', width: 12, input: true, options: YES_NO },
  { field: 'note', header: '说明', width: 20, input: true },
];

/** 附件3. */
export const PLAN_COLUMNS: readonly FormColumn[] = [
  { field: 'item', header: '分解序号', width: 8, input: false },
  { field: 'text', header: '主要工作目标任务', width: 36, input: false },
  { field: 'q1', header: '季度目标及月份推进计划', sub: '一季度', width: 24, input: true },
  { field: 'q2', header: '季度目标及月份推进计划', sub: '二季度', width: 24, input: true },
  { field: 'q3', header: '季度目标及月份推进计划', sub: '三季度', width: 24, input: true },
  { field: 'q4', header: '季度目标及月份推进计划', sub: '四季度', width: 24, input: true },
  { field: 'principal', header: '主要负责人', width: 10, input: true },
  { field: 'deputy', header: '分管负责人', width: 10, input: true },
  { field: 'note', header: '备注', width: 16, input: true },
];

export function formColumns(kind: FormKind): readonly FormColumn[] {
  return kind === 'report' ? REPORT_COLUMNS : PLAN_COLUMNS;
}

/** Fields whose being non-empty means the department answered the row (pre-filled ones excluded). */
const ANSWER_FIELDS: Record<FormKind, string[]> = {
  report: ['progress', 'problems', 'next_steps', 'evaluation', 'note'],
  plan: ['q1', 'q2', 'q3', 'q4', 'principal', 'deputy', 'note'],
};

/** Content columns of the rows a form yields, in the content file's canonical order. */
export const CONTENT_FIELDS: Record<FormKind, string[]> = {
  report: [
    'item',
    'month',
    'unit',
    'target',
    'progress',
    'problems',
    'next_steps',
    'evaluation',
    'item_complete',
    'filed',
    'note',
  ],
  plan: ['item', 'unit', 'q1', 'q2', 'q3', 'q4', 'principal', 'deputy', 'note', 'filed'],
};

export const TITLE: Record<FormKind, string> = { report: '主要工作任务落实情况表', plan: '工作任务落实计划表' };
export const ANNEX: Record<FormKind, string> = { report: '附件4', plan: '附件3' };
const UNIT_LABEL = '填报单位：';
const FILED_LABEL = '填报时间：';
const FOOTER = ['填报人：', '联系电话：', '负责人签字：'];
const NOTES_LABEL = '填表说明：';

const NOTES: Record<FormKind, string[]> = {
  report: [
    '1. 请勿修改分解序号、主要任务和表头；本单位牵头的事项已列出，未开展的事项可留空（留空的行不导入）。',
    '2. 评价填“完成”或“未完成”（是否完成本季度计划的序时目标）；是否全部完成填“是”或“否”。',
    '3. 已报全部完成的事项如又报未全部完成，须在“说明”中写明原因。填报时间写作 2020-08-05。',
    '4. 请直接保存为 .xlsx 报送；如需另存为 CSV，请选择“CSV UTF-8（逗号分隔）”（GBK 编码的 CSV 也可导入）。',
  ],
  plan: [
    '1. 请勿修改分解序号、主要工作目标任务和表头；本单位牵头的事项已列出，每项须填写四个季度的目标及月份推进计划。',
    '2. 主要负责人、分管负责人必填，填报时间写作 2020-02-21。',
    '3. 请直接保存为 .xlsx 报送；如需另存为 CSV，请选择“CSV UTF-8（逗号分隔）”（GBK 编码的 CSV 也可导入）。',
  ],
};

/** A cell range to merge, 1-based inclusive: [top, left, bottom, right]. */
export type Merge = [number, number, number, number];

export type RowRole = 'title' | 'subtitle' | 'fields' | 'header' | 'data' | 'blank' | 'footer' | 'notes';

export interface FormSheet {
  kind: FormKind;
  year: number;
  month?: string;
  unit: { id: string; name: string };
  /** Suggested file name (without directory). */
  fileName: string;
  sheetName: string;
  columns: readonly FormColumn[];
  grid: string[][];
  roles: RowRole[];
  merges: Merge[];
  /** 1-based rows of the data area. */
  firstDataRow: number;
  lastDataRow: number;
  /** 1-based [row, column] of the cells the department fills in the header. */
  filedCell: [number, number];
}

function reportCells(
  item: Item,
  month: string,
  plan: Plan | undefined,
  existing: Report | undefined,
  completed: boolean,
): Record<string, string> {
  if (existing) {
    return {
      item: item.key,
      text: item.text,
      target: existing.target,
      progress: existing.progress,
      problems: existing.problems,
      next_steps: existing.nextSteps,
      evaluation: existing.evaluation,
      item_complete: existing.itemComplete ? '是' : '否',
      note: existing.note,
    };
  }
  return {
    item: item.key,
    text: item.text,
    target: plan?.quarters[quarterOf(month)] ?? '',
    item_complete: completed ? '是' : '否',
  };
}

function planCells(item: Item, plan: Plan | undefined): Record<string, string> {
  if (!plan) return { item: item.key, text: item.text };
  const [q1, q2, q3, q4] = plan.quarters;
  return { item: item.key, text: item.text, q1, q2, q3, q4, principal: plan.principal, deputy: plan.deputy, note: plan.note };
}

/** The office's error for a unit that is not in units.csv, with an id that is. */
export function unknownUnit(dataset: Dataset, unit: string): UsageError {
  return coded(UsageError, 'LS-CLI-025', { unit, example: dataset.units[0]?.id ?? 'fagaiju' });
}

/**
 * Build one department's form. Pre-filled: the unit, the items it leads with their text, and
 * for 附件4 the quarter's target from the unit's plan. Rows already in the content (a plan, or
 * this month's report) are pre-filled with what was filed, so a re-issued form round-trips.
 */
export function buildForm(dataset: Dataset, year: YearData, unitId: string, kind: FormKind, month?: string): FormSheet {
  const unit = dataset.unitById.get(unitId);
  if (!unit) throw unknownUnit(dataset, unitId);
  if (kind === 'report' && (!month || !month.startsWith(`${year.year}-`)))
    throw coded(UsageError, 'LS-FORM-031', { month: month ?? '', year: year.year });
  const columns = formColumns(kind);
  const width = columns.length;
  const empty = () => Array.from({ length: width }, () => '');
  const grid: string[][] = [];
  const roles: RowRole[] = [];
  const merges: Merge[] = [];
  const push = (role: RowRole, cells: string[]) => {
    grid.push(cells);
    roles.push(role);
    return grid.length;
  };

  const title = empty();
  title[0] = `${year.year}年${TITLE[kind]}`;
  merges.push([push('title', title), 1, grid.length, width]);
  if (kind === 'report') {
    const sub = empty();
    sub[0] = `（${monthNumber(month!)}月）`;
    merges.push([push('subtitle', sub), 1, grid.length, width]);
  }
  const fields = empty();
  fields[0] = `${UNIT_LABEL}${unit.name}`;
  fields[width - 3] = FILED_LABEL;
  const fieldsRow = push('fields', fields);
  merges.push([fieldsRow, 1, fieldsRow, width - 4], [fieldsRow, width - 1, fieldsRow, width]);

  const header = columns.map((c) => c.header);
  const headerRow = push('header', header);
  if (columns.some((c) => c.sub)) {
    const subRow = push(
      'header',
      columns.map((c) => c.sub ?? ''),
    );
    columns.forEach((c, i) => {
      if (!c.sub) merges.push([headerRow, i + 1, subRow, i + 1]);
    });
    const first = columns.findIndex((c) => c.sub);
    const last = columns.length - 1 - [...columns].reverse().findIndex((c) => c.sub);
    merges.push([headerRow, first + 1, headerRow, last + 1]);
  }

  const firstDataRow = grid.length + 1;
  for (const item of itemsLedBy(year, unitId)) {
    const cells =
      kind === 'report'
        ? reportCells(
            item,
            month!,
            year.planByItem.get(item.key),
            year.reportsByItem.get(item.key)?.find((r) => r.month === month),
            completedBefore(year, item.key, month!),
          )
        : planCells(item, year.planByItem.get(item.key));
    push(
      'data',
      columns.map((c) => cells[c.field] ?? ''),
    );
  }
  const lastDataRow = grid.length;

  push('blank', empty());
  const footer = empty();
  const step = Math.floor(width / FOOTER.length);
  FOOTER.forEach((label, i) => {
    footer[i * step] = label;
  });
  push('footer', footer);
  push('blank', empty());
  for (const [i, line] of NOTES[kind].entries()) {
    const row = empty();
    row[0] = i === 0 ? `${NOTES_LABEL}${line}` : line;
    merges.push([push('notes', row), 1, grid.length, width]);
  }

  const tag = kind === 'report' ? month! : String(year.year);
  return {
    kind,
    year: year.year,
    month,
    unit: { id: unit.id, name: unit.name },
    fileName: `${ANNEX[kind]}_${tag}_${unit.name}.xlsx`,
    sheetName: ANNEX[kind],
    columns,
    grid,
    roles,
    merges,
    firstDataRow,
    lastDataRow,
    filedCell: [fieldsRow, width - 1],
  };
}

// ---------------------------------------------------------------------------------------------
// Reading a filled form
// ---------------------------------------------------------------------------------------------

/** A problem with a form, located by the form's own row (and column) numbers; code, message and hint from the catalogue. */
export interface FormError extends Coded {
  file: string;
  /** 1-based spreadsheet row; 0 for the whole file. */
  row: number;
  /** 1-based column. */
  column?: number;
  /** The column's header on the form (or the header field's label). */
  label?: string;
  value?: string;
}

/** Where a content field of an imported row sits on the form. */
export interface FormRow {
  /** 1-based spreadsheet row. */
  row: number;
  /** Content-format values (`CONTENT_FIELDS[kind]`), already normalised. */
  values: Record<string, string>;
}

export interface ParsedForm {
  file: string;
  kind: FormKind;
  year: number;
  month?: string;
  unit: string;
  filed: string;
  /** Rows the department answered; blank rows are counted in `blankRows`. */
  rows: FormRow[];
  blankRows: number;
  /** Locate a content field of a row on the form (header fields point at the header cell). */
  locate(row: number, field: string): { row: number; column?: number; label?: string };
  errors: FormError[];
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** `A`, `B`, … `AA` for messages. */
export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A cell as the reader sees it: CRLF folded, surrounding blanks (invisible in Excel) removed. */
export function cleanCell(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

/** Dates as people type them in Excel: 2020-08-05, 2020/8/5, 2020.8.5, 2020年8月5日. Unrecognised text is returned unchanged for the core to reject. */
export function normaliseDate(value: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : value.trim();
}

/** The value after `label` in its own cell, or in the next non-empty cell of the row. */
function labelledValue(grid: string[][], label: string): { value: string; row: number; column: number } | undefined {
  const key = squash(label).replace(/：$/, '');
  for (const [r, cells] of grid.entries()) {
    for (const [c, cell] of cells.entries()) {
      const text = squash(cell);
      if (!text.startsWith(key)) continue;
      const rest = text.slice(key.length).replace(/^[:：]/, '');
      if (rest) return { value: cleanCell(cell.replace(/^[^:：]*[:：]/, '')), row: r + 1, column: c + 1 };
      const next = cells.findIndex((v, i) => i > c && cleanCell(v) !== '');
      // The next filled cell belongs to this label unless it is another label.
      if (next > 0 && !/[:：]\s*$/.test(cells[next])) return { value: cleanCell(cells[next]), row: r + 1, column: next + 1 };
      return { value: '', row: r + 1, column: c + 2 };
    }
  }
  return undefined;
}

/** Form columns whose header appears twice: [header, first column, second column] (1-based). */
function duplicateHeaders(header: string[], subHeader: string[], columns: readonly FormColumn[]): [string, number, number][] {
  const found: [string, number, number][] = [];
  for (const col of columns) {
    const row = col.sub ? subHeader : header;
    const name = squash(col.sub ?? col.header);
    const first = row.indexOf(name);
    const second = first < 0 ? -1 : row.indexOf(name, first + 1);
    if (second >= 0 && !found.some((f) => f[0] === (col.sub ?? col.header)))
      found.push([col.sub ?? col.header, first + 1, second + 1]);
  }
  return found;
}

/** Read a filled form from its grid (from an .xlsx sheet or a CSV saved from it). */
export function parseFormGrid(grid: string[][], file: string): ParsedForm {
  const errors: FormError[] = [];
  const fail = (error: FormError): ParsedForm => {
    errors.push(error);
    return { file, kind: 'report', year: 0, unit: '', filed: '', rows: [], blankRows: 0, locate: (row) => ({ row }), errors };
  };
  let kind: FormKind | undefined;
  let year = 0;
  let titleRow = 0;
  for (const [r, cells] of grid.entries()) {
    const text = squash(cells.join(''));
    const m = /(\d{4})年(主要工作任务落实情况表|工作任务落实计划表)/.exec(text);
    if (m) {
      kind = m[2] === TITLE.report ? 'report' : 'plan';
      year = Number(m[1]);
      titleRow = r + 1;
      break;
    }
  }
  if (!kind) return fail(issueOf('LS-FORM-001', { file, row: 0 }));

  let month: string | undefined;
  let monthRow = titleRow;
  if (kind === 'report') {
    for (const [r, cells] of grid.entries()) {
      const m = /[（(](\d{1,2})月[)）]/.exec(squash(cells.join('')));
      if (m) {
        const n = Number(m[1]);
        monthRow = r + 1;
        if (n >= 1 && n <= 12) month = `${year}-${String(n).padStart(2, '0')}`;
        break;
      }
    }
    if (!month) errors.push(issueOf('LS-FORM-002', { file, row: monthRow }));
  }

  const unitCell = labelledValue(grid, UNIT_LABEL);
  const filedCell = labelledValue(grid, FILED_LABEL);
  if (!unitCell || unitCell.value === '')
    errors.push(issueOf('LS-FORM-003', { file, row: unitCell?.row ?? titleRow + 1, label: '填报单位' }));
  if (!filedCell || filedCell.value === '')
    errors.push(
      issueOf('LS-FORM-004', { file, row: filedCell?.row ?? titleRow + 1, column: filedCell?.column, label: '填报时间' }),
    );

  const columns = formColumns(kind);
  const headerIndex = grid.findIndex((cells) => squash(cells.find((c) => c.trim() !== '') ?? '') === squash(columns[0].header));
  if (headerIndex < 0) return fail(issueOf('LS-FORM-005', { file, row: 0 }, { first: columns[0].header }));
  const header = grid[headerIndex].map(squash);
  const subHeader = (grid[headerIndex + 1] ?? []).map(squash);
  for (const [name, first, second] of duplicateHeaders(header, subHeader, columns)) {
    errors.push(
      issueOf(
        'LS-FORM-006',
        { file, row: headerIndex + 1, column: second, label: name },
        { name, first: columnLetter(first), second: columnLetter(second) },
      ),
    );
  }
  const columnOf = new Map<string, number>();
  for (const col of columns) {
    const index = col.sub ? subHeader.indexOf(squash(col.sub)) : header.indexOf(squash(col.header));
    if (index < 0)
      errors.push(
        issueOf(
          'LS-FORM-007',
          { file, row: headerIndex + (col.sub ? 2 : 1), label: col.sub ?? col.header },
          { name: col.sub ?? col.header },
        ),
      );
    else columnOf.set(col.field, index);
  }
  const dataStart = headerIndex + (columns.some((c) => c.sub) ? 2 : 1);

  const unit = unitCell?.value ?? '';
  const filed = normaliseDate(filedCell?.value ?? '');
  const rows: FormRow[] = [];
  let blankRows = 0;
  if (columnOf.size === columns.length) {
    for (let r = dataStart; r < grid.length; r++) {
      const cells = grid[r];
      const first = squash(cells.find((c) => c.trim() !== '') ?? '');
      if (first.startsWith(squash(FOOTER[0]).replace(/：$/, '')) || first.startsWith(squash(NOTES_LABEL).replace(/：$/, '')))
        break;
      if (cells.every((c) => c.trim() === '')) continue;
      const cell = (field: string) => cleanCell(cells[columnOf.get(field)!] ?? '');
      if (!ANSWER_FIELDS[kind].some((f) => cell(f) !== '')) {
        blankRows++;
        continue;
      }
      const values: Record<string, string> = {};
      for (const field of CONTENT_FIELDS[kind]) {
        if (field === 'unit') values.unit = unit;
        else if (field === 'filed') values.filed = filed;
        else if (field === 'month') values.month = month ?? '';
        else values[field] = cell(field);
      }
      rows.push({ row: r + 1, values });
    }
  }
  const locate = (row: number, field: string) => {
    if (field === 'unit') return { row: unitCell?.row ?? row, column: unitCell?.column, label: '填报单位' };
    if (field === 'filed') return { row: filedCell?.row ?? row, column: filedCell?.column, label: '填报时间' };
    if (field === 'month') return { row: monthRow, label: '月份' };
    const index = columnOf.get(field);
    const col = columns.find((c) => c.field === field);
    return { row, column: index === undefined ? undefined : index + 1, label: col ? (col.sub ?? col.header) : undefined };
  };
  return { file, kind, year, month, unit, filed, rows, blankRows, locate, errors };
}

/** Content-format CSV (header `item,month,unit,…`): accepted too, row numbers are its records. */
export function parseContentGrid(grid: string[][], file: string): ParsedForm | undefined {
  const header = (grid[0] ?? []).map((h) => h.trim());
  const kind: FormKind | undefined = header.includes('progress') ? 'report' : header.includes('q1') ? 'plan' : undefined;
  if (!kind || !header.includes('item')) return undefined;
  const errors: FormError[] = [];
  header.forEach((name, i) => {
    const first = header.indexOf(name);
    if (name !== '' && first < i)
      errors.push(
        issueOf(
          'LS-FORM-008',
          { file, row: 1, column: i + 1, label: name },
          { name, first: columnLetter(first + 1), second: columnLetter(i + 1) },
        ),
      );
  });
  if (errors.length > 0)
    return {
      file,
      kind,
      year: 0,
      unit: '',
      filed: '',
      rows: [],
      blankRows: 0,
      locate: (row) => ({ row }),
      errors: errors.map((e) => ({ ...e })).concat([issueOf('LS-FORM-009', { file, row: 0 })]),
    };
  for (const field of CONTENT_FIELDS[kind]) {
    if (!header.includes(field))
      errors.push(
        issueOf('LS-FORM-010', { file, row: 1, label: field }, { name: field, header: CONTENT_FIELDS[kind].join(',') }),
      );
  }
  const rows: FormRow[] = [];
  for (let r = 1; r < grid.length; r++) {
    if (grid[r].every((c) => c.trim() === '')) continue;
    const values: Record<string, string> = {};
    for (const field of CONTENT_FIELDS[kind]) {
      const v = cleanCell(grid[r][header.indexOf(field)] ?? '');
      values[field] = field === 'filed' ? normaliseDate(v) : v;
    }
    rows.push({ row: r + 1, values });
  }
  const years = new Set(rows.map((r) => (kind === 'report' ? r.values.month : r.values.filed).slice(0, 4)));
  const year = Number([...years][0] ?? 0);
  const locate = (row: number, field: string) => {
    const i = header.indexOf(field);
    return { row, column: i >= 0 ? i + 1 : undefined, label: field };
  };
  return {
    file,
    kind,
    year,
    month: kind === 'report' ? rows[0]?.values.month : undefined,
    unit: rows[0]?.values.unit ?? '',
    filed: '',
    rows,
    blankRows: 0,
    locate,
    errors,
  };
}

export function formatFormError(e: FormError): string {
  const where = [`${e.file}`];
  if (e.row > 0) where.push(`第 ${e.row} 行`);
  if (e.column) where.push(`${columnLetter(e.column)} 列`);
  const parts = [where.join(' '), `[${e.code}]`];
  if (e.label) parts.push(`（${e.label}）`);
  if (e.value !== undefined && e.value !== '') parts.push(`「${e.value}」`);
  parts.push(e.message);
  if (e.hint) parts.push(`提示：${e.hint}`);
  return parts.join('  ');
}
