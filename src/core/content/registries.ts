/**
 * The year-independent files: site.json and the registries every year refers to (units.csv,
 * leaders.csv, collectives.csv). They are read first, so that the years' rows can be resolved
 * against them. A new year-independent file (a holiday calendar, say) is one more field of
 * `Registries` and one more step in `loadRegistries`.
 */
import path from 'node:path';
import { issueOf } from '../errors/catalogue.ts';
import type { Collective, Leader, Site, Unit, UnitRef } from '../model/types.ts';
import type { LoadContext } from './context.ts';
import { exists } from './files.ts';
import { isPlaceholder } from './identity.ts';
import { siteSchema } from './schema.ts';
import type { Scope } from './scope.ts';

/** Name → registry entry, with every alias: what the years' rows are resolved against. */
export class Names {
  readonly unitByName = new Map<string, Unit>();
  readonly leaderByName = new Map<string, Leader>();
  readonly collectiveNames = new Set<string>();

  /**
   * A responsibility list (tasks, projects `units`) as refs; unknown and repeated names are reported into `scope`.
   * A collective whose own name has a 、 in it (各县、市、区政府, 各县(市、区)政府(管委会)) arrives split
   * at it, and is put back together when collectives.csv has it.
   */
  resolveUnits(
    split: string[],
    at: { file: string; line: number; column: number; field: string },
    scope: Scope,
  ): { refs: UnitRef[]; etc: boolean } {
    const refs: UnitRef[] = [];
    let etc = false;
    const written: string[] = [];
    for (let i = 0; i < split.length; i++) {
      let end = i;
      for (let j = split.length - 1; j > i; j--) {
        const joined = split.slice(i, j + 1).join('、');
        if (this.collectiveNames.has(joined) || (j === split.length - 1 && this.collectiveNames.has(joined.replace(/等$/, '')))) {
          end = j;
          break;
        }
      }
      written.push(split.slice(i, end + 1).join('、'));
      i = end;
    }
    written.forEach((entry, index) => {
      let name = entry;
      const isLast = index === written.length - 1;
      if (isLast && name.endsWith('等') && !this.unitByName.has(name) && !this.collectiveNames.has(name)) {
        name = name.slice(0, -1);
        etc = true;
      }
      const unit = this.unitByName.get(name);
      if (unit) {
        if (refs.some((r) => r.type === 'unit' && r.id === unit.id)) {
          scope.issue(issueOf('LS-REF-014', { ...at, value: entry }, { entry }));
        }
        refs.push({ type: 'unit', id: unit.id, written: name });
      } else if (this.collectiveNames.has(name)) {
        refs.push({ type: 'collective', name });
      } else {
        const candidates = this.candidates(name);
        scope.issue(
          candidates
            ? issueOf('LS-REF-015', { ...at, value: entry }, { candidates })
            : issueOf('LS-REF-016', { ...at, value: entry }),
        );
      }
    });
    return { refs, etc };
  }

  /** Up to three registered names the written one may have meant, `、`-joined, or undefined. */
  candidates(name: string): string | undefined {
    const candidates = [...this.unitByName.keys()].filter((n) => n.includes(name) || name.includes(n) || n === `区${name}`);
    return candidates.length > 0 ? [...new Set(candidates)].slice(0, 3).join('、') : undefined;
  }
}

export interface Registries {
  site?: Site;
  units: Unit[];
  leaders: Leader[];
  collectives: Collective[];
  names: Names;
}

export function loadRegistries(ctx: LoadContext, root: string): Registries {
  const at = (name: string) => path.join(root, name);
  const site = loadSite(ctx, at('site.json'), root);
  const names = new Names();
  const units = loadUnits(ctx, at('units.csv'), names);
  const leaders = loadLeaders(ctx, at('leaders.csv'), names);
  const collectives = loadCollectives(ctx, at('collectives.csv'), names);
  return { site, units, leaders, collectives, names };
}

function loadSite(ctx: LoadContext, abs: string, root: string): Site | undefined {
  const site: Site | undefined = ctx.json(abs, siteSchema);
  const badge = site?.identity.badge;
  if (badge && !isPlaceholder(badge) && !exists(path.join(root, badge))) {
    ctx.issue(
      issueOf(
        'LS-SITE-006',
        { file: ctx.display(abs), line: 0, field: 'identity.badge', value: badge },
        { path: ctx.display(path.join(root, badge)) },
      ),
    );
  }
  return site;
}

function loadUnits(ctx: LoadContext, abs: string, names: Names): Unit[] {
  const units: Unit[] = [];
  const table = ctx.table('units', abs);
  const file = table.file;
  const ids = new Map<string, number>();
  for (const row of table.rows) {
    const d = row.data;
    const col = (f: string) => row.raw.header.indexOf(f) + 1;
    if (ids.has(d.id)) {
      ctx.issue(
        issueOf('LS-REF-001', { file, line: row.line, column: col('id'), field: 'id', value: d.id }, { first: ids.get(d.id)! }),
      );
      continue;
    }
    ids.set(d.id, row.line);
    const unit: Unit = { id: d.id, name: d.name, fullName: d.full_name, kind: d.kind, aliases: d.aliases, raw: row.raw };
    for (const [field, name] of [['name', d.name], ['full_name', d.full_name], ...d.aliases.map((a) => ['aliases', a])] as [
      string,
      string,
    ][]) {
      const other = names.unitByName.get(name);
      if (other && other !== unit) {
        ctx.issue(
          issueOf(
            'LS-REF-002',
            { file, line: row.line, column: col(field), field, value: name },
            { other: other.name, id: other.id },
          ),
        );
      }
      names.unitByName.set(name, unit);
    }
    units.push(unit);
  }
  ctx.published(file, units.length);
  return units;
}

function loadLeaders(ctx: LoadContext, abs: string, names: Names): Leader[] {
  const leaders: Leader[] = [];
  const table = ctx.table('leaders', abs);
  const file = table.file;
  for (const row of table.rows) {
    const d = row.data;
    if (leaders.some((l) => l.id === d.id)) {
      ctx.issue(issueOf('LS-REF-003', { file, line: row.line, field: 'id', value: d.id }));
      continue;
    }
    if (names.leaderByName.has(d.name)) {
      ctx.issue(issueOf('LS-REF-004', { file, line: row.line, field: 'name', value: d.name }));
      continue;
    }
    const leader: Leader = { id: d.id, name: d.name, title: d.title, collective: d.collective, raw: row.raw };
    names.leaderByName.set(d.name, leader);
    leaders.push(leader);
  }
  ctx.published(file, leaders.length);
  return leaders;
}

function loadCollectives(ctx: LoadContext, abs: string, names: Names): Collective[] {
  const collectives: Collective[] = [];
  const table = ctx.table('collectives', abs);
  const file = table.file;
  for (const row of table.rows) {
    if (names.collectiveNames.has(row.data.name) || names.unitByName.has(row.data.name)) {
      ctx.issue(issueOf('LS-REF-005', { file, line: row.line, field: 'name', value: row.data.name }));
      continue;
    }
    names.collectiveNames.add(row.data.name);
    collectives.push({ name: row.data.name, meaning: row.data.meaning, raw: row.raw });
  }
  ctx.published(file, collectives.length);
  return collectives;
}
