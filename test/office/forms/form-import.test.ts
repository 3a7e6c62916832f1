/**
 * The import's logic without the file system (office/forms/form-import.ts): rows grouped by the
 * content file they go to, merged, problems found by the core located on the form's own
 * file, row and column, conflicts refused unless replacing. The whole import through files
 * and Excel is tested in test/scripts/roundtrip.test.ts and hostile.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  finishImport,
  locateIssues,
  mergeTargets,
  mergedFiles,
  setDataDate,
  startImport,
  type FormRead,
} from '../../../office/forms/form-import.ts';
import { issueOf } from '../../../src/core/errors/catalogue.ts';
import { loadContentOrThrow } from '../../../src/core/content/load.ts';
import { TODAY, fixtureText, makeContent } from '../../fixtures/content.ts';

const HEADER = 'item,month,unit,target,progress,problems,next_steps,evaluation,item_complete,filed,note'.split(',');
const grid = (...rows: string[]) => [HEADER, ...rows.map((r) => r.split(','))];
const read = (file: string, g: string[][]): FormRead => ({ file, grid: g, encoding: 'UTF-8', problems: [] });
const dataset = () => loadContentOrThrow(makeContent(), { today: TODAY });

describe('form import (core)', () => {
  it('merges a new month into its own file, in item order, and locates a core problem on the form', () => {
    const batch = startImport(
      dataset(),
      [
        read(
          't3.csv',
          grid(
            'T3,2020-03,区住建局,目标,进展,无,计划,完成,否,2020-04-08,',
            'T1,2020-03,区发改局,目标,进展,无,计划,完成,否,2020-04-08,',
          ),
        ),
      ],
      [],
    );
    expect([...batch.targets.keys()]).toEqual(['2020/reports/2020-03.csv']);
    mergeTargets(batch, () => undefined, false);
    const [file] = mergedFiles(batch);
    expect(file.rel).toBe('2020/reports/2020-03.csv');
    expect(file.text.split(/\r?\n/).slice(0, 3)).toEqual([
      HEADER.join(','),
      'T1,2020-03,区发改局,目标,进展,无,计划,完成,否,2020-04-08,',
      'T3,2020-03,区住建局,目标,进展,无,计划,完成,否,2020-04-08,',
    ]);
    // The core finds a problem on line 3 of the merged file (T3): it is reported on the form's row 2.
    locateIssues(
      batch,
      [
        issueOf(
          'LS-FLD-010',
          { file: 'content/2020/reports/2020-03.csv', line: 3, field: 'progress', value: '进展' },
          { columnHint: '测试提示' },
        ),
      ],
      'content',
      '/x/content',
    );
    const outcome = finishImport(batch);
    expect(outcome.ok).toBe(false);
    // The form's row keeps the core's code.
    expect(outcome.errors).toEqual([
      expect.stringMatching(/^t3\.csv 第 2 行 E 列 {2}\[LS-FLD-010\] {2}.*「进展」 {2}必填项为空 {2}提示：测试提示$/),
    ]);
    expect(outcome.summary).toEqual([
      { unit: '区住建局', added: 1, changed: 0, unchanged: 0, blank: 0 },
      { unit: '区发改局', added: 1, changed: 0, unchanged: 0, blank: 0 },
    ]);
    expect(outcome.modified).toEqual(['2020/reports/2020-03.csv']);
  });

  it('refuses a row that differs from the published one, and replaces it only when asked', () => {
    const existing = Buffer.from(fixtureText('2020/reports/2020-01.csv'));
    const changed = [read('t1.csv', grid('T1,2020-01,区发改局,目标,新的进展,无,计划,完成,否,2020-02-05,'))];
    const refused = startImport(dataset(), changed, []);
    mergeTargets(refused, () => existing, false);
    const no = finishImport(refused);
    expect(no.ok).toBe(false);
    expect(no.conflicts).toEqual([expect.stringContaining('原「进展」→ 新「新的进展」')]);
    const replacing = startImport(dataset(), changed, []);
    mergeTargets(replacing, () => existing, true);
    const yes = finishImport(replacing);
    expect(yes.ok).toBe(true);
    expect(yes.replaced).toHaveLength(1);
    expect(mergedFiles(replacing)[0].text).toContain('T1,2020-01,区发改局,目标,新的进展,');
  });

  it('names a row filed twice with different content, an invalid month and an unreadable file', () => {
    const batch = startImport(
      dataset(),
      [
        read('a.csv', grid('T1,2020-03,区发改局,目标,进展甲,无,计划,完成,否,2020-04-08,')),
        read(
          'b.csv',
          grid(
            'T1,2020-03,区发改局,目标,进展乙,无,计划,完成,否,2020-04-08,',
            'T2,2020年3月,区教体局,目标,进展,无,计划,完成,否,2020-04-08,',
          ),
        ),
        { file: 'c.xls', failure: issueOf('LS-FORM-019', {}), problems: [] },
      ],
      ['d.csv  [LS-FORM-026]  文件不存在'],
    );
    mergeTargets(batch, () => undefined, false);
    const outcome = finishImport(batch);
    expect(outcome.ok).toBe(false);
    expect(outcome.errors[0]).toBe('d.csv  [LS-FORM-026]  文件不存在');
    expect(outcome.errors).toContainEqual(
      expect.stringMatching(/^b\.csv 第 2 行 {2}\[LS-FORM-025\] {2}事项 T1 重复填报，且与 a\.csv 第 2 行的内容不同/),
    );
    expect(outcome.errors).toContainEqual(
      expect.stringMatching(/^b\.csv 第 3 行 B 列 {2}\[LS-FORM-024\] {2}.*「2020年3月」 {2}月份无效/),
    );
    expect(outcome.errors).toContainEqual(
      'c.xls  [LS-FORM-019]  这是旧版 Excel（.xls）或 WPS 表格（.et）文件，不是 .xlsx，无法导入  提示：请在 Excel 或 WPS 中打开，「另存为」→「Excel 工作簿（*.xlsx）」后再导入',
    );
  });

  it('moves the data date of the years imported into', () => {
    const batch = startImport(dataset(), [read('t1.csv', grid('T1,2020-03,区发改局,目标,进展,无,计划,完成,否,2020-04-08,'))], []);
    const changed = setDataDate(batch, () => fixtureText('2020/manifest.json'), '2020-04-20');
    expect([...changed.keys()]).toEqual(['2020/manifest.json']);
    expect(JSON.parse(changed.get('2020/manifest.json')!).data_date).toBe('2020-04-20');
    expect(batch.outcome.dataDate).toEqual([{ year: 2020, from: '2020-04-10', to: '2020-04-20' }]);
  });
});
