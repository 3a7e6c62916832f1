/**
 * Turning a notice's decomposition tables into a year's content (npm run import-notice).
 *
 * Three front ends give the same grids: the notice's extracted text (textGrids: tab-indented
 * cells, one per line, rows found by their number cell, as in content/2020/notice.txt), the
 * tables of a .docx as HTML (htmlGrids, from mammoth) and the sheets of an .xlsx (read in
 * scripts/lib). importNotice then maps each grid's columns by their headers (with manual
 * overrides), recognises what the table is (main tasks or the livelihood programme), expands
 * the unit lists the way the notices write them, splits and joins leaders' names, and adds new
 * units and leaders to the registries with ASCII ids. Every inference is listed for review;
 * every problem is an error naming the table, row and column, and then nothing is written.
 * Pure: no file access (the CLI in scripts/import-notice.ts reads and writes).
 */
import { pinyin } from 'pinyin-pro';
import { writeCsv } from '../../src/core/content/csv.ts';
import { issueOf, type Coded, type IssueCode, type ParamArgs } from '../../src/core/errors/catalogue.ts';
import { FILES } from '../../src/core/content/schema.ts';

/** One table as read: where it came from, its title (text above the header) and its rows of cell texts. */
export interface Grid {
  /** 表 1 / sheet name / 附件1: named in every message. */
  source: string;
  title: string;
  rows: { line: number; cells: string[] }[];
}

export type Field =
  'no' | 'group' | 'sub' | 'lead_in' | 'text' | 'leaders' | 'units' | 'lead_units' | 'co_units' | 'deadline' | 'ignore';

export const FIELD_LABELS: Record<Field, string> = {
  no: '序号',
  group: '类别',
  sub: '小标题',
  lead_in: '引题',
  text: '任务/内容',
  leaders: '牵头领导',
  units: '责任单位',
  lead_units: '牵头单位',
  co_units: '配合单位',
  deadline: '完成时限',
  ignore: '（不导入）',
};

/** Header text → field, tried in order (the text column last: 任务 also appears in other headers). */
const HEADER_RULES: [RegExp, Field][] = [
  [/^(序号|编号|分解序号|项目序号|编码)$/, 'no'],
  [/^(类别|分类|类型|领域|板块|工程类别)$/, 'group'],
  [/^(小标题|分项|子类|类别名称)$/, 'sub'],
  [/^引题$/, 'lead_in'],
  [/领导/, 'leaders'],
  [/^(牵头单位|牵头部门|主责单位|主办单位)/, 'lead_units'],
  [/^(配合单位|配合部门|协办单位|协同单位|参与单位)/, 'co_units'],
  [/(责任单位|责任部门|承办单位|实施单位)/, 'units'],
  [/(完成时限|时限|完成时间|完成期限)/, 'deadline'],
  [/(任务|目标|内容|事项|实事|项目名称)/, 'text'],
];

export function fieldOfHeader(header: string, overrides: Record<string, Field> = {}): Field | undefined {
  const h = header.replace(/\s+/g, '');
  if (overrides[h]) return overrides[h];
  return HEADER_RULES.find(([re]) => re.test(h))?.[1];
}

// ---------------------------------------------------------------------------------------------
// Front end: the extracted text form

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

// ---------------------------------------------------------------------------------------------
// Front end: a .docx as HTML (mammoth keeps tables)

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#x([0-9a-f]+)|#(\d+));/gi, (m, name: string, hex?: string, dec?: string) =>
    hex
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec
        ? String.fromCodePoint(Number(dec))
        : (({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" } as Record<string, string>)[name.toLowerCase()] ?? m),
  );
}

const stripTags = (s: string) =>
  decodeEntities(
    s
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/p>\s*<p[^>]*>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  ).trim();

/** The tables of an HTML document (mammoth's output of a .docx): title = the last paragraph before each table. */
export function htmlGrids(html: string): Grid[] {
  const grids: Grid[] = [];
  const re = /<table[^>]*>([\s\S]*?)<\/table>/gi;
  let last = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(html))) {
    n++;
    const before = html.slice(last, m.index);
    const paras = [...before.matchAll(/<(p|h\d)[^>]*>([\s\S]*?)<\/\1>/gi)].map((p) => stripTags(p[2])).filter(Boolean);
    last = m.index + m[0].length;
    const rows: Grid['rows'] = [];
    const spans: (number | undefined)[] = [];
    for (const [r, tr] of [...m[1].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)].entries()) {
      const cells: string[] = [];
      let col = 0;
      const take = () => {
        while (spans[col] && spans[col]! > 0) {
          spans[col]!--;
          cells.push('');
          col++;
        }
      };
      for (const td of tr[1].matchAll(/<t([dh])([^>]*)>([\s\S]*?)<\/t\1>/gi)) {
        take();
        const rowspan = Number(/rowspan="(\d+)"/.exec(td[2])?.[1] ?? 1);
        const colspan = Number(/colspan="(\d+)"/.exec(td[2])?.[1] ?? 1);
        cells.push(stripTags(td[3]));
        if (rowspan > 1) spans[col] = rowspan - 1;
        col++;
        for (let c = 1; c < colspan; c++) {
          cells.push('');
          col++;
        }
      }
      take();
      rows.push({ line: r + 1, cells });
    }
    grids.push({ source: `表${n}`, title: paras.at(-1) ?? '', rows });
  }
  return grids;
}

