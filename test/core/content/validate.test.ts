/** validate(): the one definition of valid content (load + the removed-reports check), for the CLI, the build and the dev reload. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/core/content/validate.ts';
import { TODAY, fixtureText, makeContent } from '../../fixtures/content.ts';

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=t@example.gov.cn', '-c', 'user.name=test', ...args], { cwd, stdio: 'pipe' });
}

describe('validate(root, options)', () => {
  it('outside a git work tree: valid, with a note that the removed-reports check could not run', () => {
    const result = validate(makeContent(), { today: TODAY });
    expect(result.issues).toEqual([]);
    expect(result.dataset?.years.map((y) => y.year)).toEqual([2020]);
    expect(result.notes).toEqual(['不在 git 代码库中，或没有提交 HEAD：无法检查已发布的月报是否被删除']);
  });

  it('a report published in the last commit and since deleted is an issue, though the folder loads', () => {
    const root = makeContent();
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'published');
    const feb = fixtureText('2020/reports/2020-02.csv').split('\n');
    writeFileSync(path.join(root, '2020/reports/2020-02.csv'), feb.filter((l) => !l.startsWith('T2,')).join('\n'));
    const result = validate(root, { today: TODAY });
    expect(result.notes).toEqual([]);
    expect(result.dataset).toBeDefined();
    expect(result.issues.map((i) => `${i.code} ${i.file} ${i.value}`)).toEqual(['LS-WDR-006 content/2020/reports/2020-02.csv T2']);
    // Against a revision that does not exist, the check says so instead of passing silently.
    expect(validate(root, { today: TODAY, since: 'no-such-rev' }).notes).toEqual([
      '不在 git 代码库中，或没有提交 no-such-rev：无法检查已发布的月报是否被删除',
    ]);
  });

  it('content that does not load gives its issues and no dataset, and runs no git', () => {
    const result = validate(makeContent({ 'units.csv': null }), { today: TODAY });
    expect(result.dataset).toBeUndefined();
    expect(result.notes).toEqual([]);
    expect(result.issues.map((i) => i.code)).toContain('LS-CSV-009');
  });
});
