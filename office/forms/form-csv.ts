/**
 * A filled form saved as CSV (from Excel or WPS): its bytes decoded (UTF-8 with or without BOM,
 * else GB18030/GBK) and parsed into a grid of cell texts, record n = spreadsheet row n, with the
 * problems that stop it being read. Pure: office/forms/xlsx.ts reads the file (and .xlsx files).
 */
import { parse } from 'csv-parse/sync';
import { decodeUtf8, normaliseLineEnds, swallowedRows } from '../../src/core/content/csv.ts';
import { issueOf, type Coded } from '../../src/core/errors/catalogue.ts';

/** A problem with one cell, found while reading (row and column 1-based). */
export interface CellProblem extends Coded {
  row: number;
  column: number;
  value?: string;
}

export type CsvEncoding = 'UTF-8' | 'UTF-8（带 BOM）' | 'GB18030/GBK';

/** Decode CSV bytes as UTF-8 (with or without BOM), else GB18030 (a superset of GBK). */
export function decodeCsv(bytes: Uint8Array, file: string): { text: string; encoding: CsvEncoding } | { failure: Coded } {
  const utf8 = decodeUtf8(bytes, file);
  if (utf8.ok)
    return {
      text: utf8.text,
      encoding: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'UTF-8（带 BOM）' : 'UTF-8',
    };
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GB18030/GBK' };
  } catch {
    return { failure: utf8.issue };
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
    const known: Record<string, 'LS-FORM-013' | 'LS-FORM-014' | 'LS-FORM-015'> = {
      CSV_QUOTE_NOT_CLOSED: 'LS-FORM-013',
      INVALID_OPENING_QUOTE: 'LS-FORM-014',
      CSV_INVALID_CLOSING_QUOTE: 'LS-FORM-015',
    };
    const at = { row: err.lines ?? 0, column: 0 };
    const code = known[err.code ?? ''];
    problems.push(code ? issueOf(code, at) : issueOf('LS-FORM-016', at, { reason: err.code ?? 'CSV_ERROR' }));
    return { grid: [], problems };
  }
  // Every record kept, empty ones too, so record n is spreadsheet row n, as long as no cell spans lines.
  grid = grid.map((cells) => cells.map((c) => c.normalize('NFC')));
  const width = Math.max(0, ...grid.map((r) => r.length));
  grid.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (swallowedRows(cell, width)) problems.push(issueOf('LS-CSV-008', { row: r + 1, column: c + 1 }));
    });
  });
  return { grid, problems };
}
