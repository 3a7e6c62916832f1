/**
 * Incremental builds are correct: after an edit, a build that reuses the caches of the build
 * before it produces the same dist/ as a cold build (empty caches) of the edited content.
 * Allowed differences are listed in ALLOWED, each with its reason; today there are none.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeContent, TODAY } from '../fixtures/content.ts';

const ENV = {
  ...process.env,
  PATH: `${path.resolve('node_modules/.bin')}${path.delimiter}${process.env.PATH}`,
  LUOSHI_TODAY: TODAY,
  ASTRO_TELEMETRY_DISABLED: '1',
};
const tmp = mkdtempSync(path.join(tmpdir(), 'luoshi-incr-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Files that may differ between an incremental and a cold build of the same content, and why. */
export const ALLOWED: { pattern: RegExp; why: string }[] = [];

function build(content: string, out: string, cache: string): string {
  return execFileSync('astro', ['build', '--outDir', out], {
    env: { ...ENV, LUOSHI_CONTENT: content, LUOSHI_CACHE_DIR: cache },
    stdio: 'pipe',
    encoding: 'utf8',
  });
}

function tree(dir: string, rel = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) for (const [k, v] of tree(dir, p)) out.set(k, v);
    else
      out.set(
        p,
        createHash('sha256')
          .update(readFileSync(path.join(dir, p)))
          .digest('hex'),
      );
  }
  return out;
}

/** Paths that differ between two output folders (missing on one side, or other bytes). */
export function diffTrees(a: string, b: string): string[] {
  const ta = tree(a);
  const tb = tree(b);
  const out: string[] = [];
  for (const [k, v] of ta) if (tb.get(k) !== v) out.push(tb.has(k) ? `changed ${k}` : `only in incremental: ${k}`);
  for (const k of tb.keys()) if (!ta.has(k)) out.push(`only in cold: ${k}`);
  return out.filter((d) => !ALLOWED.some((x) => x.pattern.test(d.replace(/^[^:]*: |^changed /, ''))));
}

describe('an incremental build after an edit equals a cold build of the same content', () => {
  it('reuses unchanged pages and rebuilds the changed ones to the same bytes', () => {
    const content = makeContent();
    const cache = path.join(tmp, 'cache');
    const incremental = path.join(tmp, 'incremental/dist');
    // A unit that no item names yet, removed again below: its page and feed must go.
    const units = path.join(content, 'units.csv');
    const registry = readFileSync(units, 'utf8');
    writeFileSync(units, `${registry.trimEnd()}\nwenlvju,区文旅局,测试区文化和旅游局,区直部门,\n`);
    build(content, incremental, cache);
    expect(existsSync(path.join(incremental, 'units/wenlvju/index.html'))).toBe(true);

    // The office's monthly update: T1's report for 2020-02 is corrected, P1 reports 2020-02.
    const feb = path.join(content, '2020/reports/2020-02.csv');
    writeFileSync(
      feb,
      readFileSync(feb, 'utf8').replace('T1,2020-02,区发改局,目标,进展,', 'T1,2020-02,区发改局,目标,增量构建核对进展,') +
        '\nP1,2020-02,区住建局,目标,进展,无,计划,完成,是,2020-03-05,',
    );
    // …and a registry edit that shows on every page naming the unit, and the unit without items gone.
    writeFileSync(units, registry.replace('测试区教育和体育局', '测试区教育和体育事业局'));
    // Astro colours its log when CI is set, even into a pipe: count on the plain text.
    // eslint-disable-next-line no-control-regex -- ESC starts the colour codes being removed
    const log = build(content, incremental, cache).replace(/\x1b\[[0-9;]*m/g, '');
    const reused = (log.match(/\((cached|restored)\)/g) ?? []).length;
    const rendered = (log.match(/├─ .*\(\+\d+m?s\)/g) ?? []).length;
    // Some pages were reused, some rendered again: the test exercises both paths. The reused ones
    // were copied in one pass before Astro looked for them (src/integrations/page-restore.ts), and
    // the copy of the gone unit's page deleted.
    expect(reused).toBeGreaterThan(10);
    expect(rendered).toBeGreaterThan(3);
    expect(log).toMatch(/\[step restore \d+ ms\]/);
    expect(log).toMatch(/删除本次构建不再生成的旧页面 [1-9]/);
    expect(existsSync(path.join(incremental, 'units/wenlvju/index.html'))).toBe(false);
    expect(readFileSync(path.join(incremental, '2020/tasks/1/index.html'), 'utf8')).toContain('增量构建核对进展');

    const cold = path.join(tmp, 'cold/dist');
    build(content, cold, path.join(tmp, 'cold-cache'));
    expect(diffTrees(incremental, cold)).toEqual([]);
  }, 300_000);
});
