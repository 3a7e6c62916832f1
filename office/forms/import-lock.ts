/**
 * One import at a time per content folder: `npm run import` and `npm run inbox` read the content
 * tables, merge and write them back, so two runs at once could each write a table without the
 * other's rows. Both hold this lock around the whole read-merge-write.
 *
 * The lock is a file beside the content folder (`.content.lock` for `content/`, so it is never
 * inside what is validated, copied or committed), created with the exclusive 'wx' flag and holding
 * the owner's pid, host and start time. A lock whose process is gone (same host), or older than
 * `staleMs`, is stale and taken over. Hand-written: a dozen lines over fs's 'wx', where the lock
 * libraries on the registry (proper-lockfile and the like) add mkdir locks and timers we do not need.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LuoshiError, coded, withCause } from '../../src/core/errors/errors.ts';

/** Why the lock file could not be written, in the office's words (the system's error stays as the cause). */
function lockFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return '目录不存在';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return '没有写入权限';
  if (code === 'ENOSPC') return '磁盘已满';
  return `系统错误 ${code ?? '（未知）'}`;
}

export interface LockOptions {
  /** Give up after this long (default 10 minutes, or LUOSHI_LOCK_TIMEOUT_MS). */
  timeoutMs?: number;
  /** A lock older than this is stale whoever holds it (default 30 minutes). */
  staleMs?: number;
  /** Told once when the lock is busy and we wait. */
  onWait?: (message: string) => void;
}

interface Holder {
  pid: number;
  host: string;
  time: string;
  command: string;
}

export function lockPath(contentRoot: string): string {
  const root = path.resolve(contentRoot);
  return path.join(path.dirname(root), `.${path.basename(root)}.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): { text: string; holder?: Holder } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined; // released meanwhile
  }
  try {
    return { text, holder: JSON.parse(text) as Holder };
  } catch {
    return { text }; // being written, or damaged
  }
}

function describe(h: Holder | undefined): string {
  return h ? `进程 ${h.pid}（${h.host}），${h.time.replace('T', ' ').slice(0, 19)} 开始，${h.command}` : '持有者不明';
}

/** Take the lock, waiting while another live import holds it. Returns the release function. */
export async function acquireImportLock(contentRoot: string, options: LockOptions = {}): Promise<() => void> {
  const file = lockPath(contentRoot);
  const timeoutMs = options.timeoutMs ?? (Number(process.env.LUOSHI_LOCK_TIMEOUT_MS) || 10 * 60_000);
  const staleMs = options.staleMs ?? 30 * 60_000;
  const mine = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    time: new Date().toISOString(),
    command: process.argv
      .slice(1)
      .map((a) => path.basename(a))
      .join(' '),
  } satisfies Holder);
  const started = Date.now();
  let told = false;
  let firstSeen: { text: string; at: number } | undefined;
  for (;;) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw withCause(coded(LuoshiError, 'LS-FORM-032', { file, detail: lockFailure(error) }), error);
    }
    const seen = readHolder(file);
    if (!seen) continue;
    if (firstSeen?.text !== seen.text) firstSeen = { text: seen.text, at: Date.now() };
    const h = seen.holder;
    const dead = h !== undefined && h.host === hostname() && !alive(h.pid);
    const old = h ? Date.now() - Date.parse(h.time) > staleMs : Date.now() - firstSeen.at > Math.min(staleMs, 5_000);
    if (dead || old) {
      // Take a stale lock over only if it is still the one we judged.
      if (readHolder(file)?.text === seen.text) {
        try {
          unlinkSync(file);
        } catch {
          /* another waiter removed it first */
        }
        options.onWait?.(`发现遗留的导入锁（${describe(h)}，${dead ? '该进程已结束' : '已超时'}），已清除。`);
      }
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      throw coded(LuoshiError, 'LS-FORM-033', { seconds: Math.round(timeoutMs / 1000), holder: describe(h), file });
    }
    if (!told) {
      options.onWait?.(`另一个导入正在进行（${describe(h)}），等待其完成……`);
      told = true;
    }
    await sleep(100 + Math.random() * 100);
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readHolder(file)?.text === mine) unlinkSync(file);
  };
  process.on('exit', release);
  return release;
}

/** Run `fn` holding the content folder's import lock. */
export async function withImportLock<T>(contentRoot: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = await acquireImportLock(contentRoot, options);
  try {
    return await fn();
  } finally {
    release();
  }
}
