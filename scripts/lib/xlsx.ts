/**
 * Spreadsheet I/O for the forms: render a FormSheet (src/core/forms.ts) as .xlsx with exceljs,
 * and read a filled .xlsx or .csv back into a grid of cell texts. Kept out of src/ so the site
 * never bundles exceljs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { decodeUtf8 } from '../../src/core/csv.ts';
import type { FormSheet } from '../../src/core/forms.ts';

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
    row.alignment = role === 'title' || role === 'subtitle' || role === 'header' ? { horizontal: 'center', vertical: 'middle', wrapText: true } : { vertical: 'top', wrapText: role === 'data' || role === 'notes' };
    if (role === 'title') row.height = 30;
    if (role === 'header' || role === 'data') {
      for (let c = 1; c <= sheet.columns.length; c++) row.getCell(c).border = BORDER;
    }
  });
  for (const [top, left, bottom, right] of sheet.merges) ws.mergeCells(top, left, bottom, right);
  // Pre-filled cells are shaded; drop-downs where the value is one of a few.
  for (let r = sheet.firstDataRow; r <= sheet.lastDataRow; r++) {
    sheet.columns.forEach((col, c) => {
      const cell = ws.getCell(r, c + 1);
      if (!col.input) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      if (col.options) {
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

/** A cell's value as the text a person sees. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs gives Excel's local date-time as a UTC instant.
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/** The first worksheet of an .xlsx as a grid (row r of the grid = spreadsheet row r+1). */
export async function readXlsxGrid(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets.find((w) => w.state !== 'hidden' && w.state !== 'veryHidden') ?? wb.worksheets[0];
  if (!ws) return [];
  const grid: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, ws.columnCount); c++) {
      const cell = row.getCell(c);
      // A merged cell repeats its master's value in exceljs; keep it only in the master.
      cells.push(cell.isMerged && cell.master.address !== cell.address ? '' : cellText(cell.value));
    }
    grid.push(cells);
  }
  return grid;
}

export type CsvEncoding = 'UTF-8' | 'UTF-8（带 BOM）' | 'GB18030/GBK';

/** Decode CSV bytes as UTF-8 (with or without BOM), else GB18030 (a superset of GBK). */
export function decodeCsv(bytes: Uint8Array, file: string): { text: string; encoding: CsvEncoding } | { error: string } {
  const utf8 = decodeUtf8(bytes, file);
  if (utf8.ok) return { text: utf8.text, encoding: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'UTF-8（带 BOM）' : 'UTF-8' };
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GB18030/GBK' };
  } catch {
    return { error: `${utf8.issue.message}。${utf8.issue.hint ?? ''}` };
  }
}

export function csvGrid(text: string): string[][] {
  // Every record kept, empty ones too, so record n is spreadsheet row n.
  return parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
}

export interface ReadGrid {
  grid?: string[][];
  encoding?: CsvEncoding | 'xlsx';
  error?: string;
}

/** Read an .xlsx or .csv form into a grid. */
export async function readGrid(file: string): Promise<ReadGrid> {
  const ext = path.extname(file).toLowerCase();
  try {
    if (ext === '.xlsx') return { grid: await readXlsxGrid(file), encoding: 'xlsx' };
    if (ext === '.csv') {
      const decoded = decodeCsv(readFileSync(file), file);
      if ('error' in decoded) return { error: decoded.error };
      return { grid: csvGrid(decoded.text), encoding: decoded.encoding };
    }
    if (ext === '.xls' || ext === '.et' || ext === '.wps') return { error: '不支持旧版 Excel/WPS 格式，请在 Excel 中“另存为”→“Excel 工作簿(*.xlsx)”后再导入' };
    return { error: '只能导入 .xlsx 或 .csv 文件' };
  } catch (error) {
    return { error: `无法读取文件：${(error as Error).message}` };
  }
}
