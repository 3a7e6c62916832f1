/**
 * The one way luoshi runs git, for reading (the revision history, the removed-reports check) and
 * for the office's commits (office/git.ts builds on it). Output as bytes: callers decode.
 * GIT_OPTIONAL_LOCKS=0 so a read never takes the index lock another git command may hold;
 * LC_ALL=C so git's own messages, which callers may match, are the same everywhere.
 */
import { execFileSync } from 'node:child_process';

/** Large enough for a long history of every content file in one `cat-file --batch`. */
const MAX_BUFFER = 1024 * 1024 * 1024;

export function runGit(cwd: string, args: string[], input?: string): Buffer {
  return execFileSync('git', args, {
    cwd,
    input,
    maxBuffer: MAX_BUFFER,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
  });
}
