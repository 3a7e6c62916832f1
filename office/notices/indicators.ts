/**
 * Indicators proposed from a notice (npm run import-notice): every number with a unit in an
 * item's text (加装电梯60部 → 60 部; two numbers → two indicators) and in a target column when the
 * table has one (目标任务, 年度目标: '8950人', '11.2公里', '标准不低于3480元/年'), each with a kind
 * read from its words: a growth or a limit on a percentage is a bound (增长6%左右, 控制在3%以内),
 * a level to meet is a standard (不低于, 提高到, 最高, a rate such as 元/人), a sum of money is money,
 * anything else a quantity. Nothing is proposed where the text has no number, and a number that is
 * not a target (a date, 5G, 世界500强, 0-17岁, 1800余项, the old value of 由50%提高到60%) is listed
 * as left out, with why. Every proposal goes to the review list with its source text and is
 * written unconfirmed (已确认 否) for the office to check. Pure: the CLI writes the files.
 */
import { writeCsv } from '../../src/core/content/csv.ts';
import { FILES } from '../../src/core/content/schema.ts';
import { KNOWN_UNITS, halfWidth, readQuantity, unitInfo } from '../../src/core/model/quantity.ts';

export type KindLabel = '数量' | '金额' | '标准' | '幅度';
type ComparisonLabel = '' | '不低于' | '不高于' | '左右';

/** One indicator proposed for an item. */
export interface Proposal {
  name: string;
  kind: KindLabel;
  measure: string;
  /** The target in `measure`, as the loader reads it (1.11万套 → 11100). */
  goal: string;
  comparison: ComparisonLabel;
  /** The number as the text writes it (1.11万套). */
  written: string;
  /** The clause or cell it was read from. */
  source: string;
  /** What the office should know about the reading (约, 以上). */
  notes: string[];
}

/** A number in the text that was not proposed, and why. */
export interface LeftOut {
  written: string;
  reason: string;
  source: string;
}

export interface TextProposals {
  proposals: Proposal[];
  leftOut: LeftOut[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A rate such as 元/人, 元/年/人, 万元/月: a standard's unit. */
const RATE = '元(?:/(?:人|户|月|年|天|日|次|平方米|亩))+';
const UNIT = `${RATE}|${KNOWN_UNITS.map(escape).join('|')}`;
const TOKEN = new RegExp(`(约)?(\\d+(?:,\\d{3})*(?:\\.\\d+)?)([万亿])?(余|多)?(${UNIT})?`, 'g');
/** A unit word that is really the start of another word (11人制, 12部门, 500家庭). */
const NOT_A_UNIT: Record<string, RegExp> = {
  人: /^[制员]/,
  家: /^庭/,
  部: /^[门分署]/,
  台: /^[账阶]/,
  场: /^[地所馆景]/,
  期: /^间/,
  户: /^[籍外型]/,
  条: /^[例件]/,
  所: /^[有属长]/,
  名: /^[单称额]/,
  项: /^目/,
  间: /^[隔距]/,
  件: /^事/,
  批: /^[准复示]/,
  座: /^谈/,
};
const JOINER = /[、和及与]/;
const LEAD_WORDS = /^(确保|保证|完成|实现|力争|年内|全年|全区|进一步|分别|给予|提供|发放|最高|最低|将|对|为|在)+/;
const TRAIL_WORDS =
  /(达到|提高到|提高至|增加到|扩大到|控制在|保持在|不低于|不少于|不高于|不超过|共计|合计|总计|由|从|为|等|的)+$/;
const RIGHT_LEAD = /^(左右|以内|以下|以上|的|[、和及与])+/;

interface Token {
  start: number;
  end: number;
  written: string;
  /** A proposal, or the old value of 由…提高到… (names the next one), or left out. */
  role: 'proposal' | 'from' | 'left';
  reason?: string;
  proposal?: Omit<Proposal, 'name' | 'source'>;
}

/** Whether `text[i]` (half-width) ends a clause; a thousands comma (12,000) does not. */
function endsClause(text: string, i: number): boolean {
  if ('。；;！？：:\n'.includes(text[i])) return true;
  return text[i] === ',' && !(/\d/.test(text[i - 1] ?? '') && /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5)));
}

