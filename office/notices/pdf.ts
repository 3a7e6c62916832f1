/**
 * Reader: a notice published as a PDF with a text layer (unpdf, a maintained build of PDF.js).
 * A PDF has no tables, only text and lines drawn at positions; this reader rebuilds them:
 * - lines of text: items on one baseline (within a fraction of the font size), left to right;
 * - a table starts at a line that reads as a header (序号, 工作任务, 牵头领导, 责任单位 … by
 *   grid.ts's rules); its columns lie between the vertical borders drawn beside the header, its
 *   rows between the horizontal borders (a header cell of two lines, a number set in the middle
 *   of its row: all found by the borders, not by the text); a header repeated on the next page is
 *   skipped, and a row broken over a page (its part on the next page has no number) is joined;
 * - a cell merged down (no border across its column) gives its text to every row it spans, and a
 *   cell merged across (no border between its columns) to its first column, as the .docx reader;
 *   a merged cell cut at a page break (its text split between the pages, or all on one) is one
 *   cell again, unless the two parts read as two cells (the first ends a sentence, the second
 *   starts a heading: 二、 （三） 4.);
 * - within a cell, a line that fills the column is wrapped and goes on, a short line ends (units
 *   one per line); leaders are one per line.
 * Refused, each with its catalogue code: a scanned PDF with no text (LS-NTC-030), a file PDF.js
 * cannot open (LS-NTC-031), a table drawn without borders, whose rows would be a guess
 * (LS-NTC-032). Running text (numbered paragraphs) is given as lines by pdfLines.
 */
