/**
 * Reading CSV files as the office produces them: UTF-8 with or without BOM, LF or CRLF.
 * Files in GBK/GB18030 (what Excel writes on Chinese Windows) or UTF-16 are recognised and
 * reported with the command that converts them, never guessed at silently.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { issueOf } from '../errors/catalogue.ts';
import type { DataIssue } from '../errors/issues.ts';

export interface CsvRecord {
  /** 1-based line where the record starts (records may span lines inside quotes). */
  line: number;
  /** Values by header name, as written (no trimming: stray spaces are reported, not hidden). */
  values: Record<string, string>;
}

export interface CsvTable {
  file: string;
  header: string[];
  records: CsvRecord[];
  /** Data rows found in the file, including malformed ones that are not in `records`. */
  rowCount: number;
}

/** `bytes` is the UTF-8 body without its BOM: csv-parse reads bytes much faster than strings. */
export type DecodeResult = { ok: true; text: string; bytes: Uint8Array } | { ok: false; issue: DataIssue };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Offset of the first byte that cannot start valid UTF-8, for the message's line number.
 * Binary search over prefixes decoded in streaming mode (an incomplete sequence at the end of
 * a prefix is not an error there, so "this prefix is valid" only turns false once): about
 * log2(n) decodes, each linear, instead of one decode per byte, which took minutes on a large file.
 */
export function firstInvalidUtf8(body: Uint8Array): number {
  const validPrefix = (end: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0; // validPrefix(lo) holds
  let hi = body.length; // the whole body is invalid (the caller found so)
  if (validPrefix(hi)) return hi; // only an incomplete sequence at the very end
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (validPrefix(mid)) lo = mid;
    else hi = mid;
  }
  // The byte at hi - 1 makes the prefix invalid; the bad sequence starts at the end of the
  // longest prefix before it that decodes completely (at most 3 bytes back).
  for (let end = hi - 1; end > Math.max(0, hi - 5); end--) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, end));
      return end;
    } catch {
      // an incomplete sequence ends this prefix: look one byte further back
    }
  }
  return Math.max(0, hi - 5);
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Decode a file's bytes as UTF-8, or explain which encoding it is in and how to convert it. */
export function decodeUtf8(bytes: Uint8Array, file: string): DecodeResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, issue: issueOf('LS-CSV-001', { file, line: 0 }) };
  }
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), bytes: body };
  } catch {
    const bad = firstInvalidUtf8(body);
    const line = lineOfByte(body, bad);
    let looksGbk: boolean;
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(body);
      looksGbk = true;
    } catch {
      looksGbk = false;
    }
    const convert = `iconv -f GB18030 -t UTF-8 "${file}" > "${file}.utf8" && mv "${file}.utf8" "${file}"`;
    return {
      ok: false,
      issue: looksGbk ? issueOf('LS-CSV-002', { file, line }, { convert }) : issueOf('LS-CSV-003', { file, line }),
    };
  }
}

/**
 * Every CRLF and lone CR as LF. csv-parse takes the first line end it sees as the record
 * delimiter, so a file mixing CRLF and LF (hand edits of an Excel file) read as fewer, longer
 * records with wrong line numbers. Line ends are not data; a CRLF inside a quoted cell becomes LF.
 */
export function normaliseLineEnds<T extends string | Uint8Array>(input: T): T {
  if (typeof input === 'string') return (input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input) as T;
  const bytes = input as Uint8Array;
  if (bytes.indexOf(0x0d) < 0) return input;
  const out = new Uint8Array(bytes.length);
  let j = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0d) {
      out[j++] = 0x0a;
      if (bytes[i + 1] === 0x0a) i++;
    } else out[j++] = bytes[i];
  }
  return out.subarray(0, j) as T;
}

/**
 * Whether a cell looks as if it swallowed the rows after it: it spans lines and one of its
 * later lines holds about a record's worth of commas. That is what one unpaired `"` does (the
 * quoted cell runs on until the next quote), and csv-parse cannot tell it from a real note.
 */
export function swallowedRows(value: string, columns: number): boolean {
  if (columns < 3 || !value.includes('\n')) return false;
  return value
    .split('\n')
    .slice(1)
    .some((line) => (line.match(/,/g) ?? []).length >= columns - 2);
}

/** Columns named twice in a header: [name, first column, second column] (1-based). */
export function duplicateColumns(header: string[]): [string, number, number][] {
  const first = new Map<string, number>();
  const dups: [string, number, number][] = [];
  header.forEach((name, i) => {
    const seen = first.get(name);
    if (seen !== undefined && name !== '') dups.push([name, seen + 1, i + 1]);
    else first.set(name, i);
  });
  return dups;
}

/** The message for a column named twice. */
export function duplicateColumnIssue(file: string, [name, first, second]: [string, number, number]): DataIssue {
  return issueOf('LS-CSV-006', { file, line: 1, column: second, value: name }, { first, name });
}