/** The clauses of a text: [start, end) ranges between punctuation. */
function clauses(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || endsClause(text, i)) {
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
  }
  return out;
}

/** The kind and comparison of a number, from the words around it in its clause. */
function classify(before: string, after: string, measure: string): { kind: KindLabel; comparison: ComparisonLabel } {
  const unit = unitInfo(measure)!;
  if (unit.family === 'percent') {
    const bound = /(增长|下降|降低|增幅|控制在|保持在)$/.test(before) || /^(左右|以内|以下)/.test(after);
    const comparison: ComparisonLabel = /^左右/.test(after)
      ? '左右'
      : /^(以内|以下)/.test(after) || /控制在$/.test(before)
        ? '不高于'
        : '不低于';
    return { kind: bound ? '幅度' : '标准', comparison };
  }
  const capped = /(最高|不高于|不超过)/.test(before);
  if (measure.includes('/')) return { kind: '标准', comparison: capped ? '不高于' : '不低于' };
  if (unit.family === 'money') {
    if (/(最高|最低|不低于|不少于|不高于|不超过|提高到|提高至|标准)/.test(before))
      return { kind: '标准', comparison: capped ? '不高于' : '不低于' };
    return { kind: '金额', comparison: '' };
  }
  if (/每.*(达到|不低于|不少于)$/.test(before)) return { kind: '标准', comparison: '不低于' };
  return { kind: '数量', comparison: '' };
}

/** Find the numbers of `text` (half-width, same indices as the original) and what each is. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  let skipTo = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index! < skipTo) continue;
    const [, , digits, multiplier, more] = m;
    let unit: string | undefined = m[5];
    let start = m.index!;
    const end0 = start + m[0].length;
    // 约 before a number (共计约2400套), not the end of a word (节约, 制约).
    const approx = m[1] !== undefined && /^$|[计共达为到、，,\s]$/.test(text.slice(Math.max(0, start - 1), start));
    if (m[1] !== undefined && !approx) start += 1;
    let end = end0;
    const numberEnd = m.index! + (m[1] ?? '').length + digits.length + (multiplier ?? '').length;
    const prev = text[start - 1] ?? '';
    if (/[\d.A-Za-z]/.test(prev) || prev === '第') continue;
    if (unit && NOT_A_UNIT[unit]?.test(text.slice(end))) {
      unit = undefined;
      end = numberEnd + (more ?? '').length;
    }
    const rest = text.slice(end);
    // Dates and durations (2020年, 1月1日, 离校2年内) are no targets and not worth listing.
    if (!unit && /^[年月日号时]/.test(text.slice(numberEnd))) continue;
    const range = /^[-~～至—]\d+(?:\.\d+)?[^\s，。；、,\d]?/.exec(text.slice(numberEnd));
    if (range) {
      skipTo = numberEnd + range[0].length;
      out.push({ start, end: skipTo, written: text.slice(start, skipTo), role: 'left', reason: '是一个范围，不是目标数' });
      continue;
    }
    const alternatives = /^(?:\/\d+(?:\.\d+)?)+[\u4e00-\u9fff]{0,2}/.exec(text.slice(numberEnd));
    if (alternatives) {
      skipTo = numberEnd + alternatives[0].length;
      out.push({ start, end: skipTo, written: text.slice(start, skipTo), role: 'left', reason: '几个数值并列，不是一个目标数' });
      continue;
    }
    const written = text.slice(start, end);
    if (!unit) {
      // Shown with the word after it (5G, 500强, 15分钟), up to a joiner.
      const word = /^([A-Za-z]+|[^\s\d、和及与的在进以一二三四五六七八九十，。；;,:：“”"（）()]{1,2})/.exec(rest)?.[0] ?? '';
      const reason = /^[千百]/.test(word) ? `“${word[0]}”不作倍数，没有确切的目标数` : '没有可计数的计量单位';
      out.push({ start, end: end + word.length, written: text.slice(start, end + word.length), role: 'left', reason });
      continue;
    }
    if (more) {
      out.push({ start, end, written, role: 'left', reason: `是约数（“${more}”），没有确切的目标数` });
      continue;
    }
    const before = text.slice(0, start);
    if (/[由从]$/.test(before) && /^(提高|增加|扩大|降低|下降|调整)/.test(rest)) {
      out.push({ start, end, written, role: 'from', reason: '是原来的值（由……提高到……），目标是后面的值' });
      continue;
    }
    // Money keeps 万元 and 亿元 as written; other units take the multiplier into the number.
    const money = unitInfo(unit)?.family === 'money';
    const measure = money || unit.includes('/') ? `${multiplier ?? ''}${unit}` : unit;
    const number = money || unit.includes('/') ? digits : `${digits}${multiplier ?? ''}`;
    const reading = readQuantity(number, measure);
    if (!reading.ok || reading.quantity.value <= 0) {
      out.push({ start, end, written, role: 'left', reason: '读不出目标数' });
      continue;
    }
    let clauseStart = start;
    while (clauseStart > 0 && !endsClause(text, clauseStart - 1)) clauseStart--;
    const clauseBefore = text.slice(clauseStart, start);
    const { kind, comparison } = classify(clauseBefore, rest, measure);
    const notes: string[] = [];
    if (approx) notes.push(`原文为约数“${written}”，按 ${reading.quantity.value} ${measure} 提出`);
    if (kind === '数量' && /^以上/.test(rest))
      notes.push(`原文为“${written}以上”：数量可以超额，目标按 ${reading.quantity.value} ${measure}`);
    out.push({
      start,
      end,
      written,
      role: 'proposal',
      proposal: { kind, measure, goal: String(reading.quantity.value), comparison, written, notes },
    });
  }
  return out;
}

const cleanLeft = (s: string) =>
  s
    .replace(/^[、和及与]+/, '')
    .replace(LEAD_WORDS, '')
    .replace(TRAIL_WORDS, '');
/** A parenthesised qualifier at the start of the words after a number: 2.4万元（小微企业）. */
const QUALIFIER = /^（[^）]*）/;

