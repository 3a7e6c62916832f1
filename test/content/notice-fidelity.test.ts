/**
 * The 2020 content must be a faithful transcription of the notice 市中政办发〔2020〕1号.
 *
 * This test reads the extracted notice text, kept in the repository beside the year's data
 * (content/2020/notice.txt, named by manifest.json's notice.text), with its own small parser
 * and derives every expected task and project row from it. It never derives an expectation from the CSV files it checks, so changing any transcribed cell of
 * content/2020/*.csv makes it fail.
 *
 * The text's tables are tab-indented cells, one per line. A cell's text may continue on
 * following lines that do not start with a tab (after a blank line, e.g. "各相关\n\n副区长");
 * blank lines otherwise separate rows, but not reliably (task 23 has blank lines inside its
 * row), so rows are found by their number cell instead: every row is
 *   [category/section cell] [sub-section cell] number [lead-in]? text leaders units
 * with the first row of 附件1 having a single (merged) section cell.
 */
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const CONTENT = path.resolve(__dirname, '../../content');
const SEED = path.join(CONTENT, '2020', JSON.parse(fs.readFileSync(path.join(CONTENT, '2020/manifest.json'), 'utf8')).notice.text);

// ---------------------------------------------------------------------------------------------
// Reading the notice
// ---------------------------------------------------------------------------------------------

/** One table cell: its physical lines, blank lines dropped. */
type Cell = string[];

function tableCells(lines: string[], startMarker: string, endMarker: string): Cell[] {
  const start = lines.indexOf(startMarker);
  const end = lines.indexOf(endMarker, start + 1);
  if (start < 0 || end < 0) throw new Error(`table markers not found: ${startMarker} … ${endMarker}`);
  const cells: Cell[] = [];
  for (const line of lines.slice(start + 1, end)) {
    if (line.startsWith('\t')) cells.push([line.slice(1)]);
    else if (line.trim() !== '') {
      if (cells.length === 0) throw new Error(`text before the first cell: ${line}`);
      cells[cells.length - 1].push(line);
    }
  }
  return cells;
}

const text = (cell: Cell): string => cell.join('');

interface SeedRow {
  no: number;
  /** Cells before the number: [section/category, sub-section/name], or one merged cell. */
  before: Cell[];
  /** Cells after the number: [lead-in]? text leaders units. */
  after: Cell[];
}

function numberedRows(cells: Cell[]): SeedRow[] {
  const at: number[] = [];
  cells.forEach((c, i) => {
    if (c.length === 1 && /^\d+$/.test(c[0])) at.push(i);
  });
  return at.map((pos, k) => ({
    no: Number(cells[pos][0]),
    before: k === 0 ? cells.slice(0, pos) : cells.slice(pos - 2, pos),
    after: cells.slice(pos + 1, k + 1 < at.length ? at[k + 1] - 2 : cells.length),
  }));
}

/** Leaders of one cell: alignment spaces removed, "各相关" + "副区长" rejoined. */
export function leaderNames(cell: Cell): string[] {
  const parts = cell.map((l) => l.replace(/[\s\u3000]+/g, '')).filter((l) => l !== '');
  const names: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === '各相关' && parts[i + 1] === '副区长') {
      names.push('各相关副区长');
      i++;
    } else names.push(parts[i]);
  }
  return names;
}

/** Bodies the notice never writes with the district prefix 区. */
const WITHOUT_DISTRICT_PREFIX = ['济南', '市中', '生态环境', '公安', '金鸡岭'];
/** How the name of an organisation (as opposed to a bare place name) ends. */
const ORGANISATION_ENDING = /(局|中心|委员会|集团|办|部|馆|联|队|单位|部门|办事处)$/;

/**
 * Expand a responsible-unit cell to full unit names, in order.
 * - Groups are separated by "，"; entries within a group by "、".
 * - A group ending in "…街道办事处" shares that suffix with its bare place names:
 *   "杆石桥、四里村、大观园街道办事处" → 杆石桥街道办事处, 四里村街道办事处, 大观园街道办事处.
 * - Every other entry carries the district prefix 区 unless it already has it, is a street
 *   office or collective reference (各…, 相关…, 涉农…), or is one of the bodies named without
 *   it (济南金融商务中心区（市中区）服务中心, 市中控股集团, 生态环境市中分局, …).
 * - A trailing 等 stays on the last entry: "妇联、人武部等" → 区妇联, 区人武部等.
 */
