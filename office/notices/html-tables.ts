/**
 * Reader: the tables of a .docx, from mammoth's HTML (mammoth keeps tables, merged cells as
 * rowspan/colspan), read with a real HTML parser (parse5) so that no row can be lost:
 * - a table inside a cell is that cell's text (its cells' text, one per line) and does not end the
 *   outer table;
 * - merged cells are placed on a grid: a cell merged down (rowspan) gives its text to every row it
 *   covers, as the text reader gives a merged lead-in to each of its rows (the interpreter reads
 *   each row on its own); a cell merged across (colspan) fills its first column and leaves the
 *   columns it covers empty (a heading row across the table stays one cell);
 * - <br>, paragraphs and list items inside a cell are line breaks (two leaders, units one per line).
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { Grid } from './grid.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: Node): node is Element => 'tagName' in node;
const childElements = (el: Element) => el.childNodes.filter(isElement);

/** Elements whose text starts and ends a line. */
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'table',
  'tr',
  'td',
  'th',
]);
/** Paragraphs outside tables, the last of which before a table is its title. */
const PARAGRAPH = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** The lines of an element's text: each block and <br> ends a line; a nested table's cells are lines of their own. */
function linesOf(el: Element): string[] {
  const lines: string[] = [''];
  const walk = (node: Node) => {
    if (node.nodeName === '#text') lines[lines.length - 1] += (node as DefaultTreeAdapterMap['textNode']).value;
    if (!isElement(node)) return;
    if (node.tagName === 'br') {
      lines.push('');
      return;
    }
    const block = BLOCK.has(node.tagName);
    if (block) lines.push('');
    node.childNodes.forEach(walk);
    if (block) lines.push('');
  };
  el.childNodes.forEach(walk);
  return lines.map((l) => l.trim()).filter(Boolean);
}

/** The rows of a table itself (inside thead/tbody/tfoot or not), never those of a table nested in a cell. */
function rowsOf(table: Element): Element[] {
  return childElements(table).flatMap((el) =>
    el.tagName === 'tr'
      ? [el]
      : ['thead', 'tbody', 'tfoot'].includes(el.tagName)
        ? childElements(el).filter((r) => r.tagName === 'tr')
        : [],
  );
}

function span(cell: Element, name: string): number {
  const value = Number(cell.attrs.find((a) => a.name === name)?.value ?? 1);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, 1000) : 1;
}

/** A table's cells placed on a grid: each row as wide as its last cell, merged cells as described above. */
function gridRows(table: Element): Grid['rows'] {
  const trs = rowsOf(table);
  const placed: string[][] = trs.map(() => []);
  const taken = (r: number, c: number) => placed[r][c] !== undefined;
  for (const [r, tr] of trs.entries()) {
    let col = 0;
    for (const td of childElements(tr).filter((el) => el.tagName === 'td' || el.tagName === 'th')) {
      while (taken(r, col)) col++;
      const text = linesOf(td).join('\n');
      const rowspan = Math.min(span(td, 'rowspan'), trs.length - r);
      const colspan = span(td, 'colspan');
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) placed[r + dr][col + dc] = dc === 0 ? text : '';
      col += colspan;
    }
  }
  // A position no cell covers (a short row) is empty, as in the old reader.
  return placed.map((cells, r) => ({ line: r + 1, cells: Array.from(cells, (c) => c ?? '') }));
}

/** The tables of an HTML document (mammoth's output of a .docx): title = the last paragraph before each table. */
export function htmlGrids(html: string): Grid[] {
  const grids: Grid[] = [];
  let title = '';
  const walk = (node: Node) => {
    if (!isElement(node)) return;
    if (node.tagName === 'table') {
      grids.push({ source: `表${grids.length + 1}`, title, rows: gridRows(node) });
      title = '';
      return;
    }
    if (PARAGRAPH.has(node.tagName)) {
      const text = linesOf(node).join('');
      if (text) title = text;
      if (!node.childNodes.some((c) => isElement(c) && c.tagName === 'table')) return;
    }
    node.childNodes.forEach(walk);
  };
  parse(html).childNodes.forEach(walk);
  return grids;
}