/** Names for the proposals of one clause, from the words before and after each number. */
function nameClause(text: string, clauseStart: number, clauseEnd: number, toks: Token[]): Map<Token, string> {
  const named = toks.filter((t) => t.role !== 'left');
  const left: string[] = [];
  const right: string[] = [];
  const joined: boolean[] = [];
  named.forEach((t, i) => {
    if (i === 0) left.push(text.slice(clauseStart, t.start));
    const gapEnd = i + 1 < named.length ? named[i + 1].start : clauseEnd;
    let gap = text.slice(t.end, gapEnd);
    if (i + 1 < named.length) {
      // The words between two numbers: up to the first 、和及与 they are this number's, after it the next's.
      const cut = gap.search(JOINER);
      const mine = cut < 0 ? gap : gap.slice(0, cut);
      const theirs = cut < 0 ? '' : gap.slice(cut + 1);
      joined.push(mine.replace(RIGHT_LEAD, '') === '' && theirs === '');
      left.push(theirs);
      gap = mine;
    } else joined.push(false);
    right.push(gap);
  });
  const base: string[] = [];
  const names = new Map<Token, string>();
  const rightName = (i: number) => {
    const r = right[i]
      .replace(RIGHT_LEAD, '')
      .replace(QUALIFIER, '')
      .replace(/(共计|合计|等)$/, '');
    return named[i].role === 'from' ? '' : r;
  };
  named.forEach((t, i) => {
    const qualifier = QUALIFIER.exec(right[i].replace(RIGHT_LEAD, ''))?.[0] ?? '';
    const own = rightName(i);
    let name = '';
    if (own.length > 2) name = own;
    else if (own.length > 0) name = left[i].replace(LEAD_WORDS, '') + own;
    else if (joined[i] && i + 1 < named.length && rightName(i + 1).length > 2) name = rightName(i + 1);
    else if (cleanLeft(left[i])) name = cleanLeft(left[i]);
    else if (i > 0) name = base[i - 1];
    base.push(name);
    names.set(t, name ? name + qualifier : '');
  });
  return names;
}

