/**
 * What "valid content" means, once for every caller (the validate script, the build, the dev
 * reload): the content folder loads without a problem, and no report published at `since` (a
 * git revision, default HEAD) was removed without a withdrawal record (removed.ts).
 */
import type { Dataset } from '../model/types.ts';
import type { DataIssue } from '../errors/issues.ts';
import type { TableCache } from './context.ts';
import { loadContent } from './load.ts';
import { removedReports } from './removed.ts';

export interface ValidateOptions {
  /** The build date (YYYY-MM-DD): data dated after it is rejected. */
  today: string;
  /** The git revision the removed-reports check compares with; HEAD if not given. */
  since?: string;
  /** Tables checked by an earlier load (LoadOptions.tables): the build's cache. */
  tables?: TableCache;
}

export interface ValidationResult {
  /** The dataset, when the content loaded (it may still have removed-report issues). */
  dataset?: Dataset;
  /** Every problem found; the content is valid when there is none. */
  issues: DataIssue[];
  /** What was not checked and why, one Chinese sentence each without its final 。 (outside a git work tree: the removed-reports check). */
  notes: string[];
}

export function validate(root: string, options: ValidateOptions): ValidationResult {
  const loaded = loadContent(root, { today: options.today, tables: options.tables });
  if (!loaded.dataset) return { issues: loaded.issues, notes: [] };
  const removed = removedReports(root, loaded.dataset, options.since ?? 'HEAD');
  return removed.checked
    ? { dataset: loaded.dataset, issues: [...loaded.issues, ...removed.issues], notes: [] }
    : { dataset: loaded.dataset, issues: loaded.issues, notes: [removed.reason] };
}
