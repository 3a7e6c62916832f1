/**
 * `astro build` must stop on invalid content (Astro's stock file() loader only logs), printing
 * the same file:line:column report as `npm run validate`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TODAY, edit, makeContent } from '../fixtures/content.ts';

const root = path.resolve(__dirname, '../..');

function run(command: string[], content: string) {
  return spawnSync(command[0], command.slice(1), {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LUOSHI_CONTENT: content, LUOSHI_TODAY: TODAY },
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
});
