/**
 * Names in a notice's cells: leaders (alignment spaces, two per cell, a title split over lines)
 * and unit lists written with shared prefixes and suffixes (区发改局、住建局 → 区住建局;
 * 省商务厅、财政厅 → 省财政厅; 杆石桥、四里村街道办事处), collectives kept as written, names
 * that carry their own place or are not this government's departments kept, and ASCII ids.
 */
import { pinyin } from 'pinyin-pro';

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
const ORGANISATION_ENDING = /(局|委|厅|中心|委员会|集团|公司|办|部|馆|院|联|会|队|所|站|单位|部门|办事处|分局|指挥部)$/;
export const COLLECTIVE = /^(各|相关|有关|涉农|全区|区政府各|区政府有关|区直各|区直有关|[省市县区](级|直|政府)?(各|相关|有关))/;
export const LEVEL_PREFIX = /^[区县市旗]/;
/** A level prefix an entry may share with the bare department names after it (省商务厅、财政厅). */
const SHARED_PREFIX = /^[省区县市旗]/;
/**
 * Names that keep their own name beside a level prefix: they carry their own place (人行济南分行营业管理部,
 * 市生态环境局历下分局, 某某中心支行) or are not a department of this government (某某银保监局, 某某集团, 某某公司,
 * 海关, 国家统计局的调查队, a zone's committee: 中新苏滁高新区管委会).
 */
const OWN_NAME =
  /(^人行|人民银行|分行|支行|营业管理部|银保监|证监|银监|保监|局.{2,}分局$|集团$|公司$|海关$|调查队$|(开发区|高新区|经开区|园区|示范区|新区|集中区)(管委会|管理委员会)$)/;

/**
 * `text` split at each of `separators` that is not inside round brackets: a name may carry its own
 * list in brackets (各县(市、区)政府(管委会)).
 */
function splitOutsideBrackets(text: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    if (depth === 0 && separators.test(c)) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/**
 * A group's entries: split at 、, except inside brackets and inside a collective that lists
 * levels of government (各县、市、区政府, 各乡、镇人民政府), which is one name.
 */
function entriesOf(group: string): string[] {
  const entries: string[] = [];
  const parts = splitOutsideBrackets(group, /、/);
  for (let i = 0; i < parts.length; i++) {
    let end = i;
    if (/^各[省市县区乡镇]$/.test(parts[i])) {
      let j = i + 1;
      while (j < parts.length && /^[省市县区乡镇]$/.test(parts[j])) j++;
      if (j < parts.length && /^[省市县区乡镇](人民)?政府/.test(parts[j])) end = j;
    }
    entries.push(parts.slice(i, end + 1).join('、'));
    i = end;
  }
  return entries;
}

/**
 * A unit cell expanded to the names it means, in order, with every inference made:
 * - groups are separated by "，" (or ；), entries within a group by "、", except inside round
 *   brackets (各县(市、区)政府(管委会)) and in a collective listing levels (各县、市、区政府);
 * - a group ending in "…街道办事处" (or 镇、乡) shares that suffix with its bare place names;
 * - a 区 (县、市) prefix written on an earlier entry is shared by later bare department names,
 *   unless the registry knows the name as written or the name carries the place's own name;
 * - collective references (各…, 相关…) are kept as written; a trailing 等 stays on the last entry.
 */
export function expandUnits(
  cell: string,
  ctx: UnitContext,
  /** A prefix shared from an earlier cell of the same item (the lead units before the others). */
  startPrefix = '',
): { names: string[]; notes: string[]; prefix: string } {
  const notes: string[] = [];
  const names: string[] = [];
  // Units written one per line in a cell (as offices often write them) are separate units: a line
  // break after a complete organisation name counts as 、; inside a name wrapped by the layout it
  // is only space. Each split is said on the review list.
  const lines = cell
    .split('\n')
    .map((l) => l.replace(/[\s\u3000]+/g, ''))
    .filter(Boolean);
  let compact = '';
  for (const line of lines) {
    const split =
      compact !== '' && ORGANISATION_ENDING.test(compact) && !/^[，,；;、]/.test(line) && !/[，,；;、]$/.test(compact);
    if (split) notes.push(`「${compact.split(/[，,；;、]/).at(-1)}」与「${line}」分行书写，按两个单位读取`);
    compact += split ? `、${line}` : line;
  }
  let prefix = startPrefix;
  if (compact === '') return { names, notes, prefix };
  for (const group of splitOutsideBrackets(compact, /[，,；;]/).filter(Boolean)) {
    const entries = entriesOf(group);
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
      const ownName = (n: string) => ctx.placeNames.some((p) => n.includes(p)) || OWN_NAME.test(n);
      const shares = (n: string) =>
        !ownName(n) && ORGANISATION_ENDING.test(n) && !/(街道办事处|街道|镇人民政府|乡人民政府|镇|乡)$/.test(n);
      const setsPrefix = (n: string) => SHARED_PREFIX.test(n) && ORGANISATION_ENDING.test(n) && !OWN_NAME.test(n);
      if (ctx.collectives.has(base) || COLLECTIVE.test(base)) {
        if (!ctx.collectives.has(base)) notes.push(`「${base}」按统称处理（原样保留，不拆分）`);
      } else if (suffix && i < entries.length - 1 && !ORGANISATION_ENDING.test(base)) {
        name = `${base}${suffix}`;
        notes.push(`「${base}」补全为「${name}」（与同组末项共用“${suffix}”）`);
      } else if (ctx.known.has(base)) {
        name = ctx.known.get(base)!;
        if (setsPrefix(base)) prefix = base[0];
      } else if (setsPrefix(base)) {
        prefix = base[0];
      } else if (SHARED_PREFIX.test(base) && ORGANISATION_ENDING.test(base)) {
        // A name with its own place or outside this government: kept, and it sets no prefix.
      } else if (ctx.known.has(`${prefix || '区'}${base}`)) {
        name = ctx.known.get(`${prefix || '区'}${base}`)!;
      } else if (prefix && shares(base)) {
        name = `${prefix}${base}`;
        notes.push(`「${base}」补全为「${name}」（共用前缀“${prefix}”）`);
      } else if (prefix && OWN_NAME.test(base) && !ctx.placeNames.some((p) => base.includes(p)))
        notes.push(`「${base}」不加前缀“${prefix}”（名称自带地名，或不是本级政府的部门），原样保留`);
      names.push(ctx.known.get(name) ?? name);
      if (etc) names[names.length - 1] += etc;
    }
  }
  return { names, notes, prefix };
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
