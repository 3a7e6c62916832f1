/**
 * Loading a content folder, in stages: the year-independent registries (registries.ts), then
 * for each year its manifest and layout (year.ts), its items (items.ts) and its records
 * (records.ts), and last the statuses the records imply (deriveYearStatus in the model). Every
 * row is checked in its own scope (scope.ts); all problems are collected, never thrown one at a
 * time, so the office sees every error of a submission in one run. Only files.ts reads the disk.
 */
import path from 'node:path';
import { issueOf } from '../errors/catalogue.ts';
import { ContentError } from '../errors/errors.ts';
import { formatIssue, type DataIssue } from '../errors/issues.ts';
import { deriveYearStatus } from '../model/status.ts';
import type { Dataset, YearData } from '../model/types.ts';
import { checkBulletins } from './bulletin-files.ts';
import { LoadContext, type LoadOptions } from './context.ts';
import { exists, folderNames, isDirectory, symlinksUnder } from './files.ts';
import { loadActuals } from './actuals.ts';
import { loadIndicatorPlans } from './indicator-plans.ts';
import { loadIndicators } from './indicators.ts';
import { loadItems } from './items.ts';
import { loadRecords } from './records.ts';
import { inCoveredYear, loadHolidayCalendar } from './holidays.ts';
import type { HolidayCalendar } from '../model/calendar.ts';
import { loadRegistries, type Names } from './registries.ts';
import { FILES, columnLabel, type FileKind } from './schema.ts';
import { loadYearManifest } from './year.ts';

export type { LoadOptions };

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
  if (file.includes('/actuals/')) return 'actuals';
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

export function loadContent(root: string, options: LoadOptions = {}): LoadResult {
  const ctx = new LoadContext(root, options);

  // Every symbolic link anywhere under the content folder is refused, whatever it points at.
  if (isDirectory(root)) for (const link of symlinksUnder(root)) ctx.isLink(link);

  const registries = loadRegistries(ctx, root);

  // Years: every folder named by four digits.
  const yearDirs = exists(root)
    ? folderNames(root)
        .filter((name) => /^\d{4}$/.test(name))
        .sort()
    : [];
  if (!exists(root)) ctx.issue(issueOf('LS-SITE-004', { file: ctx.display(root), line: 0 }));
  else if (yearDirs.length === 0) ctx.issue(issueOf('LS-SITE-005', { file: ctx.display(root), line: 0 }));
  // The holiday arrangements of content/holidays/ over the library's: every deadline's working days.
  const calendar = loadHolidayCalendar(root, ctx.display, ctx.issues);
  const years: YearData[] = [];
  for (const dir of yearDirs) {
    const year = loadYear(ctx, registries.names, path.join(root, dir), Number(dir), calendar);
    if (year) years.push(year);
  }

  // Nothing silently dropped: when every row passed, every row read must be published.
  if (ctx.issues.length === 0) {
    for (const c of ctx.rowCounts) {
      if (c.read !== c.published) {
        ctx.issue(issueOf('LS-REF-034', { file: c.file, line: 0 }, { read: c.read, published: c.published }));
      }
    }
  }
  checkBulletins(path.join(root, 'bulletins'), ctx.display, ctx.issues);
  const { site, units, leaders, collectives } = registries;
  if (ctx.issues.length > 0 || !site) return { issues: ctx.issues };
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
      rowCounts: ctx.rowCounts,
      calendar,
    },
  };
}

/** One year folder, stage by stage; undefined when it has no valid manifest (its problems are reported). */
function loadYear(ctx: LoadContext, names: Names, dir: string, year: number, calendar: HolidayCalendar): YearData | undefined {
  const head = loadYearManifest(ctx, dir, year);
  const items = loadItems(ctx, names, dir, year, head);
  loadIndicators(ctx, dir, year, items);
  loadIndicatorPlans(ctx, dir, items);
  const records = loadRecords(ctx, names, dir, year, items, head.dataDate, calendar);
  const actuals = loadActuals(ctx, dir, year, items, records.reportsByItem);
  const { manifest, noticeText, programme, mainTasks } = head;
  if (!manifest) return undefined;
  const validated = {
    year,
    manifest,
    noticeText,
    programme,
    mainTasks,
    sections: items.sections,
    categories: items.categories,
    tasks: items.items.filter((i) => i.kind === 'task'),
    projects: items.items.filter((i) => i.kind === 'project'),
    items: items.items,
    itemByKey: items.itemByKey,
    plans: records.plans,
    planByItem: records.planByItem,
    reports: records.reports,
    reportsByItem: records.reportsByItem,
    actuals,
    withdrawals: records.withdrawals,
  };
  // A data date that needs next year's working days (a December deadline) and no arrangement for it: an error.
  const dataDateAt = { file: ctx.display(path.join(dir, 'manifest.json')), line: 0, field: 'data_date', value: head.dataDate };
  const derived = inCoveredYear(() => deriveYearStatus(validated, head.dataDate, calendar), dataDateAt, ctx.issues);
  return derived && { ...validated, ...derived };
}