/**
 * Parse CSV text into records with their starting line numbers. Structural problems
 * (unbalanced quotes, wrong number of fields, a column named twice) become issues; the rest of
 * the file is still read where csv-parse can recover, so one stray quote does not hide every
 * other error. Values are returned in Unicode NFC (the same text typed on two systems compares equal).
 */
export function parseCsvText(input: string | Uint8Array, file: string, issues: DataIssue[]): CsvTable {
  const text = normaliseLineEnds(input);
  let rows: { record: string[]; info: { lines: number; raw?: string } }[];
  try {
    rows = parse(typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength), {
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as { record: string[]; info: { lines: number; raw?: string } }[];
  } catch (error) {
    const err = error as { lines?: number; message: string; code?: string };
    issues.push(issueOf('LS-CSV-004', { file, line: err.lines ?? 0 }, { reason: err.code ?? 'CSV_ERROR' }));
    return { file, header: [], records: [], rowCount: 0 };
  }
  if (rows.length === 0) {
    issues.push(issueOf('LS-CSV-005', { file, line: 1 }));
    return { file, header: [], records: [], rowCount: 0 };
  }
  const lineOf = (row: { info: { lines: number; raw?: string } }): number => {
    const raw = row.info.raw ?? '';
    // info.lines is the line on which the record ends; count the newlines inside it back.
    const inner = (raw.replace(/\n$/, '').match(/\n/g) ?? []).length;
    return row.info.lines - inner;
  };
  const header = rows[0].record.map((h) => h.normalize('NFC'));
  const dups = duplicateColumns(header);
  if (dups.length > 0) {
    for (const d of dups) issues.push(duplicateColumnIssue(file, d));
    return { file, header: [], records: [], rowCount: rows.length - 1 };
  }
  const records: CsvRecord[] = [];
  for (const row of rows.slice(1)) {
    const line = lineOf(row);
    if (row.record.length !== header.length) {
      issues.push(issueOf('LS-CSV-007', { file, line }, { cells: row.record.length, columns: header.length }));
      continue;
    }
    const values: Record<string, string> = {};
    let swallowed = -1;
    header.forEach((name, i) => {
      values[name] = row.record[i].normalize('NFC');
      if (swallowed < 0 && swallowedRows(row.record[i], header.length)) swallowed = i;
    });
    if (swallowed >= 0) {
      issues.push(issueOf('LS-CSV-008', { file, line, column: swallowed + 1, field: header[swallowed] }));
      continue;
    }
    records.push({ line, values });
  }
  return { file, header, records, rowCount: rows.length - 1 };
}

export function readCsvBytes(bytes: Uint8Array, file: string, issues: DataIssue[]): CsvTable {
  const decoded = decodeUtf8(bytes, file);
  if (!decoded.ok) {
    issues.push(decoded.issue);
    return { file, header: [], records: [], rowCount: 0 };
  }
  return parseCsvText(decoded.bytes, file, issues);
}

export interface WriteCsvOptions {
  /** Start with a UTF-8 BOM (downloads: Excel on Chinese Windows then reads UTF-8). */
  bom?: boolean;
  /** `\n` for content files (clean git diffs), `\r\n` for downloads (Excel). */
  eol?: '\n' | '\r\n';
  /**
   * Downloads for spreadsheets: a cell starting with = + - @ tab or CR gets a leading `'`, as
   * OWASP advises against CSV injection, so Excel and WPS show it as text instead of running it
   * as a formula. Content files never do this (their text is the record).
   */
  neutraliseFormulas?: boolean;
}

/** OWASP's CSV-injection defence: text that a spreadsheet would read as a formula gets a leading `'`. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The one CSV writer: RFC 4180 via csv-stringify, quoting only where needed (and around
 * leading or trailing spaces, so they survive a round trip), final line end. Returns the text
 * and the 1-based line on which each data row starts, for messages that point into the file.
 */
export function writeCsv(
  header: string[],
  rows: (Record<string, string | number> | (string | number)[])[],
  options: WriteCsvOptions = {},
): { text: string; lines: number[] } {
  const eol = options.eol ?? '\n';
  // Numbers passed as numbers (chart data) are not text and are left as they are.
  const cell = options.neutraliseFormulas
    ? (v: string | number) => (typeof v === 'number' ? String(v) : neutraliseFormula(v))
    : String;
  const line = (values: (string | number)[]) => stringify([values.map(cell)], { record_delimiter: eol, quoted_match: /^\s|\s$/ });
  const parts = [line(header)];
  const lines: number[] = [];
  let next = 2;
  for (const row of rows) {
    const text = line(Array.isArray(row) ? row : header.map((h) => row[h] ?? ''));
    lines.push(next);
    next += (text.match(/\n/g) ?? []).length;
    parts.push(text);
  }
  return { text: `${options.bom ? '\uFEFF' : ''}${parts.join('')}`, lines };
}
