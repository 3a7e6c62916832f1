/**
 * Cache keys for incremental builds: for each page, a digest of the data that page shows.
 * Astro's `experimental.incrementalBuild` skips a page whose `cacheKey` (returned from
 * getStaticPaths) and template code are unchanged since the last build, and reuses its HTML.
 * So a key must change whenever anything the page shows changes, and should change as little
 * as possible otherwise (the office's monthly update then rebuilds only what it touches).
 *
 * The keys are built bottom-up:
 * - shell: what every page's layout shows (site name, publisher, the latest year and its data
 *   date in the nav and footer, the sample-data notice);
 * - item: one task or project: its record, group, plan, reports, status, related items,
 *   units and leaders by name, completion notices, revision history, withdrawn reports, and
 *   the year's manifest and months (its indicator charts are computed from these alone);
 * - unit, leader, street, year: their own record plus the keys of every item they list. A list page
 *   thus rebuilds when any of its items changes, even in a field the list does not show: a
 *   superset of what it shows, never a subset.
 * Pages without getStaticPaths (home, indexes, search, about) have no key and always render:
 * they are a handful.
 *
 * Pure: no Astro. Memoized per dataset object (one build = one dataset).
 */
import { createHash } from 'node:crypto';
import { generatedBulletins, type GeneratedBulletin } from '../present/generated-bulletins.ts';
import { getChart, hasChart } from '../present/charts.ts';
import { loadHistory, type Change } from '../content/history.ts';
import type { Dataset, Item, ItemStatus, MonthStatus, Report, Source, YearData } from '../model/types.ts';
import { latestYear, streetItems } from '../model/stats.ts';

const isSource = (v: unknown): v is Source =>
  !!v && typeof v === 'object' && typeof (v as Source).file === 'string' && typeof (v as Source).line === 'number';

/**
 * A stable JSON of any value: Maps and Sets as sorted arrays, object keys sorted.
 *
 * A record's `source` (the file and line it was read from) is left out: no page shows it, and
 * with it a row inserted near the top of a monthly file (a late report filed in its month's file)
 * changed the key of every report below it, so publishing 99 rows re-rendered every page of the
 * year (1,958 pages instead of ~300). The row as read (`raw`, which the downloads are built
 * from) carries its line too and is left out for the same reason; a change to its text is a
 * change in the revision history, which the year's key holds. Where file order matters (the
 * downloads list reports in file order), the year's key adds the order explicitly.
 */
export function stableJson(value: unknown): string {
  // Written out rather than JSON.stringify with a replacer: the same text, a few times faster
  // (the replacer copied every object to sort its keys; the keys of the large dataset's 9,700
  // pages took 2.3 s of every build). test/core/publish/page-keys.test.ts holds the two equal.
  return serialize('', value) as string;
}

/** JSON.stringify's own order of an object's keys: array indices ascending, then the others as created. */
const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;
function sortedKeys(v: object): string[] {
  const keys = Object.keys(v).sort();
  // stableJson sorted the keys into a new object, whose own order puts array indices first,
  // numerically: kept, so that every key stays what it was.
  const indices = keys.filter((k) => ARRAY_INDEX.test(k) && Number(k) < 4294967295);
  if (indices.length === 0) return keys;
  const set = new Set(indices);
  return [...indices.sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !set.has(k))];
}

function serializeArray(a: readonly unknown[]): string {
  let s = '[';
  for (let i = 0; i < a.length; i++) {
    if (i > 0) s += ',';
    s += serialize(String(i), a[i]) ?? 'null';
  }
  return `${s}]`;
}

/** JSON.stringify's steps for one value under `key`, with stableJson's rules; undefined leaves it out. */
function serialize(key: string, value: unknown): string | undefined {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    v = (v as { toJSON: (key: string) => unknown }).toJSON(key);
  if ((key === 'source' || key === 'raw') && isSource(v)) return undefined;
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(v); // throws, as JSON.stringify does
    case 'object':
      break;
    default:
      return undefined;
  }
  if (v === null) return 'null';
  if (v instanceof Map) return serializeArray([...v.entries()].sort(([a], [b]) => String(a).localeCompare(String(b))));
  if (v instanceof Set) return serializeArray([...v].sort());
  if (Array.isArray(v)) return serializeArray(v);
  let s = '{';
  let first = true;
  for (const k of sortedKeys(v)) {
    const member = serialize(k, (v as Record<string, unknown>)[k]);
    if (member === undefined) continue;
    s += `${first ? '' : ','}${JSON.stringify(k)}:${member}`;
    first = false;
  }
  return `${s}}`;
}

