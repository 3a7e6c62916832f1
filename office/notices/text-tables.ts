/**
 * Reader: a notice's extracted text (as content/2020/notice.txt): tables as tab-indented cells,
 * one per line, rows found by their number cell; and the notice's heading (文号, title, date).
 */
import type { Grid } from './grid.ts';

/** A text table's cells: each a list of physical lines (continuation lines after a blank line joined). */
function textCells(lines: { text: string; line: number }[]): { lines: string[]; line: number }[] {
  const cells: { lines: string[]; line: number }[] = [];
  for (const l of lines) {
    if (l.text.startsWith('\t')) cells.push({ lines: [l.text.slice(1)], line: l.line });
    else if (l.text.trim() !== '' && cells.length > 0) cells.at(-1)!.lines.push(l.text);
  }
  return cells;
}

const ATTACHMENT = /^\t?附件\s*(\d+)$/;
const NUMERAL = /^[一二三四五六七八九十百]+$/;

/**
 * The tables of a notice's extracted text: after each "附件N" line, a title line ending in 表 or
 * 清单, a header (tab cells up to a blank line) and cells up to the next 附件 line. Rows are found
 * by their number cell: [group cells] number [lead-in]? <one cell per header after the first>.
 * The grid it returns has explicit columns: 类别, 小标题 (when the rows carry two group cells that
 * are a section and a sub-section), 序号, 引题, then the header's own columns.
 */
export function textGrids(text: string): Grid[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const grids: Grid[] = [];
  const starts: number[] = [];
  lines.forEach((l, i) => {
    if (ATTACHMENT.test(l)) starts.push(i);
  });
  for (const [k, start] of starts.entries()) {
    const end = starts[k + 1] ?? lines.length;
    const attachment = `附件${ATTACHMENT.exec(lines[start])![1]}`;
    let i = start + 1;
    while (i < end && lines[i].trim() === '') i++;
    const titleLines: string[] = [];
    while (i < end && !lines[i].startsWith('\t') && lines[i].trim() !== '') titleLines.push(lines[i++].trim());
    const title = titleLines.join('');
    while (i < end && lines[i].trim() === '') i++;
    const header: string[] = [];
    while (i < end && lines[i].startsWith('\t')) header.push(lines[i++].slice(1).trim());
    if (header.length === 0 || !/(表|清单)$/.test(title)) continue;
    const cells = textCells(lines.slice(i, end).map((t, j) => ({ text: t, line: i + j + 1 })));
    const at: number[] = [];
    cells.forEach((c, j) => {
      if (c.lines.length === 1 && /^\d+$/.test(c.lines[0].trim())) at.push(j);
    });
    if (at.length === 0) {
      grids.push({ source: attachment, title, rows: [{ line: start + 1, cells: header }] });
      continue;
    }
    // The first header names the group column(s) and the number; the rest one cell each.
    const after = header.length - 1;
    const gaps = at.slice(1).map((p, j) => p - at[j] - 1);
    const mode =
      [...new Set(gaps)].sort((a, b) => gaps.filter((g) => g === b).length - gaps.filter((g) => g === a).length)[0] ?? after;
    const before = Math.max(0, mode - after);
    const join = (c: { lines: string[] } | undefined) => (c ? c.lines.map((l) => l.trim()).join('') : '');
    const firstBefore = cells.slice(0, at[0]).map(join);
    const numeralGroups = firstBefore.length === 2 && NUMERAL.test(firstBefore[0]);
    const withSub = before === 2 && !numeralGroups;
    const out: Grid['rows'] = [
      { line: start + 1, cells: ['类别', ...(withSub ? ['小标题'] : []), '序号', '引题', ...header.slice(1)] },
    ];
    let leadIn = '';
    for (const [r, pos] of at.entries()) {
      const groupCells = r === 0 ? firstBefore : cells.slice(pos - before, pos).map(join);
      const stop = r + 1 < at.length ? at[r + 1] - before : cells.length;
      let rest = cells.slice(pos + 1, stop);
      let rowLeadIn = '';
      if (rest.length === after + 1) {
        // A merged lead-in cell (its copy in the following row is empty).
        rowLeadIn = join(rest[0]) || leadIn;
        leadIn = rowLeadIn;
        rest = rest.slice(1);
      }
      let group: string;
      let sub = '';
      if (numeralGroups) group = groupCells[0] ? `${groupCells[0]}、${groupCells[1] ?? ''}` : '';
      else {
        group = groupCells[0] ?? '';
        sub = groupCells[1] ?? '';
      }
      // Leaders' cells keep their line breaks: two leaders are two lines.
      const cellText = (c: { lines: string[] } | undefined, j: number) =>
        c ? (/领导/.test(header[j + 1] ?? '') ? c.lines.join('\n') : join(c)) : '';
      out.push({
        line: cells[pos].line,
        cells: [
          group,
          ...(withSub ? [sub] : []),
          cells[pos].lines[0].trim(),
          rowLeadIn,
          ...Array.from({ length: after }, (_, j) => cellText(rest[j], j)),
        ],
      });
      // A row with more or fewer cells than the header: left for the mapper to report.
      if (rest.length !== after)
        out.at(-1)!.cells.push(...rest.slice(after).map(join), ...(rest.length < after ? ['\u0000short'] : []));
    }
    grids.push({ source: attachment, title, rows: out });
  }
  return grids;
}

