/**
 * Spreadsheet I/O for the forms: render a FormSheet (office/forms/forms.ts) as .xlsx with exceljs,
 * and read a filled .xlsx or .csv file back into a grid of cell texts (a CSV's bytes → grid is
 * office/forms/form-csv.ts). Kept out of src/ so the site never bundles exceljs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { csvGrid, decodeCsv, type CellProblem, type CsvEncoding } from './form-csv.ts';
import { issueOf, type Coded } from '../../src/core/errors/catalogue.ts';
import { fileKind } from '../file-kind.ts';
import type { FormSheet } from './forms.ts';
import type { FormError } from './form-read.ts';

const FONT = '宋体';
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** Build the workbook of one form. */
export function formWorkbook(sheet: FormSheet): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '落实';
  const ws = wb.addWorksheet(sheet.sheetName, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: sheet.firstDataRow - 1 }],
  });
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  sheet.grid.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((text, c) => {
      // Text cells throughout: no number or date guessing on the way out or back.
      const cell = row.getCell(c + 1);
      cell.value = text;
      cell.numFmt = '@';
    });
    const role = sheet.roles[r];
    row.font = { name: FONT, size: role === 'title' ? 16 : 11, bold: role === 'title' || role === 'header' };
    row.alignment =
      role === 'title' || role === 'subtitle' || role === 'header'
        ? { horizontal: 'center', vertical: 'middle', wrapText: true }
        : { vertical: 'top', wrapText: role === 'data' || role === 'notes' };
    if (role === 'title') row.height = 30;
    if (role === 'header' || role === 'data') {
      for (let c = 1; c <= sheet.columns.length; c++) row.getCell(c).border = BORDER;
    }
  });
  for (const [top, left, bottom, right] of sheet.merges) ws.mergeCells(top, left, bottom, right);
  // Pre-filled cells are shaded, and so are an indicator's value cells on a row without one;
  // drop-downs where the value is one of a few.
  const indicatorColumn = sheet.columns.findIndex((c) => c.field === 'indicator');
  for (let r = sheet.firstDataRow; r <= sheet.lastDataRow; r++) {
    const noIndicator = indicatorColumn >= 0 && sheet.grid[r - 1][indicatorColumn] === '';
    sheet.columns.forEach((col, c) => {
      const cell = ws.getCell(r, c + 1);
      if (!col.input || (col.indicator && noIndicator))
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      if (col.options && !(cell.isMerged && cell.master.address !== cell.address)) {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${col.options.join(',')}"`],
          showErrorMessage: true,
          errorTitle: '取值错误',
          error: `只能填：${col.options.join('、')}`,
        };
      }
    });
  }
  return wb;
}

export async function writeFormXlsx(sheet: FormSheet, file: string): Promise<void> {
  await formWorkbook(sheet).xlsx.writeFile(file);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `HYPERLINK("target", "text")` with literal arguments: the target and the text. */
function hyperlinkFormula(formula: string): { target: string; text?: string } | undefined {
  const m = /^\s*=?\s*HYPERLINK\s*\(\s*"((?:[^"]|"")*)"\s*(?:[,;]\s*"((?:[^"]|"")*)"\s*)?\)\s*$/i.exec(formula);
  if (!m) return undefined;
  return { target: m[1].replace(/""/g, '"'), text: m[2]?.replace(/""/g, '"') };
}

/** Link text and its target, both kept: `text（target）`, or the target alone when they are the same. */
function withTarget(text: string, target: string): string {
  return text === '' || text === target ? target : `${text}（${target}）`;
}

/**
 * A cell's value as the text a person sees, keeping what they meant: a hyperlink keeps its
 * target; a formula gives its cached result (what Excel shows), and a formula with no cached
 * result (a workbook written by a program and never opened in Excel) is a problem, not an empty cell.
 */
export function cellText(value: ExcelJS.CellValue, problem?: (p: Omit<CellProblem, 'row' | 'column'>) => void): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs gives Excel's local date-time as a UTC instant.
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const f = value as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      const formula = f.formula ?? f.sharedFormula ?? '';
      const result = f.result as ExcelJS.CellValue | undefined;
      const link = hyperlinkFormula(formula);
      const hasResult = result !== undefined && result !== null && !(typeof result === 'object' && 'error' in (result as object));
      if (/^\s*=?\s*HYPERLINK\s*\(/i.test(formula)) {
        if (!link) {
          problem?.(issueOf('LS-FORM-011', { value: `=${formula}` }));
          return '';
        }
        return withTarget(hasResult ? cellText(result) : (link.text ?? ''), link.target);
      }
      if (!hasResult) {
        problem?.(issueOf('LS-FORM-012', { value: `=${formula}` }));
        return '';
      }
      return cellText(result);
    }
    if ('hyperlink' in value) {
      const h = value as ExcelJS.CellHyperlinkValue;
      const text = typeof h.text === 'string' ? h.text : cellText(h.text as ExcelJS.CellValue);
      return h.hyperlink ? withTarget(text, h.hyperlink) : text;
    }
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

