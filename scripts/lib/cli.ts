/**
 * Shared command-line handling: parseArgs with Chinese messages, --help, exit codes.
 *
 * A script reports a problem by throwing: a `UsageError` (bad arguments) prints its message and
 * the command's usage and exits 2; any other `LuoshiError` (its sentence from the catalogue,
 * src/core/errors/catalogue.ts) prints its message and exits 1; anything else is a bug and keeps
 * its stack.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LuoshiError, UsageError, coded, withCause } from '../../src/core/errors/errors.ts';

/**
 * Ends the script with a status once everything written has reached its reader. process.exit()
 * drops what is still queued for a pipe (a CI log, `| less`): reports were cut at 64 KiB.
 * So the status is set, and a marker thrown to unwind the script, which then ends by itself.
 */
class ExitRequest extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}

/** The usage of the running command, printed after a usage error. */
let commandUsage: string | undefined;

let installed = false;
function installExitHandler(): void {
  if (installed) return;
  installed = true;
  const handle = (error: unknown) => {
    if (error instanceof ExitRequest) {
      process.exitCode = error.code;
      return;
    }
    if (error instanceof LuoshiError) {
      const usage = error instanceof UsageError && commandUsage ? `\n\n${commandUsage}` : '';
      console.error(`错误：${error.message}${usage}`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
      return;
    }
    console.error(error);
    process.exitCode = 1;
    // A real crash: stop now, as Node would, but after stderr drains.
    process.stderr.write('', () => process.exit(1));
  };
  process.on('uncaughtException', handle);
  process.on('unhandledRejection', handle);
}

/** Stop the script with `code` after its output is flushed (see ExitRequest). */
export function exit(code: number): never {
  installExitHandler();
  process.exitCode = code;
  throw new ExitRequest(code);
}

/**
 * Parse the command's arguments; --help prints `usage`. From here on a thrown `LuoshiError`
 * ends the command with its message (and, for a `UsageError`, this usage).
 */
export function cli<T extends NonNullable<ParseArgsConfig['options']>>(usage: string, options: T, { positionals = false } = {}) {
  commandUsage = usage;
  installExitHandler();
  let parsed;
  try {
    parsed = parseArgs({
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: positionals,
      strict: true,
    });
  } catch (error) {
    const msg = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    const extra = /Unexpected argument '([^']+)'/.exec(msg);
    const missing = /Option '(-[^' ]+)[^']*' argument missing/.exec(msg);
    throw withCause(
      unknown
        ? coded(UsageError, 'LS-CLI-001', { option: unknown[1] })
        : extra
          ? coded(UsageError, 'LS-CLI-002', { value: extra[1] })
          : missing
            ? coded(UsageError, 'LS-CLI-003', { option: missing[1] })
            : coded(UsageError, 'LS-CLI-004', { detail: msg }),
      error,
    );
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    exit(0);
  }
  return parsed as {
    values: { [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string } & { help?: boolean };
    positionals: string[];
  };
}

const MONTH_ARG = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE_ARG = /^\d{4}-\d{2}-\d{2}$/;

/** The month given to --month (YYYY-MM); missing or malformed, a usage error. */
export function monthArg(value: string | undefined): string {
  if (value === undefined) throw coded(UsageError, 'LS-CLI-005');
  if (!MONTH_ARG.test(value)) throw coded(UsageError, 'LS-CLI-006', { value });
  return value;
}

/** A date given to an option (YYYY-MM-DD), if given; malformed, a usage error. */
export function dateArg(value: string | undefined): string | undefined {
  if (value !== undefined && !DATE_ARG.test(value)) throw coded(UsageError, 'LS-CLI-007', { value });
  return value;
}

/** A year given to an option (four digits), if given; malformed, a usage error. */
export function yearArg(value: string | undefined): number | undefined {
  if (value !== undefined && !/^\d{4}$/.test(value)) throw coded(UsageError, 'LS-CLI-008', { value });
  return value === undefined ? undefined : Number(value);
}
