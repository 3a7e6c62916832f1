/**
 * Reading a notice's tables from a file into grids for office/notices/notice-import.ts: .xlsx (one
 * table per sheet, exceljs), .docx (mammoth converts to HTML and keeps the tables), a PDF with
 * a text layer (pdf.ts), or the extracted text. Kept out of src/ so the site never bundles exceljs or mammoth.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { decodeUtf8 } from '../../src/core/content/csv.ts';
import type { Grid } from './grid.ts';
import { htmlGrids } from './html-tables.ts';
import { pdfLines, readPdf } from './pdf.ts';
import { textGrids } from './text-tables.ts';
import { paragraphGrid } from './paragraphs.ts';
import { LuoshiError, coded } from '../../src/core/errors/errors.ts';
import { fileKind } from '../file-kind.ts';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return value.result === undefined || value.result === null ? '' : String(value.result);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

export async function xlsxGrids(bytes: Buffer): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: Grid['rows'] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        // A merged cell's copies are empty, as in the notice: the value above or to the left holds.
        cells.push(cell.isMerged && cell.master !== cell ? '' : cellText(cell.value).replace(/\r\n?/g, '\n'));
      }
      rows.push({ line, cells });
    });
    return { source: `工作表「${ws.name}」`, title: '', rows };
  });
}

export interface ReadNotice {
  grids: Grid[];
  /** The notice's plain text, when the file has it (text, .docx): kept as the year's notice.txt. */
  text?: string;
  /** Which front end read it (tables, or numbered paragraphs), for the review list. */
  reader: string;
}

/**
 * A text with no decomposition table (no table has a numbered row) but numbered paragraphs goes
 * through the paragraph interpreter (paragraphs.ts); its lines are those of the saved notice.txt.
 */
function tablesOrParagraphs(grids: Grid[], text: string, tables: string): ReadNotice {
  const numbered = grids.some((g) => g.rows.some((r) => r.cells.some((c) => /^\d+$/.test(c.trim()))));
  const paragraphs = numbered ? undefined : paragraphGrid(text).grid;
  if (paragraphs)
    return { grids: [paragraphs], text, reader: '编号段落（正文中无任务分解表，按“1.……（牵头单位、责任单位）”的段落读取）' };
  return { grids, text, reader: tables };
}

export async function readNotice(file: string): Promise<ReadNotice> {
  const bytes = readFileSync(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt' || ext === '') {
    const decoded = decodeUtf8(bytes, file);
    if (!decoded.ok) {
      const { code, message, hint } = decoded.issue;
      throw new LuoshiError(`[${code}] ${file}：${message}${hint ? `  提示：${hint}` : ''}`, { code });
    }
    const text = decoded.text.replace(/\r\n?/g, '\n');
    return tablesOrParagraphs(textGrids(text), text, '文本中的表格（每格一行）');
  }
  // A PDF's tables, rebuilt from the positions of its text (pdf.ts); a PDF with no decomposition
  // table is read as numbered paragraphs from its lines in reading order.
  if (ext === '.pdf') {
    const pdf = await readPdf(bytes, file);
    if (pdf.grids.length > 0) return { ...pdf, reader: 'PDF 中的表格（按框线分出行列）' };
    return tablesOrParagraphs([], (await pdfLines(bytes, file)).join('\n'), 'PDF 中的表格');
  }
  const wanted = WANTED[ext];
  if (!wanted) throw coded(LuoshiError, 'LS-NTC-019', { ext, file });
  // What the file is, by its bytes: an old .doc or .xls (renamed or not) is named for what it is.
  const kind = fileKind(bytes);
  if (kind === 'legacy-office') throw coded(LuoshiError, 'LS-NTC-016', { file });
  if (kind === 'opendocument') throw coded(LuoshiError, 'LS-NTC-017', { file });
  if (kind !== wanted) throw coded(LuoshiError, 'LS-NTC-018', { file });
  if (kind === 'xlsx') return { grids: await xlsxGrids(bytes), reader: 'Excel 表格（每张工作表一张表）' };
  const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  const text = (await mammoth.extractRawText({ buffer: bytes })).value;
  return tablesOrParagraphs(htmlGrids(html), text, 'Word 文档中的表格');
}

/** The kind of file each name the notice may have must really be (an old format by its name is refused by its bytes). */
const WANTED: Record<string, 'xlsx' | 'docx' | undefined> = {
  '.xlsx': 'xlsx',
  '.docx': 'docx',
  '.xls': 'xlsx',
  '.et': 'xlsx',
  '.ods': 'xlsx',
  '.doc': 'docx',
  '.wps': 'docx',
  '.odt': 'docx',
};
