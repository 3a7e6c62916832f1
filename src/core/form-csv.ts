/**
 * A filled form saved as CSV (from Excel or WPS): its bytes decoded (UTF-8 with or without BOM,
 * else GB18030/GBK) and parsed into a grid of cell texts, record n = spreadsheet row n, with the
 * problems that stop it being read. Pure: scripts/lib/xlsx.ts reads the file (and .xlsx files).
 */
import { parse } from 'csv-parse/sync';
import { decodeUtf8, normaliseLineEnds, SWALLOWED_HINT, swallowedRows } from './csv.ts';

/** A problem with one cell, found while reading (row and column 1-based). */
export interface CellProblem {
  row: number;
  column: number;
  value?: string;
  message: string;
  hint?: string;
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

/** A CSV form as a grid (record n = spreadsheet row n), or the problem that stops it being read. */
export function csvGrid(text: string): { grid: string[][]; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  let grid: string[][];
  try {
    // Strict quotes: Excel always doubles a quote inside a cell, so a lone one is a mistake,
    // and reading on would swallow the following rows into one cell.
    grid = parse(normaliseLineEnds(text), { relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const err = error as { lines?: number; code?: string; column?: number };
    const what: Record<string, string> = {
      CSV_QUOTE_NOT_CLOSED: '读到文件末尾，英文双引号（"）仍不成对：从前面某一格开始的引号没有结束',
      INVALID_OPENING_QUOTE: '本行有一个单元格中间出现了英文双引号（"），而这一格没有整体用双引号括起',
      CSV_INVALID_CLOSING_QUOTE: '本行的英文双引号（"）结束后紧跟着其他文字：多半是前面某一格的引号不成对，把几行读成了一格',
    };
    problems.push({ row: err.lines ?? 0, column: 0, message: `CSV 格式错误，文件未导入：${what[err.code ?? ''] ?? `无法解析（${err.code ?? 'CSV_ERROR'}）`}`, hint: SWALLOWED_HINT });
    return { grid: [], problems };
  }
  // Every record kept, empty ones too, so record n is spreadsheet row n, as long as no cell spans lines.
  grid = grid.map((cells) => cells.map((c) => c.normalize('NFC')));
  const width = Math.max(0, ...grid.map((r) => r.length));
  grid.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (swallowedRows(cell, width)) problems.push({ row: r + 1, column: c + 1, message: '单元格跨了多行，且含有整行数据，像是吞并了后面的行', hint: SWALLOWED_HINT });
    });
  });
  return { grid, problems };
}