export interface SheetGrid {
  name: string;
  hidden: boolean;
  grid: string[][];
  problems: CellProblem[];
}

/** Every worksheet of an .xlsx as a grid (row r of the grid = spreadsheet row r+1), NFC text. */
export async function readXlsxSheets(file: string | Buffer): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  if (typeof file === 'string') await wb.xlsx.readFile(file);
  else await wb.xlsx.load(file as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const grid: string[][] = [];
    const problems: CellProblem[] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, ws.columnCount); c++) {
        const cell = row.getCell(c);
        // A merged cell repeats its master's value in exceljs; keep it only in the master.
        const text =
          cell.isMerged && cell.master.address !== cell.address
            ? ''
            : cellText(cell.value, (p) => problems.push({ row: r, column: c, ...p }));
        cells.push(text.normalize('NFC'));
      }
      grid.push(cells);
    }
    return { name: ws.name, hidden: ws.state === 'hidden' || ws.state === 'veryHidden', grid, problems };
  });
}

/** The first visible worksheet of an .xlsx as a grid. */
export async function readXlsxGrid(file: string): Promise<string[][]> {
  const sheets = await readXlsxSheets(file);
  return (sheets.find((s) => !s.hidden) ?? sheets[0])?.grid ?? [];
}

export interface ReadGrid {
  grid?: string[][];
  /** The worksheet the grid came from (.xlsx). */
  sheet?: string;
  encoding?: CsvEncoding | 'xlsx';
  /** Why the file gave no grid. */
  failure?: Coded;
  /** Cells that could not be read as they were meant; nothing from the file is imported then. */
  problems?: CellProblem[];
}

const isBlank = (grid: string[][]) => grid.every((cells) => cells.every((c) => c.trim() === ''));

/**
 * Read an .xlsx or .csv form into a grid. A workbook gives the one worksheet that has content
 * (whichever position it is in); several with content are refused, naming them, rather than
 * importing the wrong one or nothing.
 */
export async function readGrid(file: string): Promise<ReadGrid> {
  const ext = path.extname(file).toLowerCase();
  try {
    if (ext === '.csv') {
      const decoded = decodeCsv(readFileSync(file), file);
      if ('failure' in decoded) return { failure: decoded.failure };
      const { grid, problems } = csvGrid(decoded.text);
      return { grid, encoding: decoded.encoding, problems };
    }
    // What the file is, by its bytes: a renamed .xls or .ods is named for what it is, with what to do.
    const bytes = readFileSync(file);
    const kind = fileKind(bytes);
    if (kind === 'legacy-office') return { failure: issueOf('LS-FORM-019', {}) };
    if (kind === 'opendocument') return { failure: issueOf('LS-FORM-028', {}) };
    if (kind !== 'xlsx') {
      if (ext !== '.xlsx') return { failure: issueOf('LS-FORM-020', {}) };
      return { failure: issueOf(kind === 'other' ? 'LS-FORM-029' : 'LS-FORM-030', {}) };
    }
    const all = await readXlsxSheets(bytes);
    const sheets = all.filter((s) => !isBlank(s.grid));
    if (sheets.length === 0) return { failure: issueOf('LS-FORM-017', {}) };
    if (sheets.length > 1) {
      const names = sheets.map((s) => `“${s.name}”${s.hidden ? '（隐藏）' : ''}`).join('、');
      return { failure: issueOf('LS-FORM-018', {}, { count: sheets.length, names }) };
    }
    // Messages name the worksheet when the workbook has more than one.
    return {
      grid: sheets[0].grid,
      sheet: all.length > 1 ? sheets[0].name : undefined,
      encoding: 'xlsx',
      problems: sheets[0].problems,
    };
  } catch (error) {
    return { failure: issueOf('LS-FORM-021', {}, { detail: (error as Error).message }) };
  }
}

/** Reading problems as form errors, each naming the worksheet (for a workbook) and the cell. */
export function readProblems(file: string, read: ReadGrid): FormError[] {
  const where = read.sheet ? `${file}（工作表“${read.sheet}”）` : file;
  return (read.problems ?? []).map((p) => ({
    file: where,
    row: p.row,
    column: p.column || undefined,
    value: p.value,
    code: p.code,
    message: p.message,
    hint: p.hint,
  }));
}
