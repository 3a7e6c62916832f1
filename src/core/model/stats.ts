/**
 * Summary statistics over the derived statuses. Computed from `YearData` on demand; pages
 * that need the same figure call the same function, so the site never disagrees with itself.
 */
import type { Dataset, Item, ItemKind, Report, Status, Unit, YearData } from './types.ts';
import { completeBefore } from './status.ts';
import { LuoshiError } from '../errors/errors.ts';

export type StatusCounts = Record<Status, number> & { total: number };

export function emptyCounts(): StatusCounts {
  return { 已完成: 0, 序时推进: 0, 滞后: 0, 未报送: 0, total: 0 };
}

/** Status of an item in a month; undefined when that month is not yet covered. */
export function statusIn(year: YearData, key: string, month?: string): Status | undefined {
  const s = year.status.get(key);
  if (!s) return undefined;
  return month ? s.months.find((m) => m.month === month)?.status : s.current?.status;
}

/** Count statuses of `items` in `month` (default: the latest covered month). Items not yet covered are not counted. */
export function countStatuses(year: YearData, items: Item[], month?: string): StatusCounts {
  const counts = emptyCounts();
  for (const item of items) {
    const status = statusIn(year, item.key, month);
    if (!status) continue;
    counts[status]++;
    counts.total++;
  }
  return counts;
}

export function itemsOfKind(year: YearData, kind: ItemKind): Item[] {
  return kind === 'task' ? year.tasks : year.projects;
}

/** Per section (tasks) or per category (projects): the items and their counts. */
export function countsByGroup(year: YearData, kind: ItemKind, month?: string) {
  const groups =
    kind === 'task'
      ? year.sections.map((s) => ({ no: s.no, name: s.name, label: s.name }))
      : year.categories.map((c) => ({ no: c.no, name: c.name, label: `${c.numeral}、${c.name}` }));
  return groups.map((g) => {
    const items = itemsOfKind(year, kind).filter((i) => i.group === g.no);
    return { ...g, items, counts: countStatuses(year, items, month) };
  });
}

/** Completed count and share per covered month: the line of the completion chart. */
export function completionSeries(year: YearData, kind: ItemKind) {
  const items = itemsOfKind(year, kind);
  return year.months.map((month) => {
    const counts = countStatuses(year, items, month);
    return {
      month,
      completed: counts.已完成,
      total: items.length,
      share: items.length ? counts.已完成 / items.length : 0,
      counts,
    };
  });
}

export type Role = 'lead' | 'shared';

/** Items by unit, per dataset: unit pages, feeds and charts all ask, thousands of times on a large site. */
const itemsByUnit = new WeakMap<Dataset, Map<string, { year: YearData; item: Item; role: Role }[]>>();

/** Every item a unit leads or shares, across years (oldest year first, then in item order). */
export function itemsOfUnit(dataset: Dataset, unitId: string): readonly { year: YearData; item: Item; role: Role }[] {
  let index = itemsByUnit.get(dataset);
  if (!index) {
    index = new Map();
    for (const year of dataset.years) {
      for (const item of year.items) {
        for (const ref of item.units) {
          if (ref.type !== 'unit') continue;
          const list = index.get(ref.id) ?? [];
          list.push({ year, item, role: item.leadUnitIds.includes(ref.id) ? 'lead' : 'shared' });
          index.set(ref.id, list);
        }
      }
    }
    itemsByUnit.set(dataset, index);
  }
  return index.get(unitId) ?? [];
}

export function itemsOfLeader(dataset: Dataset, leaderId: string): { year: YearData; item: Item }[] {
  return dataset.years.flatMap((year) =>
    year.items.filter((item) => item.leaderIds.includes(leaderId)).map((item) => ({ year, item })),
  );
}

export type Timeliness = '按时' | '逾期' | '未报送' | '无需报送';

/** Whether the report for `item` in `month` came on time, late, never, or was not needed (item already complete). */
export function timeliness(year: YearData, item: Item, month: string): Timeliness | undefined {
  const ms = year.status.get(item.key)?.months.find((m) => m.month === month);
  if (!ms) return undefined;
  if (ms.report) return ms.report.late ? '逾期' : '按时';
  return ms.status === '已完成' ? '无需报送' : '未报送';
}

export type Tally = Record<Timeliness, number>;

/** Reporting record month by month over a set of items (a leader's, a unit's). */
export function reportingRecordOf(year: YearData, items: Item[]) {
  return year.months.map((month) => {
    const tally: Tally = { 按时: 0, 逾期: 0, 未报送: 0, 无需报送: 0 };
    for (const item of items) {
      const t = timeliness(year, item, month);
      if (t) tally[t]++;
    }
    return { month, ...tally, items: items.length };
  });
}