/**
 * A document number (文号) as offices type it: the issuer's short name, the year in brackets of any
 * kind (〔〕 as the standard writes it, or [ ], ［］, （）, ( ), 【】), the serial number and 号, with
 * spaces anywhere between them (`许政 [2020] 20号`, `江政办〔2020〕2 号`).
 */
const DOC_NO = String.raw`(([\u4e00-\u9fff]+)\s*[〔\[［（(【]\s*(\d{4})\s*[〕\]］）)】]\s*(\d{1,5})\s*号)`;
/** A line that is the number alone, as a notice's heading sets it (not a 文号 field without a separator). */
const DOC_NO_LINE = new RegExp(`^(?!文\\s*号)${DOC_NO}$`);
/**
 * A government web page's metadata, where the number follows the label 文号 spaced out to the width
 * of the other labels (`文    号 蔡政办〔2023〕1号`, `文号：…`), possibly as a table row (`文 号 | … |`).
 */
const DOC_NO_FIELD = new RegExp(`文\\s*号\\s*[：:|｜]?\\s*${DOC_NO}`);

export interface NoticeHeading {
  docNo?: string;
  title?: string;
  date?: string;
  publicity?: string;
  /** How the number was read, for the review list, when it was not a line written the standard way. */
  notes: string[];
}

/** The notice's number (文号) and title in a text, when written the usual way. */
export function noticeHeading(text: string): NoticeHeading {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim());
  const notes: string[] = [];
  // A line of its own first (the notice's own heading), then a web page's 文号 field.
  let docNo: string | undefined;
  for (const pattern of [DOC_NO_LINE, DOC_NO_FIELD]) {
    const at = lines.findIndex((l) => pattern.test(l));
    if (at < 0) continue;
    const [, written, issuer, year, serial] = pattern.exec(lines[at])!;
    docNo = `${issuer}〔${year}〕${serial}号`;
    const fromField = pattern === DOC_NO_FIELD;
    const where = fromField ? '取自网页的“文号”信息栏，' : '';
    if (written !== docNo)
      notes.push(`正文 第 ${at + 1} 行：通知文号${where}原文写作「${written}」，按公文格式写作「${docNo}」，请核对`);
    else if (fromField) notes.push(`正文 第 ${at + 1} 行：通知文号「${docNo}」取自网页的“文号”信息栏，请核对`);
    break;
  }
  const t = lines.findIndex((l) => l.startsWith('关于'));
  let title: string | undefined;
  if (t > 0) {
    const e = lines.findIndex((l, i) => i >= t && /(通知|意见|方案)$/.test(l));
    if (e >= t)
      title = lines
        .slice(t - 1, e + 1)
        .filter(Boolean)
        .join('');
  }
  const d = /(\d{4})年(\d{1,2})月(\d{1,2})日\s*(印发)?/.exec(
    text.slice(text.lastIndexOf('印发') > 0 ? Math.max(0, text.lastIndexOf('印发') - 20) : 0),
  );
  const date = d ? `${d[1]}-${d[2].padStart(2, '0')}-${d[3].padStart(2, '0')}` : undefined;
  const publicity = /（(此件[^）]{2,8})）/.exec(text)?.[1];
  return { docNo, title, date, publicity, notes };
}