/** The notice's number (文号) and title in a text, when written the usual way. */
export function noticeHeading(text: string): { docNo?: string; title?: string; date?: string; publicity?: string } {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim());
  const docNo = lines.find((l) => /^[\u4e00-\u9fff]+〔\d{4}〕\d+号$/.test(l));
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
  return { docNo, title, date, publicity };
}

// ---------------------------------------------------------------------------------------------
// Names: leaders, units

/** Leaders of a cell: alignment spaces removed (王  强 → 王强), one per line or 、; a title line rejoined (各相关 + 副区长). */
export function splitLeaders(cell: string): string[] {
  const parts = cell
    .split(/[\n、，,；;/]+/)
    .map((p) => p.replace(/[\s\u3000]+/g, ''))
    .filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    if (out.length > 0 && /^(副?区长|副?县长|副?市长|副?主任|副?书记|同志)$/.test(p) && /(各|相关|有关)$/.test(out.at(-1)!))
      out[out.length - 1] += p;
    else out.push(p);
  }
  return out;
}

export interface UnitContext {
  /** Registry names and aliases → the name to write (the registry's name). */
  known: Map<string, string>;
  collectives: Set<string>;
  /** Short names of the place (e.g. 济南, 市中): bodies named with them take no 区 prefix. */
  placeNames: string[];
}

/** How the name of an organisation (as opposed to a bare place name) ends. */
const ORGANISATION_ENDING = /(局|委|中心|委员会|集团|公司|办|部|馆|院|联|会|队|所|站|单位|部门|办事处|分局|指挥部)$/;
const COLLECTIVE = /^(各|相关|有关|涉农|全区|区政府各|区政府有关|区直各|区直有关)/;
const LEVEL_PREFIX = /^[区县市旗]/;

/**
 * A unit cell expanded to the names it means, in order, with every inference made:
 * - groups are separated by "，" (or ；), entries within a group by "、";
 * - a group ending in "…街道办事处" (or 镇、乡) shares that suffix with its bare place names;
 * - a 区 (县、市) prefix written on an earlier entry is shared by later bare department names,
 *   unless the registry knows the name as written or the name carries the place's own name;
 * - collective references (各…, 相关…) are kept as written; a trailing 等 stays on the last entry.
 */
