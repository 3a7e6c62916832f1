import { describe, expect, it } from 'vitest';
import { buildDate, contentRoot, loadContentOrThrow } from '../../src/core/index.ts';
import { bigrams, browserTerms, injectionHtml, itemRecord, numberForms, programmeAliases, searchQuery as rewrite, searchRecords, segmentWords, unitNames } from '../../src/core/search.ts';

const ds = loadContentOrThrow(contentRoot(), { today: buildDate() });
const year = ds.years[0];
/** The query rewrite with the bundled programme's own names, as the search page passes them. */
const searchQuery = (q: string) => rewrite(q, programmeAliases(ds));

describe('searchQuery: item numbers become index tokens', () => {
  it.each([
    ['12100 第5项', 'p5'], ['12100第5项', 'p5'], ['“12100”民生工程第5项', 'p5'], ['民生工程5', 'p5'], ['P5', 'p5'],
    ['主要任务第37项', 't37'], ['主要工作任务第37项', 't37'], ['任务37', 't37'], ['t37', 't37'],
    ['第37项', 'n37'], ['第 37 项', 'n37'],
  ])('%s → %s', (q, token) => expect(searchQuery(q)).toBe(token));
  it('leaves words alone (Pagefind segments them)', () => {
    expect(searchQuery(' 陡沟学校 ')).toBe('陡沟学校');
    expect(searchQuery('37')).toBe('37');
    expect(searchQuery('12100')).toBe('12100');
  });
  it('knows the programme by the names in the year\'s data, not by code', () => {
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
    expect(unitNames(fagaiju)).toEqual(expect.arrayContaining(['区发改局', '发改局', '区发展和改革局', '济南市市中区发展和改革局']));
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
    expect(p5.filters).toMatchObject({ year: ['2020'], kind: ['“12100”民生工程'], category: ['一、居住舒心工程'], lead: ['区住建局'], unit: ['区住建局'], leader: ['孟庆顺'] });
    expect(['已完成', '序时推进', '滞后', '未报送']).toContain(p5.filters.status![0]);
    expect(p5.meta).toMatchObject({ number: '2020年“12100”民生工程第5项', unit: '区住建局' });
    expect(p5.sort.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(p5.names).toContain('p5');
    expect(p5.aliases).toContain('住建局');
  });
  it('tasks have a section filter; sort keys order projects before tasks, by number', () => {
    const t37 = itemRecord(ds, year, year.itemByKey.get('T37')!);
    expect(t37.filters.section?.[0]).toMatch(/^4\. /);
    const keys = [year.itemByKey.get('P2')!, year.itemByKey.get('P10')!, year.itemByKey.get('T1')!].map((i) => itemRecord(ds, year, i).sort.number);
    expect([...keys].sort()).toEqual(keys);
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
