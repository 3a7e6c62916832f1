/**
 * Numbers with units as people type them (src/core/model/quantity.ts): every unit family, the
 * multipliers 万 and 亿, separators and full-width forms, conversion into the family's base, and
 * every refusal with its reason.
 */
import { describe, expect, it } from 'vitest';
import { readQuantity, unitInfo, type Reading } from '../../../src/core/model/quantity.ts';

const value = (text: string, unit: string) => {
  const r = readQuantity(text, unit);
  if (!r.ok) throw new Error(`${text} in ${unit}: refused (${r.reason})`);
  return r;
};
const reason = (text: string, unit: string) => {
  const r: Reading = readQuantity(text, unit);
  return r.ok ? 'read' : r.reason;
};

describe('reading a number as people type it', () => {
  it('reads plain numbers, thousands separators and decimals', () => {
    expect(value('12000', '人').quantity).toEqual({ value: 12000, unit: '人' });
    expect(value('12,000', '人').quantity.value).toBe(12000);
    expect(value('1,234,567.5', '元').quantity.value).toBe(1234567.5);
    expect(value('11.2', '公里').quantity.value).toBe(11.2);
    expect(value('0', '%').quantity.value).toBe(0);
  });

  it('reads 万 and 亿 exactly (1.11万 is 11100, not 11100.000000000002)', () => {
    expect(value('1.2万', '人').quantity.value).toBe(12000);
    expect(value('1.11万', '套').quantity.value).toBe(11100);
    expect(value('2.45万', '人').quantity.value).toBe(24500);
    expect(value('1.11亿', '元').quantity.value).toBe(111000000);
    expect(value('0.3万', '个').quantity.value).toBe(3000);
  });

  it('reads full-width digits and punctuation', () => {
    expect(value('１２，０００', '人').quantity.value).toBe(12000);
    expect(value('１．５万', '户').quantity.value).toBe(15000);
    expect(value('９５％', '%').quantity.value).toBe(95);
    expect(value('６０ 部', '部').quantity.value).toBe(60);
  });

  it('takes a trailing unit that is the expected one or of its family', () => {
    expect(value('60部', '部').quantity).toEqual({ value: 60, unit: '部' });
    expect(value('2.45万人', '人').quantity.value).toBe(24500);
    expect(value('2.45万人', '万人')).toMatchObject({
      quantity: { value: 2.45, unit: '万人' },
      base: { value: 24500, unit: '人' },
    });
    expect(value('3840元/年/人', '元/年/人').quantity.value).toBe(3840);
  });
});

describe('units and their families', () => {
  it('money: 元, 万元 and 亿元 add up in 万元', () => {
    expect(value('277', '亿元').base).toEqual({ value: 2770000, unit: '万元' });
    expect(value('156.92亿元', '万元').quantity.value).toBe(1569200);
    expect(value('1.5亿元', '万元').quantity.value).toBe(15000);
    expect(value('3700元', '万元').quantity.value).toBe(0.37);
    expect(value('60', '万元').base).toEqual({ value: 60, unit: '万元' });
    expect(unitInfo('亿元')).toMatchObject({ base: '万元', exponent: 4, family: 'money' });
  });

  it('length: 公里 and 千米 are one unit, 米 converts', () => {
    expect(value('11.2千米', '公里').quantity.value).toBe(11.2);
    expect(value('3000米', '公里').quantity.value).toBe(3);
    expect(value('11.2公里', '米').quantity.value).toBe(11200);
  });

  it('area: 平方米, ㎡ and 平米 are one unit; 万平方米 and 平方公里 convert', () => {
    expect(value('1500㎡', '平方米').quantity.value).toBe(1500);
    expect(value('1500平米', '平方米').quantity.value).toBe(1500);
    expect(value('105万平方米', '平方米').quantity.value).toBe(1050000);
    expect(value('6', '万平方米').base).toEqual({ value: 60000, unit: '平方米' });
    expect(value('1.2平方公里', '平方米').quantity.value).toBe(1200000);
  });

  it('people: 人 and 名 are one unit, 万人 is 10,000 人; 人次 is a unit of its own', () => {
    expect(value('806名', '人').quantity.value).toBe(806);
    expect(value('5.2', '万人').base).toEqual({ value: 52000, unit: '人' });
    expect(reason('300人', '人次')).toBe('unit-mismatch');
  });

  it('counting units are each their own base (a 套 is not a 户), with 万 before them', () => {
    for (const unit of ['个', '处', '所', '部', '套', '户', '人次', '条', '台', '座', '家'])
      expect(unitInfo(unit), unit).toMatchObject({ base: unit, exponent: 0, family: 'count' });
    expect(value('1.11万套', '套').base).toEqual({ value: 11100, unit: '套' });
    expect(value('2', '万户').base).toEqual({ value: 20000, unit: '户' });
    expect(reason('60套', '户')).toBe('unit-mismatch');
  });

  it('any other unit word is its own family; something with digits or a bare multiplier is no unit', () => {
    expect(unitInfo('元/月')).toMatchObject({ base: '元/月', family: 'other' });
    expect(unitInfo('吨')).toMatchObject({ base: '吨' });
    expect(unitInfo('60部')).toBeUndefined();
    expect(unitInfo('')).toBeUndefined();
    expect(unitInfo('千人')).toBeUndefined();
    expect(unitInfo('万')).toBeUndefined();
    expect(reason('60', '60部')).toBe('unknown-unit');
  });
});

describe('refusals, each with its reason', () => {
  it.each([
    ['', '人', 'empty'],
    ['约7千人', '人', 'approximate'],
    ['近3000', '人', 'approximate'],
    ['60余部', '部', 'approximate'],
    ['100人以上', '人', 'approximate'],
    ['六十', '部', 'chinese-numeral'],
    ['百分之六', '%', 'chinese-numeral'],
    ['大部分', '部', 'not-a-number'],
    ['已完成', '部', 'not-a-number'],
    ['1.2.3', '部', 'not-a-number'],
    ['-5', '%', 'negative'],
    ['5-6', '%', 'range'],
    ['5~6部', '部', 'range'],
    ['1,2000', '人', 'grouping'],
    ['7千人', '人', 'multiplier'],
    ['3百', '个', 'multiplier'],
    ['2.45万', '万人', 'double-multiplier'],
    ['1.5万', '万元', 'double-multiplier'],
    ['60套', '部', 'unit-mismatch'],
    ['3840元', '元/年/人', 'unit-mismatch'],
    ['5公里', '平方米', 'unit-mismatch'],
  ])('「%s」 in %s: %s', (text, unit, why) => {
    expect(reason(text, unit)).toBe(why);
  });

  it('names the approximating word and the unit written', () => {
    expect(readQuantity('约7千人', '人')).toMatchObject({ ok: false, word: '约' });
    expect(readQuantity('60余部', '部')).toMatchObject({ ok: false, word: '余' });
    expect(readQuantity('60套', '部')).toMatchObject({ ok: false, written: '套' });
    expect(readQuantity('7千人', '人')).toMatchObject({ ok: false, word: '千' });
  });
});
