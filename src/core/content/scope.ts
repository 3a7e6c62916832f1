/**
 * Where a check reports its problems, and whether that part of the content failed. A scope
 * is opened for one file, one row or one cell; every issue goes straight to the load's list
 * (so the order of messages is the order of checks) and marks the scope and the scopes
 * around it as failed. Nothing counts issues before and after to find out.
 */
import type { DataIssue } from '../errors/issues.ts';

export class Scope {
  #failed = false;
  readonly #report: (issue: DataIssue) => void;

  constructor(report: (issue: DataIssue) => void) {
    this.#report = report;
  }

  issue(issue: DataIssue): void {
    this.#failed = true;
    this.#report(issue);
  }

  /** No problem was reported in this scope (or any scope opened inside it). */
  get ok(): boolean {
    return !this.#failed;
  }

  /** A scope inside this one (a row of a file, a cell of a row): its problems are this scope's too. */
  inner(): Scope {
    return new Scope((issue) => this.issue(issue));
  }
}
