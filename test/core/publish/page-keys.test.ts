import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../../src/core/content/load.ts';
import type { Dataset } from '../../../src/core/model/types.ts';
import { pageKeys } from '../../../src/core/publish/page-keys.ts';
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
