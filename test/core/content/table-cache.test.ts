/**
 * The cache of checked tables (LoadOptions.tables): a load that takes unchanged files from it
 * finds every problem, and builds the same dataset, as a load that checks everything; a changed
 * file, or other code, is checked again.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { CheckedTable, TableCache } from '../../../src/core/content/context.ts';
import { formatIssues, loadContent } from '../../../src/core/content/load.ts';
import { validate } from '../../../src/core/content/validate.ts';
import { TODAY, edit, fixtureText, makeContent } from '../../fixtures/content.ts';

/** A cache in memory, stored as the build stores it (serialized), counting what it is asked. */
function memoryCache(code: string, store = new Map<string, Buffer>()) {
  const counts = { hits: 0, misses: 0, sets: 0 };
  const cache: TableCache = {
    code,
    get: (key) => {
      const stored = store.get(key);
      if (stored) counts.hits++;
      else counts.misses++;
      return stored && (v8.deserialize(stored) as CheckedTable);
    },
    set: (key, table) => {
      counts.sets++;
      store.set(key, v8.serialize(table));
    },
  };
  return { cache, counts, store };
}

describe('the cache of checked tables', () => {
  it('a load from the cache builds the same dataset as one that checks every file', () => {
    const root = makeContent();
    const plain = loadContent(root, { today: TODAY });
    const { cache, counts } = memoryCache('code');
    const first = loadContent(root, { today: TODAY, tables: cache });
    const cached = loadContent(root, { today: TODAY, tables: cache });
    expect(counts.hits).toBeGreaterThan(5);
    expect(counts.sets).toBe(counts.hits);
    expect(plain.dataset).toBeDefined();
    expect(first.dataset).toEqual(plain.dataset);
    expect(cached.dataset).toEqual(plain.dataset);
  });

  it('bad content taken from the cache still stops with every problem: the cached ones and those between files', () => {
    const root = makeContent({
      // A cell the table check refuses…
      ...edit('2020/reports/2020-02.csv', '计划,完成,否,2020-03-05,\nT2', '计划,基本完成,否,2020-03-05,\nT2'),
      // …a bad column header…
      ...edit('2020/plans.csv', 'item,unit,q1', 'item,unit,qq1'),
      // …and a reference the checks between files refuse (no item T9).
      '2020/reports/2020-01.csv': `${fixtureText('2020/reports/2020-01.csv')}\nT9,2020-01,区发改局,目标,进展,无,计划,完成,否,2020-02-05,`,
    });
    const plain = validate(root, { today: TODAY });
    const { cache, counts } = memoryCache('code');
    validate(root, { today: TODAY, tables: cache });
    const sets = counts.sets;
    const cached = validate(root, { today: TODAY, tables: cache });
    expect(counts.sets).toBe(sets); // nothing checked again
    expect(counts.hits).toBe(sets);
    const text = formatIssues(cached.issues);
    expect(text).toContain('[LS-FLD-021]');
    expect(text).toContain('qq1');
    expect(text).toContain('T9');
    expect(cached.dataset).toBeUndefined();
    expect(formatIssues(cached.issues)).toBe(formatIssues(plain.issues));
  });

  it('an edited file is checked again, the others come from the cache', () => {
    const root = makeContent();
    const { cache, counts } = memoryCache('code');
    loadContent(root, { today: TODAY, tables: cache });
    const tables = counts.sets;
    const file = path.join(root, '2020/reports/2020-02.csv');
    writeFileSync(file, fixtureText('2020/reports/2020-02.csv').replace('计划,完成,否,2020-03-05,\nT2', '计划,基本完成,否,2020-03-05,\nT2'));
    const after = loadContent(root, { today: TODAY, tables: cache });
    expect(counts.sets).toBe(tables + 1);
    expect(formatIssues(after.issues)).toContain('[LS-FLD-021]');
    expect(formatIssues(after.issues)).toBe(formatIssues(loadContent(root, { today: TODAY }).issues));
  });

  it('other code (another digest) checks every file again', () => {
    const root = makeContent();
    const store = new Map<string, Buffer>();
    const before = memoryCache('code of yesterday', store);
    loadContent(root, { today: TODAY, tables: before.cache });
    const after = memoryCache('code of today', store);
    loadContent(root, { today: TODAY, tables: after.cache });
    expect(after.counts.hits).toBe(0);
    expect(after.counts.sets).toBe(before.counts.sets);
  });

  it('what a table check finds depends on the file and the code only, not on the build date (which is not in its key)', () => {
    const root = makeContent(edit('2020/reports/2020-02.csv', '计划,完成,否,2020-03-05,\nT2', '计划,基本完成,否,2020-03-05,\nT2'));
    const today = memoryCache('code');
    const later = memoryCache('code');
    loadContent(root, { today: TODAY, tables: today.cache });
    loadContent(root, { today: '2031-01-01', tables: later.cache });
    expect([...later.store.keys()].sort()).toEqual([...today.store.keys()].sort());
    for (const [key, stored] of today.store) expect(stored.equals(later.store.get(key)!), key).toBe(true);
  });
});
