/**
 * Loading a content folder: read every file, validate every row, resolve names against the
 * registries, check rules across files, derive statuses. All problems are collected, never
 * thrown one at a time, so the office sees every error of a submission in one run.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { HolidayCalendar } from '../model/calendar.ts';
import { inCoveredYear, loadHolidayCalendar } from './holidays.ts';
import { checkBulletins } from './bulletin-files.ts';
import { readCsvBytes } from './csv.ts';
import { issueFromZod, issueOf } from '../errors/catalogue.ts';
import { isPlaceholder } from './identity.ts';
import { ContentError } from '../errors/errors.ts';
import { formatIssue, type DataIssue, type IssueLocation } from '../errors/issues.ts';
import type {
  Category,
  Collective,
  Dataset,
  Item,
  ItemKind,
  Leader,
  MainTasks,
  Manifest,
  Plan,
  Programme,
  Report,
  RowCount,
  Section,
  Site,
  Unit,
  UnitRef,
  Withdrawal,
  YearData,
} from '../model/types.ts';
import { FILES, columnLabel, isRealMonth, manifestSchema, siteSchema, type FileKind } from './schema.ts';
import { coveredMonths, deriveItemStatus } from '../model/status.ts';

export interface LoadOptions {
  /** The build date (YYYY-MM-DD); data dated after it is rejected. Defaults to today. */
  today?: string;
}

export interface LoadResult {
  dataset?: Dataset;
  issues: DataIssue[];
}

/** Field labels for messages: looked up across all file kinds, since a field name is enough. */
function labelFor(file: string): (field: string) => string | undefined {
  const kind = fileKindOf(file);
  return (field) => (kind ? columnLabel(kind, field) : undefined);
}

function fileKindOf(file: string): FileKind | undefined {
  const base = path.basename(file, '.csv');
  if (/^\d{4}-\d{2}$/.test(base) || file.includes('/reports/')) return 'reports';
  return base in FILES ? (base as FileKind) : undefined;
}

