/**
 * Which tests run on which content (test/fixtures/bundled.ts): with the bundled dataset in the
 * content folder every test runs; with another government's, the checks of the bundled dataset
 * (test/content, test/site, test/e2e) are left out, saying so, and every engine test still runs.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_BUNDLED_NOTE, SHIZHONG_2020, contentIsBundled } from '../fixtures/bundled.ts';
import { makeContent } from '../fixtures/content.ts';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'node_modules/.bin');

/** The test files vitest and Playwright would run with LUOSHI_CONTENT=content, and what they print. */
function listed(content: string): { vitest: string; playwright: string } {
  const env = { ...process.env, LUOSHI_CONTENT: content, PATH: `${BIN}${path.delimiter}${process.env.PATH}` };
  const run = (bin: string, args: string[]) => {
    const r = spawnSync(path.join(BIN, bin), args, { cwd: ROOT, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return r.stdout + r.stderr;
  };
  return {
    vitest: run('vitest', ['list', '--filesOnly']),
    playwright: run('playwright', ['test', '--list', '--pass-with-no-tests']),
  };
}

describe('the bundled dataset is recognised', () => {
  it('by its notice number, in the test copy and nowhere else', () => {
    expect(contentIsBundled(SHIZHONG_2020)).toBe(true);
    expect(contentIsBundled(makeContent())).toBe(false);
    expect(contentIsBundled(path.join(ROOT, 'no-such-folder'))).toBe(false);
  });
});

describe('the tests that run', () => {
  it('on the bundled dataset: all, with the checks of the dataset and its site', () => {
    const { vitest, playwright } = listed(SHIZHONG_2020);
    expect(vitest).not.toContain(NOT_BUNDLED_NOTE);
    for (const f of ['test/content/notice-fidelity.test.ts', 'test/site/dist.test.ts', 'test/tools/schemas.test.ts'])
      expect(vitest).toContain(f);
    expect(playwright).toMatch(/Total: [1-9]\d* tests/);
  }, 60_000);

  it("on another government's content: the engine's, and a line saying which were left out", () => {
    const { vitest, playwright } = listed(makeContent());
    expect(vitest).toContain(NOT_BUNDLED_NOTE);
    expect(vitest).not.toMatch(/test\/(content|site)\//);
    for (const f of ['test/core/content/load.test.ts', 'test/scripts/import-notice.test.ts', 'test/core/present/search.test.ts'])
      expect(vitest).toContain(f);
    expect(playwright).toContain(NOT_BUNDLED_NOTE);
    expect(playwright).toContain('Total: 0 tests');
  }, 60_000);
});
