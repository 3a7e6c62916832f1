/**
 * `npm run dev` shows content edits: with the dev server running on a temporary copy of the
 * content, an edited monthly report (CSV) and a new bulletin (MDX) appear on their pages within
 * a few seconds, without restarting the server. The feeds and chart CSVs, which the build
 * writes straight from the core (src/steps/site-files.ts), are served from the same functions.
 * The content is a git repository, as the office's is: an edit that removes a published report
 * without a withdrawal is refused like any invalid content (the same validate() as the build's).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContent, TODAY } from '../fixtures/content.ts';

// A port of its own (44NN for servers of issue NN's tests): E2E_PORT is Playwright's.
const PORT = Number(process.env.DEV_TEST_PORT ?? 4412);
const BASE = `http://127.0.0.1:${PORT}`;
// With a bulletin from the start: the dev server writes the project's generated content types
// (.astro/), and a collection without entries would be typed as empty there.
const content = makeContent({
  'bulletins/2020-02-01-start.md': '---\ntitle: 起始通报\ndate: 2020-02-01\nkind: notice\n---\n\n正文。\n',
});
let server: ChildProcess;
let log = '';

async function get(url: string): Promise<string> {
  const res = await fetch(`${BASE}${url}`, { signal: AbortSignal.timeout(5000) });
  return res.ok ? res.text() : `HTTP ${res.status}`;
}

/** Poll `url` until its HTML contains `text`; the seconds it took, or a failure with the log. */
async function waitFor(url: string, text: string, seconds: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    try {
      if ((await get(url)).includes(text)) return (performance.now() - started) / 1000;
    } catch {
      // The server is restarting a module: try again.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not show 「${text}」 within ${seconds} s. Dev server log:\n${log.slice(-3000)}`);
}

/** The environment of a developer's shell: without Vitest's own variables (NODE_ENV=test, VITEST…), which make Astro's dev server answer 404. */
function shellEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST') && k !== 'TEST'),
  );
}

/** Wait until the dev server's log contains `text`. */
async function waitForLog(text: string, seconds: number): Promise<void> {
  const started = performance.now();
  while (!log.includes(text)) {
    if (performance.now() - started > seconds * 1000)
      throw new Error(`the dev server did not log 「${text}」 within ${seconds} s. Its log:\n${log.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  // Committed: the removed-reports check compares the folder with its last commit.
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=test@example.invalid', ...args], {
      cwd: content,
      stdio: 'ignore',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'content');
  server = spawn(path.resolve('node_modules/.bin/astro'), ['dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    env: {
      ...shellEnv(),
      PATH: `${path.resolve('node_modules/.bin')}${path.delimiter}${process.env.PATH}`,
      LUOSHI_CONTENT: content,
      LUOSHI_TODAY: TODAY,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  // The first page waits for Vite's dependency optimization: minutes on a loaded 2-core machine.
  await waitFor('/2020/tasks/1/', '2020年', 280);
}, 300_000);

afterAll(() => {
  server?.kill('SIGTERM');
});

describe('astro dev watches content/', () => {
  it('shows an edited monthly report (CSV) within a few seconds', async () => {
    expect(await get('/2020/tasks/1/')).not.toContain('开发服务器热更新测试');
    const file = path.join(content, '2020/reports/2020-02.csv');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('T1,2020-02,区发改局,目标,进展,', 'T1,2020-02,区发改局,目标,开发服务器热更新测试进展,'),
    );
    const seconds = await waitFor('/2020/tasks/1/', '开发服务器热更新测试进展', 10);
    expect(seconds).toBeLessThan(10);
  }, 30_000);

  it('serves the feeds and chart CSVs the build writes, from the current data', async () => {
    // After the edit above: the item's feed carries it too.
    const feed = await fetch(`${BASE}/feeds/items/2020-T1.xml`);
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    expect(await feed.text()).toContain('开发服务器热更新测试进展');
    const csv = await fetch(`${BASE}/charts/tasks-completion-2020.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)], 'UTF-8 BOM, for Excel').toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('完成率');
    expect((await fetch(`${BASE}/feeds/items/2020-T999.xml`)).status).toBe(404);
  }, 30_000);

  it('shows a new bulletin (MDX) within a few seconds', async () => {
    mkdirSync(path.join(content, 'bulletins'), { recursive: true });
    writeFileSync(
      path.join(content, 'bulletins/2020-03-01-devtest.mdx'),
      '---\ntitle: 热更新测试通报\ndate: 2020-03-01\nkind: notice\n---\n\n这是一则热更新测试通报的正文。\n',
    );
    const seconds = await waitFor('/bulletins/', '热更新测试通报', 10);
    expect(seconds).toBeLessThan(10);
  }, 30_000);

  // Last: the content stays invalid.
  it('refuses an edit that removes a published report without a withdrawal, and keeps the last valid data', async () => {
    const file = path.join(content, '2020/reports/2020-02.csv');
    const rows = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, rows.filter((row) => !row.startsWith('T1,2020-02,')).join('\n'));
    await waitForLog('LS-WDR-006', 10);
    expect(log).toContain('页面仍显示上一次有效的数据');
    // The report removed from the file, as the first test edited it, is still shown.
    expect(await get('/2020/tasks/1/')).toContain('开发服务器热更新测试进展');
  }, 30_000);
});
