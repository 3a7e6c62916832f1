/**
 * Why a number in a content cell was refused, as a catalogue message. The model's number reader
 * (quantity.ts) gives the reason; each place a number is written (an indicator's goal, a month's
 * cumulative value, a plan's quarter-end value) has its own codes, so that the message names the
 * cell the office filled. One table, so the three places read numbers alike.
 */
import { issueOf, type Coded } from '../errors/catalogue.ts';
import type { Refusal } from '../model/quantity.ts';

/** The codes of each place, in the order: approximate, Chinese numeral, negative, range, grouping, multiplier, double multiplier, not a number, unit mismatch. */
const CODES = {
  goal: ['LS-IND-011', 'LS-IND-012', 'LS-IND-013', 'LS-IND-014', 'LS-IND-015', 'LS-IND-016', 'LS-IND-017', 'LS-IND-018', 'LS-IND-019'],
  actual: ['LS-ACT-005', 'LS-ACT-006', 'LS-ACT-007', 'LS-ACT-008', 'LS-ACT-009', 'LS-ACT-010', 'LS-ACT-011', 'LS-ACT-012', 'LS-ACT-013'],
  plan: ['LS-IND-025', 'LS-IND-026', 'LS-IND-027', 'LS-IND-028', 'LS-IND-029', 'LS-IND-030', 'LS-IND-031', 'LS-IND-032', 'LS-IND-033'],
} as const;

/** Where a refused number was written: indicators.csv's goal, actuals' value, indicator-plans' quarter. */
export type NumberPlace = keyof typeof CODES;

/**
 * The catalogue message for a number the reader refused at `at`, read against `measure`;
 * undefined for a refusal that is not the value's fault (an empty cell is the schema's, an
 * unusable unit the indicator's). The office's form import uses it too, so a form's cell and a
 * file's row read alike.
 */
export function numberRefusal<L extends object>(place: NumberPlace, refusal: Refusal, at: L, measure: string): (L & Coded) | undefined {
  const [approximate, chineseNumeral, negative, range, grouping, multiplier, doubleMultiplier, notANumber, unitMismatch] = CODES[place];
  switch (refusal.reason) {
    case 'empty':
    case 'unknown-unit':
      return undefined;
    case 'approximate':
      return issueOf(approximate, at, { word: refusal.word });
    case 'chinese-numeral':
      return issueOf(chineseNumeral, at);
    case 'negative':
      return issueOf(negative, at);
    case 'range':
      return issueOf(range, at);
    case 'grouping':
      return issueOf(grouping, at);
    case 'multiplier':
      return issueOf(multiplier, at, { word: refusal.word });
    case 'double-multiplier':
      return issueOf(doubleMultiplier, at, { measure });
    case 'not-a-number':
      return issueOf(notANumber, at);
    case 'unit-mismatch':
      return issueOf(unitMismatch, at, { written: refusal.written, measure });
  }
}
