import { SHIZHONG_2020 } from '../../fixtures/bundled.ts';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadContentOrThrow } from '../../../src/core/content/load.ts';
import { buildDate } from '../../../src/core/content/paths.ts';
import { feedbackProblem, feedbackUrl, siteSchema } from '../../../src/core/content/schema.ts';
import { streetItems, streets } from '../../../src/core/model/stats.ts';
import {
  bigrams,
  browserTerms,
  cleanExcerpt,
  injectionHtml,
  itemRecord,
  numberForms,
  programmeAliases,
  searchQuery as rewrite,
  searchRecords,
  segmentWords,
  unitNames,
} from '../../../src/core/present/search.ts';

const ds = loadContentOrThrow(SHIZHONG_2020, { today: buildDate() });
const year = ds.years[0];
/** The query rewrite with the bundled programme's own names, as the search page passes them. */
const searchQuery = (q: string) => rewrite(q, programmeAliases(ds));

describe('searchQuery: item numbers become index tokens', () => {
  it.each([
    ['12100 第5项', 'p5'],
    ['12100第5项', 'p5'],
    ['“12100”民生工程第5项', 'p5'],
    ['民生工程5', 'p5'],
    ['P5', 'p5'],
    ['主要任务第37项', 't37'],
    ['主要工作任务第37项', 't37'],
    ['任务37', 't37'],
    ['t37', 't37'],
    ['第37项', 'n37'],
    ['第 37 项', 'n37'],
  ])('%s → %s', (q, token) => expect(searchQuery(q)).toBe(token));
  it('leaves words alone (Pagefind segments them)', () => {
    expect(searchQuery(' 陡沟学校 ')).toBe('陡沟学校');
    expect(searchQuery('37')).toBe('37');
    expect(searchQuery('12100')).toBe('12100');
  });
  it("knows the programme by the names in the year's data, not by code", () => {
    expect(programmeAliases(ds)).toEqual(expect.arrayContaining(['12100民生工程', '12100', '民生工程']));
    expect(rewrite('十件实事第3项', ['民生十件实事', '十件实事'])).toBe('p3');
    expect(rewrite('十件实事第3项')).toBe('十件实事第3项');
    expect(rewrite('民生实事第3项')).toBe('p3');
  });
});

describe('index-only text', () => {
  it('number tokens for both kinds', () => {
    expect(numberForms({ kind: 'task', no: 37 })).toEqual(['t37', 'n37', '37']);
    expect(numberForms({ kind: 'project', no: 5 })).toEqual(['p5', 'n5', '5']);
  });
  it('unit names include aliases and short forms', () => {
    const fagaiju = ds.unitById.get('fagaiju')!;
    expect(unitNames(fagaiju)).toEqual(
      expect.arrayContaining(['区发改局', '发改局', '区发展和改革局', '济南市市中区发展和改革局']),
    );
    expect(unitNames(ds.unitById.get('dougou')!)).toEqual(expect.arrayContaining(['陡沟街道办事处', '陡沟街道', '陡沟']));
  });
  it('segments as the browser does, and pairs characters', () => {
    expect(segmentWords('改扩建陡沟学校。')).toEqual(['改', '扩建', '陡', '沟', '学校']);
    expect(browserTerms('陡沟学校')).toBe('陡 沟 学校');
    expect(bigrams('加装电梯60部')).toEqual(['加装', '装电', '电梯']);
  });
});

