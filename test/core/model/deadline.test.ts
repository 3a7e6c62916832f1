/** 完成时限 in words, as real notices write them, read as the month they end in. */
import { describe, expect, it } from 'vitest';
import { deadlineMonth } from '../../../src/core/model/deadline.ts';

describe('deadlineMonth', () => {
  it.each([
    // 大竹县 2016 民生实事 (test/fixtures/notices/dazhu-2016.txt)
    ['12月底前', '2016-12'],
    ['9月投入使用', '2016-09'],
    ['5月底前动工', '2016-05'],
    // the bundled and the phrases
    ['6月底', '2016-06'],
    ['年底前', '2016-12'],
    ['2023年10月', '2023-10'],
    ['2021年6月底前', '2021-06'],
    ['上半年', '2016-06'],
    ['三季度末', '2016-09'],
    ['第一季度', '2016-03'],
    ['2017年上半年', '2017-06'],
    ['2024年底前', '2024-12'],
    ['年内', '2016-12'],
    ['十月底前', '2016-10'],
    ['十二月底', '2016-12'],
    ['2018年', '2018-12'],
  ])('%s → %s', (text, month) => {
    expect(deadlineMonth(text, 2016)).toBe(month);
  });

  it('takes the latest month a deadline names (two sub-tasks, or two stages)', () => {
    expect(deadlineMonth('5月底前动工\n12月底前', 2016)).toBe('2016-12');
    expect(deadlineMonth('6月底前完成一期，12月底前全部完成', 2016)).toBe('2016-12');
    expect(deadlineMonth('2023年10月，2024年6月', 2023)).toBe('2024-06');
  });

  it('gives nothing for words without a month', () => {
    for (const text of ['', '长期坚持', '持续推进', '按进度推进']) expect(deadlineMonth(text, 2016)).toBeUndefined();
  });
});
