/**
 * The base of luoshi's errors (see errors.ts), alone in a module that imports nothing at run
 * time, not even the catalogue's types: modules the browser's scripts bundle (present/naming.ts
 * through present/urls.ts) may throw it without bundling the catalogue.
 */

/** A catalogue code's form (catalogue.ts types the real ones; this module stays below it). */
export type CodeLike = `LS-${string}`;

export interface LuoshiErrorOptions {
  /** The error this one explains (a file system error, a library's exception). */
  cause?: unknown;
  /** The catalogue code of the sentence, when the message comes from the catalogue. */
  code?: CodeLike;
}

export class LuoshiError extends Error {
  override name = 'LuoshiError';
  readonly code: CodeLike | undefined;
  constructor(message: string, options: LuoshiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
  }
}
