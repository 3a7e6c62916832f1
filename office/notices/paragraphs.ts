/**
 * Interpreter for notices written as numbered paragraphs with the responsibility inline, the
 * national style and its local variants:
 *
 *   一、推动经济平稳运行                              section
 *   （一）扩大有效投资                                 sub-section
 *   加强基础设施建设                                   unnumbered sub-heading (also a sub-section)
 *   1.……。（省发展改革委牵头，省商务厅、财政厅等相关部门按职责分工负责）
 *   2.……。（省住房城乡建设厅、地方金融监管局按职责分工负责）
 *   3.……。（责任领导：甲、乙；牵头单位：区财政局、区税务局；责任单位：区发改局，区经发集团，相关乡镇办）
 *   4.……。
 *   牵头单位：区商务局                                 the fields on lines of their own
 *   责任单位：各街道，区市场局
 *
 * It takes plain text lines (a .txt copied from a web page, a .docx's paragraphs, or the lines a
 * PDF reader rebuilds) and gives one grid with the columns the table interpreter knows (类别,
 * 小标题, 序号, 工作任务, 牵头领导, 牵头单位, 责任单位), so that resolving names, leaders, the
 * registries and the review list is the same code as for tables (notice-import.ts). Units are
 * passed on as written; the lead units (before 牵头, or after 牵头单位：) come first.
 */
import type { Grid } from './grid.ts';

/** The columns of the grid this interpreter gives (each known to grid.ts's header rules). */
const PARAGRAPH_HEADER = ['类别', '小标题', '序号', '工作任务', '牵头领导', '牵头单位', '责任单位'];

const NUMERALS = '一二三四五六七八九十';
const SECTION = new RegExp(`^([${NUMERALS}]+)[、.．]\\s*(.+)$`);
const SUB = new RegExp(`^[（(]([${NUMERALS}]+)[）)]\\s*(.+)$`);
/** 1. / 1． / 1、 / （1） — not a decimal (1.5亿元). */
const ITEM = /^(?:(\d{1,3})\s*[.．、](?!\d)|[（(](\d{1,3})[）)])\s*(.+)$/;
/**
 * A field on a line (or a clause part) of its own: 责任领导：… / 牵头单位：… / 部门分工：…, and the
 * labels of 安徽's city notices (牵头负责领导：… / 牵头责任单位：… / 协同责任单位：…). A label with
 * 领导 names leaders, one starting 牵头 the lead units, 分工 a clause in the national form, any
 * other the units (addField).
 */
const FIELD =
  /^(责任领导|牵头领导|牵头负责领导|牵头责任领导|分管领导|分管[省市区县]领导|联系领导|责任[省市区县]领导|牵头单位|牵头部门|牵头责任单位|责任单位|责任部门|配合单位|配合部门|协同单位|协同责任单位|协办单位|参与单位|部门分工|责任分工)\s*[:：]\s*(.*)$/;
/**
 * The clause at a paragraph's end: （…） or [ … ] or 【…】, with a full stop after it or not; a name
 * in it may carry its own round brackets (各街办(新区)).
 */
const CLAUSE = /[（(【[]((?:[^（()）【】[\]]|[（(][^（()）【】[\]]*[）)])*)[）)】\]][。；;]?$/;
/** A clause about who is responsible, as opposed to an aside in brackets. */
const RESPONSIBILITY = /(牵头|负责|责任单位|牵头单位|责任领导|配合|参与)/;

interface Fields {
  leaders: string[];
  lead: string[];
  units: string[];
}

