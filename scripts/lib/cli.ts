/** Shared command-line handling: parseArgs with Chinese messages, --help, exit codes. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Print a message to stderr and exit with status 1 (2 for a usage error). */
export function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

export function cli<T extends NonNullable<ParseArgsConfig['options']>>(usage: string, options: T, { positionals = false } = {}) {
  let parsed;
  try {
    parsed = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: positionals, strict: true });
  } catch (error) {
    const msg = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    const zh = unknown ? `未知的选项 ${unknown[1]}` : /Unexpected argument '([^']+)'/.test(msg) ? `多余的参数：${/'([^']+)'/.exec(msg)![1]}` : /argument missing/.test(msg) ? `选项缺少取值：${msg}` : msg;
    fail(`错误：${zh}\n\n${usage}`, 2);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed as { values: { [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string } & { help?: boolean }; positionals: string[] };
}

export const MONTH_ARG = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DATE_ARG = /^\d{4}-\d{2}-\d{2}$/;
