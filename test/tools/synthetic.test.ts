import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssues, loadContent } from '../../src/core/content/load.ts';
import { syntheticContent, syntheticToday, writeSyntheticContent, type SyntheticParams } from '../../tools/bench/synthetic.ts';

const small: SyntheticParams = { districts: 3, years: 2, itemsPerYear: 12, months: 7, seed: 1 };

describe('synthetic content (npm run bench)', () => {
  it('loads with zero issues and publishes every row it read', () => {
    const root = path.join(mkdtempSync(path.join(tmpdir(), 'luoshi-synth-')), 'content');
    const written = writeSyntheticContent(root, small);
    const result = loadContent(root, { today: written.today });
    expect(result.issues, formatIssues(result.issues)).toEqual([]);
    const ds = result.dataset!;
    expect(ds.years.map((y) => y.year)).toEqual([2020, 2021]);
    expect(ds.units).toHaveLength(written.stats.units);
    expect(ds.leaders).toHaveLength(written.stats.leaders);
    const items = ds.years.flatMap((y) => y.items);
    expect(items).toHaveLength(3 * 2 * 12);
    expect(ds.years.flatMap((y) => y.reports)).toHaveLength(written.stats.reports);
    for (const c of ds.rowCounts) expect(c.published, c.file).toBe(c.read);
    // Statuses vary: a benchmark of one status would flatter every chart and list.
    const statuses = new Set(ds.years.flatMap((y) => [...y.status.values()].flatMap((s) => s.months.map((m) => m.status))));
    expect([...statuses].sort()).toEqual(['已完成', '序时推进', '未报送', '滞后'].sort());
    expect(ds.years[0].reports.some((r) => r.late)).toBe(true);
    expect(items.some((i) => i.etc) || items.some((i) => i.units.some((u) => u.type === 'collective'))).toBe(true);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = syntheticContent(small);
    const b = syntheticContent(small);
    expect([...a.files]).toEqual([...b.files]);
    expect(syntheticContent({ ...small, seed: 2 }).files.get('2020/tasks.csv')).not.toBe(a.files.get('2020/tasks.csv'));
  });

  it('scales by its parameters: items = districts × years × items per year, one report file per month', () => {
    const c = syntheticContent({ districts: 2, years: 3, itemsPerYear: 4, months: 5 });
    expect(c.stats.items).toBe(24);
    expect(c.stats.plans).toBe(24);
    expect([...c.files.keys()].filter((f) => f.includes('/reports/'))).toHaveLength(15);
    expect(c.stats.reports).toBeGreaterThan(24 * 5 * 0.9);
    expect(c.today).toBe(syntheticToday({ districts: 2, years: 3, itemsPerYear: 4, months: 5 }));
  });

  it('writes varied Chinese text, so a search finds some items, not all or none', () => {
    const c = syntheticContent({ districts: 4, years: 1, itemsPerYear: 50, months: 1 });
    const texts = c.files.get('2020/tasks.csv')!.split('\n').slice(1, -1);
    expect(new Set(texts.map((t) => t.split(',')[4])).size).toBeGreaterThan(texts.length * 0.95);
    const hits = texts.filter((t) => t.includes('电梯')).length;
    expect(hits).toBeGreaterThan(0);
    expect(hits).toBeLessThan(texts.length / 3);
  });
});
