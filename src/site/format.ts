/** Chinese formatting of dates, months and item labels. Presentation only. */
import type { Item } from '../core/index.ts';

/** "2020-03" → "2020年3月". */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${Number(y)}年${Number(m)}月`;
}

/** "2020-03-06" → "2020年3月6日". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];
/** 1 → "第一季度". */
export function formatQuarter(q: number): string {
  return `第${QUARTER_NAMES[q - 1]}季度`;
}

/** The name of the item's list: 主要工作任务, or the year's programme name. */
export function kindName(item: Pick<Item, 'kindName'>): string {
  return item.kindName;
}

/** "主要工作任务第37项" / "<programme>第5项". */
export function itemLabel(item: Pick<Item, 'kindName' | 'no'>): string {
  return `${item.kindName}第${item.no}项`;
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

/** "孟庆顺、付华" style joining. */
export function joinCn(parts: string[]): string {
  return parts.join('、');
}
