/**
 * A year's indicators (content/YYYY/indicators.csv, optional): the numbers an item's progress is
 * measured by. Each row is checked in its own scope against the items (the item exists; its
 * indicator number and name are not taken), its kind (a unit that fits, a comparison where one
 * belongs) and its goal, read against the measure by the model's number reader (quantity.ts);
 * every refusal of the reader is a catalogue message of its own. Valid rows are given to their
 * items, in file order.
 */
import path from 'node:path';
import { issueOf } from '../errors/catalogue.ts';
import { readQuantity, unitInfo } from '../model/quantity.ts';
import type { Comparison, Indicator, IndicatorKind } from '../model/types.ts';
import { numberRefusal } from './number-refusals.ts';
import { cellOf, type LoadContext } from './context.ts';
import { itemNamed, type YearItems } from './items.ts';
import type { INDICATOR_KINDS } from './schema.ts';

const KINDS: Record<(typeof INDICATOR_KINDS)[number], IndicatorKind> = {
  数量: 'quantity',
  金额: 'money',
  标准: 'standard',
  幅度: 'bound',
};


/** Read content/YYYY/indicators.csv (if there is one) and give each item its indicators. */
export function loadIndicators(ctx: LoadContext, dir: string, year: number, items: YearItems): void {
  const table = ctx.table('indicators', path.join(dir, 'indicators.csv'), { optional: true });
  const file = table.file;
  const numbers = new Map<string, number>();
  const names = new Map<string, number>();
  let published = 0;
  for (const row of table.rows) {
    const d = row.data;
    const cell = (field: string) => cellOf(file, row, field);
    if (items.brokenKeys.has(d.item)) continue;
    const scope = ctx.scope();
    const item = itemNamed(items, scope, cell('item'));
    const numberKey = `${d.item}#${d.no}`;
    if (numbers.has(numberKey)) scope.issue(issueOf('LS-IND-003', cell('no'), { no: d.no, first: numbers.get(numberKey)! }));
    else numbers.set(numberKey, row.line);
    const nameKey = `${d.item}#${d.name}`;
    if (names.has(nameKey)) scope.issue(issueOf('LS-IND-004', cell('name'), { name: d.name, first: names.get(nameKey)! }));
    else names.set(nameKey, row.line);

    const kind = KINDS[d.kind];
    const unit = unitInfo(d.measure);
    if (!unit) scope.issue(issueOf('LS-IND-005', cell('measure')));
    else if (kind === 'money' && unit.family !== 'money') scope.issue(issueOf('LS-IND-006', cell('measure')));
    else if (kind === 'quantity' && unit.family === 'money') scope.issue(issueOf('LS-IND-007', cell('measure'), { measure: d.measure }));
    const compared = kind === 'standard' || kind === 'bound';
    if (compared && d.comparison === '') scope.issue(issueOf('LS-IND-008', cell('comparison'), { kind: d.kind }));
    if (!compared && d.comparison !== '') scope.issue(issueOf('LS-IND-009', cell('comparison'), { kind: d.kind }));

    const reading = unit ? readQuantity(d.goal, d.measure) : undefined;
    if (reading && !reading.ok) {
      const issue = numberRefusal('goal', reading, cell('goal'), d.measure);
      if (issue) scope.issue(issue);
    } else if (reading?.ok && !compared && reading.quantity.value <= 0) scope.issue(issueOf('LS-IND-010', cell('goal')));

    if (!scope.ok || !item || !reading?.ok) continue;
    const indicator: Indicator = {
      year,
      item: d.item,
      no: d.no,
      name: d.name,
      kind,
      target: reading.quantity,
      base: reading.base,
      ...(compared ? { comparison: d.comparison as Comparison } : {}),
      sourceText: d.source,
      confirmed: d.confirmed,
      actuals: [],
      source: { file, line: row.line },
      raw: row.raw,
    };
    item.indicators.push(indicator);
    published++;
  }
  ctx.published(file, published);
}