import { extractTextItems, getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { LuoshiError, coded } from '../../src/core/errors/errors.ts';
import { fieldOfHeader, type Field, type Grid } from './grid.ts';

interface Item {
  x: number;
  right: number;
  y: number;
  size: number;
  text: string;
}

interface Line {
  page: number;
  y: number;
  size: number;
  items: Item[];
}

/** A page number as printed at the foot of a government document: — 3 —, - 3 -, 第3页. */
const PAGE_NUMBER = /^([—–\-－]\s*\d+\s*[—–\-－]|第\s*\d+\s*页(\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/;

type Pdf = Awaited<ReturnType<typeof getDocumentProxy>>;

async function openPdf(bytes: Uint8Array, file: string): Promise<Pdf> {
  try {
    // A copy: PDF.js takes over the buffer it is given. Errors only: its warnings are in English.
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch {
    throw coded(LuoshiError, 'LS-NTC-031', { file });
  }
}

async function pdfText(pdf: Pdf, file: string): Promise<Line[]> {
  let pages: Awaited<ReturnType<typeof extractTextItems>>['items'];
  try {
    pages = (await extractTextItems(pdf)).items;
  } catch {
    throw coded(LuoshiError, 'LS-NTC-031', { file });
  }
  const lines: Line[] = [];
  for (const [page, items] of pages.entries()) {
    const sorted = items
      .filter((i) => i.str.trim() !== '')
      .map((i) => ({ x: i.x, right: i.x + i.width, y: i.y, size: i.fontSize || i.height || 10, text: i.str }))
      .sort((a, b) => b.y - a.y || a.x - b.x);
    const onPage: Line[] = [];
    for (const item of sorted) {
      const line = onPage.at(-1);
      if (line && Math.abs(line.y - item.y) <= 0.4 * Math.max(line.size, item.size)) {
        line.items.push(item);
        line.size = Math.max(line.size, item.size);
      } else onPage.push({ page, y: item.y, size: item.size, items: [item] });
    }
    for (const line of onPage) line.items.sort((a, b) => a.x - b.x);
    lines.push(...onPage.filter((l) => !PAGE_NUMBER.test(joinItems(l.items))));
  }
  if (lines.length === 0) throw coded(LuoshiError, 'LS-NTC-030', { file });
  return lines;
}

/** Items' text: a gap wider than a character is a space (a table's cells on one line apart). */
function joinItems(items: Item[]): string {
  let out = '';
  items.forEach((item, i) => {
    const gap = i > 0 ? item.x - items[i - 1].right : 0;
    out += (gap > 0.8 * item.size && !out.endsWith(' ') ? ' ' : '') + item.text;
  });
  return out.trim();
}

/**
 * The text lines of a PDF in reading order (page by page, top to bottom), page numbers left out:
 * for the paragraph interpreter of notices written as numbered paragraphs. A scanned PDF is refused.
 */
export async function pdfLines(bytes: Uint8Array, file = 'PDF'): Promise<string[]> {
  return (await pdfText(await openPdf(bytes, file), file)).map((l) => joinItems(l.items));
}

/** The runs of text of a line, split where the gap is wider than a character (one run per cell). */
function runs(line: Line): Item[][] {
  const out: Item[][] = [];
  for (const item of line.items) {
    const last = out.at(-1)?.at(-1);
    if (last && item.x - last.right <= line.size) out.at(-1)!.push(item);
    else out.push([item]);
  }
  return out;
}

/** A line that reads as a table's header: each cell's text an item of its own, or items close together (one run per cell). */
const isHeader = (line: Line) =>
  [line.items.map((i) => [i]), runs(line)].some((cells) => {
    const fields = cells.map((c) => fieldOfHeader(joinItems(c)));
    return fields.includes('text') && fields.filter((f) => f && f !== 'ignore').length >= 3;
  });

/**
 * A PDF notice for readers.ts: its tables (one grid for each header, continued over the pages
 * that follow) and its text (the lines, for the notice's number, title and date).
 */
export async function readPdf(bytes: Uint8Array, file: string): Promise<{ grids: Grid[]; text: string }> {
  const pdf = await openPdf(bytes, file);
  const lines = await pdfText(pdf, file);
  const rules = await rulesOf(pdf);
  const headers: number[] = [];
  lines.forEach((l, i) => {
    if (!isHeader(l)) return;
    const previous = headers.at(-1);
    // The header repeated at the top of a page belongs to the table above.
    if (previous === undefined || joinItems(lines[previous].items) !== joinItems(l.items)) headers.push(i);
  });
  const grids: Grid[] = [];
  let after = 0;
  const starts = headers.map((at) => firstOfBand(lines, at, rules));
  for (const [t, at] of headers.entries()) {
    const end = starts[t + 1] ?? lines.length;
    const bands = bandsOf(rules, lines[at].page);
    // Without borders, which text is in which row is a guess (a cell set in the middle of its
    // row, a cell of five lines beside one of two): refused rather than guessed.
    if (!bands.some((b) => b.top > levelOf(lines[at]) && b.bottom < levelOf(lines[at])))
      throw coded(LuoshiError, 'LS-NTC-032', { file, page: lines[at].page + 1 });
    const table = tableByRules(lines, at, end, rules);
    // The title: the lines above the table that are not the table above (附件N left out).
    const above = lines
      .slice(after, table.start)
      .map((l) => joinItems(l.items))
      .filter((s) => !/^附件\s*\d+$/.test(s));
    grids.push({ source: `表${t + 1}`, title: above.slice(-2).join(''), rows: table.rows });
    after = table.next;
  }
  return { grids, text: lines.map((l) => joinItems(l.items)).join('\n') };
}

/** A table as read: its rows, the index of its first line and of the first line after it. */
interface Table {
  rows: Grid['rows'];
  start: number;
  next: number;
}

/** Horizontal and vertical lines drawn on each page (a table's borders), in page coordinates. */
interface Rules {
  across: { x0: number; x1: number; y: number }[];
  down: { x: number; y0: number; y1: number }[];
}

async function rulesOf(pdf: Pdf): Promise<Rules[]> {
  const { OPS } = await getResolvedPDFJS();
  const painted = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const stroked = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const out: Rules[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const ops = await (await pdf.getPage(n)).getOperatorList();
    const rules: Rules = { across: [], down: [] };
    let ctm = [1, 0, 0, 1, 0, 0];
    const saved: number[][] = [];
    const at = (x: number, y: number) => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
    const add = (x0: number, y0: number, x1: number, y1: number) => {
      const [ax, ay] = at(x0, y0);
      const [bx, by] = at(x1, y1);
      const [left, right, bottom, top] = [Math.min(ax, bx), Math.max(ax, bx), Math.min(ay, by), Math.max(ay, by)];
      if (top - bottom <= 2 && right - left >= 4) rules.across.push({ x0: left, x1: right, y: (top + bottom) / 2 });
      else if (right - left <= 2 && top - bottom >= 4) rules.down.push({ x: (left + right) / 2, y0: bottom, y1: top });
      return { left, right, bottom, top };
    };
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) saved.push(ctm);
      else if (fn === OPS.restore) ctm = saved.pop() ?? ctm;
      else if (fn === OPS.transform) {
        const [a, b, c, d, e, f] = args as number[];
        ctm = [
          ctm[0] * a + ctm[2] * b,
          ctm[1] * a + ctm[3] * b,
          ctm[0] * c + ctm[2] * d,
          ctm[1] * c + ctm[3] * d,
          ctm[0] * e + ctm[2] * f + ctm[4],
          ctm[1] * e + ctm[3] * f + ctm[5],
        ];
      } else if (fn === OPS.constructPath && painted.has(args[0] as number)) {
        const box = args[2] as ArrayLike<number> | undefined;
        if (!box || box.length < 4) return;
        const { left, right, bottom, top } = add(box[0], box[1], box[2], box[3]);
        // A stroked rectangle: a cell's four borders.
        if (stroked.has(args[0] as number) && right - left > 2 && top - bottom > 2) {
          rules.across.push({ x0: left, x1: right, y: top }, { x0: left, x1: right, y: bottom });
          rules.down.push({ x: left, y0: bottom, y1: top }, { x: right, y0: bottom, y1: top });
        }
      }
    });
    out.push(rules);
  }
  return out;
}

/** The bands between two horizontal borders with a vertical border beside them: a table's rows on a page. */
function bandsOf(rules: Rules[], page: number): { top: number; bottom: number }[] {
  const { across, down } = rules[page];
  const ys = [...new Set(across.map((r) => Math.round(r.y)))].sort((a, b) => b - a);
  const bands: { top: number; bottom: number }[] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    const [top, bottom] = [ys[i], ys[i + 1]];
    const middle = (top + bottom) / 2;
    if (down.some((d) => d.y0 <= middle && d.y1 >= middle)) bands.push({ top, bottom });
  }
  return bands;
}

