/**
 * A year's items: the groups (sections.csv, categories.csv) and the items in them (tasks.csv,
 * projects.csv), each row resolved against the registries in its own scope, then the links
 * between a project and the main task it repeats.
 */
import path from 'node:path';
import { issueOf } from '../errors/catalogue.ts';
import type { IssueLocation } from '../errors/issues.ts';
import { deadlineMonth } from '../model/deadline.ts';
import type { Category, Item, ItemKind, ItemPart, Section } from '../model/types.ts';
import { toHalfWidth } from './cells.ts';
import type { LoadContext, Table } from './context.ts';
import type { Names } from './registries.ts';
import type { Scope } from './scope.ts';
import type { YearManifest } from './year.ts';

export interface YearItems {
  sections: Section[];
  categories: Category[];
  /** Tasks then projects. */
  items: Item[];
  itemByKey: Map<string, Item>;
  /** Keys of item rows that exist but have errors: rows referring to them are not reported again. */
  brokenKeys: Set<string>;
}

export function loadItems(ctx: LoadContext, names: Names, dir: string, year: number, head: YearManifest): YearItems {
  const at = (name: string) => path.join(dir, name);
  const { withSections, withCategories, hasTasks, hasProgramme } = head.layout;

  // When a file has errors, checks that depend on it are skipped: the root cause is reported
  // once instead of echoing through every row that refers to it.
  const sectionTable = withSections ? ctx.table('sections', at('sections.csv')) : undefined;
  const categoryTable = withCategories ? ctx.table('categories', at('categories.csv')) : undefined;
  const sections: Section[] = (sectionTable?.rows ?? []).map((r) => ({ ...r.data, raw: r.raw }));
  const categories: Category[] = (categoryTable?.rows ?? []).map((r) => ({ ...r.data, raw: r.raw }));
  for (const table of [sectionTable, categoryTable]) {
    if (!table) continue;
    checkNumbering(
      ctx,
      table.file,
      table.rows.map((r) => ({ no: r.data.no, line: r.line })),
    );
    ctx.published(table.file, table.rows.length);
  }

  const items: Item[] = [];
  const brokenKeys = new Set<string>();
  const kinds: [ItemKind, 'tasks' | 'projects'][] = [];
  if (hasTasks) kinds.push(['task', 'tasks']);
  if (hasProgramme) kinds.push(['project', 'projects']);
  for (const [kind, fileKind] of kinds) {
    const table = itemTable(ctx, fileKind, at(`${fileKind}.csv`));
    const file = table.file;
    const numbered: { no: number; line: number }[] = [];
    const prefix = kind === 'task' ? 'T' : 'P';
    const grouped = kind === 'task' ? withSections : withCategories;
    const groupField = kind === 'task' ? 'section' : 'category';
    const groups: { no: number }[] = kind === 'task' ? sections : categories;
    const groupsBroken = !((kind === 'task' ? sectionTable : categoryTable)?.ok ?? true);
    const nos = groups.map((g) => g.no).join('、');
    const list = kind === 'task' ? head.mainTasks : head.programme;
    for (const values of table.rejected) {
      const no = Number(toHalfWidth(values.no ?? '').trim());
      if (Number.isInteger(no) && no > 0) {
        brokenKeys.add(`${prefix}${no}`);
        numbered.push({ no, line: 0 });
      }
    }
    let published = 0;
    for (const row of table.rows) {
      const v = row.values;
      const col = (f: string) => row.raw.header.indexOf(f) + 1;
      const d = row.data;
      if (numbered.some((n) => n.no === d.no && n.line > 0)) {
        ctx.issue(
          issueOf(
            'LS-REF-006',
            { file, line: row.line, column: col('no'), field: 'no', value: v.no },
            { first: numbered.find((n) => n.no === d.no)!.line },
          ),
        );
        continue;
      }
      numbered.push({ no: d.no, line: row.line });
      const scope = ctx.scope();
      const groupNo = d.group;
      if (grouped && groupNo === undefined) {
        scope.issue(
          issueOf(
            'LS-REF-008',
            { file, line: row.line, column: col(groupField) || undefined, field: groupField, value: v[groupField] ?? '' },
            { file: kind === 'task' ? 'sections.csv' : 'categories.csv', nos },
          ),
        );
      } else if (!grouped && groupNo !== undefined) {
        scope.issue(
          issueOf(kind === 'task' ? 'LS-REF-009' : 'LS-REF-010', {
            file,
            line: row.line,
            column: col(groupField),
            field: groupField,
            value: v[groupField],
          }),
        );
      } else if (grouped && !groupsBroken && !groups.some((g) => g.no === groupNo)) {
        scope.issue(
          issueOf(
            kind === 'task' ? 'LS-REF-011' : 'LS-REF-012',
            { file, line: row.line, column: col(groupField), field: groupField, value: v[groupField] },
            { nos },
          ),
        );
      }
      const leaderIds: string[] = [];
      for (const name of d.leaders) {
        const leader = names.leaderByName.get(name) ?? [...names.leaderByName.values()].find((l) => l.id === name);
        if (leader) leaderIds.push(leader.id);
        else
          scope.issue(
            issueOf(
              'LS-REF-013',
              { file, line: row.line, column: col('leaders'), field: 'leaders', value: name },
              { names: [...names.leaderByName.keys()].join('、') },
            ),
          );
      }
      const { refs, etc } = names.resolveUnits(d.units, { file, line: row.line, column: col('units'), field: 'units' }, scope);
      const unitIds = refs.flatMap((r) => (r.type === 'unit' ? [r.id] : []));
      const leadUnitIds: string[] = [];
      for (const name of d.lead_units) {
        const unit = names.unitByName.get(name);
        if (!unit || !unitIds.includes(unit.id)) {
          scope.issue(issueOf('LS-REF-017', { file, line: row.line, column: col('lead_units'), field: 'lead_units', value: name }));
        } else leadUnitIds.push(unit.id);
      }
      if (d.lead_units.length === 0 && unitIds.length > 0) leadUnitIds.push(unitIds[0]);
      const parts = partsOf(d.text, d.deadline, year);
      if (parts === undefined)
        scope.issue(
          issueOf(
            'LS-REF-035',
            { file, line: row.line, column: col('deadline'), field: 'deadline', value: v.deadline },
            { deadlines: linesOf(d.deadline).length, parts: linesOf(d.text).length },
          ),
        );
      if (!scope.ok || parts === undefined) {
        brokenKeys.add(`${prefix}${d.no}`);
        continue;
      }
      items.push({
        key: `${prefix}${d.no}`,
        kind,
        year,
        no: d.no,
        group: groupNo ?? 0,
        subsection: d.subsection,
        leadIn: d.leadIn,
        text: parts.length > 0 ? parts.map((p) => p.text).join('') : d.text,
        leaderIds,
        units: refs,
        leadUnitIds,
        etc,
        related: d.task ? [`T${d.task}`] : [],
        deadline: linesOf(d.deadline).join('；'),
        deadlineMonth: deadlineMonth(d.deadline, year),
        parts,
        kindName: list?.name ?? '',
        itemLabel: list?.itemLabel ?? '',
        indicators: [],
        source: { file, line: row.line },
        raw: row.raw,
      });
      published++;
    }
    checkNumbering(ctx, file, numbered);
    ctx.published(file, published);
  }

  const itemByKey = new Map(items.map((i) => [i.key, i]));
  // Links between a project and the task it repeats, both ways.
  for (const item of items) {
    if (item.kind !== 'project') continue;
    for (const key of item.related) {
      const task = itemByKey.get(key);
      if (!task) {
        if (!brokenKeys.has(key))
          ctx.issue(issueOf('LS-REF-018', { file: item.source.file, line: item.source.line, field: 'task', value: key.slice(1) }));
      } else task.related.push(item.key);
    }
  }
  return { sections, categories, items, itemByKey, brokenKeys };
}

