/**
 * The office's one way to run git: the inbox's commits and status checks, and finding the work
 * tree a command runs in. (The core's history and removed-report checks read git themselves:
 * the core may not import office/, see eslint.config.js.)
 */
import { execFileSync } from 'node:child_process';
import { LuoshiError, coded, withCause } from '../src/core/errors/errors.ts';

/** Run git in `repo` (paths in its output unquoted, so Chinese file names read as written). */
export function git(repo: string, args: string[], input?: string): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
    input,
    stdio: ['pipe', 'pipe', 'pipe'],
  }).trim();
}

/** The top of the git work tree `cwd` is in; outside one, the office's error (LS-CLI-018). */
export function workTreeRoot(cwd: string, Kind: new (message: string) => LuoshiError = LuoshiError): string {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']);
  } catch (error) {
    throw withCause(coded(Kind, 'LS-CLI-018'), error);
  }
}
