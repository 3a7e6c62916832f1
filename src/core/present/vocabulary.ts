/**
 * Every user-facing Chinese label and formatter, in one place: item labels, months, dates,
 * quarters, Chinese numerals, status classes, and the HTML and XML escapers. Pages, feeds,
 * bulletins, charts, search and the command-line tools all use these, so a label is written
 * once and cannot drift. The names of the lists themselves (主要工作任务, the year's programme)
 * come from the data (manifest.json, see naming.ts), never from here.
 * Pure, and imports only types: the browser code uses it too.
 */
import type { Item, Status } from '../model/types.ts';

// ---------------------------------------------------------------------------------------------
// Items

/** 37 → "第37项". */
export function itemNumber(no: number): string {
  return `第${no}项`;
}

/** "主要工作任务第37项" / "<programme>第5项": the list's name from the data, then the number. */
export function itemLabel(item: Pick<Item, 'kindName' | 'no'>): string {
  return `${item.kindName}${itemNumber(item.no)}`;
}

/** 2 → "第2部分" (a section of the main tasks). */
export function sectionNumber(no: number): string {
  return `第${no}部分`;
}

/** Short form of the number: "任务37" / "民生5" (the item label of the year's data). */
export function itemShortNo(item: Pick<Item, 'itemLabel' | 'no'>): string {
  return `${item.itemLabel}${item.no}`;
}

/** The item's text cut to `max` characters at a punctuation mark when possible, for titles. */
export function itemSummary(item: Pick<Item, 'text'>, max = 30): string {
  const text = item.text;
  if ([...text].length <= max) return text;
  const chars = [...text].slice(0, max);
  const cut = chars.join('');
  const stop = Math.max(cut.lastIndexOf('，'), cut.lastIndexOf('。'), cut.lastIndexOf('；'), cut.lastIndexOf('、'));
  return `${stop >= max / 2 ? cut.slice(0, stop) : cut}…`;
}

/** Text cut to `max` characters with an ellipsis, wherever it falls. */
export function shortText(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/** "孟庆顺、付华" style joining. */
export function joinCn(parts: string[]): string {
  return parts.join('、');
}

// ---------------------------------------------------------------------------------------------
// Months, dates, quarters, numerals

/** "2020-03" → "2020年3月". */
export function formatMonth(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

/** "2020-03" → "3月" (axis labels and cells within one year). */
export function formatMonthShort(month: string): string {
  return `${Number(month.slice(5, 7))}月`;
}

/** "2020-03-06" → "2020年3月6日". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** 1 → "一" … 12 → "十二" (ordinals of quarters and sections); other numbers as digits. */
export function chineseNumeral(n: number): string {
  return NUMERALS[n - 1] ?? String(n);
}

/** 1 → "一季度" (the plan's columns). */
export function quarterName(q: number): string {
  return `${chineseNumeral(q)}季度`;
}

/** 1 → "第一季度". */
export function formatQuarter(q: number): string {
  return `第${quarterName(q)}`;
}

// ---------------------------------------------------------------------------------------------
// Status

/** The CSS class of each status (src/styles/page.css gives each its symbol: ✓ → ! ○). */
export const STATUS_CLASS: Record<Status, string> = {
  已完成: 's-done',
  序时推进: 's-ontrack',
  滞后: 's-behind',
  未报送: 's-missing',
};

/** A month not yet due (no status): its words and class. */
export const NO_STATUS = { text: '尚未到报送期', class: 's-none' } as const;

// ---------------------------------------------------------------------------------------------
// Escaping

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and attribute values (either quote). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

// Characters XML 1.0 does not allow at all, even escaped.
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- these are the control characters XML forbids, to be dropped
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape text for XML element content and attribute values; characters XML forbids are dropped. */
export function escapeXml(value: string): string {
  return escapeHtml(value.replace(INVALID_XML, '')).replace(/&#39;/g, '&apos;');
}
