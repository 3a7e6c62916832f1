/**
 * Reading a filled form back (the layout is office/forms/forms.ts, which builds the same grid):
 * its title, month, 填报单位 and 填报时间, the columns found by their headers (so an Excel copy
 * with shifted cells still reads), and the rows the department answered, each with the form row
 * of every value; an item's indicator rows (indicator-cells.ts) come with its row. Also the
 * content-format CSV some offices send instead. Pure: a grid in, rows and located problems out.
 */
import { issueOf, type Coded } from '../../src/core/errors/catalogue.ts';
import {
  ANSWER_FIELDS,
  CONTENT_FIELDS,
  FILED_LABEL,
  FOOTER,
  NOTES_LABEL,
  TITLE,
  UNIT_LABEL,
  formColumns,
  type FormColumn,
  type FormKind,
} from './forms.ts';
import { VALUE_FIELDS } from './indicator-cells.ts';

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

/** One indicator's row of an item on a form with the indicator block. */
export interface FormIndicatorRow {
  /** 1-based spreadsheet row. */
  row: number;
  /** The 指标 cell as written (its number names the indicator: indicator-cells.ts). */
  label: string;
  /** The value cells (`actual`, or `plan_q1` … `plan_q4`) as written, '' when empty. */
  values: Record<string, string>;
}

/** Where a content field of an imported row sits on the form. */
export interface FormRow {
  /** 1-based spreadsheet row. */
  row: number;
  /** Content-format values (`CONTENT_FIELDS[kind]`), already normalised. */
  values: Record<string, string>;
  /** The item's indicator rows, when the form has the indicator block (absent: the form says nothing of them). */
  indicators?: FormIndicatorRow[];
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

  const columns = formColumns(kind, true);
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
  const indexOf = (col: FormColumn) => (col.sub ? subHeader.indexOf(squash(col.sub)) : header.indexOf(squash(col.header)));
  // The indicator block is all there or not at all (a form issued without it reads as before).
  const hasBlock = columns.some((c) => c.indicator && indexOf(c) >= 0);
  let complete = true;
  for (const col of columns) {
    const index = indexOf(col);
    if (index >= 0) columnOf.set(col.field, index);
    else if (!col.indicator || hasBlock) {
      complete = false;
      errors.push(
        issueOf(
          'LS-FORM-007',
          { file, row: headerIndex + (col.sub ? 2 : 1), label: col.sub ?? col.header },
          { name: col.sub ?? col.header },
        ),
      );
    }
  }
  const dataStart = headerIndex + (columns.some((c) => c.sub && (!c.indicator || hasBlock)) ? 2 : 1);

  const unit = unitCell?.value ?? '';
  const filed = normaliseDate(filedCell?.value ?? '');
  const rows: FormRow[] = [];
  let blankRows = 0;
  if (complete) {
    const valueFields = hasBlock ? VALUE_FIELDS[kind] : [];
    let current: { row: number; cells: string[]; indicators: FormIndicatorRow[] } | undefined;
    const groups: NonNullable<typeof current>[] = [];
    for (let r = dataStart; r < grid.length; r++) {
      const cells = grid[r];
      const first = squash(cells.find((c) => c.trim() !== '') ?? '');
      if (first.startsWith(squash(FOOTER[0]).replace(/：$/, '')) || first.startsWith(squash(NOTES_LABEL).replace(/：$/, '')))
        break;
      if (cells.every((c) => c.trim() === '')) continue;
      const cell = (field: string) => cleanCell(cells[columnOf.get(field)!] ?? '');
      const indicator = hasBlock ? cell('indicator') : '';
      const own: FormIndicatorRow = {
        row: r + 1,
        label: indicator,
        values: Object.fromEntries(valueFields.map((f) => [f, cell(f)])),
      };
      // A row below an item with no 分解序号 of its own but an indicator: that item's next indicator.
      if (current && cell('item') === '' && indicator !== '') {
        current.indicators.push(own);
        continue;
      }
      current = { row: r + 1, cells, indicators: indicator !== '' || valueFields.some((f) => own.values[f] !== '') ? [own] : [] };
      groups.push(current);
    }
    for (const group of groups) {
      const cell = (field: string) => cleanCell(group.cells[columnOf.get(field)!] ?? '');
      const numbers = group.indicators.some((i) => valueFields.some((f) => i.values[f] !== ''));
      if (!numbers && !ANSWER_FIELDS[kind].some((f) => cell(f) !== '')) {
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
      rows.push(hasBlock ? { row: group.row, values, indicators: group.indicators } : { row: group.row, values });
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
