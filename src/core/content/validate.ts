// Stand-in (issue 24) for the shared validate() another branch writes: ./load.ts, then ./removed.ts.
import type { DataIssue } from '../errors/issues.ts';
import type { Dataset } from '../model/types.ts';
import { loadContent } from './load.ts';
import { removedReports } from './removed.ts';

export interface ValidateOptions {
  /** The build date (YYYY-MM-DD); data dated after it is rejected. */
  today: string;
  /** The git revision the removed-reports check compares with; default HEAD. */
  since?: string;
}

export interface ValidationResult {
  /** Present when the content loaded, even if the removed-reports check then found issues. */
  dataset?: Dataset;
  issues: DataIssue[];
  /** What was not checked and why (outside a git work tree: the removed-reports check). */
  notes: string[];
}

export function validate(root: string, options: ValidateOptions): ValidationResult {
  const result = loadContent(root, { today: options.today });
  if (!result.dataset) return { issues: result.issues, notes: [] };
  const removed = removedReports(root, result.dataset, options.since);
  return {
    dataset: result.dataset,
    issues: removed.checked ? [...result.issues, ...removed.issues] : result.issues,
    notes: removed.checked ? [] : [removed.reason],
  };
}
