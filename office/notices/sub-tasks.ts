/**
 * A numbered row of a notice's table that holds several sub-tasks, each with its own deadline:
 * the task cell's lines `1.……（9月底前）` / `2.……（12月底前）` (or `（1）…`, `①…`), or a task cell of
 * two lines beside a deadline cell of two lines. Such a row stays one item (its number is kept:
 * plans and reports name items by number) whose text has one sub-task per line and whose deadline
 * cell one deadline per line, in the same order (docs/FORMATS.md, 子任务; the loader reads them back
 * as Item.parts). Everything else is one task, its cell's lines joined as before.
 */
import { deadlineMonth } from '../../src/core/model/deadline.ts';

export interface SubTask {
  text: string;
  deadline: string;
}

/** A sub-task's own number at the start of a line: 1. 1．1、（1）(1) ①. */
const SUB_NUMBER = /^(\d{1,2}[.．、]|[（(]\d{1,2}[）)]|[\u2460-\u2473])/;
/** A deadline in brackets at the end of a sub-task: （9月底前）, (12月底前)。 */
const BRACKETED = /[（(]([^（）()]+)[）)][。；;，,]?$/;

const linesOf = (cell: string) =>
  cell
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Words that name a month (any year will do: only whether they name one matters here). */
const namesMonth = (words: string) => deadlineMonth(words, 2000) !== undefined;

/** The sub-tasks of a row, or undefined when it holds one task. */
export function subTasks(textCell: string, deadlineCell: string): SubTask[] | undefined {
  const lines = linesOf(textCell);
  if (lines.length < 2) return undefined;
  const deadlines = linesOf(deadlineCell).map((d) => d.replace(/\s+/g, ''));
  // A deadline line for each text line, each naming a month.
  if (deadlines.length === lines.length && deadlines.every(namesMonth))
    return lines.map((text, i) => ({ text, deadline: deadlines[i] }));
  // Numbered sub-tasks, a line wrapped inside one joined to it, each ending with its deadline in brackets.
  if (!SUB_NUMBER.test(lines[0])) return undefined;
  const groups: string[] = [];
  for (const line of lines) {
    if (SUB_NUMBER.test(line)) groups.push(line);
    else groups[groups.length - 1] += line;
  }
  if (groups.length < 2) return undefined;
  const parts = groups.map((text) => ({ text, deadline: BRACKETED.exec(text)?.[1].replace(/\s+/g, '') ?? '' }));
  return parts.every((p) => namesMonth(p.deadline)) ? parts : undefined;
}