export function expandUnits(cell: string, ctx: UnitContext): { names: string[]; notes: string[] } {
  const notes: string[] = [];
  const names: string[] = [];
  const compact = cell.replace(/[\s\u3000]+/g, '');
  if (compact === '') return { names, notes };
  let prefix = '';
  for (const group of compact.split(/[，,；;]/).filter(Boolean)) {
    const entries = group.split('、');
    const lastEntry = entries.at(-1)!.replace(/等$/, '');
    const suffix = /(街道办事处|镇人民政府|乡人民政府)$/.exec(lastEntry)?.[1] ?? '';
    for (const [i, raw] of entries.entries()) {
      if (raw === '') {
        notes.push(`「${cell}」中有空项（连续的顿号），已忽略`);
        continue;
      }
      const etc = i === entries.length - 1 && raw.endsWith('等') && !ctx.known.has(raw) ? '等' : '';
      const base = etc ? raw.slice(0, -1) : raw;
      let name = base;
      const shares = (n: string) =>
        !ctx.placeNames.some((p) => n.includes(p)) &&
        ORGANISATION_ENDING.test(n) &&
        !/(街道办事处|街道|镇人民政府|乡人民政府|镇|乡)$/.test(n);
      if (ctx.collectives.has(base) || COLLECTIVE.test(base)) {
        if (!ctx.collectives.has(base)) notes.push(`「${base}」按统称处理（原样保留，不拆分）`);
      } else if (suffix && i < entries.length - 1 && !ORGANISATION_ENDING.test(base)) {
        name = `${base}${suffix}`;
        notes.push(`「${base}」补全为「${name}」（与同组末项共用“${suffix}”）`);
      } else if (ctx.known.has(base)) {
        name = ctx.known.get(base)!;
        if (LEVEL_PREFIX.test(base) && ORGANISATION_ENDING.test(base)) prefix = base[0];
      } else if (LEVEL_PREFIX.test(base) && ORGANISATION_ENDING.test(base)) {
        prefix = base[0];
      } else if (ctx.known.has(`${prefix || '区'}${base}`)) {
        name = ctx.known.get(`${prefix || '区'}${base}`)!;
      } else if (prefix && shares(base)) {
        name = `${prefix}${base}`;
        notes.push(`「${base}」补全为「${name}」（共用前缀“${prefix}”）`);
      }
      names.push(ctx.known.get(name) ?? name);
      if (etc) names[names.length - 1] += etc;
    }
  }
  return { names, notes };
}

/** An ASCII id from a Chinese name: pinyin without tones, the 区 prefix dropped (区发改局 → fagaiju). */
export function asciiId(name: string, taken: Set<string>): string {
  const base = name.replace(/^区(?=.)/, '').replace(/街道办事处$/, '');
  const syllables = pinyin(base, { toneType: 'none', type: 'array', nonZh: 'consecutive' }) as string[];
  let id =
    syllables
      .join('')
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'danwei';
  if (id.length > 32)
    id =
      syllables
        .map((s) => s[0])
        .join('')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '') || 'danwei';
  let out = id;
  for (let n = 2; taken.has(out); n++) out = `${id}-${n}`;
  taken.add(out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The import

export interface Registries {
  units: { id: string; name: string; full_name: string; kind: string; aliases: string }[];
  leaders: { id: string; name: string; title: string; collective: string }[];
  collectives: string[];
}

export interface ImportOptions {
  year: number;
  /** The programme's name when its table's title does not give it. */
  programme?: string;
  slug?: string;
  /** Header text → field, for headers the rules do not know or map wrongly. */
  map?: Record<string, Field>;
  /** Table source (表1, sheet name, 附件2) → kind, when neither title nor headers tell. */
  kinds?: Record<string, 'tasks' | 'programme'>;
  /** Short names of the place for the 区-prefix rule (济南, 市中). */
  placeNames?: string[];
  notice?: { doc_no?: string; title?: string; date?: string; publicity?: string };
  /** Link programme items to the main task they repeat when the wording says so (longest shared run ≥ 8 characters). */
  link?: boolean;
}

export interface ImportError extends Coded {
  source: string;
  line: number;
  column?: string;
}

export interface ImportResult {
  errors: ImportError[];
  /** Every inference, for the office to confirm. */
  review: string[];
  tasks?: { sections: { no: number; name: string }[]; rows: Record<string, string>[]; attachment: string };
  programme?: {
    name: string;
    slug: string;
    itemLabel: string;
    categories: { no: number; numeral: string; name: string }[];
    rows: Record<string, string>[];
    attachment: string;
  };
  newUnits: Registries['units'];
  newLeaders: Registries['leaders'];
  notice: { doc_no: string; title: string; date: string; publicity: string };
}

const NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
  '十八',
  '十九',
  '二十',
];

/** The programme's name in a table title: 2021年民生十件实事任务分解表 → 民生十件实事. */
export function programmeNameOf(title: string): string {
  return title
    .replace(/^附件\s*\d+[：:.\s]*/, '')
    .replace(/^\d{4}年度?/, '')
    .replace(/(任务|责任|项目|工作)*(分解|立项|清单)*(表|清单)$/, '')
    .replace(/(任务|责任|项目)*(分解|立项)$/, '')
    .trim();
}

