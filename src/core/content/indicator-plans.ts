/**
 * A year's quarterly planned numbers (content/YYYY/indicator-plans.csv, optional): for an
 * indicator, the cumulative value planned for the end of each quarter, from the 附件3 form's
 * 季度末计划累计完成数 cells. Each row is checked in its own scope against the item's indicators
 * (a quantity or money indicator: a standard has no cumulative plan); each value is read against
 * the indicator's unit by the model's number reader, like a goal or an actual; the values may not
 * fall from one quarter to the next. A valid row becomes the indicator's `quarterPlan`, which the
 * expected-by-now line follows (model/progress.ts).
 */
import path from 'node:path';
import { issueOf } from '../errors/catalogue.ts';
import { isCounted } from '../model/progress.ts';
import { readQuantity } from '../model/quantity.ts';
import type { Indicator } from '../model/types.ts';
import { numberRefusal } from './number-refusals.ts';
import { cellOf, type LoadContext } from './context.ts';
import { itemNamed, type YearItems } from './items.ts';

const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;
const QUARTER_NAMES = ['一季度末', '二季度末', '三季度末', '四季度末'];
const KIND_NAMES: Record<Indicator['kind'], string> = { quantity: '数量', money: '金额', standard: '标准', bound: '幅度' };


/** Read content/YYYY/indicator-plans.csv (if there is one) into the indicators' quarterly plans. */
export function loadIndicatorPlans(ctx: LoadContext, dir: string, items: YearItems): void {
  const table = ctx.table('indicator-plans', path.join(dir, 'indicator-plans.csv'), { optional: true });
  const file = table.file;
  const seen = new Map<string, number>();
  let published = 0;
  for (const row of table.rows) {
    const d = row.data;
    const cell = (field: string) => cellOf(file, row, field);
    if (items.brokenKeys.has(d.item)) continue;
    const scope = ctx.scope();
    const item = itemNamed(items, scope, cell('item'));
    const indicator = item?.indicators.find((i) => i.no === d.no);
    if (item && item.indicators.length === 0) scope.issue(issueOf('LS-IND-021', cell('item'), { item: d.item }));
    else if (item && !indicator) {
      const numbers = item.indicators.map((i) => i.no).join('、');
      scope.issue(issueOf('LS-IND-020', cell('no'), { item: d.item, no: d.no, numbers }));
    }
    const key = `${d.item}#${d.no}`;
    const first = seen.get(key);
    if (first) scope.issue(issueOf('LS-IND-022', cell('no'), { item: d.item, no: d.no, first }));
    else seen.set(key, row.line);
    if (indicator && !isCounted(indicator)) {
      scope.issue(issueOf('LS-IND-023', cell('no'), { name: indicator.name, kind: KIND_NAMES[indicator.kind] }));
      continue;
    }
    const plan: [number | undefined, number | undefined, number | undefined, number | undefined] = [
      undefined,
      undefined,
      undefined,
      undefined,
    ];
    let previous: { quarter: number; value: number } | undefined;
    QUARTERS.forEach((q, i) => {
      if (!indicator || d[q] === '') return;
      const reading = readQuantity(d[q], indicator.target.unit);
      if (!reading.ok) {
        const issue = numberRefusal('plan', reading, cell(q), indicator.target.unit);
        if (issue) scope.issue(issue);
        return;
      }
      const value = reading.quantity.value;
      if (previous && value < previous.value)
        scope.issue(
          issueOf('LS-IND-024', cell(q), {
            quarter: QUARTER_NAMES[i],
            value: `${value}${indicator.target.unit}`,
            earlier: QUARTER_NAMES[previous.quarter],
            previous: `${previous.value}${indicator.target.unit}`,
          }),
        );
      plan[i] = value;
      previous = { quarter: i, value };
    });
    if (!scope.ok || !indicator) continue;
    if (plan.some((v) => v !== undefined)) indicator.quarterPlan = plan;
    published++;
  }
  ctx.published(file, published);
}
