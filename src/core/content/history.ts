/**
 * Revision history of the published record, from the git history of the content folder: for
 * every commit that touched a CSV under it, the records added, removed and changed (field by
 * field, old → new). A silent edit to a past month's report becomes a visible correction.
 *
 * Only this module shells out (git, through execFileSync). Each blob is read once, in one
 * `git cat-file --batch` call, and only the paths a commit changed are parsed and diffed.
 * Without the full history (a shallow clone, a tarball without .git, no git) the history is
 * reported as unavailable, never guessed: a partial history would show the first commit of
 * the clone as the first publication of everything.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeUtf8, parseCsvText } from './csv.ts';
import { runGit } from './git.ts';
import type { DataIssue } from '../errors/issues.ts';
import { contentRoot } from './paths.ts';

export type ChangeKind = 'added' | 'changed' | 'removed';

/** What a CSV record is: an item row (tasks/projects), a plan or a monthly report. */
export type RecordKind = 'task' | 'project' | 'plan' | 'report';

export interface Change {
  /** Commit date, YYYY-MM-DD in China Standard Time. */
  date: string;
  /** Commit time, ISO 8601 with offset as git gives it. */
  time: string;
  /** Abbreviated commit hash. */
  commit: string;
  /** Full commit hash. */
  hash: string;
  /** First line of the commit message. */
  subject: string;
  /** Path relative to the content folder, e.g. `2020/reports/2020-03.csv`. */
  file: string;
  year: number;
  record: RecordKind;
  /** The item key (`T37`, `P5`). */
  item: string;
  /** The report month, for reports. */
  month?: string;
  kind: ChangeKind;
  /** The column, for `changed`. */
  field?: string;
  old?: string;
  new?: string;
}

export type Unavailable = { available: false; reason: 'shallow' | 'not-a-repo' | 'no-git' | 'untracked'; message: string };

export type History =
  | {
      available: true;
      head: string;
      /** Commits that touched content CSVs, oldest first. */
      commits: number;
      /** Content files differ from HEAD (uncommitted edits are published but not in the history). */
      dirty: boolean;
      changes: Change[];
    }
  | Unavailable;

export const UNAVAILABLE_MESSAGES: Record<Unavailable['reason'], string> = {
  shallow: '历史记录不可用（浅克隆）：构建时的代码库只含最近的提交，无法给出完整的修改记录。',
  'not-a-repo': '历史记录不可用：构建时的数据目录不在 git 代码库中。',
  'no-git': '历史记录不可用：构建环境中没有 git。',
  untracked: '历史记录不可用：数据目录尚未提交到 git 代码库。',
};

function unavailable(reason: Unavailable['reason']): Unavailable {
  return { available: false, reason, message: UNAVAILABLE_MESSAGES[reason] };
}



/** What a content path holds, or undefined for files that carry no item records. */
function classify(rel: string): { year: number; record: RecordKind } | undefined {
  const m = /^(\d{4})\/(?:(tasks|projects|plans)\.csv|reports\/\d{4}-\d{2}\.csv)$/.exec(rel);
  if (!m) return undefined;
  const record = m[2] === 'tasks' ? 'task' : m[2] === 'projects' ? 'project' : m[2] === 'plans' ? 'plan' : 'report';
  return { year: Number(m[1]), record };
}

function keyOf(record: RecordKind, values: Record<string, string>): { key: string; item: string; month?: string } | undefined {
  switch (record) {
    case 'task':
    case 'project': {
      const no = (values.no ?? '').trim();
      if (!no) return undefined;
      const item = `${record === 'task' ? 'T' : 'P'}${no}`;
      return { key: item, item };
    }
    case 'plan':
      return values.item ? { key: values.item, item: values.item } : undefined;
    case 'report':
      return values.item && values.month
        ? { key: `${values.item}@${values.month}`, item: values.item, month: values.month }
        : undefined;
  }
}

type Records = Map<string, { item: string; month?: string; values: Record<string, string> }>;

/** Parse one version of a file; undefined when it cannot be read at all (then it is not diffed). */
function parseRecords(bytes: Buffer, rel: string, record: RecordKind): Records | undefined {
  const decoded = decodeUtf8(bytes, rel);
  if (!decoded.ok) return undefined;
  const issues: DataIssue[] = [];
  const table = parseCsvText(decoded.text, rel, issues);
  if (table.header.length === 0) return undefined;
  const out: Records = new Map();
  for (const r of table.records) {
    const k = keyOf(record, r.values);
    if (k && !out.has(k.key)) out.set(k.key, { item: k.item, month: k.month, values: r.values });
  }
  return out;
}