function kindOf(grid: Grid, headers: string[], options: ImportOptions): 'tasks' | 'programme' | undefined {
  if (options.kinds?.[grid.source]) return options.kinds[grid.source];
  if (/民生|实事|惠民|为民/.test(grid.title)) return 'programme';
  if (/主要工作任务|重点任务|主要任务|工作任务|重点工作/.test(grid.title)) return 'tasks';
  const all = headers.join(' ');
  if (/民生|实事/.test(all)) return 'programme';
  if (/任务|目标/.test(all)) return 'tasks';
  return undefined;
}

function slugOf(name: string): string {
  const ascii = /[“"]([A-Za-z0-9-]+)[”"]/.exec(name)?.[1] ?? /^[A-Za-z0-9-]+$/.exec(name)?.[0];
  if (ascii) return ascii.toLowerCase();
  const initials = (
    pinyin(name.replace(/[^\u4e00-\u9fff]/g, ''), { pattern: 'first', toneType: 'none', type: 'array' }) as string[]
  ).join('');
  return initials.toLowerCase().replace(/[^a-z0-9]/g, '') || 'minsheng';
}

/** The longest run of characters two texts share. */
function longestShared(a: string, b: string): number {
  let best = 0;
  const prev = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      if (prev[j] > best) best = prev[j];
      diag = tmp;
    }
  }
  return best;
}