export function expandUnits(cell: string): string[] {
  const out: string[] = [];
  for (const group of cell.split('，')) {
    const entries = group.split('、');
    const sharedStreetSuffix = entries[entries.length - 1].endsWith('街道办事处');
    for (const entry of entries) {
      if (entry === '' || entry !== entry.trim()) throw new Error(`bad entry in "${cell}"`);
      const etc = entry.endsWith('等') ? '等' : '';
      const base = etc ? entry.slice(0, -1) : entry;
      let name = base;
      if (sharedStreetSuffix && !ORGANISATION_ENDING.test(base)) name = `${base}街道办事处`;
      else if (
        !base.startsWith('区') &&
        !base.startsWith('各') &&
        !base.endsWith('街道办事处') &&
        !WITHOUT_DISTRICT_PREFIX.some((p) => base.startsWith(p))
      )
        name = `区${base}`;
      out.push(name + etc);
    }
  }
  return out;
}

interface ExpectedTask {
  no: number;
  section: number;
  subsection: string;
  lead_in: string;
  target: string;
  leaders: string[];
  units: string[];
}
interface ExpectedProject {
  no: number;
  category: number;
  content: string;
  leaders: string[];
  units: string[];
}

const seedText = fs.readFileSync(SEED, 'utf8');
const seedLines = seedText.split('\n');

const seed = (() => {
  const table1 = tableCells(seedLines, '\t责任单位（加黑的为牵头单位）', '\t附件2');
  const table2 = tableCells(seedLines, '\t责任部门', '附件3');

  const sections: string[] = [];
  const tasks: ExpectedTask[] = [];
  let subsection = '';
  let leadIn = '';
  for (const row of numberedRows(table1)) {
    if (row.before.length === 1) {
      sections.push(text(row.before[0]));
      subsection = '';
    } else {
      if (row.before.length !== 2) throw new Error(`task ${row.no}: ${row.before.length} cells before`);
      if (text(row.before[0]) !== '') sections.push(text(row.before[0]));
      if (text(row.before[1]) !== '') subsection = text(row.before[1]);
    }
    let after = row.after;
    let rowLeadIn = '';
    if (after.length === 4) {
      // Tasks 24–25: a merged lead-in cell; the second row's copy of it is empty.
      rowLeadIn = text(after[0]) || leadIn;
      leadIn = rowLeadIn;
      after = after.slice(1);
    }
    if (after.length !== 3) throw new Error(`task ${row.no}: ${after.length} cells after the number`);
    tasks.push({
      no: row.no,
      section: sections.length,
      subsection,
      lead_in: rowLeadIn,
      target: text(after[0]),
      leaders: leaderNames(after[1]),
      units: expandUnits(text(after[2])),
    });
  }

  const categories: { numeral: string; name: string }[] = [];
  const projects: ExpectedProject[] = [];
  for (const row of numberedRows(table2)) {
    if (row.before.length !== 2 || row.after.length !== 3) throw new Error(`project ${row.no}: bad row`);
    if (text(row.before[0]) !== '') categories.push({ numeral: text(row.before[0]), name: text(row.before[1]) });
    projects.push({
      no: row.no,
      category: categories.length,
      content: text(row.after[0]),
      leaders: leaderNames(row.after[1]),
      units: expandUnits(text(row.after[2])),
    });
  }
  return { sections, tasks, categories, projects };
})();

// ---------------------------------------------------------------------------------------------
// Editorial decisions that the notice does not contain (reviewed by hand; see docs/FORMATS.md)
// ---------------------------------------------------------------------------------------------

/** 12100 project → the main task it repeats or is a named part of. Others have no link. */
const PROJECT_TASK: Record<number, number> = {
  1: 37, 2: 38, 3: 32, 4: 69, 6: 56, 9: 88, 10: 90, 11: 89, 25: 94, 27: 93, 28: 95,
  70: 58, 74: 58, 82: 73, 83: 73, 84: 74, 85: 75, 86: 72, 97: 56, 100: 59,
};