/**
 * A unit's reporting record per month, over the items it leads (the lead unit reports for the
 * item; a report filed by another unit of the item still counts for the item).
 */
export function reportingRecord(year: YearData, unitId: string) {
  return reportingRecordOf(
    year,
    year.items.filter((i) => i.leadUnitIds.includes(unitId)),
  );
}

/** The report of `key` for `month`, if filed. */
export function reportOf(year: YearData, key: string, month: string): Report | undefined {
  return year.status.get(key)?.months.find((m) => m.month === month)?.report;
}

/** The latest year of the dataset. */
export function latestYear(ds: Dataset): YearData {
  const y = ds.years.at(-1);
  if (!y) throw new LuoshiError('No year in the dataset');
  return y;
}

/** Items that became complete in `month` (for completion notices). */
export function completedInMonth(year: YearData, month: string): Item[] {
  let byMonth = completions.get(year);
  if (!byMonth) {
    byMonth = new Map<string, Item[]>();
    for (const item of year.items) {
      const months = year.status.get(item.key)?.months ?? [];
      for (const [i, m] of months.entries()) {
        if (m.status === '已完成' && (i === 0 || months[i - 1].status !== '已完成'))
          byMonth.set(m.month, [...(byMonth.get(m.month) ?? []), item]);
      }
    }
    completions.set(year, byMonth);
  }
  return [...(byMonth.get(month) ?? [])];
}

/** Completions by month, per year: indexed once, since every feed asks for every month. */
const completions = new WeakMap<YearData, Map<string, Item[]>>();

/** Collective references that name every street office (全区各街道), and those that name some, unlisted. */
const ALL_STREETS = new Set(['各街道办事处']);
const SOME_STREETS = /街道办事处$/;

export interface StreetItems {
  /** Items that name this street office among their units (lead or shared). */
  named: { year: YearData; item: Item; role: Role }[];
  /** Items given to every street office (各街道办事处). */
  all: { year: YearData; item: Item }[];
  /** Items given to street offices the notice does not list (相关街道办事处, 涉农街道办事处 …). */
  unlisted: { year: YearData; item: Item; as: string }[];
  /** Other items whose text names the street (e.g. 党家、陡沟街道…). */
  mentioned: { year: YearData; item: Item }[];
}

/** What one street office (a unit of kind 街道办事处) shares, for the “my street” pages. */
export function streetItems(dataset: Dataset, unitId: string): StreetItems {
  const unit = dataset.unitById.get(unitId);
  const named = [...itemsOfUnit(dataset, unitId)];
  const seen = new Set(named.map((e) => `${e.year.year}/${e.item.key}`));
  const out: StreetItems = { named, all: [], unlisted: [], mentioned: [] };
  const short = unit ? unit.name.replace(/街道办事处$/, '') : '';
  for (const year of dataset.years) {
    for (const item of year.items) {
      const key = `${year.year}/${item.key}`;
      if (seen.has(key)) continue;
      const collective = item.units.flatMap((r) => (r.type === 'collective' && SOME_STREETS.test(r.name) ? [r.name] : []));
      if (collective.some((n) => ALL_STREETS.has(n))) out.all.push({ year, item });
      else if (collective.length) out.unlisted.push({ year, item, as: collective[0] });
      else if (short.length >= 2 && item.text.includes(short)) out.mentioned.push({ year, item });
      else continue;
      seen.add(key);
    }
  }
  return out;
}

/** The street offices of the registry (units of kind 街道办事处), in registry order. */
export function streets(dataset: Dataset): Unit[] {
  return dataset.units.filter((u) => u.kind === '街道办事处');
}

/** Items a unit reports on: those it leads (the lead unit files for the item). */
export function itemsLedBy(year: YearData, unitId: string): Item[] {
  return year.items.filter((i) => i.leadUnitIds.includes(unitId));
}

/** Units that lead at least one item of the year, in registry order. */
export function reportingUnits(dataset: Dataset, year: YearData): Unit[] {
  const leads = new Set(year.items.flatMap((i) => i.leadUnitIds));
  return dataset.units.filter((u) => leads.has(u.id));
}

/** Items with no lead unit (only collective references such as 各责任单位): no form can carry them. */
export function itemsWithoutLead(year: YearData): Item[] {
  return year.items.filter((i) => i.leadUnitIds.length === 0);
}

/** Whether the item was reported complete (and not reopened) before `month` (status.ts's rule). */
export function completedBefore(year: YearData, key: string, month: string): boolean {
  return completeBefore(year.reportsByItem.get(key) ?? [], month);
}
