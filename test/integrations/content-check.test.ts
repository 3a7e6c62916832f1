/**
 * `astro build` must stop on invalid content (Astro's stock file() loader only logs), printing
 * the same file:line:column report as `npm run validate`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TODAY, edit, fixtureText, makeContent } from '../fixtures/content.ts';

const root = path.resolve(__dirname, '../..');

function run(command: string[], content: string, env: Record<string, string> = {}) {
  return spawnSync(command[0], command.slice(1), {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LUOSHI_CONTENT: content, LUOSHI_TODAY: TODAY, ...env },
    timeout: 120_000,
  });
}

describe('invalid content stops the build and validation', () => {
  const content = makeContent(
    edit('2020/reports/2020-02.csv', '计划,完成,否,2020-03-05,\nT2', '计划,基本完成,否,2020-03-05,\nT2'),
  );
  const expected =
    'content/2020/reports/2020-02.csv:2:8  [LS-FLD-021]  evaluation（评价）  「基本完成」  评价只能是“完成”或“未完成”  提示：填 完成 或 未完成';

  it('npm run validate exits 1 and names file, line, column, value and fix', () => {
    const result = run(['node', 'scripts/validate.ts'], content);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(expected);
  });

  it('astro build exits non-zero with the same message, before rendering any page', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'luoshi-bad-build-'));
    const result = run([path.join(root, 'node_modules/.bin/astro'), 'build', '--outDir', out], content);
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain(expected);
    expect(`${result.stdout}${result.stderr}`).toContain('构建已停止');
  });

  it('astro build with every table taken from the cache of checked tables still stops with every problem', () => {
    // A second problem, found between files (a report of an item that does not exist).
    const twice = makeContent({
      ...edit('2020/reports/2020-02.csv', '计划,完成,否,2020-03-05,\nT2', '计划,基本完成,否,2020-03-05,\nT2'),
      '2020/reports/2020-01.csv': `${fixtureText('2020/reports/2020-01.csv')}\nT9,2020-01,区发改局,目标,进展,无,计划,完成,否,2020-02-05,`,
    });
    const cache = mkdtempSync(path.join(tmpdir(), 'luoshi-bad-cache-'));
    const out = mkdtempSync(path.join(tmpdir(), 'luoshi-bad-build-'));
    const build = () =>
      run([path.join(root, 'node_modules/.bin/astro'), 'build', '--outDir', out], twice, { LUOSHI_CACHE_DIR: cache });
    const first = build();
    const second = build();
    for (const result of [first, second]) {
      const log = `${result.stdout}${result.stderr}`;
      expect(result.status).not.toBe(0);
      expect(log).toContain(expected);
      expect(log).toMatch(/T9/);
      expect(log).toContain('构建已停止');
    }
    // The second build checked no table again: every one came from the cache, with its problems.
    expect(`${first.stdout}${first.stderr}`).toMatch(/内容表格：0 个未改动，检查结果取自缓存；[1-9]\d* 个已重新检查/);
    expect(`${second.stdout}${second.stderr}`).toMatch(/内容表格：[1-9]\d* 个未改动，检查结果取自缓存；0 个已重新检查/);
  });
});