export function digest(...parts: unknown[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(typeof p === 'string' ? p : (stableJson(p) ?? 'undefined')).update('\u0000');
  return h.digest('base64url').slice(0, 22);
}

/**
 * An item's status for its key: each month's report, which the key holds in full among the
 * item's reports, named by its place there (the reports written out again were half of every
 * item key's text, and of the time the keys took).
 */
function statusOf(status: ItemStatus | undefined, reports: readonly Report[]) {
  if (!status) return status;
  const named = (m: MonthStatus | undefined) => {
    const at = m?.report ? reports.indexOf(m.report) : -1;
    return m && at >= 0 ? { ...m, report: at } : m;
  };
  return { ...status, months: status.months.map(named), current: named(status.current) };
}

export interface PageKeys {
  shell: string;
  item(year: YearData, item: Item): string;
  unit(unitId: string): string;
  leader(leaderId: string): string;
  /** 我的街道: a street office's page (the items it is named in, given to every street, or mentioned in). */
  street(unitId: string): string;
  year(year: YearData): string;
  /** Every year together: registry downloads, the data zip. */
  all: string;
  chart(id: string): string;
  bulletin(b: GeneratedBulletin): string;
}

interface Options {
  /** The citation date of charts (Chart.astro passes buildDate()). */
  accessed: string;
  /** Content folder, for the git history; default contentRoot(). */
  root?: string;
}

const memo = new WeakMap<Dataset, Map<string, PageKeys>>();

export function pageKeys(ds: Dataset, options: Options): PageKeys {
  const id = `${options.accessed}|${options.root ?? ''}`;
  let byOpt = memo.get(ds);
  if (!byOpt) memo.set(ds, (byOpt = new Map()));
  let keys = byOpt.get(id);
  if (!keys) byOpt.set(id, (keys = computeKeys(ds, options)));
  return keys;
}

function computeKeys(ds: Dataset, options: Options): PageKeys {
  const latest = latestYear(ds);
  const sampleYear = [...ds.years].reverse().find((y) => y.manifest.sample);
  const shell = digest(
    'shell',
    ds.site,
    latest.year,
    latest.manifest.data_date,
    sampleYear?.manifest.sample_note ?? '',
    ds.years.map((y) => y.year),
  );

  const history = loadHistory(options.root);
  const changesByItem = new Map<string, Change[]>();
  const changesByYear = new Map<number, Change[]>();
  if (history.available) {
    for (const c of history.changes) {
      const k = `${c.year}|${c.item}`;
      changesByItem.set(k, [...(changesByItem.get(k) ?? []), c]);
      changesByYear.set(c.year, [...(changesByYear.get(c.year) ?? []), c]);
    }
  }
  const historyState = history.available ? { dirty: history.dirty } : history;
  const bulletins = generatedBulletins(ds);
  const notices = new Map<string, string[]>();
  for (const b of bulletins) {
    if (b.kind !== 'completion' || !b.itemKey) continue;
    const k = `${b.year}|${b.itemKey}`;
    notices.set(k, [...(notices.get(k) ?? []), b.slug]);
  }

  const chartMemo = new Map<string, string>();
  const chart = (id: string) => {
    let k = chartMemo.get(id);
    if (k === undefined)
      chartMemo.set(
        id,
        (k = hasChart(ds, id)
          ? digest('chart', shell, getChart(ds, id, { accessed: options.accessed }))
          : digest('no-chart', id)),
      );
    return k;
  };

  const unitName = (id: string) => ds.unitById.get(id) ?? id;
  // What every item of a year repeats (its manifest and months), digested once per year.
  const yearShell = new Map(ds.years.map((y) => [y.year, digest('year-shell', y.year, y.manifest, y.months)]));
  const itemMemo = new Map<string, string>();
  const item = (year: YearData, it: Item) => {
    const k = `${year.year}|${it.key}`;
    let key = itemMemo.get(k);
    if (key !== undefined) return key;
    const plan = year.planByItem.get(it.key);
    const group =
      it.kind === 'task' ? year.sections.find((s) => s.no === it.group) : year.categories.find((c) => c.no === it.group);
    const related = it.related
      .map((r) => year.itemByKey.get(r))
      .map((r) => (r ? { key: r.key, kind: r.kind, no: r.no, text: r.text } : null));
    const reports = year.reportsByItem.get(it.key) ?? [];
    key = digest(
      'item',
      shell,
      yearShell.get(year.year)!,
      it,
      group,
      plan,
      plan ? unitName(plan.unitId) : null,
      reports,
      statusOf(year.status.get(it.key), reports),
      related,
      it.units.map((u) => (u.type === 'unit' ? { ...u, unit: unitName(u.id) } : u)),
      it.leadUnitIds.map(unitName),
      it.leaderIds.map((l) => ds.leaderById.get(l) ?? l),
      notices.get(k) ?? [],
      historyState,
      changesByItem.get(k) ?? [],
      // Withdrawn reports are shown on the item page (and, through the item keys, on month pages).
      year.withdrawals.filter((w) => w.item === it.key),
    );
    itemMemo.set(k, key);
    return key;
  };

  const itemsOfUnit = new Map<string, string[]>();
  const itemsOfLeader = new Map<string, string[]>();
  for (const year of ds.years) {
    for (const it of year.items) {
      const k = item(year, it);
      const unitIds = new Set([...it.leadUnitIds, ...it.units.flatMap((u) => (u.type === 'unit' ? [u.id] : []))]);
      for (const u of unitIds) itemsOfUnit.set(u, [...(itemsOfUnit.get(u) ?? []), k]);
      for (const l of it.leaderIds) itemsOfLeader.set(l, [...(itemsOfLeader.get(l) ?? []), k]);
    }
  }

  const yearMemo = new Map<number, string>();
  const year = (y: YearData) => {
    let key = yearMemo.get(y.year);
    if (key === undefined) {
      yearMemo.set(
        y.year,
        (key = digest(
          'year',
          shell,
          y.year,
          y.manifest,
          y.sections,
          y.categories,
          y.months,
          y.items.map((it) => item(y, it)),
          bulletins.filter((b) => b.year === y.year),
          historyState,
          changesByYear.get(y.year) ?? [],
          // Which row stands where in its file: the year's downloads keep the files' order (src/core/publish/export.ts).
          [...y.tasks, ...y.projects].map((i) => [i.source.file, i.source.line, i.key]),
          y.plans.map((p) => [p.source.file, p.source.line, p.item]),
          y.reports.map((r) => [r.source.file, r.source.line, r.item, r.month]),
          y.items.flatMap((i) => i.indicators.map((n) => [n.source.line, n.item, n.no])),
          // The actuals download keeps each value as written (19部, 1.2万), which the items' keys do not hold.
          y.actuals.map((a) => [a.source.file, a.source.line, a.raw.cells]),
        )),
      );
    }
    return key;
  };
  const all = digest('all', shell, ds.units, ds.leaders, ds.collectives, ds.years.map(year));

  return {
    shell,
    item,
    unit: (id) => digest('unit', shell, ds.unitById.get(id), itemsOfUnit.get(id) ?? []),
    leader: (id) => digest('leader', shell, ds.leaderById.get(id), itemsOfLeader.get(id) ?? []),
    street: (id) => {
      const s = streetItems(ds, id);
      return digest(
        'street',
        shell,
        ds.unitById.get(id),
        [...yearShell.values()],
        s.named.map((e) => [item(e.year, e.item), e.role]),
        s.all.map((e) => item(e.year, e.item)),
        s.unlisted.map((e) => [item(e.year, e.item), e.as]),
        s.mentioned.map((e) => item(e.year, e.item)),
      );
    },
    year,
    all,
    chart,
    bulletin: (b) =>
      digest(
        'bulletin',
        shell,
        b,
        b.itemKey
          ? item(
              ds.years.find((y) => y.year === b.year)!,
              ds.years.find((y) => y.year === b.year)!.itemByKey.get(b.itemKey)!,
            )
          : year(ds.years.find((y) => y.year === b.year)!),
      ),
  };
}
