/**
 * The office's one way to run git: the inbox's commits and status checks, and finding the work
 * tree a command runs in, on the core's runGit (src/core/content/git.ts).
 */
import { runGit } from '../src/core/content/git.ts';
import { LuoshiError, coded, withCause } from '../src/core/errors/errors.ts';

/** Run git in `repo` (paths in its output unquoted, so Chinese file names read as written). */
export function git(repo: string, args: string[], input?: string): string {
  return runGit(repo, ['-c', 'core.quotePath=false', ...args], input)
    .toString('utf8')
    .trim();
}

/** The top of the git work tree `cwd` is in; outside one, the office's error (LS-CLI-018). */
export function workTreeRoot(cwd: string, Kind: new (message: string) => LuoshiError = LuoshiError): string {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']);
  } catch (error) {
    throw withCause(coded(Kind, 'LS-CLI-018'), error);
  }
}
