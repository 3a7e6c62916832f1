import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../../src/core/content/load.ts';
import type { Dataset } from '../../../src/core/model/types.ts';
import { pageKeys, stableJson } from '../../../src/core/publish/page-keys.ts';
import { writeSyntheticContent } from '../../../tools/bench/synthetic.ts';
import { ACTUALS, makeIndicatorContent } from '../../fixtures/indicators.ts';
import { TODAY } from '../../fixtures/content.ts';

/** Every item, unit, leader and year key of a content folder, by a readable name. */
function keysOf(root: string, today: string): Map<string, string> {
  const ds: Dataset = loadContentOrThrow(root, { today });
  const k = pageKeys(ds, { accessed: today, root });
  const out = new Map<string, string>();
  for (const y of ds.years) {
    out.set(`year ${y.year}`, k.year(y));
    for (const it of y.items) out.set(`item ${y.year} ${it.key}`, k.item(y, it));
  }
  for (const u of ds.units) out.set(`unit ${u.id}`, k.unit(u.id));
  for (const l of ds.leaders) out.set(`leader ${l.id}`, k.leader(l.id));
  return out;
}

const changed = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((name) => a.get(name) !== b.get(name));

describe('page keys (incremental builds)', () => {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'luoshi-keys-')), 'content');
  const { today } = writeSyntheticContent(root, { districts: 2, years: 1, itemsPerYear: 10, months: 3, seed: 3 });
  const reports = path.join(root, '2020/reports/2020-03.csv');
  const original = readFileSync(reports, 'utf8');
  const before = keysOf(root, today);

  it('a report moved to the top of its file changes no item, unit or leader key, only the year (its downloads keep file order)', () => {
    const [header, ...rows] = original.trimEnd().split('\n');
    writeFileSync(reports, `${[header, rows.at(-1), ...rows.slice(0, -1)].join('\n')}\n`);
    try {
      expect(changed(before, keysOf(root, today))).toEqual(['year 2020']);
    } finally {
      writeFileSync(reports, original);
    }
  });

  it('an edited report changes its item, the year, and the units and leaders that list the item', () => {
    const [header, first, ...rest] = original.trimEnd().split('\n');
    const cells = first.split(',');
    const item = cells[0];
    cells[4] += '（已更正）'; // progress (完成情况)
    const edited = cells.join(',');
    writeFileSync(reports, `${[header, edited, ...rest].join('\n')}\n`);
    try {
      const ds = loadContentOrThrow(root, { today });
      const it = ds.years[0].itemByKey.get(item)!;
      const units = new Set([...it.leadUnitIds, ...it.units.flatMap((u) => (u.type === 'unit' ? [u.id] : []))]);
      expect(changed(before, keysOf(root, today)).sort()).toEqual(
        [
          `item 2020 ${item}`,
          'year 2020',
          ...[...units].map((u) => `unit ${u}`),
          ...it.leaderIds.map((l) => `leader ${l}`),
        ].sort(),
      );
    } finally {
      writeFileSync(reports, original);
    }
  });

  it('an actual written another way (1.2亿元 → 12000万元) or moved in its file changes the year only (its download keeps both)', () => {
    const indicators = makeIndicatorContent();
    const base = keysOf(indicators, TODAY);
    const file = path.join(indicators, '2020/actuals/2020-02.csv');
    const text = ACTUALS['2020/actuals/2020-02.csv'];
    writeFileSync(file, text.replace('1.2亿元', '12000万元'));
    expect(changed(base, keysOf(indicators, TODAY))).toEqual(['year 2020']);
    const [header, ...rows] = text.split('\n');
    writeFileSync(file, [header, ...rows.reverse()].join('\n'));
    expect(changed(base, keysOf(indicators, TODAY))).toEqual(['year 2020']);
  });
});

/** stableJson as it was written first, with JSON.stringify and a replacer: the reference the faster one must equal. */
function replacerJson(value: unknown): string {
  const isSource = (v: unknown) =>
    !!v &&
    typeof v === 'object' &&
    typeof (v as { file?: unknown }).file === 'string' &&
    typeof (v as { line?: unknown }).line === 'number';
  return JSON.stringify(value, (key, v: unknown) => {
    if ((key === 'source' || key === 'raw') && isSource(v)) return undefined;
    if (v instanceof Map) return [...v.entries()].sort(([a], [b]) => String(a).localeCompare(String(b)));
    if (v instanceof Set) return [...v].sort();
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]]),
      );
    }
    return v;
  });
}

describe('stableJson', () => {
  it('writes what JSON.stringify with the sorting replacer wrote, on every edge JSON has', () => {
    const samples: unknown[] = [
      undefined,
      null,
      0,
      -0,
      1.5e300,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      'text "quoted" \\ \n 中文 \u2028',
      true,
      [undefined, () => 1, Symbol('s'), null, 3],
      { b: 1, a: undefined, c: () => 1, '10': 'ten', '2': 'two', '01': 'zero-one', '-1': 'minus', z: { y: [1, { x: 2, w: 3 }] } },
      new Map<unknown, unknown>([
        ['b', new Set(['z', 'a', 10, 9])],
        ['a', { source: { file: 'f.csv', line: 3 }, raw: { file: 'f.csv', line: 3, cells: ['x'] }, kept: 1 }],
        [2, new Map([['k', 'v']])],
      ]),
      { source: 'a string source is kept', raw: { file: 'no line' }, nested: [{ source: { file: 'g.csv', line: 1 } }] },
      { date: new Date(Date.UTC(2024, 0, 2)), toJSONer: { toJSON: (k: string) => `key ${k}` } },
      new Uint8Array([3, 1, 2]),
    ];
    for (const sample of samples) expect(stableJson(sample)).toBe(replacerJson(sample));
  });

  it('writes what the replacer wrote for a whole generated dataset: every key stays as it was', () => {
    const root = path.join(mkdtempSync(path.join(tmpdir(), 'luoshi-json-')), 'content');
    const { today } = writeSyntheticContent(root, { districts: 2, years: 2, itemsPerYear: 12, months: 4, seed: 5 });
    const ds = loadContentOrThrow(root, { today });
    for (const year of ds.years) {
      const { items, ...rest } = year;
      for (const part of [rest, items, ds.units, ds.leaders, ds.collectives, ds.site])
        expect(stableJson(part)).toBe(replacerJson(part));
    }
  });
});
