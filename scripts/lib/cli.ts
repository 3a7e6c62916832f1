/** Shared command-line handling: parseArgs with Chinese messages, --help, exit codes. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

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

let installed = false;
function installExitHandler(): void {
  if (installed) return;
  installed = true;
  const handle = (error: unknown) => {
    if (error instanceof ExitRequest) {
      process.exitCode = error.code;
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

/** Print a message to stderr and exit with status 1 (2 for a usage error), output flushed first. */
export function fail(message: string, code = 1): never {
  console.error(message);
  exit(code);
}

export function cli<T extends NonNullable<ParseArgsConfig['options']>>(usage: string, options: T, { positionals = false } = {}) {
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
    const zh = unknown
      ? `未知的选项 ${unknown[1]}`
      : /Unexpected argument '([^']+)'/.test(msg)
        ? `多余的参数：${/'([^']+)'/.exec(msg)![1]}`
        : /argument missing/.test(msg)
          ? `选项缺少取值：${msg}`
          : msg;
    fail(`错误：${zh}\n\n${usage}`, 2);
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

export const MONTH_ARG = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DATE_ARG = /^\d{4}-\d{2}-\d{2}$/;