/** 「X牵头，Y、Z等相关部门按职责分工负责」, 「A、B按职责分工负责」, 「X牵头负责」, 「X牵头，各地、各部门配合」. */
function nationalForm(clause: string, into: Fields, note: (n: string) => void): void {
  const parts = clause
    .split(/[，,；;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const UNITS = /^(.+?)(按职责分工负责|按职责分工落实|按职能分工负责|按职责负责|分工负责|共同负责|配合|参与|负责|落实)$/;
  for (const [i, part] of parts.entries()) {
    const lead = /^(.+?)牵头(负责|落实|推进)?$/.exec(part);
    if (lead) {
      into.lead.push(lead[1]);
      continue;
    }
    const units = UNITS.exec(part);
    into.units.push(units ? units[1] : part);
    // A group without its verb belongs to the next group that has one (Y、Z等部门，A、B配合).
    if (!units && !parts.slice(i + 1).some((p) => UNITS.test(p))) note(`「${part}」看不出是牵头单位还是责任单位，按责任单位处理`);
  }
}

/** One field (label and value) into the fields it feeds. */
function addField(label: string, value: string, into: Fields, note: (n: string) => void): void {
  const v = value.trim().replace(/[。；;]$/, '');
  if (!v) return;
  if (/领导/.test(label)) into.leaders.push(v);
  else if (/^牵头/.test(label)) into.lead.push(v);
  else if (/分工/.test(label)) nationalForm(v, into, note);
  else into.units.push(v);
}

/** The fields of a clause: labelled (责任领导：…；牵头单位：…) or the national form. */
function clauseFields(clause: string, note: (n: string) => void): Fields {
  const out: Fields = { leaders: [], lead: [], units: [] };
  const labelled = clause
    .split(/[；;]/)
    .map((p) => FIELD.exec(p.trim()))
    .filter((m) => m !== null);
  if (labelled.length > 0) for (const m of labelled) addField(m[1], m[2], out, note);
  else nationalForm(clause, out, note);
  return out;
}

/**
 * A unit list as the table cells write it: 、 within a group, ， between groups. 「Y、Z等相关部门」
 * is Y、Z and the collective 相关部门 (a 等 before a collective is the collective itself); 「Y等部门」
 * is Y等; 及, and 和 before a collective, join like 、. The site shows 等 only after the last unit,
 * so a 等 inside the list is dropped, and said so.
 */
function unitCell(lists: string[], source: string, line: number, notes: string[]): string {
  const note = (n: string) => notes.push(`${source} 第 ${line} 行：${n}`);
  const cell = lists
    .map((l) =>
      l
        .replace(/[\s\u3000]+/g, '')
        .replace(/等(部门|单位)(?=[，,]|$)/g, '等')
        .replace(/等((?:[省市区县](?:级|直)?)?(?:各|相关|有关|其他)[^、，,和及]*)/g, (_m, collective: string) => {
          note(`「${l}」中“等”后的统称「${collective}」列为一项（原样保留）`);
          return `、${collective}`;
        })
        .replace(/(?:及|和)(?=(?:[省市区县](?:级|直)?)?(?:各|相关|有关))/g, '、')
        .replace(/及(?=[^、，,]{2,})/g, '、'),
    )
    .filter(Boolean)
    .join('，');
  return cell.replace(/([^、，,]+)等(?=[、，,])/g, (_m, name: string) => {
    note(`「${name}等」不是最后一个单位，“等”已去掉（网站只在最后一个单位后显示“等”）`);
    return name;
  });
}

interface Block {
  kind: 'section' | 'sub' | 'item' | 'plain';
  numeral: string;
  /** The written number of an item (1.), or of a sub-section used as an item (（一）). */
  written: string;
  text: string;
  line: number;
  fieldLines: { label: string; value: string }[];
}

function blockOf(text: string, line: number): Block {
  const item = ITEM.exec(text);
  if (item) return { kind: 'item', numeral: '', written: item[1] ?? item[2], text: item[3], line, fieldLines: [] };
  const sub = SUB.exec(text);
  if (sub) return { kind: 'sub', numeral: sub[1], written: sub[1], text: sub[2], line, fieldLines: [] };
  const section = SECTION.exec(text);
  if (section) return { kind: 'section', numeral: section[1], written: section[1], text: section[2], line, fieldLines: [] };
  return { kind: 'plain', numeral: '', written: '', text, line, fieldLines: [] };
}

/** A block's responsibility: its trailing clause, or its field lines; undefined when it has neither. */
function responsibility(b: Block, notes: string[], source = ''): { text: string; fields: Fields } | undefined {
  const note = (n: string) => notes.push(`${source} 第 ${b.line} 行：${n}`);
  const clause = CLAUSE.exec(b.text);
  let text = b.text;
  let fields: Fields | undefined;
  if (clause && RESPONSIBILITY.test(clause[1])) {
    fields = clauseFields(clause[1], note);
    text = b.text.slice(0, clause.index).trim();
  }
  if (b.fieldLines.length > 0) {
    fields ??= { leaders: [], lead: [], units: [] };
    for (const f of b.fieldLines) addField(f.label, f.value, fields, note);
  }
  return fields ? { text, fields } : undefined;
}

/** Whether `text` opens a bracket it does not close. */
function unclosedBracket(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '（' || c === '(' || c === '【' || c === '[') depth++;
    else if ((c === '）' || c === ')' || c === '】' || c === ']') && depth > 0) depth--;
  }
  return depth > 0;
}