/** An item's name for a proposal that has none of its own: its text's first clause. */
function itemName(text: string): string {
  const half = halfWidth(text);
  let end = 0;
  while (end < half.length && !endsClause(half, end)) end++;
  // The words before its first number (新建改造城市道路11.2公里 → 新建改造城市道路).
  const digit = half.slice(0, end).search(/\d/);
  if (digit >= 4) end = digit;
  return cleanLeft(text.slice(0, end)).slice(0, 20) || text.slice(0, 20);
}

/** The proposals of one text (an item's words, or a target cell with the item's text for names). */
export function proposeFromText(original: string, options: { itemText?: string; source?: string } = {}): TextProposals {
  const text = halfWidth(original);
  const all = tokens(text);
  const proposals: Proposal[] = [];
  const leftOut: LeftOut[] = [];
  for (const [start, end] of clauses(text)) {
    const inClause = all.filter((t) => t.start >= start && t.start < end);
    const names = nameClause(original, start, end, inClause);
    const source = options.source ?? original.slice(start, end).trim();
    for (const t of inClause) {
      if (t.role !== 'proposal') {
        leftOut.push({ written: original.slice(t.start, t.end), reason: t.reason!, source });
        continue;
      }
      let name = names.get(t) ?? '';
      if (options.itemText !== undefined && name.replace(/[（(].*$/, '').length < 4) name = itemName(options.itemText);
      proposals.push({ ...t.proposal!, written: original.slice(t.start, t.end), name: name || itemName(original), source });
    }
  }
  return { proposals, leftOut };
}

/** An item of the import: its key, text and its target cell (when the table has a target column). */
export interface ItemText {
  key: string;
  text: string;
  goal?: string;
}

export interface ItemProposals {
  key: string;
  text: string;
  goal?: string;
  proposals: Proposal[];
  leftOut: LeftOut[];
}

/**
 * Proposals for every item: from its target cell first, then from its text (a number the target
 * cell already gave is not proposed twice); names made unique within the item (回迁安置（套）).
 */
export function proposeIndicators(items: ItemText[]): ItemProposals[] {
  return items.map(({ key, text, goal }) => {
    const fromGoal = goal?.trim()
      ? proposeFromText(goal.trim(), { itemText: text, source: `目标列：${goal.trim()}` })
      : undefined;
    const fromText = proposeFromText(text);
    const same = (a: Proposal, b: Proposal) => a.goal === b.goal && unitInfo(a.measure)?.base === unitInfo(b.measure)?.base;
    const proposals = [...(fromGoal?.proposals ?? [])];
    const leftOut = [...(fromGoal?.leftOut ?? []), ...fromText.leftOut];
    for (const p of fromText.proposals) {
      if (fromGoal?.proposals.some((q) => same(p, q)))
        leftOut.push({ written: p.written, reason: '目标列已给出同一个数', source: p.source });
      else proposals.push(p);
    }
    const count = new Map<string, number>();
    for (const p of proposals) count.set(p.name, (count.get(p.name) ?? 0) + 1);
    const seen = new Set<string>();
    for (const p of proposals) {
      let name = count.get(p.name)! > 1 ? `${p.name}（${p.measure}）` : p.name;
      for (let n = 2; seen.has(name); n++) name = `${p.name}（${n}）`;
      seen.add(name);
      p.name = name;
    }
    return { key, text, goal, proposals, leftOut };
  });
}

/** The items of an import, tasks then programme, with their target cells. */
export function itemsOfImport(result: {
  tasks?: { rows: Record<string, string>[] };
  programme?: { rows: Record<string, string>[] };
}): ItemText[] {
  return [
    ...(result.tasks?.rows ?? []).map((r) => ({ key: `T${r.no}`, text: r.target, goal: r.goal })),
    ...(result.programme?.rows ?? []).map((r) => ({ key: `P${r.no}`, text: r.content, goal: r.goal })),
  ];
}

/** indicators.csv: every proposal, unconfirmed, in item order. */
export function indicatorsCsv(items: ItemProposals[]): string {
  const rows = items.flatMap((i) =>
    i.proposals.map((p, n) => ({
      item: i.key,
      no: String(n + 1),
      name: p.name,
      kind: p.kind,
      measure: p.measure,
      goal: p.goal,
      comparison: p.comparison,
      source: p.source,
      confirmed: '否',
    })),
  );
  return writeCsv(Object.keys(FILES.indicators.columns), rows).text;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function target(p: Proposal): string {
  const amount =
    p.comparison === '左右' ? `${p.goal} ${p.measure} 左右` : `${p.comparison ? `${p.comparison} ` : ''}${p.goal} ${p.measure}`;
  return p.written.replace(/^约/, '') === `${p.goal}${p.measure}` ? amount : `${amount}（原文 ${p.written}）`;
}

/** The review lines printed by import-notice: a summary, then one line per proposal and per number left out. */
export function reviewLines(items: ItemProposals[]): string[] {
  const withAny = items.filter((i) => i.proposals.length > 0);
  const total = withAny.reduce((n, i) => n + i.proposals.length, 0);
  const lines = [
    `目标指标：${items.length} 项中 ${withAny.length} 项提出指标 ${total} 个（indicators.csv，已确认 为 否），${items.length - withAny.length} 项的文字中没有可作目标的数`,
  ];
  for (const i of items) {
    i.proposals.forEach((p, n) =>
      lines.push(
        `${i.key} 指标${n + 1}「${p.name}」：${p.kind} ${target(p)}${p.notes.length ? `；${p.notes.join('；')}` : ''}（原文：${p.source}）`,
      ),
    );
    for (const l of i.leftOut) lines.push(`${i.key} 未提出「${l.written}」：${l.reason}（原文：${l.source}）`);
  }
  return lines;
}

/** The review list as a Markdown file beside indicators.csv, for the office to work through. */
export function reviewMarkdown(items: ItemProposals[], year: number): string {
  const withAny = items.filter((i) => i.proposals.length > 0);
  const total = withAny.reduce((n, i) => n + i.proposals.length, 0);
  const out = [
    `# ${year} 年度目标指标审核清单`,
    '',
    `由 npm run import-notice 从通知中每个事项的文字${items.some((i) => i.goal) ? '和目标列' : ''}提出，均为**待确认的建议**：`,
    `indicators.csv 中“已确认”（confirmed）一列都是“否”。请逐条对照原文核对指标名称、类型、计量单位和目标值，`,
    '改正或删除不对的行，确认后把“已确认”改为“是”。各列的写法见 docs/FORMATS.md「indicators.csv」。',
    '',
    `共 ${items.length} 项，其中 ${withAny.length} 项提出指标 ${total} 个；${items.length - withAny.length} 项的文字中没有可作目标的数，未提出指标（不凭空设定）。`,
    '',
    '## 提出的指标',
    '',
    '| 事项 | 序号 | 指标名称 | 类型 | 目标 | 说明 | 原文 |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const i of withAny)
    i.proposals.forEach((p, n) =>
      out.push(
        `| ${i.key} | ${n + 1} | ${cell(p.name)} | ${p.kind} | ${cell(target(p))} | ${cell(p.notes.join('；'))} | ${cell(p.source)} |`,
      ),
    );
  const left = items.flatMap((i) => i.leftOut.map((l) => ({ key: i.key, ...l })));
  out.push(
    '',
    '## 文字中有数字、但未提出的',
    '',
    '日期（如 2020年、1月1日）不列出。',
    '',
    '| 事项 | 数字 | 原因 | 原文 |',
    '|---|---|---|---|',
  );
  for (const l of left) out.push(`| ${l.key} | ${cell(l.written)} | ${l.reason} | ${cell(l.source)} |`);
  return `${out.join('\n')}\n`;
}
