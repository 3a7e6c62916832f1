import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeHistory, itemHistory, loadHistory, monthCorrections, type Change } from '../../../src/core/content/history.ts';
import { fixtureText, makeContent } from '../../fixtures/content.ts';

function git(cwd: string, args: string[], date?: string): string {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: '督查室',
    GIT_AUTHOR_EMAIL: 'ducha@example.gov.cn',
    GIT_COMMITTER_NAME: '督查室',
    GIT_COMMITTER_EMAIL: 'ducha@example.gov.cn',
    ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
  };
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
}

function commitAll(repo: string, message: string, date: string): string {
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', message], date);
  return git(repo, ['rev-parse', '--short', 'HEAD']);
}

/** A git repository holding the fixture under content/, with a later correction to a past month. */
function repoWithCorrection() {
  const root = makeContent();
  const repo = path.dirname(root);
  git(repo, ['init', '-q', '-b', 'main']);
  const first = commitAll(repo, '发布 2020 年 1—2 月数据', '2020-03-06T10:00:00+08:00');
  // A later month is added (not a correction).
  writeFileSync(
    path.join(root, '2020/reports/2020-03.csv'),
    [
      'item,month,unit,target,progress,problems,next_steps,evaluation,item_complete,filed,note',
      'T1,2020-03,区发改局,目标,三月进展,无,计划,完成,否,2020-04-03,',
    ].join('\n'),
  );
  const second = commitAll(repo, '发布 3 月数据', '2020-04-08T09:00:00+08:00');
  // Then January is quietly rewritten: T1's progress and evaluation change, P2's report is withdrawn.
  const jan = fixtureText('2020/reports/2020-01.csv')
    .replace('T1,2020-01,区发改局,目标,进展,无,计划,完成,', 'T1,2020-01,区发改局,目标,进展（已核实）,无,计划,未完成,')
    .replace(/\nP2,2020-01,[^\n]*/, '');
  writeFileSync(path.join(root, '2020/reports/2020-01.csv'), jan);
  const third = commitAll(repo, '更正', '2020-05-20T16:30:00+08:00');
  return { root, repo, first, second, third };
}

const summary = (c: Change) =>
  [c.date, c.commit, c.file, c.item, c.month ?? '', c.kind, c.field ?? '', c.old ?? '', c.new ?? ''].join(' | ');

