/** Where content is read from, and the build date used to reject future-dated data. */
import path from 'node:path';

/** `override` (a --content flag), else LUOSHI_CONTENT, else ./content of the working directory. */
export function contentRoot(override?: string): string {
  return path.resolve(override ?? process.env.LUOSHI_CONTENT ?? path.join(process.cwd(), 'content'));
}

/** LUOSHI_TODAY pins the build date (tests, reproducible builds); otherwise today (UTC). */
export function buildDate(): string {
  return process.env.LUOSHI_TODAY ?? new Date().toISOString().slice(0, 10);
}