export function importNotice(grids: Grid[], registries: Registries, options: ImportOptions): ImportResult {
  const errors: ImportError[] = [];
  const review: string[] = [];
  const known = new Map<string, string>();
  for (const u of registries.units) {
    known.set(u.name, u.name);
    known.set(u.full_name, u.name);
    for (const a of u.aliases.split('、').filter(Boolean)) known.set(a, u.name);
  }
  const ctx: UnitContext = { known, collectives: new Set(registries.collectives), placeNames: options.placeNames ?? [] };
  const unitIds = new Set(registries.units.map((u) => u.id));
  const leaderIds = new Set(registries.leaders.map((l) => l.id));
  const leaderNames = new Set(registries.leaders.map((l) => l.name));
  const newUnits: Registries['units'] = [];
  const newLeaders: Registries['leaders'] = [];
  const result: ImportResult = {
    errors,
    review,
    newUnits,
    newLeaders,
    notice: { doc_no: '', title: '', date: '', publicity: '' },
  };

  const addUnit = (name: string) => {
    const base = name.replace(/等$/, '');
    if (known.has(base) || ctx.collectives.has(base) || COLLECTIVE.test(base)) return;
    const kind = /(街道办事处|镇人民政府|乡人民政府)$/.test(base) ? '街道办事处' : LEVEL_PREFIX.test(base) ? '区直部门' : '其他';
    const id = asciiId(base, unitIds);
    newUnits.push({ id, name: base, full_name: base, kind, aliases: '' });
    known.set(base, base);
    review.push(`新增责任单位「${base}」：编号 ${id}，类型 ${kind}（全称暂同名称，请在 units.csv 中补全全称和别名）`);
  };
  const addLeader = (name: string) => {
    if (leaderNames.has(name)) return;
    const collective = /^(各|相关|有关)/.test(name);
    const id = asciiId(name, leaderIds);
    newLeaders.push({
      id,
      name,
      title: collective ? name.replace(/^(各相关|各有关|各|相关|有关)/, '') || '待填写' : '待填写',
      collective: collective ? '是' : '否',
    });
    leaderNames.add(name);
    review.push(`新增牵头领导「${name}」：编号 ${id}${collective ? '，统称' : ''}（职务待填写，请在 leaders.csv 中补上）`);
  };

  const seen = new Set<'tasks' | 'programme'>();
  for (const grid of grids) {
    const err = <C extends IssueCode>(line: number, column: string | undefined, code: C, ...params: ParamArgs<C>) =>
      errors.push(issueOf(code, { source: grid.source, line, column }, ...params));
    // The header: the first of the first six rows with a text column and two more known columns.
    let headerAt = -1;
    let fields: (Field | undefined)[] = [];
    for (let r = 0; r < Math.min(6, grid.rows.length); r++) {
      const f = grid.rows[r].cells.map((c) => fieldOfHeader(c, options.map));
      if (f.includes('text') && f.filter((x) => x && x !== 'ignore').length >= 3) {
        headerAt = r;
        fields = f;
        break;
      }
    }
    const dataRows = headerAt >= 0 ? grid.rows.slice(headerAt + 1) : [];
    if (headerAt < 0 || !dataRows.some((r) => r.cells.some((c) => /^\d+$/.test(c.trim())))) {
      if (grid.rows.length > 0 && headerAt >= 0) {
        review.push(`${grid.source}「${grid.title}」：没有编号的数据行（如附件中的空白表样），已跳过`);
        continue;
      }
      if (grid.rows.some((r) => r.cells.some((c) => /^\d+$/.test(c.trim())))) {
        err(grid.rows[0]?.line ?? 0, undefined, 'LS-NTC-001', { first: grid.rows[0]?.cells.join(' | ') ?? '' });
      } else review.push(`${grid.source}「${grid.title}」：不是任务分解表（没有表头和编号行），已跳过`);
      continue;
    }
    const headers = grid.rows[headerAt].cells;
    const title =
      grid.title ||
      grid.rows
        .slice(0, headerAt)
        .map((r) => r.cells.filter(Boolean).join(''))
        .filter(Boolean)
        .join('');
    const g: Grid = { ...grid, title };
    const kind = kindOf(g, headers, options);
    if (!kind) {
      err(grid.rows[headerAt].line, undefined, 'LS-NTC-002', {
        title: title || '无',
        headers: headers.join('、'),
        source: grid.source,
      });
      continue;
    }
    if (seen.has(kind)) {
      err(grid.rows[headerAt].line, undefined, 'LS-NTC-003', { kind: kind === 'tasks' ? '主要工作任务' : '民生实事' });
      continue;
    }
    seen.add(kind);
    const col = (f: Field) => fields.indexOf(f);
    const missing = (['no', 'text', 'leaders'] as Field[]).filter((f) => col(f) < 0);
    if (col('units') < 0 && col('lead_units') < 0) missing.push('units');
    if (missing.length) {
      const names = missing.map((f) => FIELD_LABELS[f]).join('、');
      err(grid.rows[headerAt].line, names, 'LS-NTC-004', { missing: names, headers: headers.join('、') });
      continue;
    }
    const mapping = headers
      .map((h, i) => (fields[i] ? `${h || '（空）'}→${FIELD_LABELS[fields[i]!]}` : `${h || '（空）'}→未识别，不导入`))
      .join('，');
    review.push(`${grid.source}「${title}」识别为${kind === 'tasks' ? '主要工作任务' : '民生实事'}表；列：${mapping}`);
    for (const [i, h] of headers.entries())
      if (!fields[i] && h.trim())
        review.push(`${grid.source} 第 ${grid.rows[headerAt].line} 行：列「${h}」未识别，不导入（如需导入，用 --map ${h}=字段）`);

    const groups: { name: string; numeral: string }[] = [];
    const rows: Record<string, string>[] = [];
    let sub = '';
    let lastNo = 0;
    const cellOf = (cells: string[], f: Field) => (col(f) >= 0 ? (cells[col(f)] ?? '').trim() : '');
    for (const row of dataRows) {
      const cells = row.cells;
      if (cells.includes('\u0000short')) err(row.line, undefined, 'LS-NTC-005', { columns: headers.length });
      else if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim()))
        err(row.line, undefined, 'LS-NTC-006', { extra: cells.slice(headers.length).join(' | ') });
      if (cells.every((c) => c.trim() === '')) continue;
      const noText = cellOf(cells, 'no');
      const groupText = cellOf(cells, 'group').replace(/\s+/g, '');
      const subText = cellOf(cells, 'sub').replace(/\s+/g, '');
      if (groupText) {
        const m = /^([一二三四五六七八九十]+)[、.．]\s*(.+)$/.exec(groupText);
        const name = m ? m[2] : groupText;
        if (groups.at(-1)?.name !== name) {
          groups.push({ name, numeral: m ? m[1] : (NUMERALS[groups.length] ?? String(groups.length + 1)) });
          sub = '';
        }
      }
      if (subText) sub = subText;
      const textVal = cellOf(cells, 'text');
      if (noText === '') {
        // A heading row (only the group cell) or nothing to import.
        if (textVal || cellOf(cells, 'leaders') || cellOf(cells, 'units')) err(row.line, FIELD_LABELS.no, 'LS-NTC-007');
        continue;
      }
      const no = /^\d+$/.test(noText.replace(/[.、]$/, '')) ? Number(noText.replace(/[.、]$/, '')) : NaN;
      if (!Number.isInteger(no) || no < 1) {
        err(row.line, FIELD_LABELS.no, 'LS-NTC-008', { no: noText });
        continue;
      }
      if (no !== lastNo + 1) err(row.line, FIELD_LABELS.no, 'LS-NTC-009', { no, last: lastNo });
      lastNo = no;
      const text = textVal.replace(/\n+/g, '');
      if (!text) err(row.line, headers[col('text')], 'LS-NTC-010');
      const leaders = splitLeaders(cellOf(cells, 'leaders'));
      if (leaders.length === 0) err(row.line, headers[col('leaders')], 'LS-NTC-011');
      const padded = /[^\s\u3000][\s\u3000]+[^\s\u3000]/.test(
        cellOf(cells, 'leaders')
          .split('\n')
          .find((l) => /[\s\u3000]/.test(l.trim())) ?? '',
      );
      if (padded)
        review.push(
          `${grid.source} 第 ${row.line} 行：领导姓名中的对齐空格已去掉（${cellOf(cells, 'leaders').replace(/\n/g, ' / ')} → ${leaders.join('、')}）`,
        );
      if (leaders.length > 1)
        review.push(`${grid.source} 第 ${row.line} 行：牵头领导按 ${leaders.length} 人处理：${leaders.join('、')}`);
      leaders.forEach(addLeader);
      const lead = expandUnits(cellOf(cells, 'lead_units'), ctx);
      const co = expandUnits(cellOf(cells, 'co_units'), ctx);
      const all = expandUnits(cellOf(cells, 'units'), ctx);
      for (const n of [...lead.notes, ...co.notes, ...all.notes]) review.push(`${grid.source} 第 ${row.line} 行：${n}`);
      const units = [...lead.names, ...co.names, ...all.names];
      if (units.length === 0) err(row.line, headers[col('units') >= 0 ? col('units') : col('lead_units')], 'LS-NTC-012');
      units.forEach(addUnit);
      const grouped = col('group') >= 0;
      if (grouped && groups.length === 0) err(row.line, headers[col('group')], 'LS-NTC-013');
      const deadline = cellOf(cells, 'deadline').replace(/\s+/g, '');
      const r: Record<string, string> =
        kind === 'tasks'
          ? {
              no: String(no),
              section: grouped ? String(groups.length) : '',
              subsection: sub,
              lead_in: cellOf(cells, 'lead_in').replace(/\n+/g, ''),
              target: text,
              leaders: leaders.join('、'),
              units: units.join('、'),
              lead_units: col('lead_units') >= 0 ? lead.names.map((n) => n.replace(/等$/, '')).join('、') : '',
            }
          : {
              no: String(no),
              category: grouped ? String(groups.length) : '',
              content: text,
              leaders: leaders.join('、'),
              units: units.join('、'),
              lead_units: col('lead_units') >= 0 ? lead.names.map((n) => n.replace(/等$/, '')).join('、') : '',
              task: '',
            };
      if (col('deadline') >= 0) r.deadline = deadline;
      rows.push(r);
    }
    if (col('lead_units') < 0)
      review.push(
        `${grid.source}：没有单独的牵头单位列，各项以第一个责任单位为牵头单位（原文若以加黑等方式标出牵头单位，请在 lead_units 列补上）`,
      );
    const attachment = /^附件\d+$/.test(grid.source) ? grid.source : '';
    if (kind === 'tasks') {
      result.tasks = { sections: groups.map((s, i) => ({ no: i + 1, name: s.name })), rows, attachment };
    } else {
      const name = options.programme ?? programmeNameOf(title);
      if (!name) err(grid.rows[headerAt].line, undefined, 'LS-NTC-014', { title });
      else
        review.push(
          `民生实事项目名称：「${name}」${options.programme ? '（--programme 指定）' : `（取自表格标题「${title}」）`}`,
        );
      const slug = options.slug ?? slugOf(name);
      if (!options.slug) review.push(`网址段：${slug}（页面地址为 /${options.year}/${slug}/；可用 --slug 指定，发布后不要修改）`);
      const itemLabel = /民生/.test(name) ? '民生' : /实事$/.test(name) ? '实事' : '事项';
      review.push(`事项简称：「${itemLabel}」（编号显示为“${itemLabel}1”），可在 manifest.json 的 programme.item_label 中修改`);
      result.programme = {
        name,
        slug,
        itemLabel,
        categories: groups.map((c, i) => ({ no: i + 1, numeral: c.numeral, name: c.name })),
        rows,
        attachment,
      };
    }
  }
  if (!result.tasks && !result.programme && errors.length === 0)
    errors.push(issueOf('LS-NTC-015', { source: '（全部表格）', line: 0 }, { count: grids.length }));

  // Items of the programme that repeat a main task: linked, never merged.
  if (options.link && result.tasks && result.programme) {
    for (const p of result.programme.rows) {
      let best: { no: string; run: number } | undefined;
      for (const t of result.tasks.rows) {
        const run = longestShared(p.content, t.target);
        if (run >= 8 && (!best || run > best.run)) best = { no: t.no, run };
      }
      if (best) {
        p.task = best.no;
        review.push(`民生实事第 ${p.no} 项与主要工作任务第 ${best.no} 项有 ${best.run} 个字相同，已关联（task 列），请确认`);
      }
    }
  }
  const heading = options.notice ?? {};
  result.notice = {
    doc_no: heading.doc_no ?? '待填写',
    title: heading.title ?? '待填写',
    date: heading.date ?? `${options.year}-01-01`,
    publicity: heading.publicity ?? '待填写',
  };
  if (!heading.publicity) review.push('通知的公开属性（如“此件公开发布”）未能识别，manifest.json 中写作“待填写”，请补上');
  if (!heading.doc_no) review.push('通知文号未能识别，manifest.json 中写作“待填写”，请补上（或用 --doc-no 指定）');
  if (!heading.title) review.push('通知标题未能识别，manifest.json 中写作“待填写”，请补上（或用 --title 指定）');
  if (!heading.date)
    review.push(`通知日期未能识别，manifest.json 中暂写 ${options.year}-01-01，请改为印发日期（或用 --date 指定）`);
  return result;
}

