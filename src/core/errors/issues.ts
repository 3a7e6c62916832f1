/**
 * Data problems found while loading content. Every problem has a stable code (its message and
 * hint are defined once, in error-catalogue.ts) and names the file, the line and (where there
 * is one) the column, the offending value, a message and a hint, in Chinese, because the
 * people who read them are the office staff who edit the files.
 */
import type { Coded } from './catalogue.ts';

/** Where a problem is: file, line and, for one cell, its column, field and value. */
export interface IssueLocation {
  /** Path relative to the content root's parent, e.g. `content/2020/tasks.csv`. */
  file: string;
  /** 1-based line in the file where the record starts (0 when the problem is the whole file). */
  line: number;
  /** 1-based column number of the field, when the problem is in one field. */
  column?: number;
  /** Column name as in the header, e.g. `evaluation`. */
  field?: string;
  /** The value as written. */
  value?: string;
}

/** `code` is the catalogue's, e.g. `LS-REF-019`, listed with its fix in docs/GUIDE.md. */
export interface DataIssue extends IssueLocation, Coded {}

export function formatIssue(issue: DataIssue, label?: (field: string) => string | undefined): string {
  const where = `${issue.file}:${issue.line}${issue.column ? `:${issue.column}` : ''}`;
  const parts = [where, `[${issue.code}]`];
  if (issue.field) {
    const zh = label?.(issue.field);
    parts.push(zh ? `${issue.field}（${zh}）` : issue.field);
  }
  if (issue.value !== undefined) parts.push(`「${issue.value}」`);
  parts.push(issue.message);
  if (issue.hint) parts.push(`提示：${issue.hint}`);
  return parts.join('  ');
}
