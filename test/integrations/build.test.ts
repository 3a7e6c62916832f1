/**
 * The atomic output swap (src/integrations/output-swap.ts): a build that fails after its pages are
 * written leaves the previous output untouched; a build that succeeds replaces it whole.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stagingDir, swapIn } from '../../src/integrations/output-swap.ts';
import { makeContent, TODAY } from '../fixtures/content.ts';

const ENV = {
  ...process.env,
  PATH: `${path.resolve('node_modules/.bin')}${path.delimiter}${process.env.PATH}`,
  LUOSHI_TODAY: TODAY,
  ASTRO_TELEMETRY_DISABLED: '1',
};
const tmp = mkdtempSync(path.join(tmpdir(), 'luoshi-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function build(out: string, content: string, extra: Record<string, string> = {}): { ok: boolean; output: string } {
  try {
    const output = execFileSync('astro', ['build', '--outDir', out], {
      env: { ...ENV, LUOSHI_CONTENT: content, ...extra },
      stdio: 'pipe',
      encoding: 'utf8',
    });
    return { ok: true, output };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('swapIn', () => {
  it('replaces the target folder with the staged one and leaves nothing behind', () => {
    const target = path.join(tmp, 'swap/dist');
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, 'old.txt'), 'old');
    const staged = stagingDir(target);
    mkdirSync(staged, { recursive: true });
    writeFileSync(path.join(staged, 'new.txt'), 'new');
    swapIn(staged, target);
    expect(readdirSync(target)).toEqual(['new.txt']);
    expect(existsSync(staged)).toBe(false);
    expect(readdirSync(path.dirname(target)).sort()).toEqual(['dist']);
  });

  it('works when there is no previous output', () => {
    const target = path.join(tmp, 'swap2/dist');
    const staged = stagingDir(target);
    mkdirSync(staged, { recursive: true });
    writeFileSync(path.join(staged, 'a.txt'), 'a');
    swapIn(staged, target);
    expect(readdirSync(target)).toEqual(['a.txt']);
  });
});

describe('astro build is the whole build, published atomically', () => {
  const out = path.join(tmp, 'site/dist');
  const content = makeContent();

  it('a build that fails after writing its pages leaves the previous dist/ untouched', () => {
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'index.html'), '<p>previous site</p>');
    writeFileSync(path.join(out, 'sentinel.txt'), 'previous');
    const r = build(out, content, { LUOSHI_BUILD_FAULT: 'search' });
    expect(r.ok, r.output.slice(-2000)).toBe(false);
    expect(r.output).toContain('LUOSHI_BUILD_FAULT=search');
    // The previous output, byte for byte, and nothing of the new build in it.
    expect(readdirSync(out).sort()).toEqual(['index.html', 'sentinel.txt']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('<p>previous site</p>');
    // The failed build did write its pages (into the staging folder): the failure was late.
    expect(existsSync(path.join(stagingDir(out), '2020/tasks/1/index.html'))).toBe(true);
    expect(existsSync(path.join(stagingDir(out), 'charts'))).toBe(true);
  }, 180_000);

  it('a build that succeeds replaces dist/ whole: pages, chart images and search index', () => {
    const r = build(out, content);
    expect(r.ok, r.output.slice(-2000)).toBe(true);
    expect(existsSync(path.join(out, 'sentinel.txt'))).toBe(false);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('lang="zh-CN"');
    expect(existsSync(path.join(out, '2020/tasks/1/index.html'))).toBe(true);
    expect(readdirSync(path.join(out, 'charts')).some((f) => f.endsWith('.png'))).toBe(true);
    expect(existsSync(path.join(out, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(path.join(out, 'sitemap-index.xml'))).toBe(true);
    expect(existsSync(stagingDir(out))).toBe(false);
    expect(existsSync(`${out}.old`)).toBe(false);
  }, 180_000);
});
