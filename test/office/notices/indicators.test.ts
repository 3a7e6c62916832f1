/**
 * Indicators proposed from a notice (office/notices/indicators.ts): numbers and units in the
 * bundled notice's own items and in phrases of issue 22, a target column through the importer,
 * what is left out and why, and that the bundled year's indicators.csv is what the import proposes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  indicatorsCsv,
  itemsOfImport,
  proposeFromText,
  proposeIndicators,
  reviewLines,
  reviewMarkdown,
} from '../../../office/notices/indicators.ts';
import { importNotice } from '../../../office/notices/notice-import.ts';
import { textGrids } from '../../../office/notices/text-tables.ts';
import type { Grid } from '../../../office/notices/grid.ts';
import { registries } from './notice-import.test.ts';
import { SHIZHONG_2020 } from '../../fixtures/bundled.ts';

// The bundled year as the engine's tests see it (a copy, so the office's own edits of content/ never break them).
const CONTENT = SHIZHONG_2020;
const brief = (text: string) =>
  proposeFromText(text).proposals.map((p) => [p.name, p.kind, p.goal, p.measure, p.comparison].filter(Boolean).join(' '));

describe('numbers in an item’s text', () => {
  it('one number and unit is one quantity (12100 item 5: 加装电梯60部)', () => {
    expect(brief('完成既有住宅多层楼房加装电梯60部。')).toEqual(['既有住宅多层楼房加装电梯 数量 60 部']);
  });

  it('reads 万 into the number: task 37’s 1.11万套 and 2.45万人, each its own indicator', () => {
    const items = proposeIndicators([{ key: 'T37', text: '完成经四纬一、岳而等9个项目共计1.11万套、2.45万人的回迁安置。' }]);
    expect(items[0].proposals.map((p) => [p.name, p.goal, p.measure])).toEqual([
      ['经四纬一、岳而等项目', '9', '个'],
      ['回迁安置（套）', '11100', '套'],
      ['回迁安置（人）', '24500', '人'],
    ]);
  });

  it('two numbers give two indicators, named from their own words', () => {
    expect(brief('完成16个村清洁取暖改造及13个村公厕改造任务。')).toEqual([
      '村清洁取暖改造 数量 16 个',
      '村公厕改造任务 数量 13 个',
    ]);
    expect(brief('组织就业、创业培训3000人次，安置就业再就业18000人。')).toEqual([
      '组织就业、创业培训 数量 3000 人次',
      '安置就业再就业 数量 18000 人',
    ]);
  });

  it('a percentage of growth or a limit is a bound, never a quantity', () => {
    expect(brief('生产总值增长6%左右，城镇登记失业率控制在3%以内。')).toEqual([
      '生产总值增长 幅度 6 % 左右',
      '城镇登记失业率 幅度 3 % 不高于',
    ]);
  });

  it('a level to meet is a standard: 不低于, 提高到, 最高, a rate per person', () => {
    expect(brief('提高农村低保标准不低于3700元/年/人。')).toEqual(['提高农村低保标准 标准 3700 元/年/人 不低于']);
    expect(brief('将教师健康体检标准由600元/人提高至800元/人。')).toEqual(['教师健康体检标准 标准 800 元/人 不低于']);
    expect(brief('确保区级及以上文明村覆盖率达到80%。')).toEqual(['区级及以上文明村覆盖率 标准 80 % 不低于']);
    expect(brief('给予最高一次性创业补贴2.4万元。')).toEqual(['一次性创业补贴 标准 2.4 万元 不高于']);
  });

  it('a sum of money is money, its unit kept (亿元 adds up in 万元 when loaded)', () => {
    expect(brief('计划总投资277亿元。')).toEqual(['计划总投资 金额 277 亿元']);
    expect(brief('完成投资10亿元。')).toEqual(['投资 金额 10 亿元']);
  });

  it('proposes nothing where the text has no number', () => {
    expect(proposeFromText('强力推进山东新金融产业园二期建设及三期策划。')).toEqual({ proposals: [], leftOut: [] });
    expect(proposeFromText('加快推进，大部分完成。').proposals).toEqual([]);
  });

  it('leaves out numbers that are no target, and says why (dates are not even listed)', () => {
    const left = (text: string) => proposeFromText(text).leftOut.map((l) => `${l.written}：${l.reason}`);
    expect(left('布局发展5G通信技术，瞄准世界500强。')).toEqual(['5G：没有可计数的计量单位', '500强：没有可计数的计量单位']);
    expect(left('实现0-17岁残疾人康复救助全覆盖。')).toEqual(['0-17岁：是一个范围，不是目标数']);
    expect(left('每月提供20/30/40小时的居家照护服务。')).toEqual(['20/30/40小时：几个数值并列，不是一个目标数']);
    expect(left('将普通门诊诊疗项目报销范围扩大到1800余项。')).toEqual(['1800余项：是约数（“余”），没有确切的目标数']);
    expect(left('将居民大病保险最低档报销比例由50%提高到60%。')).toEqual(['50%：是原来的值（由……提高到……），目标是后面的值']);
    expect(left('共计约7千人受益。')).toEqual(['约7千人：“千”不作倍数，没有确切的目标数']);
    expect(left('建设11人制足球场2处。')).toEqual(['11人制：没有可计数的计量单位']);
    expect(left('对2020年1月1日以后身故的居民给予补助，离校2年内。')).toEqual([]);
  });

  it('proposes an approximate 约 number with a note for the office', () => {
    const [p] = proposeFromText('开工建设双龙、后魏华庄等共计约2400套安置房。').proposals;
    expect([p.goal, p.measure, p.kind]).toEqual(['2400', '套', '数量']);
    expect(p.notes.join()).toContain('约数');
  });
});

describe('a target column', () => {
  const grid: Grid = {
    source: '表1',
    title: '2021年民生实事项目表',
    rows: [
      { line: 2, cells: ['序号', '实事项目', '目标任务', '牵头领导', '责任单位'] },
      { line: 3, cells: ['1', '城镇新增就业。', '8950人', '张三', '区人社局'] },
      { line: 4, cells: ['2', '新建改造城市道路11.2公里。', '11.2公里', '李四', '区住建局'] },
      { line: 5, cells: ['3', '提高农村低保标准。', '标准不低于3480元/年', '李四', '区民政局'] },
      { line: 6, cells: ['4', '推进养老服务。', '', '张三', '区民政局'] },
    ],
  };
  const result = importNotice([grid], registries(), { year: 2021 });
  const items = proposeIndicators(itemsOfImport(result));

  it('is read as the target (目标任务), not as the item’s text, and never written into projects.csv', () => {
    expect(result.errors).toEqual([]);
    expect(result.review.join('\n')).toContain('目标任务→目标值');
    expect(result.programme!.rows.map((r) => r.content)).toEqual([
      '城镇新增就业。',
      '新建改造城市道路11.2公里。',
      '提高农村低保标准。',
      '推进养老服务。',
    ]);
  });

  it('gives its numbers as proposals named after the item, and the same number is not proposed twice', () => {
    expect(items.map((i) => i.proposals.map((p) => [p.name, p.kind, p.goal, p.measure, p.comparison, p.source]))).toEqual([
      [['城镇新增就业', '数量', '8950', '人', '', '目标列：8950人']],
      [['新建改造城市道路', '数量', '11.2', '公里', '', '目标列：11.2公里']],
      [['提高农村低保标准', '标准', '3480', '元/年', '不低于', '目标列：标准不低于3480元/年']],
      [],
    ]);
    expect(items[1].leftOut.map((l) => l.reason)).toEqual(['目标列已给出同一个数']);
  });

  it('a table whose only wording column is 目标任务 reads it as the text, as before', () => {
    const only: Grid = {
      ...grid,
      rows: [
        { line: 2, cells: ['序号', '目标任务', '牵头领导', '责任单位'] },
        { line: 3, cells: ['1', '新建学校3所。', '张三', '区教体局'] },
      ],
    };
    const r = importNotice([only], registries(), { year: 2021 });
    expect(r.errors).toEqual([]);
    expect(r.tasks?.rows[0].target ?? r.programme?.rows[0].content).toBe('新建学校3所。');
  });
});

describe('the bundled notice', () => {
  const result = importNotice(textGrids(readFileSync(path.join(CONTENT, '2020/notice.txt'), 'utf8')), registries(), {
    year: 2020,
    placeNames: ['济南', '市中'],
  });
  const items = proposeIndicators(itemsOfImport(result));

  it('the bundled year’s indicators.csv is what the import proposes, every row unconfirmed', () => {
    expect(readFileSync(path.join(CONTENT, '2020/indicators.csv'), 'utf8')).toBe(indicatorsCsv(items));
    expect(readFileSync(path.join(CONTENT, '2020/indicators-review.md'), 'utf8')).toBe(reviewMarkdown(items, 2020));
    expect(
      indicatorsCsv(items)
        .trim()
        .split('\n')
        .slice(1)
        .every((l) => l.endsWith(',否')),
    ).toBe(true);
  });

  it('proposes for 81 of the 202 items, and lists each proposal and each number left out with its source text', () => {
    expect(items).toHaveLength(202);
    expect(items.filter((i) => i.proposals.length > 0)).toHaveLength(81);
    const lines = reviewLines(items);
    expect(lines[0]).toContain('202 项中 81 项提出指标');
    expect(lines).toContain('P5 指标1「既有住宅多层楼房加装电梯」：数量 60 部（原文：完成既有住宅多层楼房加装电梯60部）');
    expect(lines).toContain(
      'T37 指标2「回迁安置（套）」：数量 11100 套（原文 1.11万套）（原文：完成经四纬一、岳而等9个项目共计1.11万套、2.45万人的回迁安置）',
    );
    expect(lines).toContain('T20 未提出「500强」：没有可计数的计量单位（原文：瞄准世界500强和行业领军企业）');
  });
});