export interface ParagraphReading {
  /** The notice as one grid for the table interpreter, or undefined when no paragraph carries a responsibility. */
  grid?: Grid;
  items: number;
}

/**
 * The numbered paragraphs of a notice's text (or its lines, as a PDF reader rebuilds them) as a
 * grid (see the module comment). `source` names the text in every message (正文); lines are
 * numbered from 1 as given.
 */
export function paragraphGrid(text: string | readonly string[], source = '正文'): ParagraphReading {
  const lines = typeof text === 'string' ? text.replace(/\r\n?/g, '\n').split('\n') : [...text];
  const notes: string[] = [];
  // Blocks: a numbered line starts one; a line of a field joins the block before; other lines
  // continue a block whose clause is still open (a paragraph wrapped over lines in a PDF).
  const blocks: Block[] = [];
  for (const [i, raw] of lines.entries()) {
    const t = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    // Blank lines, and a PDF's page numbers (— 3 —, -3-).
    if (!t || /^[-—－–\s]*\d+[-—－–\s]*$/.test(t)) continue;
    const last = blocks.at(-1);
    // Inside a bracket left open (a clause a PDF wrapped: "…（责任领导：甲；" / "牵头单位：乙）"), a line
    // that looks like a field line is the rest of the clause.
    const bracketOpen = last !== undefined && unclosedBracket(last.text);
    if (bracketOpen && last.kind !== 'plain') {
      last.text += t;
      continue;
    }
    const field = FIELD.exec(t);
    if (field && last && last.kind !== 'plain') {
      last.fieldLines.push({ label: field[1], value: field[2] });
      continue;
    }
    const b = blockOf(t, i + 1);
    // An item is open until its responsibility closes it: a PDF wraps a paragraph anywhere, also
    // after a full stop (then the joining is a guess, and said so).
    const open = last && last.kind === 'item' && last.fieldLines.length === 0 && !responsibility(last, []);
    if (b.kind === 'plain' && open) {
      if (/[。；;]$/.test(last.text))
        notes.push(`${source} 第 ${i + 1} 行：接在上一行的段落之后（第 ${last.line} 行的一项尚未写明单位）`);
      last.text += t;
    } else blocks.push(b);
  }

  // Items are numbered by arabic numbers (1.) or, when no such paragraph carries a responsibility,
  // by （一）. The body runs from the section heading before the first item to the last item (the
  // covering letter and the signature are not items).
  const resp = blocks.map((b) => (b.kind === 'plain' ? undefined : responsibility(b, [])));
  const itemKind = blocks.some((b, k) => b.kind === 'item' && resp[k]) ? 'item' : 'sub';
  const isItem = (k: number) => blocks[k].kind === itemKind && resp[k] !== undefined;
  const first = blocks.findIndex((_b, k) => isItem(k));
  if (first < 0) return { items: 0 };
  let last = first;
  blocks.forEach((_b, k) => {
    if (isItem(k)) last = k;
  });
  let start = first;
  for (let k = first - 1; k >= 0; k--)
    if (blocks[k].kind === 'section') {
      start = k;
      break;
    }

  // The title above the body says what the items are (主要工作任务 unless it names a programme).
  const title =
    blocks
      .slice(0, start)
      .map((b) => b.text)
      .findLast((t) => /(民生实事|为民办实事|民生工程|惠民实事)/.test(t) && t.length <= 60) ?? '主要工作任务';
  const rows: Grid['rows'] = [{ line: blocks[start].line, cells: PARAGRAPH_HEADER }];
  let section = '';
  let sub = '';
  let subNumbered = '';
  // Leaders written for a whole section or sub-section (一、…（责任领导：…） or a field line under it).
  let sectionLeaders: string[] = [];
  let subLeaders: string[] = [];
  let count = 0;
  let restarted = false;
  let lastWritten = 0;
  for (let k = start; k <= last; k++) {
    const b = blocks[k];
    if (b.kind === itemKind) {
      const r = responsibility(b, notes, source);
      count++;
      const written = Number(b.written);
      if (itemKind === 'item' && Number.isInteger(written) && written !== lastWritten + 1 && !restarted && count > 1) {
        notes.push(`${source} 第 ${b.line} 行：原文编号“${b.written}”不接上一项，各项按出现顺序连续编号（此项为第 ${count} 项）`);
        restarted = true;
      }
      lastWritten = Number.isInteger(written) ? written : lastWritten + 1;
      const f = r?.fields ?? { leaders: [], lead: [], units: [] };
      if (!r) notes.push(`${source} 第 ${b.line} 行：编号段落中没有写明牵头或责任单位（括号或“责任单位：”）`);
      let leaders = f.leaders.join('、');
      const inherited = subLeaders.length ? subLeaders : sectionLeaders;
      if (!leaders && inherited.length) {
        leaders = inherited.join('、');
        notes.push(`${source} 第 ${b.line} 行：这一项没有写责任领导，取所属标题写明的「${leaders}」`);
      }
      rows.push({
        line: b.line,
        cells: [
          section,
          sub,
          String(count),
          r?.text ?? b.text,
          leaders,
          unitCell(f.lead, source, b.line, notes),
          unitCell(f.units, source, b.line, notes),
        ],
      });
      continue;
    }
    const heading = b.kind === 'plain' ? undefined : responsibility(b, notes, source);
    const name = heading?.text ?? b.text;
    if (heading && heading.fields.lead.length + heading.fields.units.length > 0)
      notes.push(`${source} 第 ${b.line} 行：标题「${name}」后写的单位不导入（单位只随编号的各项导入）`);
    if (b.kind === 'section') {
      section = `${b.numeral}、${name}`;
      sub = '';
      subNumbered = '';
      sectionLeaders = heading?.fields.leaders ?? [];
      subLeaders = [];
    } else if (b.kind === 'sub') {
      sub = name;
      subNumbered = name;
      subLeaders = heading?.fields.leaders ?? [];
    } else if (b.kind === 'plain' && b.text.length > 30) {
      notes.push(`${source} 第 ${b.line} 行：段落「${b.text.slice(0, 20)}……」没有编号，不是任务，未导入`);
    } else {
      // An unnumbered sub-heading (or a numbered line with no responsibility between items):
      // the innermost heading is the item's sub-section.
      sub = name.replace(/[。：:]$/, '');
      if (heading?.fields.leaders.length) subLeaders = heading.fields.leaders;
      if (subNumbered && sub !== subNumbered)
        notes.push(`${source} 第 ${b.line} 行：小标题「${sub}」在「${subNumbered}」之下，各项的小标题取「${sub}」`);
    }
  }
  notes.unshift(
    `${source}：按编号段落读取（无任务分解表），${count} 项；${itemKind === 'item' ? '以“1.”等阿拉伯数字编号的段落' : '以“（一）”编号的段落'}为一项，括号或“牵头单位：”“责任单位：”中写明的单位为责任单位（牵头单位在前）`,
  );
  return {
    grid: { source, title, rows, notes, paragraphs: true },
    items: count,
  };
}
