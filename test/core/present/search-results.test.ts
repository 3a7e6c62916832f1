/**
 * Which results the search page lists: the words a result must show for a query (queryWords),
 * where it may show them (resultShowsQuery, excerptSource, relatedMatches) and the mark that
 * divides a page's indexed text into what it shows and what only the index holds.
 */
import { SHIZHONG_2020 } from '../../fixtures/bundled.ts';
import { describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../../src/core/content/load.ts';
import { buildDate } from '../../../src/core/content/paths.ts';
import {
  excerptSource,
  INDEX_ONLY_MARK,
  injectionHtml,
  itemRecord,
  programmeAliases,
  queryWords,
  relatedMatches,
  resultShowsQuery,
  searchRecords,
  visibleContent,
} from '../../../src/core/present/search.ts';

const ds = loadContentOrThrow(SHIZHONG_2020, { today: buildDate() });
const year = ds.years[0];
const aliases = programmeAliases(ds);

describe('queryWords', () => {
  it('the query, its browser words and its character pairs, of two characters or more', () => {
    expect(queryWords('加装电梯')).toEqual(['加装电梯', '电梯', '加装', '装电']);
    expect(queryWords('陡沟学校')).toContain('陡沟');
    expect(queryWords('加装电梯')).not.toContain('装');
  });
  it('single characters only when the query has nothing longer', () => {
    expect(queryWords('武')).toEqual(['武']);
    expect(queryWords('')).toEqual([]);
  });
  it('an item number as its title shows it', () => {
    expect(queryWords('12100 第5项', aliases)).toEqual(['第5项']);
    expect(queryWords('主要任务第37项', aliases)).toEqual(['第37项']);
    expect(queryWords('37')).toEqual(['37']);
  });
});

describe('resultShowsQuery', () => {
  const renwubu = searchRecords(ds).get('units/renwubu/')!;
  const p5 = itemRecord(ds, year, year.itemByKey.get('P5')!);

  it('drops 区人武部 for 加装电梯 (装 is in its full name 济南市市中区人民武装部), keeps 12100 第5项', () => {
    const words = queryWords('加装电梯');
    expect(renwubu.meta.number).toContain('武装部');
    expect(resultShowsQuery({ meta: renwubu.meta, content: `区人武部 全称 ${renwubu.meta.number}` }, words)).toBe(false);
    expect(resultShowsQuery({ meta: p5.meta }, words)).toBe(true);
  });

  it('a number query keeps the item and drops the items whose number only starts alike', () => {
    const words = queryWords('12100 第5项', aliases);
    expect(resultShowsQuery({ meta: p5.meta }, words)).toBe(true);
    const p55 = itemRecord(ds, year, year.itemByKey.get('P55')!);
    expect(resultShowsQuery({ meta: p55.meta }, words)).toBe(false);
  });

  it('keeps a result by the units and leaders it names, by any of their names', () => {
    const item = year.items.find(
      (i) => i.units.some((u) => u.type === 'unit' && u.id === 'fagaiju') && !i.leadUnitIds.includes('fagaiju'),
    )!;
    const meta = itemRecord(ds, year, item).meta;
    for (const q of ['发改局', '区发展和改革局']) {
      expect(resultShowsQuery({ meta }, queryWords(q)), q).toBe(true);
      expect(relatedMatches(meta.related, queryWords(q)).units).toEqual(['区发改局']);
    }
    const leader = ds.leaderById.get(item.leaderIds[0])!.name;
    expect(relatedMatches(meta.related, queryWords(leader)).leaders).toEqual([leader]);
    expect(resultShowsQuery({ meta }, queryWords('加装电梯'))).toBe(item.key === 'P5');
  });

  it('keeps a result whose page shows the word, and cuts its excerpt from there; never from index-only text', () => {
    const meta = { title: '第1项：甲', text: '甲' };
    const content = `第1项：甲. 落实计划 加装电梯. ${INDEX_ONLY_MARK} 口袋 公园`;
    expect(resultShowsQuery({ meta, content }, queryWords('电梯'))).toBe(true);
    expect(excerptSource({ meta, content }, queryWords('电梯'))).toBe('第1项：甲. 落实计划 加装电梯. ');
    expect(resultShowsQuery({ meta, content }, queryWords('公园'))).toBe(false);
    expect(excerptSource({ meta, content }, queryWords('公园'))).toBe('甲');
    expect(excerptSource({ meta, content }, queryWords('甲'))).toBe('甲');
  });
});

describe('the index-only mark', () => {
  it('comes before the index-only text of an item, and never inside it', () => {
    const record = itemRecord(ds, year, year.itemByKey.get('P5')!);
    const html = injectionHtml({ ...record, names: `${record.names} ${INDEX_ONLY_MARK}` });
    expect(html.split(INDEX_ONLY_MARK)).toHaveLength(2);
    expect(html.indexOf(INDEX_ONLY_MARK)).toBeLessThan(html.indexOf('p5 n5 5'));
    expect(visibleContent(`页面 ${INDEX_ONLY_MARK} p5 n5`)).toBe('页面 ');
    expect(visibleContent('通报全文')).toBe('通报全文');
  });
  it('is absent when a page has no index-only text (bulletins)', () => {
    expect(injectionHtml({ ...itemRecord(ds, year, year.items[0]), names: '', aliases: '' })).not.toContain(INDEX_ONLY_MARK);
  });
});
