/**
 * content/YYYY/indicators.csv through the loader (src/core/content/indicators.ts): optional; a
 * valid file gives each item its indicators with the targets in their base units; a bad file
 * names every problem at once with file:line:column, value and fix.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/core/errors/issues.ts';
import { loadContent } from '../../../src/core/content/load.ts';
import { TODAY, makeContent } from '../../fixtures/content.ts';

const HEADER = 'item,no,name,kind,measure,goal,comparison,source,confirmed';
const file = (...rows: string[]) => ({ '2020/indicators.csv': [HEADER, ...rows].join('\n') });
const load = (changes: Parameters<typeof makeContent>[0]) => loadContent(makeContent(changes), { today: TODAY });
const messages = (changes: Parameters<typeof makeContent>[0]) => load(changes).issues.map((i) => formatIssue(i));

describe('a valid indicators file', () => {
  it('is optional: a year without one loads, and its items have no indicators', () => {
    const result = load({});
    expect(result.issues).toEqual([]);
    expect(result.dataset!.years[0].items.every((i) => i.indicators.length === 0)).toBe(true);
  });

  it('gives each item its indicators in file order, the targets in their units and base units', () => {
    const result = load(
      file(
        'T3,1,加装电梯,数量,部,60部,,加装电梯60部,是',
        'T1,1,投资,金额,亿元,10,,完成投资10亿元,否',
        'T2,1,新建学校,数量,所,３,,,否',
        'T2,2,回迁安置,数量,人,2.45万,,,否',
        'P2,1,低保标准,标准,元/年/人,"3,480",不低于,,否',
        'P1,1,失业率,幅度,%,3,不高于,控制在3%以内,否',
      ),
    );
    expect(result.issues).toEqual([]);
    const year = result.dataset!.years[0];
    const t3 = year.itemByKey.get('T3')!.indicators;
    expect(t3).toHaveLength(1);
    expect(t3[0]).toMatchObject({
      item: 'T3',
      no: 1,
      name: '加装电梯',
      kind: 'quantity',
      target: { value: 60, unit: '部' },
      base: { value: 60, unit: '部' },
      sourceText: '加装电梯60部',
      confirmed: true,
      source: { file: 'content/2020/indicators.csv', line: 2 },
    });
    expect(t3[0].comparison).toBeUndefined();
    expect(year.itemByKey.get('T1')!.indicators[0]).toMatchObject({
      kind: 'money',
      target: { value: 10, unit: '亿元' },
      base: { value: 100000, unit: '万元' },
      confirmed: false,
    });
    expect(year.itemByKey.get('T2')!.indicators.map((i) => [i.no, i.base.value, i.base.unit])).toEqual([
      [1, 3, '所'],
      [2, 24500, '人'],
    ]);
    expect(year.itemByKey.get('P2')!.indicators[0]).toMatchObject({ kind: 'standard', comparison: '不低于', target: { value: 3480 } });
    expect(year.itemByKey.get('P1')!.indicators[0]).toMatchObject({ kind: 'bound', comparison: '不高于' });
    const counted = result.dataset!.rowCounts.find((c) => c.file.endsWith('indicators.csv'))!;
    expect(counted).toEqual({ file: 'content/2020/indicators.csv', read: 6, published: 6 });
  });
});

describe('a bad indicators file', () => {
  it('lists every problem at once: unknown item, unknown kind, a goal that is no number, a missing unit, duplicates', () => {
    expect(
      messages(
        file(
          'T9,1,加装电梯,数量,部,60,,,否',
          'T3,1,加装电梯,数量,部,60,,,否',
          'T3,2,新建学校,件数,所,3,,,否',
          'T3,3,改造小区,数量,个,约3,,,否',
          'T3,4,改造楼房,数量,,12,,,否',
          'T3,1,加装电梯,数量,部,60,,,否',
        ),
      ),
    ).toEqual([
      'content/2020/indicators.csv:4:4  [LS-IND-001]  kind  「件数」  指标类型只能是 数量、金额、标准、幅度  提示：填 数量、金额、标准 或 幅度',
      'content/2020/indicators.csv:6:5  [LS-FLD-010]  measure  「」  必填项为空  提示：如 部、套、人、个、万元、亿元、公里、平方米、%、元/月；不含数字',
      'content/2020/indicators.csv:2:1  [LS-REF-019]  item  「T9」  事项不存在  提示：主要任务写 T+序号，民生工程写 P+序号，且序号须在 tasks.csv / projects.csv 中',
      'content/2020/indicators.csv:5:6  [LS-IND-011]  goal  「约3」  目标值是约数（“约”），无法计算完成情况  提示：写确切的数，如 2400；原文是约数的，照原文的数写，并在“原文”列保留原文',
      'content/2020/indicators.csv:7:2  [LS-IND-003]  no  「1」  该事项的第 1 个指标重复（第 3 行已有）  提示：每个事项的指标序号从 1 起，不能重复',
      'content/2020/indicators.csv:7:3  [LS-IND-004]  name  「加装电梯」  该事项已有名为“加装电梯”的指标（第 3 行）  提示：同一事项的指标名称不能相同：改名以区分，如 回迁安置（套）、回迁安置（人）；是重复的行则删除',
    ]);
  });

  it('refuses each kind of goal that is no number, with its own code', () => {
    const codes = (goal: string, measure = '人') =>
      load(file(`T3,1,指标,数量,${measure},"${goal}",,,否`)).issues.map((i) => `${i.code} ${i.field}`);
    expect(codes('六十')).toEqual(['LS-IND-012 goal']);
    expect(codes('-5')).toEqual(['LS-IND-013 goal']);
    expect(codes('5-6')).toEqual(['LS-IND-014 goal']);
    expect(codes('1,2000')).toEqual(['LS-IND-015 goal']);
    expect(codes('7千')).toEqual(['LS-IND-016 goal']);
    expect(codes('2.45万', '万人')).toEqual(['LS-IND-017 goal']);
    expect(codes('大部分')).toEqual(['LS-IND-018 goal']);
    expect(codes('60套')).toEqual(['LS-IND-019 goal']);
    expect(codes('0')).toEqual(['LS-IND-010 goal']);
    expect(codes('60', '6部')).toEqual(['LS-IND-005 measure']);
  });

  it('checks the unit against the kind and the comparison against the kind', () => {
    const codes = (row: string) => load(file(row)).issues.map((i) => `${i.code} ${i.field}`);
    expect(codes('T1,1,投资,金额,个,10,,,否')).toEqual(['LS-IND-006 measure']);
    expect(codes('T1,1,投资,数量,亿元,10,,,否')).toEqual(['LS-IND-007 measure']);
    expect(codes('T1,1,增速,幅度,%,6,,,否')).toEqual(['LS-IND-008 comparison']);
    expect(codes('T3,1,电梯,数量,部,60,不低于,,否')).toEqual(['LS-IND-009 comparison']);
    expect(codes('T1,1,增速,幅度,%,6,大约,,否')).toEqual(['LS-IND-002 comparison']);
    expect(codes('T1,1,增速,幅度,%,6,左右,,待定')).toEqual(['LS-FLD-020 confirmed']);
  });
});
