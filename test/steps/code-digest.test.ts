/**
 * The digest of the code behind the build's own caches (checked tables, feeds and chart CSVs):
 * every file of the core and of the build steps, and the locked dependencies, are in it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeDigest } from '../../src/steps/code-digest.ts';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'luoshi-code-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const BASE = {
  'src/core/content/cells.ts': 'export const a = 1;',
  'src/core/errors/catalogue.ts': 'export const b = 2;',
  'src/steps/site-files.ts': 'export const c = 3;',
  'package-lock.json': '{"lockfileVersion":3}',
  'package.json': '{"name":"x"}',
  'src/pages/index.astro': '<p>page</p>',
};

describe('codeDigest', () => {
  const base = codeDigest(project(BASE));

  it.each([
    ['a check of the core', 'src/core/content/cells.ts', 'export const a = 2;'],
    ['a message of the catalogue', 'src/core/errors/catalogue.ts', 'export const b = 3;'],
    ['a build step', 'src/steps/site-files.ts', 'export const c = 4;'],
    ['a new file of the core', 'src/core/model/new.ts', 'export {};'],
    ['the locked dependencies', 'package-lock.json', '{"lockfileVersion":3,"packages":{}}'],
  ])('changes with %s', (_what, file, text) => {
    expect(codeDigest(project({ ...BASE, [file]: text }))).not.toBe(base);
  });

  it('is the same for the same code, and does not change with a page (Astro keys pages by their own modules)', () => {
    expect(codeDigest(project(BASE))).toBe(base);
    expect(codeDigest(project({ ...BASE, 'src/pages/index.astro': '<p>other</p>' }))).toBe(base);
  });
});