export function formatImportErrors(errors: ImportError[]): string {
  return errors
    .map((e) => `${e.source}${e.line ? ` 第 ${e.line} 行` : ''}${e.column ? ` 「${e.column}」列` : ''}：[${e.code}] ${e.message}`)
    .join('\n');
}

/** The files an import writes into the content folder (paths relative to it). */
export function importFiles(
  result: ImportResult,
  registries: Registries,
  year: number,
  existingManifest?: Record<string, unknown>,
): Map<string, string> {
  const files = new Map<string, string>();
  const cols = (kind: keyof typeof FILES, withDeadline: boolean) =>
    Object.keys(FILES[kind].columns).filter((c) => c !== 'deadline' || withDeadline);
  const manifest: Record<string, unknown> = existingManifest
    ? { ...existingManifest }
    : {
        year,
        notice: result.notice,
        data_date: result.notice.date,
        sample: false,
        sample_note: '',
      };
  if (result.tasks) {
    const t = result.tasks;
    const sections = t.sections.length > 0;
    manifest.tasks = { name: '主要工作任务', item_label: '任务', sections, attachment: t.attachment };
    const withDeadline = t.rows.some((r) => 'deadline' in r);
    files.set(
      `${year}/tasks.csv`,
      writeCsv(
        cols('tasks', withDeadline).filter((c) => c !== 'section' || sections),
        t.rows,
      ).text,
    );
    if (sections)
      files.set(
        `${year}/sections.csv`,
        writeCsv(
          ['no', 'name'],
          t.sections.map((s) => ({ no: String(s.no), name: s.name })),
        ).text,
      );
  } else manifest.tasks = false;
  if (result.programme) {
    const p = result.programme;
    const categories = p.categories.length > 0;
    manifest.programme = { name: p.name, slug: p.slug, item_label: p.itemLabel, categories, attachment: p.attachment };
    const withDeadline = p.rows.some((r) => 'deadline' in r);
    files.set(
      `${year}/projects.csv`,
      writeCsv(
        cols('projects', withDeadline).filter((c) => c !== 'category' || categories),
        p.rows,
      ).text,
    );
    if (categories)
      files.set(
        `${year}/categories.csv`,
        writeCsv(
          ['no', 'numeral', 'name'],
          p.categories.map((c) => ({ no: String(c.no), numeral: c.numeral, name: c.name })),
        ).text,
      );
  } else delete manifest.programme;
  files.set(`${year}/manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  if (result.newUnits.length)
    files.set('units.csv', writeCsv(Object.keys(FILES.units.columns), [...registries.units, ...result.newUnits]).text);
  if (result.newLeaders.length)
    files.set('leaders.csv', writeCsv(Object.keys(FILES.leaders.columns), [...registries.leaders, ...result.newLeaders]).text);
  return files;
}
