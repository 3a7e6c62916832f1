/**
 * Real searches, in words taken from the notice (市中政办发〔2020〕1号), and the pages a citizen
 * expects among the first three results. Used by tools/search-report.ts (hit rates of the index
 * variants) and test/e2e/search.spec.ts (the site's search in a browser).
 *
 * `expect`: site-relative paths, any of which counts as a hit; `ledBy`: any item page led by
 * that unit (by registry id) counts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../src/core/model/types.ts';

export interface SearchQuery {
  q: string;
  expect?: string[];
  ledBy?: string;
  /** What the query exercises. */
  note: string;
}

/** The bundled programme's URL segment, as content/2020/manifest.json names it. */
const SLUG: string = JSON.parse(readFileSync(path.join(import.meta.dirname, '../content/2020/manifest.json'), 'utf8')).programme
  .slug;
const P = (n: number) => `2020/${SLUG}/${n}/`;
const T = (n: number) => `2020/tasks/${n}/`;

export const SEARCH_QUERIES: SearchQuery[] = [
  { q: '电梯', expect: [P(5)], note: '两字' },
  { q: '加装电梯', expect: [P(5)], note: '词' },
  { q: '口袋公园', expect: [P(84), T(74)], note: '词' },
  { q: '陡沟学校', expect: [P(9), T(88)], note: '地名+词' },
  { q: '供暖', expect: [P(13)], note: '两字' },
  { q: '食堂', expect: [P(12)], note: '两字' },
  { q: '校服', expect: [P(18)], note: '两字' },
  { q: '近视', expect: [P(19)], note: '两字' },
  { q: '公厕', expect: [P(77), P(97), T(56)], note: '两字' },
  { q: '足球', expect: [P(31)], note: '两字' },
  { q: '扬尘', expect: [T(78)], note: '两字' },
  { q: '发改局', ledBy: 'fagaiju', note: '单位别名' },
  { q: '住建局', ledBy: 'zhujianju', note: '单位别名' },
  { q: '园林绿化服务中心', ledBy: 'yuanlin-lvhua', note: '单位别名（无“区”）' },
  { q: '第37项', expect: [T(37)], note: '编号' },
  { q: '37', expect: [T(37)], note: '编号（数字）' },
  { q: `${SLUG} 第5项`, expect: [P(5)], note: '编号（民生工程）' },
  { q: '民生工程第84项', expect: [P(84)], note: '编号（民生工程）' },
  { q: '花漾街区', expect: [P(82), T(73)], note: '词' },
  { q: '清洁取暖', expect: [P(6), T(56)], note: '词' },
  { q: '老旧小区', expect: [P(4), T(69)], note: '词' },
  { q: '菜市场', expect: [P(35)], note: '词' },
  { q: '银龄安康', expect: [P(42)], note: '专名' },
  { q: '农药残留', expect: [P(37)], note: '词' },
  { q: '长寿生活补贴', expect: [P(41)], note: '短语' },
  { q: '金鸡岭', expect: [T(67)], note: '地名' },
  { q: '夜间经济', expect: [T(14)], note: '词' },
  { q: '雨污分流', expect: [P(72)], note: '词' },
  { q: '大树补植', expect: [P(87)], note: '词' },
  { q: '红符路', expect: [P(70), T(58)], note: '地名' },
  { q: '垃圾转运站', expect: [P(81)], note: '词' },
  { q: '孟庆顺', expect: ['leaders/mengqingshun/'], note: '领导' },
  { q: '装电梯', expect: [P(5)], note: '跨词子串' },
  { q: '袋公园', expect: [P(84), T(74)], note: '跨词子串' },
  { q: '发改', ledBy: 'fagaiju', note: '单位简称子串' },
  { q: '运动场地', expect: [P(24)], note: '词' },
];

/** Whether one of the first three result paths (site-relative, no base) is what the query expects. */
export function isHit(query: SearchQuery, paths: string[], ds: Dataset): boolean {
  return paths.slice(0, 3).some((p) => {
    if (query.expect?.includes(p)) return true;
    if (!query.ledBy) return false;
    const m = p.match(/^(\d{4})\/([a-z0-9-]+)\/(\d+)\/$/);
    const item = m && ds.years.find((y) => y.year === Number(m[1]))?.itemByKey.get(`${m[2] === 'tasks' ? 'T' : 'P'}${m[3]}`);
    return !!item?.leadUnitIds.includes(query.ledBy);
  });
}
