import { describe, expect, it } from 'vitest';
import {
  atom,
  completionEntries,
  correctionEntries,
  EMPTY_FEED_NOTE,
  reportEntries,
  rfc3339,
  tagId,
  xmlEscape,
  type Feed,
} from '../../../src/core/publish/atom.ts';
import type { Change } from '../../../src/core/content/history.ts';
import { loadContentOrThrow } from '../../../src/core/content/load.ts';
import { TODAY, makeContent } from '../../fixtures/content.ts';
import { atomProblems, child, parseXml } from '../../fixtures/atom.ts';
import { indicatorDataset } from '../../fixtures/indicators.ts';

const SITE = 'https://example.gov.cn';
const links = {
  site: SITE,
  item: (i: { year: number; key: string }) => `${SITE}/${i.year}/items/${i.key}/`,
  month: (m: string) => `${SITE}/${m.slice(0, 4)}/months/${m}/`,
};

describe('Atom feeds', () => {
  it('escape markup and ampersands, and drop characters XML cannot hold', () => {
    expect(xmlEscape('a<b>&"c"\'d\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d');
    const feed: Feed = {
      id: tagId(SITE, 2020, 'all'),
      title: '测试 <script>&amp; 通报',
      self: `${SITE}/feeds/all.xml?a=1&b=2`,
      alternate: SITE,
      author: '督查室 & <办公室>',
      updated: '2020-04-10',
      entries: [
        {
          id: tagId(SITE, 2020, 'x/1'),
          title: '</title><entry>',
          updated: '2020-03-06',
          link: `${SITE}/a?x=<1>&y=2`,
          summary: ']]> & <b>粗</b>\u0000',
        },
      ],
    };
    const xml = atom(feed);
    expect(atomProblems(xml)).toEqual([]);
    const doc = parseXml(xml);
    expect(child(doc, 'title')[0].text).toBe('测试 <script>&amp; 通报');
    expect(child(child(doc, 'entry')[0], 'title')[0].text).toBe('</title><entry>');
    expect(child(child(doc, 'entry')[0], 'summary')[0].text).toBe(']]> & <b>粗</b>');
    expect(child(child(doc, 'entry')[0], 'link')[0].attrs.href).toBe(`${SITE}/a?x=<1>&y=2`);
  });

  it('write RFC 3339 dates in China time and take updated from the newest entry', () => {
    expect(rfc3339('2020-03-06')).toBe('2020-03-06T00:00:00+08:00');
    expect(rfc3339('2020-05-20T16:30:00+08:00')).toBe('2020-05-20T16:30:00+08:00');
    const xml = atom({
      id: tagId(SITE, 2020, 'f'),
      title: 't',
      self: `${SITE}/f.xml`,
      alternate: SITE,
      author: 'a',
      updated: '2020-04-10',
      entries: [
        { id: tagId(SITE, 2020, 'a'), title: 'a', updated: '2020-03-01', link: SITE },
        { id: tagId(SITE, 2020, 'b'), title: 'b', updated: '2020-05-20T16:30:00+08:00', link: SITE },
      ],
    });
    const doc = parseXml(xml);
    expect(child(doc, 'updated')[0].text).toBe('2020-05-20T16:30:00+08:00');
    expect(child(doc, 'entry').map((e) => child(e, 'title')[0].text)).toEqual(['b', 'a']);
    // An empty feed is still valid and dated by the data.
    const empty = atom({
      id: tagId(SITE, 2020, 'e'),
      title: 'e',
      self: `${SITE}/e.xml`,
      alternate: SITE,
      author: 'a',
      updated: '2020-04-10',
      entries: [],
    });
    expect(atomProblems(empty)).toEqual([]);
    expect(child(parseXml(empty), 'updated')[0].text).toBe('2020-04-10T00:00:00+08:00');
  });

  it('say in the subtitle of a feed with no entry that there is nothing yet, and only then', () => {
    const base = {
      id: tagId(SITE, 2020, 'e'),
      title: 'e',
      self: `${SITE}/e.xml`,
      alternate: SITE,
      author: 'a',
      updated: '2020-04-10',
    };
    const entry = { id: tagId(SITE, 2020, 'a'), title: 'a', updated: '2020-03-01', link: SITE };
    const subtitle = (feed: Feed) => child(parseXml(atom(feed)), 'subtitle')[0]?.text;
    expect(subtitle({ ...base, subtitle: '本项的月度落实情况', entries: [] })).toBe(`本项的月度落实情况（${EMPTY_FEED_NOTE}）`);
    expect(subtitle({ ...base, entries: [] })).toBe(`（${EMPTY_FEED_NOTE}）`);
    expect(EMPTY_FEED_NOTE).toMatch(/^暂无更新/);
    expect(subtitle({ ...base, subtitle: '本项的月度落实情况', entries: [entry] })).toBe('本项的月度落实情况');
    expect(subtitle({ ...base, entries: [entry] })).toBeUndefined();
    expect(atomProblems(atom({ ...base, entries: [] }))).toEqual([]);
  });

  it('carry reports, completion notices and corrections from the data, valid as Atom', () => {
    const ds = loadContentOrThrow(makeContent(), { today: TODAY });
    const year = ds.years[0];
    const reports = reportEntries(year, year.items, links);
    expect(reports).toHaveLength(6);
    const completions = completionEntries(year, undefined, links);
    expect(completions.map((e) => e.title)).toEqual(['关于“12100”民生工程第1项已完成的通报']);
    expect(completions[0].updated).toBe('2020-02-10');
    const change = (over: Partial<Change>): Change => ({
      date: '2020-05-20',
      time: '2020-05-20T16:30:00+08:00',
      commit: 'abc1234',
      hash: 'abc1234'.padEnd(40, '0'),
      subject: '更正',
      file: '2020/reports/2020-01.csv',
      year: 2020,
      record: 'report',
      item: 'T1',
      month: '2020-01',
      kind: 'changed',
      ...over,
    });
    const corrections = correctionEntries(
      year,
      [
        change({ kind: 'added', time: '2020-03-06T10:00:00+08:00', hash: 'f'.repeat(40) }),
        change({ field: 'progress', old: '进展', new: '进展<已核实>' }),
        change({ field: 'evaluation', old: '完成', new: '未完成' }),
      ],
      links,
    );
    expect(corrections).toHaveLength(1);
    expect(corrections[0]).toMatchObject({
      title: '更正：主要工作任务第1项2020年1月月报已修改',
      link: `${SITE}/2020/months/2020-01/`,
    });
    expect(corrections[0].summary).toContain('完成情况：“进展” → “进展<已核实>”');
    expect(corrections[0].summary).toContain('评价：“完成” → “未完成”');
    const xml = atom({
      id: tagId(SITE, 2020, 'all'),
      title: '全部',
      self: `${SITE}/feeds/all.xml`,
      alternate: SITE,
      author: ds.site.publisher,
      updated: year.manifest.data_date,
      entries: [...reports, ...completions, ...corrections],
    });
    expect(atomProblems(xml)).toEqual([]);
    expect(child(parseXml(xml), 'entry')).toHaveLength(8);
  });

  it('state the numbers a report gave: each indicator with a value that month, cumulative, rate and where it stands', () => {
    const year = indicatorDataset().years[0];
    const summary = (key: string, month: string) =>
      reportEntries(year, [year.itemByKey.get(key)!], links).find((e) => e.id.endsWith(`/report/${month}`))!.summary!;
    expect(summary('T1', '2020-02').split('\n')).toEqual([
      '完成投资10亿元。',
      '完成情况：进展',
      '完成投资：累计完成1.2亿元，完成率12%，低于序时进度',
      '评价：完成；是否全部完成：否；填报时间：2020-03-05',
    ]);
    expect(summary('P1', '2020-01')).toContain('\n加装电梯：累计完成70部，完成率116.7%，超额完成\n');
    expect(summary('P2', '2020-01')).toContain('\n低保标准：现值3400元/年/人，未达到目标（不低于3480元/年/人）\n');
    // T2 gave no value in January: its January entry says nothing of the numbers.
    expect(summary('T2', '2020-01')).not.toContain('新建学校：');
    expect(summary('T2', '2020-02')).toContain('新建学校：累计完成2所，完成率66.7%，超前于序时进度');
  });

  it('the checker itself rejects what is not Atom', () => {
    expect(atomProblems('<feed xmlns="http://www.w3.org/2005/Atom"><title>x & y</title></feed>')[0]).toMatch(/not well-formed/);
    expect(
      atomProblems('<feed xmlns="http://www.w3.org/2005/Atom"><id>x</id><title>t</title><updated>2020-03-06</updated></feed>'),
    ).toEqual(
      expect.arrayContaining([
        'feed: id x is not a tag: URI or absolute URL',
        'feed: date 2020-03-06 is not RFC 3339',
        'feed: no absolute rel=self link',
      ]),
    );
  });
});
