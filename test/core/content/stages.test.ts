/** The loader's stages on their own: a table read row by row, each row in its own scope, rows kept as read. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoadContext } from '../../../src/core/content/context.ts';
import { Scope } from '../../../src/core/content/scope.ts';
import { loadYearManifest } from '../../../src/core/content/year.ts';
import type { DataIssue } from '../../../src/core/errors/issues.ts';
import { TODAY, makeContent } from '../../fixtures/content.ts';

describe('Scope', () => {
  it('fails when it or a scope inside it reports, and reports in order to the one list', () => {
    const issues: DataIssue[] = [];
    const file = new Scope((i) => issues.push(i));
    const first = file.inner();
    const second = file.inner();
    const cell = second.inner();
    expect([file.ok, first.ok, second.ok]).toEqual([true, true, true]);
    cell.issue({ file: 'a', line: 2, code: 'LS-FLD-001', message: 'one' } as DataIssue);
    second.issue({ file: 'a', line: 3, code: 'LS-FLD-002', message: 'two' } as DataIssue);
    expect([file.ok, first.ok, second.ok, cell.ok]).toEqual([false, true, false, false]);
    expect(issues.map((i) => i.message)).toEqual(['one', 'two']);
  });
});

describe('LoadContext.table', () => {
  it('keeps the rows that passed, with the row as read; a bad row is rejected on its own', () => {
    const root = makeContent({
      '2020/sections.csv': 'no,name\n1,聚焦产业升级。\n２,全角序号\n3, 前有空格\n4,聚焦民生。\n',
    });
    const ctx = new LoadContext(root, { today: TODAY });
    const table = ctx.table('sections', path.join(root, '2020/sections.csv'));
    expect(table.ok).toBe(false);
    expect(table.read).toBe(4);
    expect(table.rows.map((r) => r.data)).toEqual([
      { no: 1, name: '聚焦产业升级。' },
      { no: 4, name: '聚焦民生。' },
    ]);
    expect(table.rejected.map((v) => v.no)).toEqual(['２', '3']);
    expect(ctx.issues.map((i) => `${i.line}:${i.column} ${i.code}`)).toEqual(['3:1 LS-FLD-003', '4:2 LS-FLD-002']);
    const [a, b] = table.rows;
    expect(a.raw).toEqual({ file: 'content/2020/sections.csv', line: 2, header: ['no', 'name'], cells: ['1', '聚焦产业升级。'] });
    // One header array per file, not one per row.
    expect(a.raw.header).toBe(b.raw.header);
  });

  it('a file without problems is ok, and an optional file that is missing is no problem', () => {
    const root = makeContent({ '2020/plans.csv': null });
    const ctx = new LoadContext(root, { today: TODAY });
    expect(ctx.table('categories', path.join(root, '2020/categories.csv')).ok).toBe(true);
    expect(ctx.table('plans', path.join(root, '2020/plans.csv'), { optional: true })).toMatchObject({ ok: true, read: 0, rows: [] });
    expect(ctx.issues).toEqual([]);
  });
});

describe('loadYearManifest', () => {
  it('without a manifest, the files present decide the layout', () => {
    const root = makeContent({ '2020/manifest.json': null, '2020/categories.csv': null });
    const ctx = new LoadContext(root, { today: TODAY });
    const head = loadYearManifest(ctx, path.join(root, '2020'), 2020);
    expect(head.manifest).toBeUndefined();
    expect(head.dataDate).toBe(TODAY);
    expect(head.layout).toEqual({ hasTasks: true, withSections: true, hasProgramme: true, withCategories: false });
    expect(ctx.issues.map((i) => i.code)).toEqual(['LS-SITE-001']);
  });
});
