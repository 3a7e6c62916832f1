/**
 * Turning a notice's decomposition tables into a year's content (npm run import-notice).
 *
 * The readers (text-tables.ts, html-tables.ts, and the .xlsx reader in readers.ts) give grids
 * (grid.ts); importNotice maps each grid's columns by their headers (with manual overrides),
 * recognises what the table is (main tasks or the livelihood programme), expands the unit lists
 * and splits the leaders' names (units.ts), and adds new units and leaders to the registries
 * with ASCII ids. Every inference is listed for review; every problem is an error naming the
 * table, row and column, and then nothing is written. Pure: no file access (the CLI in
 * scripts/import-notice.ts reads and writes).
 */
import { pinyin } from 'pinyin-pro';
import { writeCsv } from '../../src/core/content/csv.ts';
import { issueOf, type Coded, type IssueCode, type ParamArgs } from '../../src/core/errors/catalogue.ts';
import { FILES } from '../../src/core/content/schema.ts';
import { FIELD_LABELS, fieldsOfHeader, type Field, type Grid } from './grid.ts';
import { subTasks } from './sub-tasks.ts';
import { COLLECTIVE, LEVEL_PREFIX, asciiId, expandUnits, splitLeaders, type UnitContext } from './units.ts';

export interface Registries {
  units: { id: string; name: string; full_name: string; kind: string; aliases: string }[];
  leaders: { id: string; name: string; title: string; collective: string }[];
  collectives: string[];
  /** collectives.csv's meanings, kept when the import adds a collective (name → meaning). */
  collectiveMeanings?: Record<string, string>;
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
  /** The notice's heading, with how it was read (`notes`, for the review list). */
  notice?: { doc_no?: string; title?: string; date?: string; publicity?: string; notes?: string[] };
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
  /** Collectives the notice writes that collectives.csv does not have yet (相关部门, 各地). */
  newCollectives: { name: string; meaning: string }[];
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
  return (
    title
      .replace(/^附件\s*\d+[：:.\s]*/, '')
      .replace(/^\d{4}年度?/, '')
      .replace(/(任务|责任|项目|工作)*(分解|立项|清单)*(表|清单)$/, '')
      .replace(/(任务|责任|项目)*(分解|立项)$/, '')
      // 2016年民生实事目标任务分解表 → 民生实事
      .replace(/(.{2,})目标$/, '$1')
      .trim()
  );
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
  const newCollectives: ImportResult['newCollectives'] = [];
  const result: ImportResult = {
    errors,
    review,
    newUnits,
    newLeaders,
    newCollectives,
    notice: { doc_no: '', title: '', date: '', publicity: '' },
  };

  const addUnit = (name: string) => {
    const base = name.replace(/等$/, '');
    if (known.has(base) || ctx.collectives.has(base)) return;
    if (COLLECTIVE.test(base)) {
      ctx.collectives.add(base);
      newCollectives.push({ name: base, meaning: '通知原文中的统称，未逐一列名' });
      review.push(`新增统称「${base}」（原样保留；请在 collectives.csv 中写明含义）`);
      return;
    }
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
    review.push(...(grid.notes ?? []));
    // The header: the first of the first six rows with a text column and two more known columns.
    let headerAt = -1;
    let fields: (Field | undefined)[] = [];
    for (let r = 0; r < Math.min(6, grid.rows.length); r++) {
      const f = fieldsOfHeader(grid.rows[r].cells, options.map);
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
    // No leader column is common (national style, many tables): the items are imported with none.
    const missing = (['no', 'text'] as Field[]).filter((f) => col(f) < 0);
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
    /** Items of several units with no lead unit written: the site takes the first as the lead. */
    const leadTakenFirst: number[] = [];
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
      const parts = subTasks(textVal, cellOf(cells, 'deadline'));
      const text = parts ? parts.map((p) => p.text).join('\n') : textVal.replace(/\n+/g, '');
      if (!text) err(row.line, headers[col('text')], 'LS-NTC-010');
      if (parts) {
        const whole = cellOf(cells, 'deadline').replace(/\s+/g, '');
        const replaced =
          whole && whole !== parts.map((p) => p.deadline).join('') ? `；完成时限列原写「${whole}」，以各子任务的时限代替` : '';
        review.push(
          `${grid.source} 第 ${row.line} 行（第 ${no} 项）：一行有 ${parts.length} 个子任务，导入为一项的 ${parts.length} 个子任务（序号不变），各自的完成时限：${parts.map((p, i) => `（${i + 1}）${p.text}——${p.deadline}`).join('；')}${replaced}`,
        );
      }
      const leaders = splitLeaders(cellOf(cells, 'leaders'));
      if (leaders.length === 0) review.push(`${grid.source} 第 ${row.line} 行（第 ${no} 项）：未列明牵头领导`);
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
      const co = expandUnits(cellOf(cells, 'co_units'), ctx, lead.prefix);
      const all = expandUnits(cellOf(cells, 'units'), ctx, co.prefix);
      for (const n of [...lead.notes, ...co.notes, ...all.notes]) review.push(`${grid.source} 第 ${row.line} 行：${n}`);
      const units = [...lead.names, ...co.names, ...all.names];
      if (units.length === 0) err(row.line, headers[col('units') >= 0 ? col('units') : col('lead_units')], 'LS-NTC-012');
      units.forEach(addUnit);
      if (col('lead_units') >= 0 && lead.names.length === 0 && units.length > 1) leadTakenFirst.push(no);
      const grouped = col('group') >= 0;
      if (grouped && groups.length === 0) err(row.line, headers[col('group')], 'LS-NTC-013');
      const deadline = parts ? parts.map((p) => p.deadline).join('\n') : cellOf(cells, 'deadline').replace(/\s+/g, '');
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
      if (col('deadline') >= 0 || parts) r.deadline = deadline;
      // The target cell goes to the indicator proposals (indicators.ts), not into tasks.csv or projects.csv.
      if (col('goal') >= 0) r.goal = cellOf(cells, 'goal');
      rows.push(r);
    }
    // A table without a deadline column whose sub-tasks gave deadlines: the column for every row.
    if (rows.some((r) => 'deadline' in r)) for (const r of rows) r.deadline ??= '';
    if (col('lead_units') < 0)
      review.push(
        `${grid.source}：没有单独的牵头单位列，各项以第一个责任单位为牵头单位（原文若以加黑等方式标出牵头单位，请在 lead_units 列补上）`,
      );
    else if (leadTakenFirst.length)
      review.push(
        `${grid.source}：未写明牵头单位的 ${leadTakenFirst.length} 项，以所列第一个责任单位为牵头单位：第 ${leadTakenFirst.join('、')} 项（原文若另有牵头单位，请在 lead_units 列补上）`,
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
  review.push(...(heading.notes ?? []));
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
  if (result.newCollectives.length)
    files.set(
      'collectives.csv',
      writeCsv(Object.keys(FILES.collectives.columns), [
        ...registries.collectives.map((name) => ({ name, meaning: registries.collectiveMeanings?.[name] ?? '' })),
        ...result.newCollectives,
      ]).text,
    );
  if (result.newLeaders.length)
    files.set('leaders.csv', writeCsv(Object.keys(FILES.leaders.columns), [...registries.leaders, ...result.newLeaders]).text);
  return files;
}