/** Stable ids (used in URLs, never to change) and kinds of the units named in the notice. */
const UNIT_IDS: Record<string, [id: string, kind: string]> = {
  区发改局: ['fagaiju', '区直部门'],
  区工信局: ['gongxinju', '区直部门'],
  区住建局: ['zhujianju', '区直部门'],
  区财政局: ['caizhengju', '区直部门'],
  区商务局: ['shangwuju', '区直部门'],
  区投促局: ['touchuju', '区直部门'],
  区人社局: ['rensheju', '区直部门'],
  区科技局: ['kejiju', '区直部门'],
  区自然资源局: ['ziranziyuanju', '区直部门'],
  区农业农村局: ['nongyenongcunju', '区直部门'],
  区水务局: ['shuiwuju', '区直部门'],
  区城管局: ['chengguanju', '区直部门'],
  区信访局: ['xinfangju', '区直部门'],
  区司法局: ['sifaju', '区直部门'],
  区应急管理局: ['yingjiju', '区直部门'],
  区市场监管局: ['shichangjianguanju', '区直部门'],
  区行政审批服务局: ['xingzhengshenpiju', '区直部门'],
  区文旅局: ['wenlvju', '区直部门'],
  区教体局: ['jiaotiju', '区直部门'],
  区卫健局: ['weijianju', '区直部门'],
  区民政局: ['minzhengju', '区直部门'],
  区民宗局: ['minzongju', '区直部门'],
  区退役军人事务局: ['tuiyijunrenju', '区直部门'],
  区医保局: ['yibaoju', '区直部门'],
  区档案馆: ['danganguan', '区直部门'],
  区重点工程服务中心: ['zhongdian-gongcheng', '区直部门'],
  区金融事业发展中心: ['jinrong-shiye', '区直部门'],
  区园区发展委员会: ['yuanqu-fazhan', '区直部门'],
  区创新设计产业园区服务中心: ['chuangxin-sheji', '区直部门'],
  区大学科技园服务中心: ['daxue-kejiyuan', '区直部门'],
  区规划协调服务中心: ['guihua-xietiao', '区直部门'],
  区房屋征收服务中心: ['fangwu-zhengshou', '区直部门'],
  区园林绿化服务中心: ['yuanlin-lvhua', '区直部门'],
  区市政设施运行中心: ['shizheng-sheshi', '区直部门'],
  区体育事业发展中心: ['tiyu-shiye', '区直部门'],
  区老年事业发展中心: ['laonian-shiye', '区直部门'],
  区委宣传部: ['xuanchuanbu', '区直部门'],
  区人才办: ['rencaiban', '区直部门'],
  区扫黑办: ['saoheiban', '区直部门'],
  区文明办: ['wenmingban', '区直部门'],
  区乡村振兴办: ['xiangcun-zhenxing', '区直部门'],
  区热线办: ['rexianban', '区直部门'],
  区台办: ['taiban', '区直部门'],
  区侨办: ['qiaoban', '区直部门'],
  区妇联: ['fulian', '区直部门'],
  区残联: ['canlian', '区直部门'],
  区人武部: ['renwubu', '其他'],
  区道路建设指挥部: ['daolu-jianshe', '其他'],
  金鸡岭片区综合整治工作指挥部: ['jinjiling-zhihuibu', '其他'],
  '济南金融商务中心区（市中区）服务中心': ['jinrong-shangwu', '其他'],
  济南新城工业基地服务中心: ['xincheng-gongye', '其他'],
  市中控股集团: ['shizhong-konggu', '其他'],
  生态环境市中分局: ['shengtai-huanjing', '其他'],
  公安市中分局: ['gongan', '其他'],
  市中交警大队: ['jiaojing', '其他'],
  六里山街道办事处: ['liulishan', '街道办事处'],
  杆石桥街道办事处: ['gangshiqiao', '街道办事处'],
  四里村街道办事处: ['silicun', '街道办事处'],
  大观园街道办事处: ['daguanyuan', '街道办事处'],
  魏家庄街道办事处: ['weijiazhuang', '街道办事处'],
  泺源街道办事处: ['luoyuan', '街道办事处'],
  兴隆街道办事处: ['xinglong', '街道办事处'],
  十六里河街道办事处: ['shiliulihe', '街道办事处'],
  党家街道办事处: ['dangjia', '街道办事处'],
  白马山街道办事处: ['baimashan', '街道办事处'],
  陡沟街道办事处: ['dougou', '街道办事处'],
};

