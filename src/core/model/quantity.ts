/**
 * Numbers with units, read as people type them: 12000, 12,000, 1.2万, 2.45万人, 1.11亿元,
 * full-width digits and punctuation (１２，０００), a trailing unit that must be the expected one
 * or one of its family (1.5亿元 where 万元 is expected; 3000米 where 公里 is). Units of a family
 * convert by powers of ten into the family's base unit, so that values add up: money into 万元,
 * length into 公里, area into 平方米, 万人 into 人; a counting unit (个, 处, 套 …) is its own base.
 *
 * Anything else is refused with a reason (约7千人, 大部分, 60余部, 5-6, a unit of another family),
 * never guessed; the caller turns the reason into a catalogue message. Exact decimal arithmetic:
 * the digits as typed are shifted by the power of ten and parsed once (1.11万 is 11100, not
 * 11100.000000000002). Pure: used by the indicators' validation, the notice import's proposals,
 * and later the import of 累计完成 values from the forms.
 */

export type UnitFamily = 'money' | 'length' | 'area' | 'people' | 'percent' | 'count' | 'other';

export interface UnitInfo {
  /** The unit as written, half-width and trimmed. */
  unit: string;
  /** The family's base unit: values of one base add up once converted. */
  base: string;
  /** A value in `unit` is the value × 10^exponent in `base` (亿元: 4, 米: -3, 万人: 4). */
  exponent: number;
  family: UnitFamily;
}

/** Units that convert into a base of their family (a multiplier 万 or 亿 may come before them, except %). */
const CONVERTIBLE: Record<string, { base: string; exponent: number; family: UnitFamily }> = {
  元: { base: '万元', exponent: -4, family: 'money' },
  公里: { base: '公里', exponent: 0, family: 'length' },
  千米: { base: '公里', exponent: 0, family: 'length' },
  米: { base: '公里', exponent: -3, family: 'length' },
  平方米: { base: '平方米', exponent: 0, family: 'area' },
  平米: { base: '平方米', exponent: 0, family: 'area' },
  '㎡': { base: '平方米', exponent: 0, family: 'area' },
  平方公里: { base: '平方米', exponent: 6, family: 'area' },
  平方千米: { base: '平方米', exponent: 6, family: 'area' },
  公顷: { base: '平方米', exponent: 4, family: 'area' },
  人: { base: '人', exponent: 0, family: 'people' },
  名: { base: '人', exponent: 0, family: 'people' },
  '%': { base: '%', exponent: 0, family: 'percent' },
};

/**
 * Counting units: each is its own base (a 套 is not a 户). The list is what the notice import
 * recognises in prose; a content file may use any other unit word (吨, 元/月), which then only
 * matches itself.
 */
export const COUNTING_UNITS = [
  '个',
  '处',
  '所',
  '部',
  '套',
  '户',
  '人次',
  '条',
  '台',
  '座',
  '家',
  '辆',
  '项',
  '间',
  '张',
  '场次',
  '场',
  '次',
  '件',
  '批',
  '棵',
  '株',
  '栋',
  '幢',
  '盏',
  '亩',
  '吨',
  '册',
  '支',
  '块',
  '期',
  '岗',
] as const;

/** Every unit word the reader knows by name (longest first, for scanning prose). */
export const KNOWN_UNITS: readonly string[] = [...Object.keys(CONVERTIBLE), ...COUNTING_UNITS].sort(
  (a, b) => b.length - a.length,
);

const MULTIPLIERS: Record<string, number> = { 万: 4, 亿: 8 };

/** Full-width ASCII (digits, ，．％) and the ideographic space as their half-width forms. */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * What a unit is: a known unit (with an optional 万 or 亿 before it: 万元, 亿元, 万人, 万平方米),
 * or any other unit word (吨, 元/月, 元/年/人), which is a family of its own. Undefined for
 * something that cannot be a unit: empty, with a digit or a space, or starting with a multiplier
 * the reader does not take (千人).
 */
export function unitInfo(written: string): UnitInfo | undefined {
  const unit = halfWidth(written).trim();
  if (unit === '' || /[\d\s.,]/.test(unit) || unit.length > 12) return undefined;
  const known = CONVERTIBLE[unit];
  if (known) return { unit, ...known };
  if ((COUNTING_UNITS as readonly string[]).includes(unit)) return { unit, base: unit, exponent: 0, family: 'count' };
  const multiplier = MULTIPLIERS[unit[0]];
  if (multiplier !== undefined) {
    const rest = unit.slice(1);
    const inner = rest === '%' ? undefined : CONVERTIBLE[rest];
    if (inner) return { unit, base: inner.base, exponent: inner.exponent + multiplier, family: inner.family };
    if ((COUNTING_UNITS as readonly string[]).includes(rest)) return { unit, base: rest, exponent: multiplier, family: 'count' };
    return undefined;
  }
  if (/^[零〇一二两三四五六七八九十百千]/.test(unit)) return undefined;
  return { unit, base: unit, exponent: 0, family: 'other' };
}

