/**
 * Concurrent imports never lose a row (issue 15, case 2): the import lock serialises the
 * read-merge-write of `npm run import` (and of `npm run inbox`, see inbox.test.ts).
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { acquireImportLock, lockPath, withImportLock } from '../../office/forms/import-lock.ts';
import { TODAY, makeContent } from '../fixtures/content.ts';
import { LuoshiError } from '../../src/core/errors/errors.ts';
import { fillXlsx } from './fill.ts';
import { runWaitingForLock } from '../fixtures/processes.ts';

const ROOT = path.resolve(__dirname, '../..');
const NODE = existsSync(path.join(ROOT, 'node_modules/.bin/node')) ? path.join(ROOT, 'node_modules/.bin/node') : process.execPath;
const env = { ...process.env, LUOSHI_TODAY: TODAY, LUOSHI_CONTENT: '/nonexistent-use-the-flag' };

/** A CLI run as a child process; `waiting` resolves once it says it waits for the lock. */
const runAsync = (script: string, args: string[]) =>
  runWaitingForLock(NODE, [path.join(ROOT, 'scripts', `${script}.ts`), ...args], { env });

describe('import lock', () => {
  it('two imports started at the same time, different units, same month: both rows are kept', async () => {
    const content = makeContent();
    const dirs: string[] = [];
    for (const unit of ['fagaiju', 'zhujianju']) {
      const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-lock-'));
      const r = spawnSync(
        NODE,
        [path.join(ROOT, 'scripts/forms.ts'), '--month', '2020-03', '--unit', unit, '--out', dir, '--content', content],
        { env, encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      await fillXlsx(path.join(dir, readdirSync(dir)[0]), '2020-04-07');
      dirs.push(dir);
    }
    // Hold the lock while both start, so that they are certainly running at the same time; then
    // release it and let them race for it.
    const release = await acquireImportLock(content);
    const runs = dirs.map((d) => runAsync('import', [d, '--content', content]));
    await Promise.all(runs.map((r) => r.waiting));
    release();
    const [a, b] = await Promise.all(runs.map((r) => r.done));
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    const rows = parse(readFileSync(path.join(content, '2020/reports/2020-03.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => `${r.item} ${r.unit}`).sort()).toEqual(['T1 区发改局', 'T3 区住建局']);
    expect(existsSync(lockPath(content))).toBe(false);
  });

  it('takes over a lock left by a process that is gone, and names it', async () => {
    const content = makeContent();
    const gone = spawnSync(NODE, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(
      lockPath(content),
      JSON.stringify({
        pid: Number(gone.stdout),
        host: (await import('node:os')).hostname(),
        time: new Date().toISOString(),
        command: 'import.ts',
      }),
    );
    const told: string[] = [];
    const result = await withImportLock(content, async () => readFileSync(lockPath(content), 'utf8'), {
      onWait: (m) => told.push(m),
    });
    expect(JSON.parse(result).pid).toBe(process.pid);
    expect(told.join('\n')).toMatch(new RegExp(`遗留的导入锁（进程 ${gone.stdout}.*该进程已结束`));
    expect(existsSync(lockPath(content))).toBe(false);
  });

  it('waits for a live holder, then gives up with a Chinese message that changes nothing', async () => {
    const content = makeContent();
    const release = await acquireImportLock(content);
    const told: string[] = [];
    await expect(acquireImportLock(content, { timeoutMs: 400, onWait: (m) => told.push(m) })).rejects.toThrow(
      /^\[LS-FORM-033\] 等待 0 秒后，另一个导入仍在进行（进程 \d+.*没有改动任何内容 {2}提示：.*删除 .*\.content\.lock 后重试/,
    );
    expect(told[0]).toContain(`另一个导入正在进行（进程 ${process.pid}`);
    release();
    const again = await acquireImportLock(content, { timeoutMs: 400 });
    again();
    expect(existsSync(lockPath(content))).toBe(false);
  });

  it('cannot write the lock: the office error carries its code, and the system error as its cause', async () => {
    const missing = path.join(mkdtempSync(path.join(tmpdir(), 'luoshi-lock-')), 'no-such-folder', 'content');
    const error = await acquireImportLock(missing).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LuoshiError);
    expect(error).toMatchObject({ name: 'LuoshiError', code: 'LS-FORM-032' });
    expect((error as Error).message).toMatch(/^\[LS-FORM-032\] 无法建立导入锁 .*\.content\.lock：目录不存在 {2}提示：/);
    expect((error as Error).cause).toMatchObject({ code: 'ENOENT', syscall: 'open' });
  });
});