/** `2020-03-06T23:10:00+00:00` → the date in China Standard Time. */
function chinaDate(iso: string): string {
  const t = new Date(iso).getTime();
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
}

interface Commit {
  hash: string;
  short: string;
  time: string;
  subject: string;
  /** Paths relative to the repository top. */
  paths: string[];
}

/** Read every requested blob (`<commit>:<path>`) in one git process; missing ones are absent. */
function readBlobs(top: string, specs: string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (specs.length === 0) return out;
  const buf = runGit(top, ['cat-file', '--batch'], `${specs.join('\n')}\n`);
  let p = 0;
  for (const spec of specs) {
    const nl = buf.indexOf(0x0a, p);
    const header = buf.subarray(p, nl).toString('utf8');
    p = nl + 1;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) continue;
    const size = Number(header.split(' ')[2]);
    out.set(spec, buf.subarray(p, p + size));
    p += size + 1; // the blob, then a newline
  }
  return out;
}

/** Compute the history of the content folder at `root` (no cache; see `loadHistory`). */
export function computeHistory(root: string): History {
  let top: string;
  try {
    top = runGit(root, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return unavailable(e.code === 'ENOENT' && !(e as { status?: number }).status ? 'no-git' : 'not-a-repo');
  }
  if (runGit(root, ['rev-parse', '--is-shallow-repository']).toString('utf8').trim() === 'true') return unavailable('shallow');
  let head: string;
  try {
    head = runGit(root, ['rev-parse', 'HEAD']).toString('utf8').trim();
  } catch {
    return unavailable('untracked');
  }
  // The content folder relative to the top, with forward slashes and a trailing slash.
  const prefix = runGit(root, ['rev-parse', '--show-prefix']).toString('utf8').trim();
  const log = runGit(top, [
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--reverse',
    '--no-renames',
    '-z',
    '--name-only',
    '--format=%x01%H%x00%h%x00%cI%x00%s',
    'HEAD',
    '--',
    prefix || '.',
  ]).toString('utf8');
  const commits: Commit[] = [];
  for (const chunk of log.split('\x01').slice(1)) {
    const [hash, short, time, subject, ...rest] = chunk.split('\0');
    const paths = rest.map((s) => s.replace(/^\n/, '')).filter((s) => s.length > 0);
    commits.push({ hash, short, time, subject, paths });
  }
  if (commits.length === 0) return unavailable('untracked');
  const relOf = (p: string) => (p.startsWith(prefix) ? p.slice(prefix.length) : undefined);

  const specs: string[] = [];
  for (const c of commits) for (const p of c.paths) if (classify(relOf(p) ?? '')) specs.push(`${c.hash}:${p}`);
  const blobs = readBlobs(top, specs);

  const state = new Map<string, Records>();
  const changes: Change[] = [];
  let touched = 0;
  for (const c of commits) {
    let any = false;
    for (const p of c.paths) {
      const rel = relOf(p);
      const cls = rel ? classify(rel) : undefined;
      if (!rel || !cls) continue;
      const blob = blobs.get(`${c.hash}:${p}`);
      const next = blob ? parseRecords(blob, rel, cls.record) : (new Map() as Records);
      if (!next) continue; // unreadable at this commit: keep the last readable version
      const prev = state.get(rel) ?? (new Map() as Records);
      const base = {
        date: chinaDate(c.time),
        time: c.time,
        commit: c.short,
        hash: c.hash,
        subject: c.subject,
        file: rel,
        year: cls.year,
        record: cls.record,
      };
      for (const [key, now] of next) {
        const was = prev.get(key);
        if (!was) {
          changes.push({ ...base, item: now.item, month: now.month, kind: 'added' });
          any = true;
          continue;
        }
        const fields = [...new Set([...Object.keys(was.values), ...Object.keys(now.values)])];
        for (const field of fields) {
          const o = was.values[field] ?? '';
          const n = now.values[field] ?? '';
          if (o !== n) {
            changes.push({ ...base, item: now.item, month: now.month, kind: 'changed', field, old: o, new: n });
            any = true;
          }
        }
      }
      for (const [key, was] of prev) {
        if (!next.has(key)) {
          changes.push({ ...base, item: was.item, month: was.month, kind: 'removed' });
          any = true;
        }
      }
      state.set(rel, next);
    }
    if (any) touched++;
  }
  let dirty: boolean;
  try {
    dirty =
      runGit(top, ['status', '--porcelain', '--', prefix || '.'])
        .toString('utf8')
        .trim().length > 0;
  } catch {
    dirty = false;
  }
  return { available: true, head, commits: touched, dirty, changes };
}

const cache = new Map<string, History>();
const gitDirs = new Map<string, string | null>();

/**
 * The commit HEAD points at, read from the repository's files: a build asks thousands of times,
 * and spawning `git rev-parse HEAD` from a process of 1 GB costs 30–200 ms each time. Falls back
 * to git itself for layouts this does not read (and then for an unborn branch: '').
 */
function headCommit(abs: string): string {
  let dir = gitDirs.get(abs);
  if (dir === undefined) {
    try {
      dir = path.resolve(abs, runGit(abs, ['rev-parse', '--git-dir']).toString('utf8').trim());
    } catch {
      dir = null;
    }
    gitDirs.set(abs, dir);
  }
  if (!dir) return '';
  try {
    const head = readFileSync(path.join(dir, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head; // detached
    const ref = head.slice('ref: '.length);
    const commondir = path.join(dir, 'commondir'); // linked worktrees keep refs in the main git dir
    const common = existsSync(commondir) ? path.resolve(dir, readFileSync(commondir, 'utf8').trim()) : dir;
    for (const d of [dir, common]) {
      const file = path.join(d, ref);
      if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    }
    const packed = path.join(common, 'packed-refs');
    const line = existsSync(packed)
      ? readFileSync(packed, 'utf8')
          .split('\n')
          .find((l) => l.endsWith(` ${ref}`))
      : undefined;
    if (line) return line.split(' ')[0];
  } catch {
    // fall through to git
  }
  try {
    return runGit(abs, ['rev-parse', 'HEAD']).toString('utf8').trim();
  } catch {
    return '';
  }
}

/** The history of `root`, computed once per HEAD per process. */
export function loadHistory(root: string = contentRoot()): History {
  const abs = path.resolve(root);
  const key = `${abs}@${headCommit(abs)}`;
  let h = cache.get(key);
  if (!h) {
    h = computeHistory(abs);
    cache.set(key, h);
  }
  return h;
}

export type ItemHistory = Unavailable | { available: true; dirty: boolean; changes: Change[] };

/**
 * Everything that happened to an item's published record: its own row, its plan and its
 * monthly reports. Newest first.
 */
export function itemHistory(key: string, year: number, root?: string): ItemHistory {
  const h = loadHistory(root);
  if (!h.available) return h;
  return { available: true, dirty: h.dirty, changes: newestFirst(h.changes.filter((c) => c.year === year && c.item === key)) };
}

const RECORD_ORDER: Record<RecordKind, number> = { task: 0, project: 0, plan: 1, report: 2 };

/** Newest commit first; within a commit: the item row, its plan, then reports by month (fields in column order). */
export function newestFirst(changes: Change[]): Change[] {
  const commitIndex = new Map<string, number>();
  for (const c of changes) if (!commitIndex.has(c.hash)) commitIndex.set(c.hash, commitIndex.size);
  return changes
    .map((c, i) => ({ c, i }))
    .sort(
      (a, b) =>
        commitIndex.get(b.c.hash)! - commitIndex.get(a.c.hash)! ||
        RECORD_ORDER[a.c.record] - RECORD_ORDER[b.c.record] ||
        (a.c.month ?? '').localeCompare(b.c.month ?? '') ||
        a.i - b.i,
    )
    .map(({ c }) => c);
}

export interface Correction extends Change {
  /** When the report was first published (date of the commit that added it). */
  published: string;
  publishedCommit: string;
}

export type MonthCorrections = Unavailable | { available: true; corrections: Correction[] };

/**
 * Reports of `month` changed or withdrawn after their first publication, oldest first. A
 * report added late is not a correction (its lateness shows through its filing date).
 */
export function monthCorrections(year: number, month: string, root?: string): MonthCorrections {
  const h = loadHistory(root);
  if (!h.available) return h;
  const first = new Map<string, Change>();
  const corrections: Correction[] = [];
  for (const c of h.changes) {
    if (c.year !== year || c.record !== 'report' || c.month !== month) continue;
    if (c.kind === 'added') {
      if (!first.has(c.item)) first.set(c.item, c);
      continue;
    }
    const f = first.get(c.item);
    corrections.push({ ...c, published: f?.date ?? c.date, publishedCommit: f?.commit ?? '' });
  }
  return { available: true, corrections };
}

/** Labels for record kinds, for display. */
export const RECORD_LABELS: Record<RecordKind, string> = { task: '任务', project: '民生工程', plan: '落实计划', report: '月报' };