describe('revision history from git', () => {
  it('shows each edit to a past report with old → new, date and commit', () => {
    const { root, first, second, third } = repoWithCorrection();
    const h = itemHistory('T1', 2020, root);
    if (!h.available) throw new Error(`history unavailable: ${h.message}`);
    // Newest first.
    expect(h.changes.map(summary)).toEqual([
      `2020-05-20 | ${third} | 2020/reports/2020-01.csv | T1 | 2020-01 | changed | progress | 进展 | 进展（已核实）`,
      `2020-05-20 | ${third} | 2020/reports/2020-01.csv | T1 | 2020-01 | changed | evaluation | 完成 | 未完成`,
      `2020-04-08 | ${second} | 2020/reports/2020-03.csv | T1 | 2020-03 | added |  |  | `,
      `2020-03-06 | ${first} | 2020/tasks.csv | T1 |  | added |  |  | `,
      `2020-03-06 | ${first} | 2020/plans.csv | T1 |  | added |  |  | `,
      `2020-03-06 | ${first} | 2020/reports/2020-01.csv | T1 | 2020-01 | added |  |  | `,
      `2020-03-06 | ${first} | 2020/reports/2020-02.csv | T1 | 2020-02 | added |  |  | `,
    ]);
    expect(h.changes[0].subject).toBe('更正');
    expect(h.changes[0].hash).toMatch(/^[0-9a-f]{40}$/);
    expect(h.dirty).toBe(false);

    const p2 = itemHistory('P2', 2020, root);
    expect(p2.available && p2.changes[0]).toMatchObject({ kind: 'removed', month: '2020-01', commit: third });
  });

  it('lists corrections of a month: changes after first publication, not late additions', () => {
    const { root, first, third } = repoWithCorrection();
    const jan = monthCorrections(2020, '2020-01', root);
    if (!jan.available) throw new Error(`corrections unavailable: ${jan.message}`);
    expect(
      jan.corrections.map((c) => [c.item, c.kind, c.field, c.old, c.new, c.date, c.commit, c.published, c.publishedCommit]),
    ).toEqual([
      ['T1', 'changed', 'progress', '进展', '进展（已核实）', '2020-05-20', third, '2020-03-06', first],
      ['T1', 'changed', 'evaluation', '完成', '未完成', '2020-05-20', third, '2020-03-06', first],
      ['P2', 'removed', undefined, undefined, undefined, '2020-05-20', third, '2020-03-06', first],
    ]);
    const mar = monthCorrections(2020, '2020-03', root);
    expect(mar.available && mar.corrections).toEqual([]);
  });

  it('marks uncommitted edits and recomputes after a new commit', () => {
    const { root, repo } = repoWithCorrection();
    const before = loadHistory(root);
    expect(loadHistory(root)).toBe(before); // cached by HEAD
    writeFileSync(
      path.join(root, '2020/plans.csv'),
      fixtureText('2020/plans.csv').replace('T1,区发改局,一季度目标', 'T1,区发改局,一季度新目标'),
    );
    expect(computeHistory(root).available && (computeHistory(root) as { dirty: boolean }).dirty).toBe(true);
    const fourth = commitAll(repo, '修改计划', '2020-06-01T08:00:00+08:00');
    const after = itemHistory('T1', 2020, root);
    expect(after.available && after.changes[0]).toMatchObject({
      commit: fourth,
      record: 'plan',
      field: 'q1',
      old: '一季度目标',
      new: '一季度新目标',
      date: '2020-06-01',
    });
  });

  it('is unavailable, never wrong, in a shallow clone and outside a repository', () => {
    const { repo } = repoWithCorrection();
    const clone = path.join(mkdtempSync(path.join(tmpdir(), 'luoshi-shallow-')), 'site');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    expect(computeHistory(path.join(clone, 'content'))).toMatchObject({
      available: false,
      reason: 'shallow',
      message: expect.stringContaining('浅克隆'),
    });
    expect(itemHistory('T1', 2020, path.join(clone, 'content')).available).toBe(false);
    expect(monthCorrections(2020, '2020-01', path.join(clone, 'content')).available).toBe(false);
    expect(computeHistory(makeContent())).toMatchObject({ available: false, reason: 'not-a-repo' });
    rmSync(path.dirname(clone), { recursive: true, force: true });
  });

  it('reads 50 commits of edits quickly', () => {
    const root = makeContent();
    const repo = path.dirname(root);
    git(repo, ['init', '-q', '-b', 'main']);
    commitAll(repo, 'init', '2020-03-06T10:00:00+08:00');
    const header = 'item,month,unit,target,progress,problems,next_steps,evaluation,item_complete,filed,note';
    for (let i = 1; i <= 50; i++) {
      for (const m of ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10']) {
        const rows = Array.from(
          { length: 200 },
          (_, k) => `T${k + 1},2020-${m},区发改局,目标,进展${k === i ? i : 0},无,计划,完成,否,2020-${m}-20,`,
        );
        writeFileSync(path.join(root, `2020/reports/2020-${m}.csv`), [header, ...rows].join('\n'));
      }
      commitAll(repo, `edit ${i}`, `2020-06-${String((i % 28) + 1).padStart(2, '0')}T08:00:00+08:00`);
    }
    const started = performance.now();
    const h = computeHistory(root);
    const ms = performance.now() - started;
    expect(h.available).toBe(true);
    expect(ms).toBeLessThan(15_000);
    console.log(`history of 51 commits × 10 reports: ${Math.round(ms)} ms`);
    const t7 = itemHistory('T7', 2020, root);
    expect(
      t7.available &&
        t7.changes
          .filter((c) => c.kind === 'changed')
          .map((c) => `${c.month}:${c.old}→${c.new}`)
          .slice(0, 2),
    ).toEqual(['2020-01:进展6→进展0', '2020-02:进展6→进展0']);
  });
});
