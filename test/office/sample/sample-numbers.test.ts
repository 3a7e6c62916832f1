/**
 * The sample numbers of the bundled year (office/sample/sample-numbers.ts, through generateSample):
 * deterministic (the same seed gives the same bytes, and the committed files are that output);
 * plausible against the sample reports: every indicator has values, cumulative values never fall
 * without the report's note, an item reported 全部完成 stands at its target or above, and on the
 * data date some indicators are behind the expected line, some ahead, some 超额, standards and
 * bounds near their targets.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../../src/core/content/load.ts';
import { indicatorProgress, isCounted } from '../../../src/core/model/progress.ts';
import { generateSample } from '../../../office/sample/sample.ts';
import { SHIZHONG_2020 } from '../../fixtures/bundled.ts';
import { TODAY } from '../../fixtures/content.ts';

const ds = loadContentOrThrow(SHIZHONG_2020, { today: TODAY });
const year = ds.years[0];
const fixture = (rel: string) => readFileSync(path.join(SHIZHONG_2020, '2020', rel), 'utf8');

describe('sample numbers', () => {
  it('are the same bytes for the same seed, the files committed with the bundled year', () => {
    const a = generateSample(ds, year, { seed: '20200217', months: 6 });
    const b = generateSample(ds, year, { seed: '20200217', months: 6 });
    expect(a.actuals).toEqual(b.actuals);
    expect(a.indicatorPlans).toBe(b.indicatorPlans);
    expect([...a.actuals.keys()]).toEqual([1, 2, 3, 4, 5, 6]);
    for (const [m, text] of a.actuals) expect(text, `actuals/2020-0${m}.csv`).toBe(fixture(`actuals/2020-0${m}.csv`));
    expect(a.indicatorPlans).toBe(fixture('indicator-plans.csv'));
    expect(generateSample(ds, year, { seed: '1', months: 6 }).indicatorPlans).not.toBe(a.indicatorPlans);
  });

  it('give every indicator of a reporting item values that tell the reports’ story', () => {
    const indicators = year.items.filter((i) => i.leadUnitIds.length > 0).flatMap((i) => i.indicators);
    expect(indicators.length).toBeGreaterThan(100);
    for (const indicator of indicators) {
      expect(indicator.actuals.length, `${indicator.item}#${indicator.no}`).toBeGreaterThan(0);
      const reports = new Map(year.reportsByItem.get(indicator.item)!.map((r) => [r.month, r]));
      let previous: number | undefined;
      for (const a of indicator.actuals) {
        const report = reports.get(a.month)!;
        expect(report, `${a.item} ${a.month} has a report`).toBeDefined();
        if (!isCounted(indicator)) {
          // A current value near the target.
          expect(Math.abs(a.value.value - indicator.target.value) / indicator.target.value).toBeLessThan(0.25);
          continue;
        }
        if (previous !== undefined && a.value.value < previous) expect(report.note, `${a.item} ${a.month} falls`).not.toBe('');
        if (report.itemComplete) expect(a.value.value).toBeGreaterThanOrEqual(indicator.target.value);
        previous = a.value.value;
      }
      if (isCounted(indicator)) expect(indicator.quarterPlan?.[3]).toBe(indicator.target.value);
    }
  });

  it('put some indicators behind the line, some ahead, some 超额 on the data date, and standards met or not', () => {
    const month = year.months.at(-1)!;
    const progress = year.items.flatMap((i) => i.indicators).map((i) => indicatorProgress(i, month));
    const count = (position: string) => progress.filter((p) => p.position === position).length;
    expect(count('behind')).toBeGreaterThanOrEqual(3);
    expect(count('ahead')).toBeGreaterThanOrEqual(2);
    expect(count('on')).toBeGreaterThan(count('behind'));
    expect(progress.filter((p) => (p.rate ?? 0) > 1).length).toBeGreaterThanOrEqual(3);
    expect(count('met')).toBeGreaterThan(count('not-met'));
    expect(count('not-met')).toBeGreaterThanOrEqual(1);
    // A reopened item's fall is explained by its note (LS-ACT-014 would refuse it otherwise).
    const reopened = year.items.filter((i) =>
      i.indicators.some((ind) => ind.actuals.some((a, k) => k > 0 && a.value.value < ind.actuals[k - 1].value.value)),
    );
    expect(reopened.map((i) => i.key).length).toBeGreaterThanOrEqual(1);
  });
});