const LEADER_IDS: Record<string, string> = {
  孟庆顺: 'mengqingshun',
  程伟: 'chengwei',
  付华: 'fuhua',
  闫勇: 'yanyong',
  殷继明: 'yinjiming',
  马金霞: 'majinxia',
  李咸梁: 'lixianliang',
  各相关副区长: 'gexiangguan-fuquzhang',
};

// ---------------------------------------------------------------------------------------------
// Reading the content
// ---------------------------------------------------------------------------------------------

type Row = Record<string, string>;

function readRaw(rel: string): string {
  return fs.readFileSync(path.join(CONTENT, rel), 'utf8');
}
function readCsv(rel: string): { header: string[]; rows: Row[] } {
  const raw = readRaw(rel);
  const records = parse(raw, { relax_column_count: false }) as string[][];
  const [header, ...body] = records;
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}
const list = (v: string): string[] => (v === '' ? [] : v.split('、'));

/** Minimal quoting, as csv-stringify writes by default. */
function stringifyCsv(records: string[][]): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return records.map((r) => r.map(field).join(',')).join('\n') + '\n';
}

const FILES: Record<string, string[]> = {
  'units.csv': ['id', 'name', 'full_name', 'kind', 'aliases'],
  'leaders.csv': ['id', 'name', 'title', 'collective'],
  'collectives.csv': ['name', 'meaning'],
  '2020/sections.csv': ['no', 'name'],
  '2020/categories.csv': ['no', 'numeral', 'name'],
  '2020/tasks.csv': ['no', 'section', 'subsection', 'lead_in', 'target', 'leaders', 'units', 'lead_units'],
  '2020/projects.csv': ['no', 'category', 'content', 'leaders', 'units', 'lead_units', 'task'],
};

const units = readCsv('units.csv').rows;
const leaders = readCsv('leaders.csv').rows;
const collectives = readCsv('collectives.csv').rows;
const sections = readCsv('2020/sections.csv').rows;
const categories = readCsv('2020/categories.csv').rows;
const tasks = readCsv('2020/tasks.csv').rows;
const projects = readCsv('2020/projects.csv').rows;

const seedUnitEntries = [...seed.tasks, ...seed.projects].flatMap((r) => r.units).map((u) => u.replace(/等$/, ''));
const isCollectiveEntry = (u: string) => /^(各|相关|涉农|区政府)/.test(u);

// ---------------------------------------------------------------------------------------------

