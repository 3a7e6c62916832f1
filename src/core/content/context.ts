/**
 * What every loading stage shares: the list of problems, the row counts, how a path is shown,
 * the build date; and the two ways content is read, a CSV table validated row by row against
 * its schema and a JSON file validated against its schema.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { z } from 'zod';
import { issueOf } from '../errors/catalogue.ts';
import { issueFromZod } from '../errors/zod-messages.ts';
import type { DataIssue } from '../errors/issues.ts';
import type { RawRow, RowCount } from '../model/types.ts';
import { checkCell } from './cells.ts';
import { readCsvBytes } from './csv.ts';
import { exists, isSymlink, readBytes, readText } from './files.ts';
import { FILES, type FileKind } from './schema.ts';
import { Scope } from './scope.ts';

export interface LoadOptions {
  /** The build date (YYYY-MM-DD); data dated after it is rejected. Defaults to today. */
  today?: string;
  /**
   * CSV tables read and checked by an earlier load, kept by the build (src/steps/table-cache.ts):
   * a file whose kind, path and bytes, and the code that checks it, are unchanged is not parsed
   * and checked again; its rows and its problems are taken as they were. Everything after the
   * table (references between files, statuses, the removed-reports check) runs as always.
   */
  tables?: TableCache;
}

/** What `table()` found in one file: the rows that passed, the rejected ones, and every problem. */
export interface CheckedTable {
  rows: TableRow<unknown>[];
  rejected: Record<string, string>[];
  read: number;
  issues: DataIssue[];
}

export interface TableCache {
  /**
   * A digest of everything a table's check depends on besides the file itself: the code (the
   * core, its dependencies, the Node.js that runs it). A table is stored under a digest of this,
   * the table's kind, its path as messages show it, and its bytes (`tableKey`).
   */
  code: string;
  get(key: string): CheckedTable | undefined;
  set(key: string, table: CheckedTable): void;
}

export function tableKey(code: string, kind: FileKind, file: string, bytes: Uint8Array): string {
  return createHash('sha256').update(`${code}\0${kind}\0${file}\0`).update(bytes).digest('hex');
}

/** A row that passed its schema and every cell check. */
export interface TableRow<T> {
  line: number;
  data: T;
  /** Values by column name, as read (for messages). */
  values: Record<string, string>;
  /** The row as read, kept in the model for the downloads. */
  raw: RawRow;
}

/** Where one cell of a passed row is, for a message: file, line, column, field and the value as read. */
export function cellOf(file: string, row: TableRow<unknown>, field: string) {
  return { file, line: row.line, column: row.raw.header.indexOf(field) + 1, field, value: row.values[field] };
}

export interface Table<T> {
  /** The file as messages show it. */
  file: string;
  /** Rows that passed. */
  rows: TableRow<T>[];
  /** The values of rows rejected with an issue (to keep errors from cascading). */
  rejected: Record<string, string>[];
  /** Data rows found in the file (0 if it was not read). */
  read: number;
  /** No problem was found in the file or any of its rows. */
  ok: boolean;
}

export type RowOf<K extends FileKind> = z.output<(typeof FILES)[K]['schema']>;

/** One pass over a content folder. Stages report problems through `issue` or a scope from `scope()`. */
export class LoadContext {
  readonly issues: DataIssue[] = [];
  readonly rowCounts: RowCount[] = [];
  readonly display: (abs: string) => string;
  readonly today: string;
  readonly #links = new Set<string>();
  readonly #tables: TableCache | undefined;

  constructor(root: string, options: LoadOptions) {
    const base = path.dirname(path.resolve(root));
    this.display = (abs) => path.relative(base, abs).split(path.sep).join('/');
    this.today = options.today ?? new Date().toISOString().slice(0, 10);
    this.#tables = options.tables;
  }

  issue(issue: DataIssue): void {
    this.issues.push(issue);
  }

  /** A scope for one file or row: it knows whether it failed. */
  scope(): Scope {
    return new Scope((issue) => this.issue(issue));
  }