describe('records', () => {
  const p5 = itemRecord(ds, year, year.itemByKey.get('P5')!);
  it('an item has every filter, sort key and the meta results show', () => {
    expect(p5.path).toBe('2020/12100/5/');
    expect(p5.filters).toMatchObject({
      year: ['2020'],
      kind: ['“12100”民生工程'],
      category: ['一、居住舒心工程'],
      lead: ['区住建局'],
      unit: ['区住建局'],
      leader: ['孟庆顺'],
    });
    expect(['已完成', '序时推进', '滞后', '未报送']).toContain(p5.filters.status![0]);
    expect(p5.meta).toMatchObject({ number: '2020年“12100”民生工程第5项', unit: '区住建局' });
    expect(p5.sort.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(p5.names).toContain('p5');
    expect(p5.aliases).toContain('住建局');
  });
  it('tasks have a section filter; sort keys order projects before tasks, by number', () => {
    const t37 = itemRecord(ds, year, year.itemByKey.get('T37')!);
    expect(t37.filters.section?.[0]).toMatch(/^4\. /);
    const keys = [year.itemByKey.get('P2')!, year.itemByKey.get('P10')!, year.itemByKey.get('T1')!].map(
      (i) => itemRecord(ds, year, i).sort.number,
    );
    expect([...keys].sort()).toEqual(keys);
    // Not all digits: Pagefind would parse such keys as 32-bit floats, and neighbours would tie.
    for (const k of keys) expect(k).toMatch(/^[a-z]/);
  });
  it('covers every item, unit and leader page', () => {
    const records = searchRecords(ds);
    expect(records.size).toBe(year.items.length + ds.units.length + ds.leaders.length);
  });
  it('injected HTML is escaped and uses attribute values, not text, for filters', () => {
    const html = injectionHtml({ ...p5, filters: { unit: ['A"<b>'] } });
    expect(html).toContain('<meta data-pagefind-filter="unit[content]" content="A&quot;&lt;b&gt;">');
    expect(html).toContain('data-pagefind-weight="8"');
  });
});

describe('cleanExcerpt: the page’s own words with the query marked', () => {
  const text = (parts: { text: string; mark: boolean }[]) => parts.map((p) => p.text).join('');
  const marks = (parts: { text: string; mark: boolean }[]) => parts.filter((p) => p.mark).map((p) => p.text);
  it('marks the query where it occurs in the record’s text, never index-only tokens', () => {
    const record = itemRecord(ds, year, year.itemByKey.get('P5')!);
    expect(record.meta.text).toContain(year.itemByKey.get('P5')!.text);
    expect(record.meta.text).not.toMatch(/\b[pnt]5\b/);
    const parts = cleanExcerpt(record.meta.text, '加装电梯');
    expect(marks(parts)).toContain('加装电梯');
    expect(text(parts)).not.toMatch(/\bp5\b|\bn5\b/);
  });
  it('windows long text around the first match, with ellipses', () => {
    const long = `${'甲'.repeat(100)}口袋公园${'乙'.repeat(100)}`;
    const parts = cleanExcerpt(long, '口袋公园', 40);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.at(-1)).toEqual({ text: '…', mark: false });
    expect(marks(parts)).toEqual(['口袋公园']);
    expect([...text(parts)].length).toBeLessThanOrEqual(42);
  });
  it('marks the browser’s words of a query; single characters only for a one-character query', () => {
    expect(marks(cleanExcerpt('新建学校和陡沟学校', '陡沟学校'))).toEqual(['学校', '陡沟学校']);
    expect(marks(cleanExcerpt('新建12处口袋公园。', '的'))).toEqual([]);
    expect(text(cleanExcerpt('新建12处口袋公园。', '没有'))).toBe('新建12处口袋公园。');
  });
});

describe('feedback link template (site.json)', () => {
  it('fills {number} and {title} URL-encoded; rejects other schemes and placeholders', () => {
    expect(
      feedbackUrl('https://x.gov.cn/?no={number}&t={title}', { number: '2020年主要工作任务第37项', title: '新建 口袋公园&' }),
    ).toBe(`https://x.gov.cn/?no=${encodeURIComponent('2020年主要工作任务第37项')}&t=${encodeURIComponent('新建 口袋公园&')}`);
    expect(feedbackProblem('mailto:a@b.cn?subject={number}')).toBeUndefined();
    expect(feedbackProblem('javascript:alert(1)')).toMatch(/https:\/\/、http:\/\/ 或 mailto:/);
    expect(feedbackProblem('https://x.gov.cn/?n={no}')).toContain('未知的占位符 {no}');
    expect(feedbackProblem('https://x.gov.cn/ a')).toContain('空格');
    // The bundled site.json with only its feedback template changed.
    const site = JSON.parse(readFileSync(path.join(SHIZHONG_2020, 'site.json'), 'utf8'));
    expect(siteSchema.safeParse({ ...site, feedback: 'ftp://x' }).success).toBe(false);
    expect(siteSchema.safeParse({ ...site, feedback: 'https://x.gov.cn/?n={number}' }).success).toBe(true);
  });
  it('the bundled site.json has one, so every item page links to it', () => {
    expect(ds.site.feedback).toMatch(/^(https?:|mailto:)/);
  });
});

describe('streetItems: what a street office shares', () => {
  it('named items, items for every street, unlisted street items, and items naming the street', () => {
    const s = streetItems(ds, 'shiliulihe');
    expect(s.named.length).toBeGreaterThan(0);
    expect(s.named.every((e) => e.item.units.some((u) => u.type === 'unit' && u.id === 'shiliulihe'))).toBe(true);
    expect(s.all.every((e) => e.item.units.some((u) => u.type === 'collective' && u.name === '各街道办事处'))).toBe(true);
    expect(s.unlisted.length).toBeGreaterThan(0);
    expect(s.mentioned.some((e) => e.item.key === 'P95')).toBe(true);
    const keys = [...s.named, ...s.all, ...s.unlisted, ...s.mentioned].map((e) => e.item.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(streets(ds).map((u) => u.id)).toContain('shiliulihe');
  });
});
