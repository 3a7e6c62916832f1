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

/** "主要工作任务" or "“12100”民生工程". */
export function kindName(kind: Item['kind']): string {
  return kind === 'task' ? '主要工作任务' : '“12100”民生工程';
}

/** "主要工作任务第37项" / "“12100”民生工程第5项". */
export function itemLabel(item: Pick<Item, 'kind' | 'no'>): string {
  return `${kindName(item.kind)}第${item.no}项`;
}

/** Short form of the number: "任务37" / "民生5". */
export function itemShortNo(item: Pick<Item, 'kind' | 'no'>): string {
  return item.kind === 'task' ? `任务${item.no}` : `民生${item.no}`;
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
