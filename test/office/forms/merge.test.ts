import { describe, it, expect } from 'vitest';
import { compareItemKeys, mergeRows, stringifyCsv, type IncomingRow } from '../../../office/forms/merge.ts';
import { parseCsvText } from '../../../src/core/content/csv.ts';

const header = ['item', 'month', 'unit', 'progress', 'filed'];
const row = (item: string, progress: string, filed = '2020-04-07'): Record<string, string> => ({
  item,
  month: '2020-03',
  unit: '区发改局',
  progress,
  filed,
});
const incoming = (item: string, progress: string, filed?: string, at = 5): IncomingRow => ({
  key: item,
  values: row(item, progress, filed),
  origin: { file: 'f.xlsx', row: at },
  unit: '区发改局',
});
const existing = [
  { values: row('T2', '旧'), line: 2 },
  { values: row('T1', '同'), line: 3 },
];
const key = (v: Record<string, string>) => v.item;

describe('mergeRows', () => {
  it('sorts imported rows into added, unchanged and conflicts, and refuses conflicts', () => {
    const m = mergeRows(header, existing, [incoming('T1', '同'), incoming('T2', '新'), incoming('P1', '加')], key, {
      replace: false,
      order: compareItemKeys,
    });
    expect(m.added.map((r) => r.key)).toEqual(['P1']);
    expect(m.unchanged.map((r) => r.key)).toEqual(['T1']);
    expect(m.changed).toEqual([]);
    expect(m.conflicts).toHaveLength(1);
    expect(m.conflicts[0].differences).toEqual([{ field: 'progress', old: '旧', new: '新' }]);
    expect(m.conflicts[0].existing.line).toBe(2);
  });

  it('replaces with --replace, keeping the old value for the message and the row in place', () => {
    const m = mergeRows(header, existing, [incoming('T2', '新')], key, { replace: true });
    expect(m.conflicts).toEqual([]);
    expect(m.changed[0].differences[0]).toEqual({ field: 'progress', old: '旧', new: '新' });
    expect(m.rows.map((r) => r.values.progress)).toEqual(['新', '同']);
    expect(m.modified).toBe(true);
  });

  it('treats a re-sent identical row with another 填报时间 as unchanged and keeps the first date', () => {
    const m = mergeRows(header, existing, [incoming('T1', '同', '2020-05-20')], key, { replace: false });
    expect(m.unchanged).toHaveLength(1);
    expect(m.modified).toBe(false);
    expect(m.rows[1].values.filed).toBe('2020-04-07');
  });

  it('collapses identical duplicates and reports different ones', () => {
    const same = mergeRows(header, [], [incoming('T1', 'a', undefined, 5), incoming('T1', 'a', undefined, 9)], key, {
      replace: false,
    });
    expect(same.duplicates).toEqual([]);
    expect(same.added).toHaveLength(1);
    const diff = mergeRows(header, [], [incoming('T1', 'a', undefined, 5), incoming('T1', 'b', undefined, 9)], key, {
      replace: true,
    });
    expect(diff.duplicates).toEqual([{ key: 'T1', first: { file: 'f.xlsx', row: 5 }, second: { file: 'f.xlsx', row: 9 } }]);
  });

  it('appends new rows in the notice order: T before P, by number', () => {
    const m = mergeRows(
      header,
      [],
      ['P2', 'T10', 'P1', 'T2'].map((k) => incoming(k, 'x')),
      key,
      { replace: false, order: compareItemKeys },
    );
    expect(m.rows.map((r) => r.values.item)).toEqual(['T2', 'T10', 'P1', 'P2']);
  });
});

describe('stringifyCsv', () => {
  it('writes what csv parsing reads back, and the line each row starts on', () => {
    const rows = [row('T1', '含逗号,与"引号"'), row('T2', '两行\n第二行'), row('T3', '普通')];
    const { text, lines } = stringifyCsv(header, rows);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.startsWith('item,month,unit,progress,filed\nT1,')).toBe(true);
    expect(lines).toEqual([2, 3, 5]);
    const table = parseCsvText(text, 'x.csv', []);
    expect(table.records.map((r) => r.values)).toEqual(rows);
    expect(table.records.map((r) => r.line)).toEqual(lines);
  });
});