/** An amount in a unit. */
export interface Quantity {
  value: number;
  unit: string;
}

/** Why a text is not a number in the expected unit. */
export type Refusal =
  | { reason: 'empty' }
  | { reason: 'approximate'; word: string }
  | { reason: 'chinese-numeral' }
  | { reason: 'negative' }
  | { reason: 'range' }
  | { reason: 'grouping' }
  | { reason: 'multiplier'; word: string }
  | { reason: 'double-multiplier' }
  | { reason: 'not-a-number' }
  | { reason: 'unit-mismatch'; written: string }
  | { reason: 'unknown-unit' };

export type Reading = { ok: true; quantity: Quantity; base: Quantity } | ({ ok: false } & Refusal);

const APPROXIMATE_BEFORE = /^(大约|约|近|将近|接近|逾|超过|不到|不足|大概)/;
const APPROXIMATE_AFTER = /^(余|多|来|左右|以上|以下|以内|上下)/;

/** `digits` (a decimal as typed, no separators) × 10^exponent, parsed once (correctly rounded). */
function scaled(digits: string, exponent: number): number {
  return Number(`${digits}e${exponent}`);
}

/**
 * Read `text` as an amount in `unit`: a number, optionally 万 or 亿, optionally a unit of the same
 * family (none means `unit` itself). The result is in `unit` and in the family's base unit.
 */
export function readQuantity(text: string, unit: string): Reading {
  const expected = unitInfo(unit);
  if (!expected) return { ok: false, reason: 'unknown-unit' };
  const t = halfWidth(text).replace(/\s+/g, '');
  if (t === '') return { ok: false, reason: 'empty' };
  const before = APPROXIMATE_BEFORE.exec(t);
  if (before) return { ok: false, reason: 'approximate', word: before[1] };
  if (/^[-−]/.test(t)) return { ok: false, reason: 'negative' };
  const m = /^(\d[\d,]*(?:\.\d+)?)(.*)$/.exec(t);
  if (!m) {
    if (/^[零〇一二两三四五六七八九十百千万]/.test(t)) return { ok: false, reason: 'chinese-numeral' };
    return { ok: false, reason: 'not-a-number' };
  }
  let digits = m[1];
  if (digits.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) return { ok: false, reason: 'grouping' };
    digits = digits.replace(/,/g, '');
  }
  let rest = m[2];
  if (/^[-~～至到—]\d/.test(rest)) return { ok: false, reason: 'range' };
  if (/^[.\d,]/.test(rest)) return { ok: false, reason: 'not-a-number' };
  let multiplier = 0;
  // 万元 and 亿元 are units of their own; a 万 before anything else multiplies the number.
  if (MULTIPLIERS[rest[0]] !== undefined && !(rest !== '' && CONVERTIBLE[rest.slice(1)]?.family === 'money')) {
    multiplier = MULTIPLIERS[rest[0]];
    rest = rest.slice(1);
  }
  const after = APPROXIMATE_AFTER.exec(rest);
  if (after) return { ok: false, reason: 'approximate', word: after[1] };
  const trailing = /(以上|以下|以内|左右|上下|余|多)$/.exec(rest);
  if (trailing) return { ok: false, reason: 'approximate', word: trailing[1] };
  let stated = expected;
  if (rest !== '') {
    const info = unitInfo(rest);
    if (!info) {
      const word = /^[千百十]/.exec(rest);
      if (word) return { ok: false, reason: 'multiplier', word: word[0] };
      return { ok: false, reason: 'unit-mismatch', written: rest };
    }
    if (info.base !== expected.base) return { ok: false, reason: 'unit-mismatch', written: rest };
    stated = info;
  } else if (multiplier !== 0 && /^[万亿]./.test(expected.unit)) {
    // 2.45万 where the unit is 万人: 2.45 万人 or 2.45万 万人? Not guessed.
    return { ok: false, reason: 'double-multiplier' };
  }
  const exponent = multiplier + stated.exponent;
  return {
    ok: true,
    quantity: { value: scaled(digits, exponent - expected.exponent), unit: expected.unit },
    base: { value: scaled(digits, exponent), unit: expected.base },
  };
}