/** A row of tasks.csv or projects.csv in the shape both kinds of item share (from the zod-typed rows). */
interface ItemRow {
  no: number;
  /** Section (tasks) or category (projects) number. */
  group: number | undefined;
  subsection: string;
  leadIn: string;
  text: string;
  leaders: string[];
  units: string[];
  lead_units: string[];
  /** The main task a project repeats. */
  task: number | undefined;
  deadline: string;
}

function itemTable(ctx: LoadContext, fileKind: 'tasks' | 'projects', abs: string): Table<ItemRow> {
  const shape = <T>(table: Table<T>, data: (d: T) => ItemRow): Table<ItemRow> => ({
    ...table,
    rows: table.rows.map((r) => ({ line: r.line, values: r.values, raw: r.raw, data: data(r.data) })),
  });
  if (fileKind === 'tasks') {
    return shape(ctx.table('tasks', abs), (d) => ({
      no: d.no,
      group: d.section,
      subsection: d.subsection,
      leadIn: d.lead_in,
      text: d.target,
      leaders: d.leaders,
      units: d.units,
      lead_units: d.lead_units,
      task: undefined,
      deadline: d.deadline,
    }));
  }
  return shape(ctx.table('projects', abs), (d) => ({
    no: d.no,
    group: d.category,
    subsection: '',
    leadIn: '',
    text: d.content,
    leaders: d.leaders,
    units: d.units,
    lead_units: d.lead_units,
    task: d.task,
    deadline: d.deadline,
  }));
}