/** The first line of the header's band (a header cell of two lines starts above the line that reads as a header). */
function firstOfBand(lines: Line[], at: number, rules: Rules[]): number {
  const band = bandsOf(rules, lines[at].page).find((b) => b.top > levelOf(lines[at]) && b.bottom < levelOf(lines[at]));
  let start = at;
  if (!band) return start;
  while (start > 0 && lines[start - 1].page === lines[at].page && levelOf(lines[start - 1]) < band.top) start--;
  return start;
}

/** Where a line's text sits: a little above its baseline. */
const levelOf = (line: Line) => line.y + 0.3 * line.size;

/**
 * A table with drawn borders: a row between each two horizontal borders; in each column, a cell
 * runs down to the next border drawn across that column, so a cell merged down gives its text to
 * every row it spans (as the .docx reader does).
 */
function tableByRules(lines: Line[], at: number, end: number, rules: Rules[]): Table {
  type Band = { page: number; top: number; bottom: number };
  const bandOf = (line: Line): Band | undefined => {
    const band = bandsOf(rules, line.page).find((b) => b.top > levelOf(line) && b.bottom < levelOf(line));
    return band && { page: line.page, ...band };
  };
  const headerBand = bandOf(lines[at])!;
  const start = firstOfBand(lines, at, rules);
  const inTable: number[] = [];
  for (let i = start; i < end; i++) if (bandOf(lines[i])) inTable.push(i);
  const tableLines = inTable.map((i) => lines[i]);
  // Columns: between the vertical borders beside the header.
  const down = (page: number, y: number) =>
    [...new Set(rules[page].down.filter((d) => d.y0 <= y && d.y1 >= y).map((d) => Math.round(d.x)))].sort((a, b) => a - b);
  const xs = down(headerBand.page, (headerBand.top + headerBand.bottom) / 2);
  const columns = xs.slice(1).map((right, c) => ({ left: xs[c], right }));
  // An item goes to the cell its middle is in; a cell merged across gives it to its first column.
  const placed = tableLines.map((line) => {
    const borders = down(line.page, levelOf(line));
    const cells: Item[][] = columns.map(() => []);
    for (const item of line.items) {
      const middle = (item.x + item.right) / 2;
      const left = Math.max(-Infinity, ...borders.filter((x) => x <= middle));
      const c = columns.findIndex((col) => col.right > Math.max(left, columns[0].left) + 1);
      if (c >= 0 && middle < columns.at(-1)!.right) cells[c].push(item);
    }
    return cells;
  });
  // Each column's cells: from a border drawn across the column down to the next.
  const cellTop = (line: Line, c: number) => {
    const middle = (columns[c].left + columns[c].right) / 2;
    const above = rules[line.page].across.filter((r) => r.x0 <= middle && r.x1 >= middle && r.y > levelOf(line));
    return `${line.page}:${Math.round(Math.min(...above.map((r) => r.y)))}`;
  };
  const bandKey = (b: Band) => `${b.page}:${b.top}`;
  const bands: Band[] = [];
  const cellLines = new Map<string, Item[][]>();
  tableLines.forEach((line, i) => {
    const band = bandOf(line)!;
    if (bands.length === 0 || bandKey(bands.at(-1)!) !== bandKey(band)) bands.push(band);
    columns.forEach((_, c) => {
      if (placed[i][c].length === 0) return;
      const key = `${c}@${cellTop(line, c)}`;
      cellLines.set(key, [...(cellLines.get(key) ?? []), placed[i][c]]);
    });
  });
  const reach = columns.map((column, c) => Math.max(column.left, ...placed.flatMap((cells) => cells[c].map((i) => i.right))));
  // In each column, the cell that covers a band: the one below the band's top border.
  const keyAt = (band: Band, c: number) => `${c}@${cellTop({ page: band.page, y: band.top - 0.5, size: 0, items: [] }, c)}`;
  const alias = new Map<string, string>();
  const resolve = (key: string) => alias.get(key) ?? key;
  const textAt = (band: Band, c: number, field: Field | 'header' | undefined) =>
    joinCell(cellLines.get(resolve(keyAt(band, c))) ?? [], field, reach[c]);
  const headerCells = columns.map((_, c) => textAt(bands[0], c, 'header'));
  const headerText = headerCells.join('|');
  const fields = headerCells.map((c) => fieldOfHeader(c));
  const body = bands.slice(1).filter((band) => columns.map((_, c) => textAt(band, c, 'header')).join('|') !== headerText);
  // A cell merged down over a page break is drawn as two cells, its text cut between them (or all
  // on one side): one cell again, unless the two read as two (a sentence ended, a new heading).
  const spans = (key: string) => body.filter((band) => columns.some((_, c) => resolve(keyAt(band, c)) === key)).length;
  for (let b = 1; b < body.length; b++) {
    if (body[b].page === body[b - 1].page) continue;
    columns.forEach((_, c) => {
      const [above, below] = [resolve(keyAt(body[b - 1], c)), resolve(keyAt(body[b], c))];
      if (above === below || (spans(above) < 2 && spans(below) < 2)) return;
      const [upper, lower] = [textAt(body[b - 1], c, fields[c]), textAt(body[b], c, fields[c])];
      if (
        upper &&
        lower &&
        (/[。；;]$/.test(upper) || /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])/.test(lower))
      )
        return;
      cellLines.set(above, [...(cellLines.get(above) ?? []), ...(cellLines.get(below) ?? [])]);
      for (const [k, v] of alias) if (v === below) alias.set(k, above);
      alias.set(below, above);
    });
  }
  const rows: string[][] = [headerCells];
  /** The page of the last row read. */
  let lastPage = bands[0].page;
  for (const band of body) {
    const cells = columns.map((_, c) => textAt(band, c, fields[c]));
    if (cells.every((c) => c === '')) continue;
    // A row broken over a page: its part on the next page has no number.
    const no = fields.indexOf('no');
    const previous = rows.at(-1);
    if (rows.length > 1 && no >= 0 && cells[no] === '' && previous && previous[no] !== '' && band.page !== lastPage) {
      cells.forEach((text, c) => {
        if (text && text !== previous[c]) previous[c] += (fields[c] === 'leaders' ? '\n' : '') + text;
      });
      lastPage = band.page;
      continue;
    }
    rows.push(cells);
    lastPage = band.page;
  }
  return { rows: rows.map((cells, r) => ({ line: r + 1, cells })), start, next: (inTable.at(-1) ?? at) + 1 };
}

/**
 * A cell's lines joined: a line that fills the column is wrapped and goes on; a line that ends
 * three characters or more short of the column's text ends there (units one per line; a line
 * wrapped early so as not to start the next with punctuation is one or two short).
 */
function joinCell(lines: Item[][], field: Field | 'header' | undefined, reach: number): string {
  let text = '';
  let end: Item | undefined;
  for (const items of lines) {
    const size = Math.max(...items.map((i) => i.size));
    if (end && field !== 'header') text += field === 'leaders' || end.right + 3 * size < reach ? '\n' : '';
    text += joinItems(items);
    end = items.at(-1);
  }
  return text;
}