  /**
   * Content may not leave the content folder: a symbolic link is refused and never followed
   * (not even to say what it points at, nor to read a line of it). Each link is reported once.
   */
  isLink(abs: string, scope: Scope = this.scope()): boolean {
    if (!isSymlink(abs)) return false;
    if (this.#links.has(abs)) return true;
    this.#links.add(abs);
    scope.issue(issueOf('LS-CSV-015', { file: this.display(abs), line: 0 }));
    return true;
  }

  /** Read and validate one CSV file against its schema; `rows` holds only rows that passed. */
  table<K extends FileKind>(kind: K, abs: string, { optional = false } = {}): Table<RowOf<K>> {
    const file = this.display(abs);
    // Every problem of this file, as reported, for the cache of checked tables.
    const found: DataIssue[] = [];
    const scope = new Scope((issue) => {
      found.push(issue);
      this.issue(issue);
    });
    const result = (read: number, rows: TableRow<RowOf<K>>[] = [], rejected: Record<string, string>[] = []) => ({
      file,
      rows,
      rejected,
      read,
      ok: scope.ok,
    });
    if (this.isLink(abs, scope)) return result(0);
    if (!exists(abs)) {
      if (!optional) scope.issue(issueOf('LS-CSV-009', { file, line: 0 }, { title: FILES[kind].title }));
      return result(0);
    }
    const bytes = readBytes(abs);
    const key = this.#tables && tableKey(this.#tables.code, kind, file, bytes);
    const cached = key ? this.#tables!.get(key) : undefined;
    if (cached) {
      for (const issue of cached.issues) scope.issue(issue);
      this.rowCounts.push({ file, read: cached.read, published: 0 });
      return result(cached.read, cached.rows as TableRow<RowOf<K>>[], cached.rejected);
    }
    const checked = this.#check(kind, file, bytes, scope);
    if (key) this.#tables!.set(key, { ...checked, issues: found });
    return result(checked.read, checked.rows, checked.rejected);
  }

  /** Parse `bytes` (the file `file`) and check every row and cell against the schema of `kind`. */
  #check<K extends FileKind>(kind: K, file: string, bytes: Uint8Array, scope: Scope): Omit<CheckedTable, 'issues'> & { rows: TableRow<RowOf<K>>[] } {
    const spec = FILES[kind];
    const columns = spec.columns as Record<string, { required: boolean; hint: string; optionalColumn?: boolean }>;
    const csvIssues: DataIssue[] = [];
    const table = readCsvBytes(bytes, file, csvIssues);
    for (const issue of csvIssues) scope.issue(issue);
    this.rowCounts.push({ file, read: table.rowCount, published: 0 });
    if (table.header.length === 0) return { read: table.rowCount, rows: [], rejected: [] };
    const header = table.header;
    const known = Object.keys(columns);
    for (const [i, name] of header.entries()) {
      if (!known.includes(name)) {
        scope.issue(issueOf('LS-CSV-010', { file, line: 1, column: i + 1, value: name }, { columns: known.join(', ') }));
      }
    }
    const optionalColumns = known.filter((name) => columns[name].optionalColumn && !header.includes(name));
    const missing = known.filter((name) => !header.includes(name) && !optionalColumns.includes(name));
    for (const name of missing) {
      scope.issue(issueOf('LS-CSV-011', { file, line: 1, field: name }, { columns: known.join(', ') }));
    }
    if (missing.length > 0) return { read: table.rowCount, rows: [], rejected: table.records.map((r) => r.values) };
    const rows: TableRow<RowOf<K>>[] = [];
    const rejected: Record<string, string>[] = [];
    for (const record of table.records) {
      const row = scope.inner();
      const flagged = new Set<string>();
      for (const [field, value] of Object.entries(record.values)) {
        if (checkCell(row, kind, { file, line: record.line, column: header.indexOf(field) + 1, field, value })) flagged.add(field);
      }
      const parsed = spec.schema.safeParse(
        optionalColumns.length ? { ...Object.fromEntries(optionalColumns.map((c) => [c, ''])), ...record.values } : record.values,
      );
      if (!parsed.success) {
        const seen = new Set<string>();
        for (const zi of parsed.error.issues) {
          const field = String(zi.path[0] ?? '');
          // One message per cell: a cell already flagged for stray characters says enough.
          if (seen.has(field) || flagged.has(field)) continue;
          seen.add(field);
          const at = { file, line: record.line, column: header.indexOf(field) + 1 || undefined, field, value: record.values[field] };
          row.issue(issueFromZod(zi.message, at, 'LS-SITE-003', { columnHint: columns[field]?.hint ?? '' }));
        }
      }
      if (row.ok && parsed.success) {
        const raw: RawRow = { file, line: record.line, header, cells: header.map((name) => record.values[name]) };
        rows.push({ line: record.line, data: parsed.data as RowOf<K>, values: record.values, raw });
      } else rejected.push(record.values);
    }
    return { read: table.rowCount, rows, rejected };
  }

  /** Read and validate a JSON file (site.json, manifest.json); undefined if it is missing or invalid. */
  json<S extends z.ZodType>(abs: string, schema: S): z.output<S> | undefined {
    const file = this.display(abs);
    if (this.isLink(abs)) return undefined;
    if (!exists(abs)) {
      this.issue(issueOf('LS-SITE-001', { file, line: 0 }));
      return undefined;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(readText(abs).replace(/^\uFEFF/, ''));
    } catch (error) {
      this.issue(issueOf('LS-SITE-002', { file, line: 0 }, { detail: (error as Error).message }));
      return undefined;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const zi of parsed.error.issues) {
        this.issue(issueFromZod(zi.message, { file, line: 0, field: zi.path.join('.') }, 'LS-SITE-003'));
      }
      return undefined;
    }
    return parsed.data;
  }

  /** Count `n` rows of `file` as published (checked against the rows read at the end). */
  published(file: string, n: number): void {
    const count = this.rowCounts.find((c) => c.file === file);
    if (count) count.published += n;
  }
}
