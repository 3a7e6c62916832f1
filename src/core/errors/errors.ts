/**
 * The one family of errors luoshi throws. Every thrown error is a `LuoshiError` (or a subclass):
 * it has a `name` that says what kind it is, keeps the error it wraps as `cause`, and, when the
 * office reads it, carries the catalogue `code` its sentence came from (catalogue.ts), so a
 * message in a terminal, a CI log or an inbox report can be looked up in docs/GUIDE.md.
 *
 * Problems in content are not thrown one by one: the loader collects them as `DataIssue`s
 * (issues.ts) and throws one `ContentError` carrying all of them.
 */
import { CATALOGUE, render, type IssueCode, type ParamArgs } from './catalogue.ts';
import { LuoshiError, type LuoshiErrorOptions } from './base.ts';
import type { DataIssue } from './issues.ts';

export { LuoshiError };

/** A command or function called with arguments it cannot take (a script prints it with its usage). */
export class UsageError extends LuoshiError {
  override name = 'UsageError';
}

/** Content that does not validate: every problem found, not just the first. */
export class ContentError extends LuoshiError {
  override name = 'ContentError';
  readonly issues: DataIssue[];
  constructor(issues: DataIssue[], report: string) {
    super(report);
    this.issues = issues;
  }
}

/** The sentence of `code` with its hint, as the office reads it in a terminal: `[LS-…] 消息  提示：…`. */
export function catalogueText<C extends IssueCode>(code: C, ...params: ParamArgs<C>): string {
  const values = (params[0] ?? {}) as Record<string, string | number>;
  const entry: { message: string; hint?: string } = CATALOGUE[code];
  const hint = entry.hint === undefined ? '' : `  提示：${render(entry.hint, values)}`;
  return `[${code}] ${render(entry.message, values)}${hint}`;
}

/**
 * An error whose sentence comes from the catalogue: `throw coded(UsageError, 'LS-CLI-001', { … })`;
 * `withCause(coded(…), error)` when it explains a library's exception.
 */
export function coded<E extends LuoshiError, C extends IssueCode>(
  Kind: new (message: string, options?: LuoshiErrorOptions) => E,
  code: C,
  ...params: ParamArgs<C>
): E {
  return new Kind(catalogueText(code, ...params), { code });
}

/** `error` with `cause` attached (for a `coded` error that wraps a library's exception). */
export function withCause<E extends Error>(error: E, cause: unknown): E {
  Object.defineProperty(error, 'cause', { value: cause, writable: true, configurable: true, enumerable: false });
  return error;
}