describe('the seed parser', () => {
  it('expands shared prefixes and suffixes as the notice intends', () => {
    expect(expandUnits('区发改局、住建局、工信局')).toEqual(['区发改局', '区住建局', '区工信局']);
    expect(expandUnits('区工信局，杆石桥、四里村、大观园街道办事处')).toEqual([
      '区工信局',
      '杆石桥街道办事处',
      '四里村街道办事处',
      '大观园街道办事处',
    ]);
    expect(expandUnits('区园区发展委员会、市中控股集团，十六里河、兴隆街道办事处')).toEqual([
      '区园区发展委员会',
      '市中控股集团',
      '十六里河街道办事处',
      '兴隆街道办事处',
    ]);
    expect(expandUnits('生态环境市中分局、区住建局、城管局、市中交警大队、各街道办事处')).toEqual([
      '生态环境市中分局',
      '区住建局',
      '区城管局',
      '市中交警大队',
      '各街道办事处',
    ]);
    expect(expandUnits('区投促局、各相关街道办事处')).toEqual(['区投促局', '各相关街道办事处']);
    expect(expandUnits('区妇联、人武部等')).toEqual(['区妇联', '区人武部等']);
    expect(expandUnits('区重点工程服务中心、市中控股集团、六里山街道办事处')).toEqual([
      '区重点工程服务中心',
      '市中控股集团',
      '六里山街道办事处',
    ]);
  });

  it('joins split leader cells and removes alignment spaces', () => {
    expect(leaderNames(['各相关', '副区长'])).toEqual(['各相关副区长']);
    expect(leaderNames(['孟庆顺', '付  华'])).toEqual(['孟庆顺', '付华']);
  });

  it('finds 102 tasks in 8 sections and 100 projects in 12 categories', () => {
    expect(seed.tasks.map((t) => t.no)).toEqual(Array.from({ length: 102 }, (_, i) => i + 1));
    expect(seed.sections).toHaveLength(8);
    expect(seed.projects.map((p) => p.no)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(seed.categories).toHaveLength(12);
    expect(seed.tasks[3].leaders).toEqual(['孟庆顺', '付华']);
    expect(seed.tasks[24].lead_in).toBe('举全区之力推进“一带一城”建设。');
  });
});

describe('file format', () => {
  for (const [file, header] of Object.entries(FILES)) {
    it(`${file}: exact header, UTF-8 without BOM, LF, minimal quoting, clean cells`, () => {
      const raw = readRaw(file);
      expect(raw.charCodeAt(0)).not.toBe(0xfeff);
      expect(raw).not.toContain('\r');
      expect(raw.endsWith('\n')).toBe(true);
      expect(raw).not.toMatch(/\n\n/);
      const records = parse(raw) as string[][];
      expect(records[0]).toEqual(header);
      expect(stringifyCsv(records)).toBe(raw);
      for (const record of records)
        for (const cell of record) {
          expect(cell).toBe(cell.trim());
          expect(cell).not.toContain('\u3000');
        }
    });
  }
});

describe('2020 tasks (附件1)', () => {
  it('sections.csv holds the eight section headings in order', () => {
    expect(sections).toEqual(seed.sections.map((name, i) => ({ no: String(i + 1), name })));
  });

  it('tasks.csv has tasks 1..102', () => {
    expect(tasks.map((t) => t.no)).toEqual(Array.from({ length: 102 }, (_, i) => String(i + 1)));
  });

  it('every task row matches the notice cell by cell', () => {
    const expected = seed.tasks.map((t) => ({
      no: String(t.no),
      section: String(t.section),
      subsection: t.subsection,
      lead_in: t.lead_in,
      target: t.target,
      leaders: t.leaders.join('、'),
      units: t.units.join('、'),
      lead_units: '',
    }));
    for (let i = 0; i < Math.max(expected.length, tasks.length); i++) expect(tasks[i], `task ${i + 1}`).toEqual(expected[i]);
  });
});

describe('2020 12100 projects (附件2)', () => {
  it('categories.csv holds the twelve categories in order', () => {
    expect(categories).toEqual(
      seed.categories.map((c, i) => ({ no: String(i + 1), numeral: c.numeral, name: c.name })),
    );
  });

  it('projects.csv has projects 1..100', () => {
    expect(projects.map((p) => p.no)).toEqual(Array.from({ length: 100 }, (_, i) => String(i + 1)));
  });

  it('every project row matches the notice cell by cell', () => {
    const expected = seed.projects.map((p) => ({
      no: String(p.no),
      category: String(p.category),
      content: p.content,
      leaders: p.leaders.join('、'),
      units: p.units.join('、'),
      lead_units: '',
      task: PROJECT_TASK[p.no] ? String(PROJECT_TASK[p.no]) : '',
    }));
    for (let i = 0; i < Math.max(expected.length, projects.length); i++)
      expect(projects[i], `project ${i + 1}`).toEqual(expected[i]);
  });

  it('each linked task shares wording with its project', () => {
    const bare = (s: string) => s.replace(/[，。、“”（）,\s]/g, '');
    for (const [p, t] of Object.entries(PROJECT_TASK)) {
      const content = bare(seed.projects[Number(p) - 1].content);
      const target = bare(seed.tasks[t - 1].target);
      const shared = Array.from({ length: content.length - 3 }, (_, i) => content.slice(i, i + 4)).some((s) =>
        target.includes(s),
      );
      expect(shared, `project ${p} → task ${t}`).toBe(true);
    }
  });
});

describe('registries', () => {
  const names = new Map<string, string>(); // name or alias → unit name
  for (const u of units) for (const n of [u.name, ...list(u.aliases)]) names.set(n, u.name);

  it('unit ids are unique lowercase ASCII slugs; kinds are allowed', () => {
    const ids = units.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const u of units) expect(['区直部门', '街道办事处', '其他']).toContain(u.kind);
  });

  it('unit names and aliases are unique across the file and distinct from collectives', () => {
    const all = units.flatMap((u) => [u.name, ...list(u.aliases)]);
    expect(all.filter((n, i) => all.indexOf(n) !== i)).toEqual([]);
    for (const c of collectives) expect(names.has(c.name), c.name).toBe(false);
  });

  it('every unit the notice names is registered with its pinned id and kind', () => {
    const seedUnits = new Set(seedUnitEntries.filter((u) => !isCollectiveEntry(u)));
    // 陡沟 is named only in the texts of projects 95 and 99 ("…党家、陡沟街道…").
    expect(seedText).toContain('陡沟街道');
    seedUnits.add('陡沟街道办事处');
    expect(new Set(units.map((u) => u.name))).toEqual(seedUnits);
    for (const u of units) expect([u.id, u.kind], u.name).toEqual(UNIT_IDS[u.name]);
    expect(units).toHaveLength(Object.keys(UNIT_IDS).length);
  });

  it('full names and aliases follow the naming rules', () => {
    for (const u of units) {
      const aliases = list(u.aliases);
      if (u.kind === '街道办事处') {
        const place = u.name.replace(/街道办事处$/, '');
        expect(u.full_name).toBe(`济南市市中区人民政府${u.name}`);
        expect(aliases).toEqual([`${place}街道`, place]);
      } else if (u.name.startsWith('区')) {
        expect(u.full_name).toMatch(/^(济南市市中区|中共济南市市中区委)\S+$/);
        expect(aliases[0]).toBe(u.name.startsWith('区委') ? u.name.slice(2) : u.name.slice(1));
      } else expect(u.full_name).not.toBe('');
      // A short form or alias only uses characters of the full name (发改局 ⊂ 济南市市中区发展和改革局).
      const full = new Set(u.full_name.replace(/（/g, '(').replace(/）/g, ')'));
      for (const n of [u.name, ...aliases]) {
        const missing = [...n.replace(/（/g, '(').replace(/）/g, ')')].filter((ch) => !full.has(ch));
        expect(missing, `${u.name}: ${n} vs ${u.full_name}`).toEqual([]);
      }
    }
  });

  it('collectives.csv holds exactly the collective references of the notice', () => {
    const seedCollectives = new Set(seedUnitEntries.filter(isCollectiveEntry));
    expect(new Set(collectives.map((c) => c.name))).toEqual(seedCollectives);
    expect(collectives).toHaveLength(seedCollectives.size);
    for (const c of collectives) expect(c.meaning).not.toBe('');
  });

  it('leaders.csv holds exactly the leaders of the notice', () => {
    const seedLeaders = new Set([...seed.tasks, ...seed.projects].flatMap((r) => r.leaders));
    expect(new Set(leaders.map((l) => l.name))).toEqual(seedLeaders);
    expect(leaders).toHaveLength(seedLeaders.size);
    for (const l of leaders) {
      expect(l.id, l.name).toBe(LEADER_IDS[l.name]);
      expect(l.title).toBe('副区长');
      expect(l.collective).toBe(l.name === '各相关副区长' ? '是' : '否');
    }
  });

  it('every unit and leader used in tasks and projects is registered', () => {
    const collectiveNames = new Set(collectives.map((c) => c.name));
    const leaderNames_ = new Set(leaders.map((l) => l.name));
    for (const row of [...tasks, ...projects]) {
      const entries = list(row.units);
      entries.forEach((entry, i) => {
        const name = i === entries.length - 1 ? entry.replace(/等$/, '') : entry;
        expect(names.has(name) || collectiveNames.has(name), `${row.no}: ${entry}`).toBe(true);
      });
      for (const l of list(row.leaders)) expect(leaderNames_.has(l), `${row.no}: ${l}`).toBe(true);
    }
  });
});

describe('site and manifest', () => {
  const site = JSON.parse(readRaw('site.json'));
  const manifest = JSON.parse(readRaw('2020/manifest.json'));

  it('name the publisher and notice as the notice does', () => {
    expect(seedText).toContain(site.publisher);
    expect(manifest.year).toBe(2020);
    expect(seedLines).toContain(manifest.notice.doc_no);
    // The title block: from the line before "关于对…" to the line ending in 通知, blank lines dropped.
    const t = seedLines.findIndex((l) => l.startsWith('关于对2020年'));
    const e = seedLines.findIndex((l, i) => i >= t && l.endsWith('通知'));
    expect(manifest.notice.title).toBe(seedLines.slice(t - 1, e + 1).join(''));
    expect(seedText).toContain(`（${manifest.notice.publicity}）`);
    const [y, m, d] = manifest.notice.date.split('-').map(Number);
    expect(seedText).toContain(`${y}年${m}月${d}日印发`);
    expect(manifest.sample).toBe(true);
  });
});