export function formatIssues(issues: DataIssue[]): string {
  const sorted = [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  const lines = sorted.map((i) => formatIssue(i, labelFor(i.file)));
  const files = new Set(issues.map((i) => i.file)).size;
  lines.push('', `内容校验未通过：${files} 个文件中共 ${issues.length} 处错误。修改后运行 npm run validate 重新检查。`);
  return lines.join('\n');
}

export function loadContentOrThrow(root: string, options: LoadOptions = {}): Dataset {
  const result = loadContent(root, options);
  if (result.issues.length > 0 || !result.dataset) throw new ContentError(result.issues, formatIssues(result.issues));
  return result.dataset;
}

const FULLWIDTH_ASCII = /[\uFF01-\uFF5E]/;
const CODE_FIELDS = new Set(['id', 'no', 'item', 'month', 'filed', 'section', 'category', 'task']);

/**
 * Characters that show nothing (zero-width spaces and joiners, direction marks, soft hyphens,
 * variation selectors, a BOM inside the text): a name containing one looks identical to the
 * real name but is a different name.
 */
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- the class lists combining marks and variation selectors one by one: finding them is the point
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|[\u{E0000}-\u{E0FFF}]/gu;

/** Columns holding ids and names (of units, leaders, collectives), and the names that refer to them. */
const NAME_FIELDS: Partial<Record<FileKind, string[]>> = {
  units: ['id', 'name', 'full_name', 'aliases'],
  leaders: ['id', 'name', 'title'],
  collectives: ['name'],
  tasks: ['leaders', 'units', 'lead_units'],
  projects: ['leaders', 'units', 'lead_units'],
  plans: ['unit'],
  reports: ['unit'],
  withdrawals: ['item'],
};

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Characters that NFKC folds into an ordinary one (Kangxi radicals such as ⼯ U+2F2F for 工,
 * compatibility ideographs, circled or styled letters), except full-width ASCII and the
 * ideographic space, which have messages of their own and belong in Chinese names （like these）.
 */
function lookAlikes(value: string): { char: string; real: string }[] {
  const found: { char: string; real: string }[] = [];
  for (const char of value) {
    if (/[\uFF01-\uFF5E\u3000]/.test(char)) continue;
    const real = char.normalize('NFKC');
    if (real !== char) found.push({ char, real });
  }
  return found;
}

/** The name as it was meant: invisible characters dropped, look-alikes replaced. */
export function realName(value: string): string {
  let out = '';
  for (const char of value.replace(INVISIBLE, '')) out += /[\uFF01-\uFF5E\u3000]/.test(char) ? char : char.normalize('NFKC');
  return out;
}

function toHalfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

interface Row<T> {
  line: number;
  data: T;
  values: Record<string, string>;
}

/** Valid rows, plus the raw values of rows rejected with an issue (to keep errors from cascading). */
type Rows<T> = Row<T>[] & { rejected: Record<string, string>[] };

function rowsOf<T>(rows: Row<T>[], rejected: Record<string, string>[]): Rows<T> {
  return Object.assign(rows, { rejected });
}

class Loader {
  readonly issues: DataIssue[] = [];
  readonly rowCounts: RowCount[] = [];
  readonly display: (abs: string) => string;
  readonly today: string;

  readonly root: string;
  readonly links = new Set<string>();

  constructor(root: string, options: LoadOptions) {
    this.root = root;
    const base = path.dirname(path.resolve(root));
    this.display = (abs) => path.relative(base, abs).split(path.sep).join('/');
    this.today = options.today ?? new Date().toISOString().slice(0, 10);
  }

  issue(i: DataIssue): void {
    this.issues.push(i);
  }

  /**
   * Content may not leave the content folder: a symbolic link is refused and never followed
   * (not even to say what it points at, nor to read a line of it).
   */
  isLink(abs: string): boolean {
    try {
      if (!lstatSync(abs).isSymbolicLink()) return false;
    } catch {
      return false;
    }
    if (this.links.has(abs)) return true;
    this.links.add(abs);
    this.issue(issueOf('LS-CSV-015', { file: this.display(abs), line: 0 }));
    return true;
  }

  /** Read and validate one CSV file against its schema; returns only rows that passed. */
  table<K extends FileKind>(kind: K, abs: string, { optional = false } = {}): Rows<z.output<(typeof FILES)[K]['schema']>> {
    const file = this.display(abs);
    if (this.isLink(abs)) return rowsOf([], []);
    if (!existsSync(abs)) {
      if (optional) return rowsOf([], []);
      this.issue(issueOf('LS-CSV-009', { file, line: 0 }, { title: FILES[kind].title }));
      return rowsOf([], []);
    }
    const spec = FILES[kind];
    const columns = spec.columns as Record<string, { required: boolean; hint: string }>;
    const table = readCsvBytes(readFileSync(abs), file, this.issues);
    const count: RowCount = { file, read: table.rowCount, published: 0 };
    this.rowCounts.push(count);
    if (table.header.length === 0) return rowsOf([], []);
    const known = Object.keys(columns);
    for (const [i, name] of table.header.entries()) {
      if (!known.includes(name)) {
        this.issue(issueOf('LS-CSV-010', { file, line: 1, column: i + 1, value: name }, { columns: known.join(', ') }));
      }
    }
    const optionalColumns = known.filter(
      (name) => (columns[name] as { optionalColumn?: boolean }).optionalColumn && !table.header.includes(name),
    );
    const missing = known.filter((name) => !table.header.includes(name) && !optionalColumns.includes(name));
    for (const name of missing) {
      this.issue(issueOf('LS-CSV-011', { file, line: 1, field: name }, { columns: known.join(', ') }));
    }
    if (missing.length > 0)
      return rowsOf(
        [],
        table.records.map((r) => r.values),
      );
    const rows: Row<z.output<(typeof FILES)[K]['schema']>>[] = [];
    const rejected: Record<string, string>[] = [];
    for (const record of table.records) {
      const before = this.issues.length;
      const flagged = new Set<string>();
      for (const [field, value] of Object.entries(record.values)) {
        const column = table.header.indexOf(field) + 1;
        const at = { file, line: record.line, column, field, value };
        const fieldBefore = this.issues.length;
        if (value.includes('\u3000')) {
          this.issue(issueOf('LS-FLD-001', at));
        } else if (value !== value.trim()) {
          this.issue(issueOf('LS-FLD-002', at));
        }
        if (CODE_FIELDS.has(field) && FULLWIDTH_ASCII.test(value)) {
          this.issue(issueOf('LS-FLD-003', at, { fixed: toHalfWidth(value) }));
        }
        // eslint-disable-next-line no-control-regex -- detecting control characters in a cell is the point
        if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value)) {
          this.issue(issueOf('LS-FLD-004', at));
        }
        const invisible = [...new Set(value.match(INVISIBLE) ?? [])];
        if (invisible.length > 0) {
          this.issue(issueOf('LS-FLD-005', at, { chars: invisible.map(codePoint).join('、'), real: realName(value) }));
        }
        const alike = NAME_FIELDS[kind]?.includes(field) ? lookAlikes(value) : [];
        if (alike.length > 0) {
          this.issue(
            issueOf('LS-FLD-006', at, {
              chars: alike.map((a) => `「${a.char}」（${codePoint(a.char)}，应为「${a.real}」）`).join('、'),
              real: realName(value),
            }),
          );
        }
        if (this.issues.length > fieldBefore) flagged.add(field);
      }
      const parsed = spec.schema.safeParse(
        optionalColumns.length ? { ...Object.fromEntries(optionalColumns.map((c) => [c, ''])), ...record.values } : record.values,
      );
      if (!parsed.success) {
        const seen = new Set<string>();
        for (const zi of parsed.error.issues) {
          const field = String(zi.path[0] ?? '');
          // One message per cell: a cell already flagged for stray characters says enough.
          if (seen.has(field) || flagged.has(field)) continue;
          seen.add(field);
          const at = {
            file,
            line: record.line,
            column: table.header.indexOf(field) + 1 || undefined,
            field,
            value: record.values[field],
          };
          this.issue(issueFromZod(zi.message, at, 'LS-SITE-003', { columnHint: columns[field]?.hint ?? '' }));
        }
      }
      if (this.issues.length === before && parsed.success) {
        rows.push({ line: record.line, data: parsed.data as z.output<(typeof FILES)[K]['schema']>, values: record.values });
      } else rejected.push(record.values);
    }
    return rowsOf(rows, rejected);
  }

  json<S extends z.ZodType>(abs: string, schema: S): z.output<S> | undefined {
    const file = this.display(abs);
    if (this.isLink(abs)) return undefined;
    if (!existsSync(abs)) {
      this.issue(issueOf('LS-SITE-001', { file, line: 0 }));
      return undefined;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(abs, 'utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      this.issue(issueOf('LS-SITE-002', { file, line: 0 }, { detail: (error as Error).message }));
      return undefined;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const zi of parsed.error.issues) {
        this.issue(issueFromZod(zi.message, { file, line: 0, field: zi.path.join('.') }, 'LS-SITE-003'));
      }
      return undefined;
    }
    return parsed.data;
  }

  published(file: string, n: number): void {
    const count = this.rowCounts.find((c) => c.file === file);
    if (count) count.published += n;
  }
}