function linesOf(cell: string): string[] {
  return cell
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * The sub-tasks of an item whose text cell holds several, one per line (the notice import writes a
 * row with several sub-tasks so): each with the deadline on the same line of the deadline cell, or
 * none of its own when that cell has one line for the whole item. Undefined when the two cells'
 * lines do not pair up (LS-REF-035); [] for an item of one line (its deadline may span lines).
 */
function partsOf(text: string, deadline: string, year: number): ItemPart[] | undefined {
  const texts = linesOf(text);
  const deadlines = linesOf(deadline);
  if (texts.length < 2) return [];
  if (deadlines.length > 1 && deadlines.length !== texts.length) return undefined;
  return texts.map((t, i) => {
    const own = deadlines.length > 1 ? deadlines[i] : '';
    return { text: t, deadline: own, deadlineMonth: own ? deadlineMonth(own, year) : undefined };
  });
}

/** Numbers must run 1, 2, 3 … with no gap: a gap usually means a row was lost. */
function checkNumbering(ctx: LoadContext, file: string, numbered: { no: number; line: number }[]): void {
  const firstLine = new Map<number, number>();
  for (const n of numbered) {
    const first = firstLine.get(n.no);
    if (first !== undefined && first > 0 && n.line > 0)
      ctx.issue(issueOf('LS-REF-006', { file, line: n.line, field: 'no', value: String(n.no) }, { first }));
    else firstLine.set(n.no, n.line);
  }
  const nos = new Set(numbered.map((n) => n.no));
  const max = Math.max(0, ...nos);
  const gaps = Array.from({ length: max }, (_, i) => i + 1).filter((n) => !nos.has(n));
  if (gaps.length > 0) {
    ctx.issue(
      issueOf('LS-REF-007', { file, line: 0, field: 'no' }, { gaps: `${gaps.slice(0, 10).join('、')}${gaps.length > 10 ? '……' : ''}` }),
    );
  }
}

/** The item a record's row names (its `item` cell); an unknown one is LS-REF-019 in the row's scope. */
export function itemNamed(items: YearItems, scope: Scope, at: IssueLocation & { value?: string }): Item | undefined {
  const item = items.itemByKey.get(at.value ?? '');
  if (!item) scope.issue(issueOf('LS-REF-019', at));
  return item;
}
