/**
 * Merging imported form rows into a content table, and writing content CSV. Pure: the caller
 * reads the existing rows and writes the result.
 *
 * Rows are keyed by item within their file (plans.csv holds one plan per item; a month's report
 * file one report per item). An imported row is
 * - added     when the file has no row for the item;
 * - unchanged when the existing row has the same values (a different 填报时间 alone does not
 *             count: re-sending the same report keeps the date it was first filed, so an on-time
 *             report never turns late by being sent again);
 * - a conflict otherwise: refused unless the caller replaces, and then reported as changed with
 *             the old values.
 */
import { writeCsv } from '../../src/core/content/csv.ts';

export interface Origin {
  file: string;
  row: number;
}

export interface IncomingRow {
  key: string;
  values: Record<string, string>;
  origin: Origin;
  /** Who sent it, for the summary (the unit as written on the form). */
  unit: string;
}

export interface ExistingRow {
  values: Record<string, string>;
  line: number;
}

export interface Difference {
  field: string;
  old: string;
  new: string;
}

export interface Conflict {
  incoming: IncomingRow;
  existing: ExistingRow;
  differences: Difference[];
}

export interface Duplicate {
  key: string;
  first: Origin;
  second: Origin;
}

export interface MergeResult {
  header: string[];
  /** The file's rows after the merge: existing rows in place (replaced ones updated), new rows appended. */
  rows: { values: Record<string, string>; origin?: Origin }[];
  added: IncomingRow[];
  /** Conflicts that were applied (replace = true). */
  changed: Conflict[];
  unchanged: IncomingRow[];
  /** Conflicts that were refused (replace = false); their rows carry the imported values anyway, for validation. */
  conflicts: Conflict[];
  /** Two imported rows for the same item with different values. */
  duplicates: Duplicate[];
  /** Whether the merged file differs from the existing one. */
  modified: boolean;
}

/** Fields that do not make two rows different on their own. */
export const METADATA_FIELDS = new Set(['filed']);

export function differences(
  header: string[],
  oldValues: Record<string, string>,
  newValues: Record<string, string>,
): Difference[] {
  return header
    .filter((f) => (oldValues[f] ?? '') !== (newValues[f] ?? ''))
    .map((f) => ({ field: f, old: oldValues[f] ?? '', new: newValues[f] ?? '' }));
}

/**
 * Merge `incoming` into a table. `header` is the existing file's header (or the canonical one for
 * a new file); `order` sorts new rows (e.g. T1…T102 then P1…P100).
 */
export function mergeRows(
  header: string[],
  existing: ExistingRow[],
  incoming: IncomingRow[],
  keyOf: (values: Record<string, string>) => string,
  options: { replace: boolean; order?: (a: string, b: string) => number },
): MergeResult {
  const rows: MergeResult['rows'] = existing.map((r) => ({ values: r.values }));
  const indexByKey = new Map<string, number>();
  existing.forEach((r, i) => {
    if (!indexByKey.has(keyOf(r.values))) indexByKey.set(keyOf(r.values), i);
  });
  const result: MergeResult = {
    header,
    rows,
    added: [],
    changed: [],
    unchanged: [],
    conflicts: [],
    duplicates: [],
    modified: false,
  };

  // One row per key among the imported rows: identical repeats collapse, different ones are an error.
  const firstByKey = new Map<string, IncomingRow>();
  const unique: IncomingRow[] = [];
  for (const row of incoming) {
    const first = firstByKey.get(row.key);
    if (!first) {
      firstByKey.set(row.key, row);
      unique.push(row);
    } else if (differences(header, first.values, row.values).some((d) => !METADATA_FIELDS.has(d.field))) {
      result.duplicates.push({ key: row.key, first: first.origin, second: row.origin });
    } else result.unchanged.push(row);
  }

  const appended: IncomingRow[] = [];
  for (const row of unique) {
    const index = indexByKey.get(row.key);
    if (index === undefined) {
      appended.push(row);
      result.added.push(row);
      continue;
    }
    const old = existing[index];
    const diff = differences(header, old.values, row.values).filter((d) => !METADATA_FIELDS.has(d.field));
    if (diff.length === 0) {
      result.unchanged.push(row);
      rows[index] = { values: old.values, origin: row.origin };
      continue;
    }
    const conflict: Conflict = { incoming: row, existing: old, differences: diff };
    (options.replace ? result.changed : result.conflicts).push(conflict);
    rows[index] = { values: { ...row.values }, origin: row.origin };
  }
  if (options.order) appended.sort((a, b) => options.order!(a.key, b.key));
  for (const row of appended) rows.push({ values: { ...row.values }, origin: row.origin });
  result.modified = result.added.length > 0 || result.changed.length > 0 || result.conflicts.length > 0;
  return result;
}

/** T before P, then by number: the order of the notice. */
export function compareItemKeys(a: string, b: string): number {
  const kind = (k: string) => (k.startsWith('T') ? 0 : 1);
  return kind(a) - kind(b) || Number(a.slice(1)) - Number(b.slice(1)) || a.localeCompare(b);
}

/**
 * Write a content CSV the way the content files are written: UTF-8 without BOM, LF, quotes only
 * where needed, final newline. Returns the text and the 1-based line on which each row starts.
 */
export function stringifyCsv(header: string[], rows: Record<string, string>[]): { text: string; lines: number[] } {
  return writeCsv(header, rows);
}
