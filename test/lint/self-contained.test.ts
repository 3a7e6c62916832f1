/**
 * The repository stands alone and the programme is data:
 * - nothing in the build, the scripts or the tests reads outside the repository (the developers' shared folder beside the checkout);
 * - no programme name or slug of the bundled year is written in code (src/, scripts/, tools/, the
 *   Astro config): it comes from content/<year>/manifest.json (read here from the bundled dataset's
 *   test copy, so the check runs whatever content/ holds).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHIZHONG_2020 } from '../fixtures/bundled.ts';

const ROOT = path.resolve(__dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|mjs|js|astro|json|mdx?)$/.test(e) ? [p] : [];
  });
}

describe('self-contained', () => {
  const code = [
    ...files(path.join(ROOT, 'src')),
    ...files(path.join(ROOT, 'scripts')),
    ...files(path.join(ROOT, 'tools')),
    path.join(ROOT, 'astro.config.mjs'),
    path.join(ROOT, 'package.json'),
  ];
  const tests = [...files(path.join(ROOT, 'test')), path.join(ROOT, 'vitest.config.ts'), path.join(ROOT, 'playwright.config.ts')];

  it('nothing reads the shared folder outside the repository', () => {
    const outside = ['..', 'shared'].join('/');
    const seeds = ['shared', 'seeds'].join('/');
    const hits = [...code, ...tests]
      .filter((f) => f !== __filename)
      .filter((f) => {
        const t = readFileSync(f, 'utf8');
        return t.includes(outside) || t.includes(seeds);
      });
    expect(hits.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it("the bundled programme's slug appears in no code, only in content/", () => {
    const slug = JSON.parse(readFileSync(path.join(SHIZHONG_2020, '2020/manifest.json'), 'utf8')).programme.slug as string;
    expect(slug.length).toBeGreaterThan(0);
    expect(code.length).toBeGreaterThan(50);
    const hits = code.filter((f) => readFileSync(f, 'utf8').includes(slug));
    expect(hits.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
