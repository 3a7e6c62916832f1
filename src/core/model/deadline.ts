/**
 * 完成时限 as notices write it (12月底前, 9月投入使用, 2023年10月, 上半年, 三季度末, 年底前), read as
 * the month it ends in, for ordering and for the expected-progress line. The words themselves stay
 * on the item (Item.deadline); this only says which month they name. Pure.
 */

const CHINESE_MONTHS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

/** A quarter or half of the year written in words, and its last month. */
const PERIODS: [RegExp, number][] = [
  [/(?:第?[一1])季度/, 3],
  [/(?:第?[二2])季度/, 6],
  [/(?:第?[三3])季度/, 9],
  [/(?:第?[四4])季度/, 12],
  [/上半年/, 6],
  [/下半年|年底|年末|年内|全年|年度内|当年/, 12],
];

const pad = (month: number) => String(month).padStart(2, '0');

/**
 * The month a deadline written in words ends in, as YYYY-MM, or undefined when it names none
 * (长期坚持, 持续推进, ''). Where it names several (6月底前完成一期，12月底前全部完成; a deadline per
 * sub-task on its own line), the latest. A year written with it (2023年10月, 2024年底前) wins over
 * `year`, the year of the notice.
 */
export function deadlineMonth(text: string, year: number): string | undefined {
  let latest: string | undefined;
  const consider = (y: number, m: number) => {
    if (m < 1 || m > 12) return;
    const value = `${y}-${pad(m)}`;
    if (!latest || value > latest) latest = value;
  };
  // Each clause on its own: a year written in one clause belongs to it.
  for (const clause of text.split(/[\n；;，,、]/)) {
    const written = /(20\d\d)\s*年/.exec(clause);
    const y = written ? Number(written[1]) : year;
    const rest = written ? clause.slice(written.index + written[0].length) : clause;
    let named = false;
    for (const m of rest.matchAll(/(\d{1,2})\s*月/g)) {
      consider(y, Number(m[1]));
      named = true;
    }
    for (const m of rest.matchAll(/(十[一二]|[一二三四五六七八九十])月/g)) {
      consider(y, CHINESE_MONTHS[m[1]]);
      named = true;
    }
    if (named) continue;
    for (const [pattern, month] of PERIODS)
      if (pattern.test(clause)) {
        consider(y, month);
        named = true;
      }
    // 2024年底前 is caught above (年底); a bare 2024年 (2024年完成) ends in that year's December.
    if (!named && written) consider(y, 12);
  }
  return latest;
}
