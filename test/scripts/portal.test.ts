/**
 * The province portal (scripts/portal.ts) over district builds, and the summary each district
 * publishes (src/core/publish/summary.ts, /data/summary.json).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../src/core/content/load.ts';
import { siteSummary } from '../../src/core/publish/summary.ts';
import { buildPortal } from '../../scripts/portal.ts';
import { makeContent, TODAY } from '../fixtures/content.ts';

describe('siteSummary', () => {
  it('counts every item of every year by status, with the data dates', () => {
    const ds = loadContentOrThrow(makeContent(), { today: TODAY });
    const s = siteSummary(ds);
    expect(s.district).toBe('测试区');
    expect(s.dataDate).toBe('2020-04-10');
    const y = s.years[0];
    expect(y.tasks.total).toBe(3);
    expect(y.projects.total).toBe(2);
    const statuses = (c: Record<string, number>) =>
      Object.entries(c)
        .filter(([k]) => k !== 'total')
        .reduce((a, [, v]) => a + v, 0);
    expect(statuses(y.tasks)).toBeGreaterThan(0);
    expect(statuses(y.tasks)).toBeLessThanOrEqual(3);
  });
});

describe('buildPortal', () => {
  it('writes an overview row per district and merges every district bundle and year shard', () => {
    const site = mkdtempSync(path.join(tmpdir(), 'luoshi-portal-'));
    const ds = loadContentOrThrow(makeContent(), { today: TODAY });
    for (const [dir, name, shards] of [
      ['d1', '东区', ['2020']],
      ['d2', '西区<b>', ['2020', '2021']],
    ] as const) {
      mkdirSync(path.join(site, dir, 'data'), { recursive: true });
      mkdirSync(path.join(site, dir, 'pagefind'), { recursive: true });
      writeFileSync(path.join(site, dir, 'data/summary.json'), JSON.stringify({ ...siteSummary(ds), district: name }));
      writeFileSync(path.join(site, dir, 'pagefind/pagefind.js'), '');
      writeFileSync(path.join(site, dir, 'pagefind/shards.json'), JSON.stringify({ shards }));
    }
    const r = buildPortal(site);
    expect(r).toEqual({ districts: 2, bundles: 5 });
    const html = readFileSync(path.join(site, 'index.html'), 'utf8');
    expect(html).toContain('<a href="/d1/">东区</a>');
    // Names from the data are escaped.
    expect(html).toContain('西区&#60;b&#62;');
    expect(html).not.toContain('西区<b>');
    const bundles = JSON.parse(readFileSync(path.join(site, 'search/bundles.json'), 'utf8'));
    expect(bundles.map((b: { bundle: string }) => b.bundle)).toEqual([
      '/d1/pagefind/',
      '/d1/pagefind/2020/',
      '/d2/pagefind/',
      '/d2/pagefind/2020/',
      '/d2/pagefind/2021/',
    ]);
    expect(bundles[3].base).toBe('/d2/');
  });

  it('fails on a folder without district builds', () => {
    expect(() => buildPortal(mkdtempSync(path.join(tmpdir(), 'luoshi-portal-empty-')))).toThrow(/no district site/);
  });
});