/** Name → registry entry, with every alias; duplicates are reported. */
class Registry {
  readonly unitByName = new Map<string, Unit>();
  readonly leaderByName = new Map<string, Leader>();
  readonly collectiveNames = new Set<string>();

  resolveUnits(
    written: string[],
    at: { file: string; line: number; column: number; field: string },
    loader: Loader,
  ): { refs: UnitRef[]; etc: boolean } {
    const refs: UnitRef[] = [];
    let etc = false;
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
          loader.issue(issueOf('LS-REF-014', { ...at, value: entry }, { entry }));
        }
        refs.push({ type: 'unit', id: unit.id, written: name });
      } else if (this.collectiveNames.has(name)) {
        refs.push({ type: 'collective', name });
      } else {
        const candidates = this.candidates(name);
        loader.issue(
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

export function loadContent(root: string, options: LoadOptions = {}): LoadResult {
  const loader = new Loader(root, options);
  const at = (name: string) => path.join(root, name);

  // Every symbolic link anywhere under the content folder is refused, whatever it points at.
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isSymbolicLink()) loader.isLink(abs);
      else if (e.isDirectory() && e.name !== '.git' && e.name !== 'node_modules') walk(abs);
    }
  };
  if (existsSync(root) && statSync(root).isDirectory()) walk(root);

  const site: Site | undefined = loader.json(at('site.json'), siteSchema);
  const badge = site?.identity.badge;
  if (badge && !isPlaceholder(badge) && !existsSync(at(badge))) {
    loader.issue(
      issueOf(
        'LS-SITE-006',
        { file: loader.display(at('site.json')), line: 0, field: 'identity.badge', value: badge },
        { path: loader.display(at(badge)) },
      ),
    );
  }

  // Registries.
  const registry = new Registry();
  const units: Unit[] = [];
  const unitFile = loader.display(at('units.csv'));
  const ids = new Map<string, number>();
  for (const row of loader.table('units', at('units.csv'))) {
    const d = row.data;
    const col = (f: string) => Object.keys(row.values).indexOf(f) + 1;
    if (ids.has(d.id)) {
      loader.issue(
        issueOf(
          'LS-REF-001',
          { file: unitFile, line: row.line, column: col('id'), field: 'id', value: d.id },
          { first: ids.get(d.id)! },
        ),
      );
      continue;
    }
    ids.set(d.id, row.line);
    const unit: Unit = { id: d.id, name: d.name, fullName: d.full_name, kind: d.kind, aliases: d.aliases };
    for (const [field, name] of [['name', d.name], ['full_name', d.full_name], ...d.aliases.map((a) => ['aliases', a])] as [
      string,
      string,
    ][]) {
      const other = registry.unitByName.get(name);
      if (other && other !== unit) {
        loader.issue(
          issueOf(
            'LS-REF-002',
            { file: unitFile, line: row.line, column: col(field), field, value: name },
            { other: other.name, id: other.id },
          ),
        );
      }
      registry.unitByName.set(name, unit);
    }
    units.push(unit);
  }
  loader.published(unitFile, units.length);

  const leaders: Leader[] = [];
  const leaderFile = loader.display(at('leaders.csv'));
  for (const row of loader.table('leaders', at('leaders.csv'))) {
    const d = row.data;
    if (leaders.some((l) => l.id === d.id)) {
      loader.issue(issueOf('LS-REF-003', { file: leaderFile, line: row.line, field: 'id', value: d.id }));
      continue;
    }
    if (registry.leaderByName.has(d.name)) {
      loader.issue(issueOf('LS-REF-004', { file: leaderFile, line: row.line, field: 'name', value: d.name }));
      continue;
    }
    const leader: Leader = { id: d.id, name: d.name, title: d.title, collective: d.collective };
    registry.leaderByName.set(d.name, leader);
    leaders.push(leader);
  }
  loader.published(leaderFile, leaders.length);

  const collectives: Collective[] = [];
  const collectiveFile = loader.display(at('collectives.csv'));
  for (const row of loader.table('collectives', at('collectives.csv'))) {
    if (registry.collectiveNames.has(row.data.name) || registry.unitByName.has(row.data.name)) {
      loader.issue(issueOf('LS-REF-005', { file: collectiveFile, line: row.line, field: 'name', value: row.data.name }));
      continue;
    }
    registry.collectiveNames.add(row.data.name);
    collectives.push({ name: row.data.name, meaning: row.data.meaning });
  }
  loader.published(collectiveFile, collectives.length);

  // Years: every folder named by four digits.
  const yearDirs = existsSync(root)
    ? readdirSync(root, { withFileTypes: true })
        .filter((e) => e.isDirectory() && /^\d{4}$/.test(e.name))
        .map((e) => e.name)
        .sort()
    : [];
  if (!existsSync(root)) loader.issue(issueOf('LS-SITE-004', { file: loader.display(root), line: 0 }));
  else if (yearDirs.length === 0) loader.issue(issueOf('LS-SITE-005', { file: loader.display(root), line: 0 }));

  const calendar = loadHolidayCalendar(root, loader.display, loader.issues);
  const years: YearData[] = [];
  for (const dir of yearDirs) {
    const year = loadYear(loader, registry, path.join(root, dir), Number(dir), calendar);
    if (year) years.push(year);
  }

  // Nothing silently dropped: when every row passed, every row read must be published.
  if (loader.issues.length === 0) {
    for (const c of loader.rowCounts) {
      if (c.read !== c.published) {
        loader.issue(issueOf('LS-REF-034', { file: c.file, line: 0 }, { read: c.read, published: c.published }));
      }
    }
  }
  checkBulletins(path.join(root, 'bulletins'), loader.display, loader.issues);
  if (loader.issues.length > 0 || !site) return { issues: loader.issues };
  return {
    issues: [],
    dataset: {
      site,
      units,
      unitById: new Map(units.map((u) => [u.id, u])),
      leaders,
      leaderById: new Map(leaders.map((l) => [l.id, l])),
      collectives,
      years,
      rowCounts: loader.rowCounts,
      calendar,
    },
  };
}

function loadYear(loader: Loader, registry: Registry, dir: string, year: number, calendar: HolidayCalendar): YearData | undefined {
  const at = (name: string) => path.join(dir, name);
  const manifestFile = loader.display(at('manifest.json'));
  const manifest: Manifest | undefined = loader.json(at('manifest.json'), manifestSchema);
  if (manifest && manifest.year !== year) {
    loader.issue(issueOf('LS-SITE-007', { file: manifestFile, line: 0, field: 'year', value: String(manifest.year) }, { year }));
  }
  if (manifest && manifest.data_date > loader.today) {
    loader.issue(
      issueOf(
        'LS-SITE-008',
        { file: manifestFile, line: 0, field: 'data_date', value: manifest.data_date },
        { today: loader.today },
      ),
    );
  }
  const dataDate = manifest?.data_date ?? loader.today;
  let noticeText: string | undefined;
  if (manifest?.notice.text) {
    const abs = at(manifest.notice.text);
    if (!existsSync(abs))
      loader.issue(
        issueOf(
          'LS-SITE-009',
          { file: manifestFile, line: 0, field: 'notice.text', value: manifest.notice.text },
          { path: loader.display(abs) },
        ),
      );
    else
      noticeText = readFileSync(abs, 'utf8')
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n');
  }

  // What the year holds is the year's data: main tasks (with or without sections) and/or a
  // livelihood programme (its name, slug and whether it has categories) — see manifest.json.
  const hasTasks = manifest ? manifest.tasks !== false : existsSync(at('tasks.csv'));
  // Without a valid manifest, what the folder holds decides (so one error does not echo through every row).
  const withSections =
    hasTasks && (manifest ? (manifest.tasks ? manifest.tasks.sections : true) : existsSync(at('sections.csv')));
  const hasProgramme = manifest ? !!manifest.programme : existsSync(at('projects.csv'));
  const withCategories = hasProgramme && (manifest ? !!manifest.programme?.categories : existsSync(at('categories.csv')));
  const unexpected = (name: string, code: 'LS-SITE-010' | 'LS-SITE-011' | 'LS-SITE-012' | 'LS-SITE-013') => {
    if (existsSync(at(name))) loader.issue(issueOf(code, { file: loader.display(at(name)), line: 0 }));
  };
  if (manifest) {
    if (!hasTasks) unexpected('tasks.csv', 'LS-SITE-010');
    if (hasTasks && !withSections) unexpected('sections.csv', 'LS-SITE-011');
    if (!hasProgramme) unexpected('projects.csv', 'LS-SITE-012');
    if (hasProgramme && !withCategories) unexpected('categories.csv', 'LS-SITE-013');
    if (!hasTasks && !hasProgramme) loader.issue(issueOf('LS-SITE-014', { file: manifestFile, line: 0, field: 'programme' }));
  }

  // When a file has errors, checks that depend on it are skipped: the root cause is reported
  // once instead of echoing through every row that refers to it.
  let mark = loader.issues.length;
  const sectionRows = withSections ? loader.table('sections', at('sections.csv')) : [];
  const sectionsBroken = loader.issues.length > mark;
  mark = loader.issues.length;
  const categoryRows = withCategories ? loader.table('categories', at('categories.csv')) : [];
  const categoriesBroken = loader.issues.length > mark;
  const sections: Section[] = sectionRows.map((r) => r.data);
  const categories: Category[] = categoryRows.map((r) => r.data);
  if (withSections) {
    checkNumbering(
      loader,
      loader.display(at('sections.csv')),
      sectionRows.map((r) => ({ no: r.data.no, line: r.line })),
    );
    loader.published(loader.display(at('sections.csv')), sections.length);
  }
  if (withCategories) {
    checkNumbering(
      loader,
      loader.display(at('categories.csv')),
      categoryRows.map((r) => ({ no: r.data.no, line: r.line })),
    );
    loader.published(loader.display(at('categories.csv')), categories.length);
  }
  const programme: Programme | undefined = manifest?.programme
    ? {
        name: manifest.programme.name,
        slug: manifest.programme.slug,
        itemLabel: manifest.programme.item_label,
        categories: manifest.programme.categories,
        attachment: manifest.programme.attachment,
      }
    : undefined;
  const taskSpec = manifest?.tasks || undefined;
  const mainTasks: MainTasks | undefined = hasTasks
    ? {
        name: taskSpec?.name ?? '主要工作任务',
        itemLabel: taskSpec?.item_label ?? '任务',
        sections: withSections,
        attachment: taskSpec?.attachment ?? '',
      }
    : undefined;

  const items: Item[] = [];
  /** Keys of item rows that exist but have errors: rows referring to them are not reported again. */
  const brokenKeys = new Set<string>();
  const itemKinds: [ItemKind, 'tasks' | 'projects'][] = [];
  if (hasTasks) itemKinds.push(['task', 'tasks']);
  if (hasProgramme) itemKinds.push(['project', 'projects']);
  for (const [kind, fileKind] of itemKinds) {
    const abs = at(`${fileKind}.csv`);
    const file = loader.display(abs);
    const rows = itemRows(loader, fileKind, abs);
    const numbered: { no: number; line: number }[] = [];
    const prefix = kind === 'task' ? 'T' : 'P';
    const grouped = kind === 'task' ? withSections : withCategories;
    for (const values of rows.rejected) {
      const no = Number(toHalfWidth(values.no ?? '').trim());
      if (Number.isInteger(no) && no > 0) {
        brokenKeys.add(`${prefix}${no}`);
        numbered.push({ no, line: 0 });
      }
    }
    for (const row of rows) {
      const v = row.values;
      const col = (f: string) => Object.keys(v).indexOf(f) + 1;
      const before = loader.issues.length;
      const d = row.data;
      if (numbered.some((n) => n.no === d.no && n.line > 0)) {
        loader.issue(
          issueOf(
            'LS-REF-006',
            { file, line: row.line, column: col('no'), field: 'no', value: v.no },
            { first: numbered.find((n) => n.no === d.no)!.line },
          ),
        );
        continue;
      }
      numbered.push({ no: d.no, line: row.line });
      const groupNo = d.group;
      const groupField = kind === 'task' ? 'section' : 'category';
      const groups = kind === 'task' ? sections : categories;
      const groupsBroken = kind === 'task' ? sectionsBroken : categoriesBroken;
      const nos = groups.map((g) => g.no).join('、');
      if (grouped && groupNo === undefined) {
        loader.issue(
          issueOf(
            'LS-REF-008',
            { file, line: row.line, column: col(groupField) || undefined, field: groupField, value: v[groupField] ?? '' },
            { file: kind === 'task' ? 'sections.csv' : 'categories.csv', nos },
          ),
        );
      } else if (!grouped && groupNo !== undefined) {
        loader.issue(
          issueOf(kind === 'task' ? 'LS-REF-009' : 'LS-REF-010', {
            file,
            line: row.line,
            column: col(groupField),
            field: groupField,
            value: v[groupField],
          }),
        );
      } else if (grouped && !groupsBroken && !groups.some((g) => g.no === groupNo)) {
        loader.issue(
          issueOf(
            kind === 'task' ? 'LS-REF-011' : 'LS-REF-012',
            { file, line: row.line, column: col(groupField), field: groupField, value: v[groupField] },
            { nos },
          ),
        );
      }
      const group = groupNo ?? 0;
      const leaderIds: string[] = [];
      for (const name of d.leaders) {
        const leader = registry.leaderByName.get(name) ?? [...registry.leaderByName.values()].find((l) => l.id === name);
        if (leader) leaderIds.push(leader.id);
        else
          loader.issue(
            issueOf(
              'LS-REF-013',
              { file, line: row.line, column: col('leaders'), field: 'leaders', value: name },
              { names: [...registry.leaderByName.keys()].join('、') },
            ),
          );
      }
      const { refs, etc } = registry.resolveUnits(
        d.units,
        { file, line: row.line, column: col('units'), field: 'units' },
        loader,
      );
      const unitIds = refs.flatMap((r) => (r.type === 'unit' ? [r.id] : []));
      const leadUnitIds: string[] = [];
      for (const name of d.lead_units) {
        const unit = registry.unitByName.get(name);
        if (!unit || !unitIds.includes(unit.id)) {
          loader.issue(
            issueOf('LS-REF-017', { file, line: row.line, column: col('lead_units'), field: 'lead_units', value: name }),
          );
        } else leadUnitIds.push(unit.id);
      }
      if (d.lead_units.length === 0 && unitIds.length > 0) leadUnitIds.push(unitIds[0]);
      if (loader.issues.length > before) {
        brokenKeys.add(`${prefix}${d.no}`);
        continue;
      }
      items.push({
        key: `${prefix}${d.no}`,
        kind,
        year,
        no: d.no,
        group,
        subsection: d.subsection,
        leadIn: d.leadIn,
        text: d.text,
        leaderIds,
        units: refs,
        leadUnitIds,
        etc,
        related: d.task ? [`T${d.task}`] : [],
        deadline: d.deadline,
        kindName: (kind === 'task' ? mainTasks?.name : programme?.name) ?? '',
        itemLabel: (kind === 'task' ? mainTasks?.itemLabel : programme?.itemLabel) ?? '',
        source: { file, line: row.line },
      });
    }
    checkNumbering(loader, file, numbered);
    loader.published(file, items.filter((i) => i.kind === kind).length);
  }
  const itemByKey = new Map(items.map((i) => [i.key, i]));
  // Links between a project and the task it repeats, both ways.
  for (const item of items) {
    if (item.kind !== 'project') continue;
    for (const key of item.related) {
      const task = itemByKey.get(key);
      if (!task) {
        if (!brokenKeys.has(key))
          loader.issue(
            issueOf('LS-REF-018', { file: item.source.file, line: item.source.line, field: 'task', value: key.slice(1) }),
          );
      } else task.related.push(item.key);
    }
  }

  const plans = loadPlans(loader, registry, at('plans.csv'), itemByKey, brokenKeys, dataDate);
  const planByItem = new Map(plans.map((p) => [p.item, p]));
  const withdrawals = loadWithdrawals(loader, at('withdrawals.csv'), year, itemByKey, brokenKeys, dataDate);
  const reports = loadReports(loader, registry, at('reports'), year, itemByKey, brokenKeys, planByItem, dataDate, withdrawals, calendar);

  const reportsByItem = new Map<string, Report[]>();
  for (const r of reports) {
    const list = reportsByItem.get(r.item) ?? [];
    list.push(r);
    reportsByItem.set(r.item, list);
  }
  for (const list of reportsByItem.values()) list.sort((a, b) => a.month.localeCompare(b.month));
  checkReopenedItems(loader, reportsByItem);

  if (!manifest) return undefined;
  const dataDateAt = { file: manifestFile, line: 0, field: 'data_date', value: dataDate };
  const months = inCoveredYear(() => coveredMonths(year, dataDate, reports.map((r) => r.month), calendar), dataDateAt, loader.issues);
  if (!months) return undefined;
  const status = new Map(items.map((i) => [i.key, deriveItemStatus(reportsByItem.get(i.key) ?? [], months, calendar)]));
  const tasks = items.filter((i) => i.kind === 'task');
  const projects = items.filter((i) => i.kind === 'project');
  return {
    year,
    manifest,
    noticeText,
    programme,
    mainTasks,
    sections,
    categories,
    tasks,
    projects,
    items,
    itemByKey,
    plans,
    planByItem,
    reports,
    reportsByItem,
    withdrawals,
    months,
    status,
  };
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

function itemRows(loader: Loader, fileKind: 'tasks' | 'projects', abs: string): Rows<ItemRow> {
  if (fileKind === 'tasks') {
    const rows = loader.table('tasks', abs);
    const shaped = rows.map(({ line, values, data: d }) => ({
      line,
      values,
      data: {
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
      },
    }));
    return rowsOf(shaped, rows.rejected);
  }
  const rows = loader.table('projects', abs);
  const shaped = rows.map(({ line, values, data: d }) => ({
    line,
    values,
    data: {
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
    },
  }));
  return rowsOf(shaped, rows.rejected);
}

/** Numbers must run 1, 2, 3 … with no gap: a gap usually means a row was lost. */
function checkNumbering(loader: Loader, file: string, numbered: { no: number; line: number }[]): void {
  const firstLine = new Map<number, number>();
  for (const n of numbered) {
    const first = firstLine.get(n.no);
    if (first !== undefined && first > 0 && n.line > 0)
      loader.issue(issueOf('LS-REF-006', { file, line: n.line, field: 'no', value: String(n.no) }, { first }));
    else firstLine.set(n.no, n.line);
  }
  const nos = new Set(numbered.map((n) => n.no));
  const max = Math.max(0, ...nos);
  const gaps = Array.from({ length: max }, (_, i) => i + 1).filter((n) => !nos.has(n));
  if (gaps.length > 0) {
    loader.issue(
      issueOf(
        'LS-REF-007',
        { file, line: 0, field: 'no' },
        { gaps: `${gaps.slice(0, 10).join('、')}${gaps.length > 10 ? '……' : ''}` },
      ),
    );
  }
}

function unitOfItem(
  loader: Loader,
  registry: Registry,
  item: Item | undefined,
  name: string,
  at: IssueLocation,
): string | undefined {
  const unit = registry.unitByName.get(name);
  if (!unit) {
    const candidates = registry.candidates(name);
    loader.issue(candidates ? issueOf('LS-REF-021', at, { candidates }) : issueOf('LS-REF-022', at));
    return undefined;
  }
  if (item && !item.units.some((r) => r.type === 'unit' && r.id === unit.id)) {
    const named = item.units.flatMap((r) => (r.type === 'unit' ? [r.written] : [])).join('、');
    loader.issue(
      named ? issueOf('LS-REF-023', at, { item: item.key, units: named }) : issueOf('LS-REF-024', at, { item: item.key }),
    );
    return undefined;
  }
  return unit.id;
}

function loadPlans(
  loader: Loader,
  registry: Registry,
  abs: string,
  itemByKey: Map<string, Item>,
  brokenKeys: Set<string>,
  dataDate: string,
): Plan[] {
  const file = loader.display(abs);
  const plans: Plan[] = [];
  const seen = new Map<string, number>();
  // A new year has no plans until departments file them.
  for (const row of loader.table('plans', abs, { optional: true })) {
    const d = row.data;
    const v = row.values;
    const col = (f: string) => Object.keys(v).indexOf(f) + 1;
    const before = loader.issues.length;
    if (brokenKeys.has(d.item)) continue;
    const item = itemByKey.get(d.item);
    if (!item) loader.issue(issueOf('LS-REF-019', { file, line: row.line, column: col('item'), field: 'item', value: d.item }));
    if (seen.has(d.item))
      loader.issue(
        issueOf(
          'LS-REF-020',
          { file, line: row.line, column: col('item'), field: 'item', value: d.item },
          { first: seen.get(d.item)! },
        ),
      );
    seen.set(d.item, row.line);
    const unitId = unitOfItem(loader, registry, item, d.unit, {
      file,
      line: row.line,
      column: col('unit'),
      field: 'unit',
      value: d.unit,
    });
    if (d.filed > dataDate)
      loader.issue(
        issueOf('LS-REF-025', { file, line: row.line, column: col('filed'), field: 'filed', value: d.filed }, { date: dataDate }),
      );
    if (loader.issues.length > before || !unitId) continue;
    plans.push({
      year: item!.year,
      item: d.item,
      unitId,
      quarters: [d.q1, d.q2, d.q3, d.q4],
      principal: d.principal,
      deputy: d.deputy,
      note: d.note,
      filed: d.filed,
      source: { file, line: row.line },
    });
  }
  loader.published(file, plans.length);
  return plans;
}

/** content/YYYY/withdrawals.csv (optional): reports taken back on purpose, each with its reason. */
function loadWithdrawals(
  loader: Loader,
  abs: string,
  year: number,
  itemByKey: Map<string, Item>,
  brokenKeys: Set<string>,
  dataDate: string,
): Withdrawal[] {
  const file = loader.display(abs);
  const withdrawals: Withdrawal[] = [];
  const seen = new Map<string, number>();
  for (const row of loader.table('withdrawals', abs, { optional: true })) {
    const d = row.data;
    const v = row.values;
    const col = (f: string) => Object.keys(v).indexOf(f) + 1;
    const cell = (field: string) => ({ file, line: row.line, column: col(field), field, value: v[field] });
    const before = loader.issues.length;
    if (!brokenKeys.has(d.item) && !itemByKey.has(d.item)) loader.issue(issueOf('LS-REF-019', cell('item')));
    if (!d.month.startsWith(`${year}-`)) loader.issue(issueOf('LS-WDR-002', cell('month'), { year, other: d.month.slice(0, 4) }));
    if (d.withdrawn > dataDate) loader.issue(issueOf('LS-WDR-003', cell('withdrawn'), { date: dataDate }));
    const key = `${d.item}@${d.month}`;
    if (seen.has(key)) loader.issue(issueOf('LS-WDR-004', cell('item'), { month: d.month, first: seen.get(key)! }));
    seen.set(key, row.line);
    if (loader.issues.length > before) continue;
    withdrawals.push({
      year,
      item: d.item,
      month: d.month,
      withdrawn: d.withdrawn,
      reason: d.reason,
      source: { file, line: row.line },
    });
  }
  loader.published(file, withdrawals.length);
  return withdrawals.sort((a, b) => a.month.localeCompare(b.month) || compareKeys(a.item, b.item));
}

function compareKeys(a: string, b: string): number {
  return a[0] === b[0] ? Number(a.slice(1)) - Number(b.slice(1)) : a[0] === 'T' ? -1 : 1;
}

function loadReports(
  loader: Loader,
  registry: Registry,
  dir: string,
  year: number,
  itemByKey: Map<string, Item>,
  brokenKeys: Set<string>,
  planByItem: Map<string, Plan>,
  dataDate: string,
  withdrawals: Withdrawal[],
  calendar: HolidayCalendar,
): Report[] {
  const reports: Report[] = [];
  if (loader.isLink(dir) || !existsSync(dir)) return reports;
  const seen = new Map<string, string>();
  const withdrawn = new Map(withdrawals.map((w) => [`${w.item}@${w.month}`, w]));
  const withdrawalFile = loader.display(path.join(path.dirname(dir), 'withdrawals.csv'));
  for (const name of readdirSync(dir).sort()) {
    const abs = path.join(dir, name);
    const file = loader.display(abs);
    if (loader.isLink(abs)) continue;
    const fileMonth = /^(\d{4}-\d{2})\.csv$/.exec(name)?.[1];
    if (!fileMonth) {
      loader.issue(issueOf('LS-CSV-012', { file, line: 0 }, { year }));
      continue;
    }
    if (!isRealMonth(fileMonth)) {
      loader.issue(issueOf('LS-CSV-013', { file, line: 0, value: name }, { month: fileMonth, year }));
      continue;
    }
    if (!fileMonth.startsWith(`${year}-`)) {
      loader.issue(issueOf('LS-CSV-014', { file, line: 0, value: name }, { year, other: fileMonth.slice(0, 4) }));
      continue;
    }
    let published = 0;
    const mark = loader.issues.length;
    const rows = loader.table('reports', abs);
    const read = loader.rowCounts.find((c) => c.file === file)?.read ?? 0;
    if (read === 0 && loader.issues.length === mark) {
      loader.issue(issueOf('LS-WDR-001', { file, line: 1 }, { month: fileMonth, file, withdrawals: withdrawalFile }));
    }
    for (const row of rows) {
      const d = row.data;
      const v = row.values;
      const col = (f: string) => Object.keys(v).indexOf(f) + 1;
      const cell = (field: string) => ({ file, line: row.line, column: col(field), field, value: v[field] });
      const before = loader.issues.length;
      if (d.month !== fileMonth) loader.issue(issueOf('LS-REF-026', cell('month'), { month: fileMonth, other: d.month }));
      if (!d.month.startsWith(`${year}-`))
        loader.issue(issueOf('LS-REF-027', cell('month'), { year, other: d.month.slice(0, 4) }));
      if (d.month > dataDate.slice(0, 7)) loader.issue(issueOf('LS-REF-028', cell('month'), { date: dataDate }));
      if (brokenKeys.has(d.item)) continue;
      const item = itemByKey.get(d.item);
      if (!item) loader.issue(issueOf('LS-REF-019', cell('item')));
      const key = `${d.item}@${d.month}`;
      if (seen.has(key)) loader.issue(issueOf('LS-REF-029', cell('item'), { month: d.month, first: seen.get(key)! }));
      seen.set(key, `${file}:${row.line}`);
      const unitId = unitOfItem(loader, registry, item, d.unit, cell('unit'));
      const w = withdrawn.get(key);
      if (w) loader.issue(issueOf('LS-WDR-005', cell('item'), { file: w.source.file, line: w.source.line }));
      if (d.filed < `${d.month}-01`) loader.issue(issueOf('LS-REF-030', cell('filed'), { month: d.month }));
      if (d.filed > dataDate) loader.issue(issueOf('LS-REF-025', cell('filed'), { date: dataDate }));
      const plan = planByItem.get(d.item);
      if (item && !plan) loader.issue(issueOf('LS-REF-031', cell('item')));
      else if (plan && d.month < plan.filed.slice(0, 7))
        loader.issue(issueOf('LS-REF-032', cell('month'), { filed: plan.filed }));
      if (loader.issues.length > before || !item || !unitId) continue;
      const deadline = inCoveredYear(() => calendar.reportDeadline(d.month), cell('month'), loader.issues);
      if (deadline === undefined) continue;
      reports.push({
        year,
        item: d.item,
        month: d.month,
        unitId,
        target: d.target,
        progress: d.progress,
        problems: d.problems,
        nextSteps: d.next_steps,
        evaluation: d.evaluation,
        itemComplete: d.item_complete,
        filed: d.filed,
        note: d.note,
        deadline,
        late: d.filed > deadline,
        source: { file, line: row.line },
      });
      published++;
    }
    loader.published(file, published);
  }
  return reports;
}

/** An item reported complete that later reports "not complete" must say why. */
function checkReopenedItems(loader: Loader, reportsByItem: Map<string, Report[]>): void {
  for (const list of reportsByItem.values()) {
    let completed: Report | undefined;
    for (const r of list) {
      if (r.itemComplete) completed = r;
      else if (completed) {
        if (r.note === '') {
          loader.issue(
            issueOf(
              'LS-REF-033',
              { file: r.source.file, line: r.source.line, field: 'item_complete', value: '否' },
              { month: completed.month },
            ),
          );
        }
        completed = undefined;
      }
    }
  }
}
