/**
 * A deterministic synthetic content folder, for benchmarks and scale tests: what a city would
 * publish if it put all its districts on one luoshi site.
 *
 * One content folder is one site. "Districts" are modelled inside that one folder: each
 * district contributes its own departments and streets to units.csv, its own deputy heads to
 * leaders.csv, and its own tasks and projects to every year (numbered on across districts:
 * T1…Tn, P1…Pn). That is the only way the current content model can hold several districts in
 * one build, and it is the case that has to scale; separate district sites are just several
 * builds of the bundled size.
 *
 * Pure: `syntheticContent` returns the files as path → text; `writeSyntheticContent` writes
 * them. Same parameters and seed, same bytes. The text is Chinese, built from phrase pools with
 * place names and numbers, so that a search for a place or a kind of project finds a few
 * items, not all or none. Every file passes `loadContent` with no issue when loaded with
 * `today` ≥ `syntheticToday(params)`.
 */
import { mulberry32 } from '../../office/sample/random.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LIBRARY_CALENDAR, monthsOfYear, nextMonth } from '../../src/core/model/calendar.ts';
import { CONTENT_FIELDS } from '../../office/forms/forms.ts';
import { placeholderSite } from '../../office/scaffold.ts';
import { LuoshiError } from '../../src/core/errors/errors.ts';

export interface SyntheticParams {
  /** Districts on the site; each adds ~36 units, 6 leaders and `itemsPerYear` items a year. */
  districts: number;
  /** Years, one folder each, from `firstYear` on. */
  years: number;
  /** Items (tasks and projects, about half each) per district per year. */
  itemsPerYear: number;
  /** Months reported per year, 1–12 (January on). */
  months: number;
  firstYear?: number;
  seed?: number;
}

/** ~5,000 items and ~60,000 monthly report rows: the size issue 8 asks a build to handle. */
export const DEFAULT_SYNTHETIC: Required<SyntheticParams> = {
  districts: 10,
  years: 5,
  itemsPerYear: 100,
  months: 12,
  firstYear: 2020,
  seed: 8,
};

export interface SyntheticStats {
  units: number;
  leaders: number;
  items: number;
  plans: number;
  reports: number;
  files: number;
  bytes: number;
}

export interface SyntheticContent {
  files: Map<string, string>;
  stats: SyntheticStats;
  /** Load with this date (or later): every year's data date is on or before it. */
  today: string;
}

class Rand {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `n` distinct elements, in random order. */
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }
}

// ---------------------------------------------------------------- phrase pools

const DISTRICT_A = [
  '东',
  '西',
  '南',
  '北',
  '青',
  '金',
  '云',
  '龙',
  '凤',
  '白',
  '石',
  '海',
  '松',
  '桂',
  '兰',
  '梅',
  '清',
  '安',
  '翠',
  '明',
];
const DISTRICT_B = ['山', '湖', '川', '林', '港', '原', '阳', '溪', '峰', '川口'];

/** Department: short name, id stem, full name. */
const DEPARTMENTS: [string, string, string][] = [
  ['发改局', 'fagaiju', '发展和改革局'],
  ['工信局', 'gongxinju', '工业和信息化局'],
  ['教体局', 'jiaotiju', '教育和体育局'],
  ['科技局', 'kejiju', '科学技术局'],
  ['民政局', 'minzhengju', '民政局'],
  ['司法局', 'sifaju', '司法局'],
  ['财政局', 'caizhengju', '财政局'],
  ['人社局', 'rensheju', '人力资源和社会保障局'],
  ['住建局', 'zhujianju', '住房和城乡建设局'],
  ['城管局', 'chengguanju', '城市管理局'],
  ['交通局', 'jiaotongju', '交通运输局'],
  ['水务局', 'shuiwuju', '水务局'],
  ['农业农村局', 'nongyeju', '农业农村局'],
  ['商务局', 'shangwuju', '商务局'],
  ['文旅局', 'wenlvju', '文化和旅游局'],
  ['卫健局', 'weijianju', '卫生健康局'],
  ['退役军人局', 'tuiyiju', '退役军人事务局'],
  ['应急局', 'yingjiju', '应急管理局'],
  ['审计局', 'shenjiju', '审计局'],
  ['市场监管局', 'shichangju', '市场监督管理局'],
  ['统计局', 'tongjiju', '统计局'],
  ['医保局', 'yibaoju', '医疗保障局'],
  ['投促局', 'touchuju', '投资促进局'],
  ['行政审批局', 'shenpiju', '行政审批服务局'],
  ['大数据局', 'dashujuju', '大数据局'],
  ['生态环境分局', 'huanbaoju', '生态环境分局'],
  ['自然资源分局', 'ziranju', '自然资源分局'],
  ['重点工程服务中心', 'zhongdian', '重点工程服务中心'],
  ['金融服务中心', 'jinrong', '金融服务中心'],
  ['控股集团', 'konggu', '国有资产控股集团'],
];
const STREET_A = [
  '六里',
  '七贤',
  '杆石',
  '大观',
  '魏家',
  '泉城',
  '舜耕',
  '王官',
  '白马',
  '党家',
  '兴隆',
  '十六',
  '二七',
  '四里',
  '青龙',
  '金鸡',
];
const STREET_B = ['山', '桥', '庄', '园', '岭', '湾'];
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
  '梁',
  '宋',
  '郑',
  '谢',
  '韩',
  '唐',
  '冯',
  '于',
  '董',
  '萧',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '慧',
  '建国',
  '志强',
  '海燕',
  '晓东',
  '文博',
  '雪梅',
  '立新',
  '国庆',
  '春华',
  '振宇',
];
const COLLECTIVES: [string, string][] = [
  ['相关街道办事处', '与该事项有关的街道办事处，未逐一列名'],
  ['各街道办事处', '全部街道办事处'],
  ['涉农街道办事处', '辖区内有农村社区的街道办事处'],
  ['区政府各责任部门', '承担该事项的区政府各部门'],
  ['区政府有关部门', '与该事项有关的区政府部门'],
  ['各责任单位', '该事项的全部责任单位'],
];

const SECTIONS = [
  '经济社会发展主要预期目标',
  '聚焦产业升级，狠抓动能转换，在推动高质量发展上实现新提升。',
  '聚焦改革开放，狠抓招商引资，在增强发展活力上实现新提升。',
  '聚焦城市更新，狠抓项目建设，在优化城市功能上实现新提升。',
  '聚焦乡村振兴，狠抓农业农村，在城乡融合发展上实现新提升。',
  '聚焦生态环境，狠抓污染防治，在建设美丽城区上实现新提升。',
  '聚焦民生福祉，狠抓社会事业，在增进群众获得感上实现新提升。',
  '聚焦作风建设，狠抓政府自身，在提升治理能力上实现新提升。',
];
const CATEGORIES: [string, string][] = [
  ['一', '居住舒心工程'],
  ['二', '教育惠民工程'],
  ['三', '健康保障工程'],
  ['四', '就业创业工程'],
  ['五', '出行便捷工程'],
  ['六', '环境宜居工程'],
  ['七', '文化惠民工程'],
  ['八', '养老助残工程'],
  ['九', '平安建设工程'],
  ['十', '便民服务工程'],
  ['十一', '食品安全工程'],
  ['十二', '乡村振兴工程'],
];
const SUBSECTIONS = [
  '推进传统产业现代化。',
  '培育壮大新兴产业。',
  '加快城市有机更新。',
  '完善基础设施配套。',
  '提升公共服务水平。',
  '深化重点领域改革。',
  '加强生态环境保护。',
  '办好民生实事。',
];

const PLACE_A = [
  '经四',
  '纬二',
  '英雄山',
  '舜耕',
  '二环南',
  '玉函',
  '马鞍山',
  '青年',
  '土屋',
  '望岳',
  '兴隆',
  '党杨',
  '刘长山',
  '郎茂山',
  '阳光新',
  '七里山',
  '南辛庄',
  '泺源',
  '玉符河',
  '卧虎山',
  '锦绣川',
  '柳埠',
  '仲宫',
  '西营',
  '华山',
  '鹊山',
  '黄岗',
  '白马山',
  '腊山',
  '京沪',
];
const PLACE_B = ['路', '大街', '片区', '社区', '园区', '小区', '街区', '村', '河段', '公园'];
const INDUSTRIES = [
  '新一代信息技术',
  '高端装备制造',
  '生物医药',
  '金融服务',
  '现代物流',
  '文化创意',
  '数字经济',
  '总部经济',
  '人工智能',
  '新能源汽车零部件',
  '智能家居',
  '检验检测',
];
const TASK_TEMPLATES: ((r: Rand, p: () => string, n: (a: number, b: number) => number) => string)[] = [
  (r, p, n) =>
    `加快${p()}${r.pick(['棚户区', '城中村', '老旧小区'])}改造，完成${n(200, 3000)}户征收搬迁，开工建设安置房${n(300, 2500)}套。`,
  (r, p, n) =>
    `推进${p()}${r.pick(['道路', '桥梁', '雨污分流管网', '供热管网', '燃气管网'])}工程建设，新建改造${n(2, 30)}公里，年底前${r.pick(['主体完工', '建成通车', '投入使用'])}。`,
  (r, p, n) => `培育${r.pick(INDUSTRIES)}产业集群，引进${r.pick(INDUSTRIES)}企业${n(3, 40)}家，产业规模达到${n(20, 300)}亿元。`,
  (r, p, n) =>
    `新建、改扩建${p()}${r.pick(['幼儿园', '小学', '初中', '九年一贯制学校'])}${n(1, 6)}所，新增学位${n(500, 5000)}个。`,
  (r, p, n) =>
    `实施${p()}${r.pick(['山体绿化', '河道综合治理', '口袋公园建设', '裸露土地覆绿'])}工程，完成面积${n(5, 300)}万平方米。`,
  (r, p, n) =>
    `建设${p()}${r.pick(['社区卫生服务中心', '养老服务中心', '日间照料中心', '社区食堂'])}${n(1, 12)}处，服务居民${n(1, 20)}万人。`,
  (r, p, n) =>
    `完成固定资产投资${n(50, 600)}亿元，其中${r.pick(INDUSTRIES)}项目投资${n(10, 120)}亿元，新开工重点项目${n(5, 60)}个。`,
  (r, p, n) =>
    `深化“放管服”改革，${r.pick(['企业开办', '工程建设项目审批', '不动产登记', '政务服务'])}时间压缩至${n(1, 20)}个工作日以内，${n(80, 100)}%事项实现“一网通办”。`,
  (r, p, n) => `新增城镇就业${n(3000, 20000)}人，开展职业技能培训${n(2000, 15000)}人次，扶持创业${n(200, 3000)}人。`,
  (r, p, n) =>
    `打造${p()}${r.pick(['特色商业街区', '夜间经济集聚区', '文化旅游街区', '科创孵化基地'])}，引进${r.pick(['品牌首店', '科技型企业', '文创企业', '研发机构'])}${n(5, 80)}家。`,
  (r, p, n) =>
    `推进${p()}${r.pick(['垃圾分类', '污水处理', '黑臭水体整治', '扬尘治理'])}，${r.pick(['覆盖率', '达标率', '处理率'])}达到${n(85, 100)}%。`,
  (r, p, n) => `加装既有住宅电梯${n(20, 200)}部，改造${p()}等老旧小区${n(5, 60)}个、${n(2000, 20000)}户。`,
];
const PROGRESS = [
  (p: () => string, n: (a: number, b: number) => number, m: number) =>
    `${m}月完成${p()}现场踏勘和方案设计，累计完成年度目标的${n(5, 95)}%。`,
  (p: () => string, n: (a: number, b: number) => number, m: number) =>
    `已完成投资${n(1, 50)}亿元，${p()}主体工程进度达${n(10, 100)}%，${m}月新增开工${n(1, 9)}处。`,
  (p: () => string, n: (a: number, b: number) => number, _m: number) =>
    `召开${p()}协调推进会${n(1, 4)}次，解决居民诉求${n(3, 90)}件，签约${n(10, 900)}户。`,
  (p: () => string, n: (a: number, b: number) => number, m: number) =>
    `${m}月组织${p()}专项督导，整改问题${n(2, 60)}项，群众满意度${n(85, 99)}%。`,
  (p: () => string, n: (a: number, b: number) => number, _m: number) =>
    `完成招标采购，施工单位已进场，${p()}段累计完成工程量${n(10, 100)}%。`,
  (p: () => string, n: (a: number, b: number) => number, m: number) =>
    `新引进项目${n(1, 12)}个，${p()}储备项目${n(3, 40)}个，${m}月到位资金${n(1, 30)}亿元。`,
];
const PROBLEMS = [
  '无',
  '',
  '部分居民意见不统一，协调难度较大',
  '资金拨付进度偏慢',
  '受天气影响，室外施工进度滞后',
  '土地手续尚未办结',
  '管线迁改涉及多个产权单位',
  '招标流程较长',
];
const NEXT_STEPS = [
  '按计划推进',
  '加强入户协调，争取群众支持',
  '倒排工期，加快施工进度',
  '协调财政部门加快资金拨付',
  '会同相关部门办理用地手续',
  '组织专项调度，压实责任',
  '',
];
const QUARTER = [
  '完成前期手续和方案编制',
  '开工建设，完成年度任务的30%',
  '完成主体工程，完成年度任务的70%',
  '全面完成年度任务并组织验收',
];

// ---------------------------------------------------------------- CSV

function cell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csv(header: string[], rows: string[][]): string {
  return [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The build date to load the synthetic content with. */
export function syntheticToday(params: SyntheticParams): string {
  const p = { ...DEFAULT_SYNTHETIC, ...params };
  return `${p.firstYear + p.years}-06-30`;
}

interface District {
  no: number;
  name: string;
  units: { id: string; name: string; street: boolean }[];
  leaders: string[];
}

export function syntheticContent(params: SyntheticParams): SyntheticContent {
  const p = { ...DEFAULT_SYNTHETIC, ...params };
  if (p.months < 1 || p.months > 12) throw new LuoshiError('months must be 1–12');
  if (p.districts < 1 || p.years < 1 || p.itemsPerYear < 2) throw new LuoshiError('districts ≥ 1, years ≥ 1, itemsPerYear ≥ 2');
  const r = new Rand(p.seed);
  const files = new Map<string, string>();
  const stats: SyntheticStats = { units: 0, leaders: 0, items: 0, plans: 0, reports: 0, files: 0, bytes: 0 };
  const city = '合成市';
  files.set(
    'site.json',
    JSON.stringify(
      placeholderSite({
        publisher: `${city}人民政府办公室（基准测试合成数据）`,
        office: '市政府督查室',
        district: city,
        title: `${city}政府工作报告任务落实公开（合成数据）`,
        sponsor: `${city}人民政府办公室`,
        operator: '市政府督查室',
        licenceText: '合成数据，仅用于基准测试。',
      }),
      null,
      2,
    ) + '\n',
  );

  // Registries: every district's departments, streets and deputy heads.
  const districtNames: string[] = [];
  for (const b of DISTRICT_B) for (const a of DISTRICT_A) districtNames.push(`${a}${b}`);
  const districts: District[] = [];
  const unitRows: string[][] = [];
  const leaderRows: string[][] = [['gexiangguan', '各相关副区长', '副区长', '是']];
  const usedNames = new Set<string>(['各相关副区长']);
  for (let d = 1; d <= p.districts; d++) {
    const short =
      districtNames[(d - 1) % districtNames.length] +
      (d > districtNames.length ? String(Math.ceil(d / districtNames.length)) : '');
    const name = `${short}区`;
    const district: District = { no: d, name, units: [], leaders: [] };
    for (const [dept, id, full] of DEPARTMENTS) {
      const unitName = `${name}${dept}`;
      unitRows.push([`d${d}-${id}`, unitName, `${city}${name}${full}`, '区直部门', `${short}${dept}`]);
      district.units.push({ id: `d${d}-${id}`, name: unitName, street: false });
    }
    for (const [i, st] of r
      .sample(
        STREET_A.flatMap((a) => STREET_B.map((b) => `${a}${b}`)),
        6,
      )
      .entries()) {
      const unitName = `${name}${st}街道办事处`;
      unitRows.push([`d${d}-jd${i + 1}`, unitName, `${city}${name}人民政府${st}街道办事处`, '街道办事处', `${short}${st}街道`]);
      district.units.push({ id: `d${d}-jd${i + 1}`, name: unitName, street: true });
    }
    for (let j = 1; j <= 6; j++) {
      let person: string;
      do person = `${r.pick(SURNAMES)}${r.pick(GIVEN)}${usedNames.size > 400 ? r.pick(GIVEN) : ''}`;
      while (usedNames.has(person));
      usedNames.add(person);
      leaderRows.push([`d${d}-l${j}`, person, j === 1 ? '区长' : '副区长', '否']);
      district.leaders.push(person);
    }
    districts.push(district);
  }
  files.set('units.csv', csv(['id', 'name', 'full_name', 'kind', 'aliases'], unitRows));
  files.set('leaders.csv', csv(['id', 'name', 'title', 'collective'], leaderRows));
  files.set('collectives.csv', csv(['name', 'meaning'], COLLECTIVES));
  stats.units = unitRows.length;
  stats.leaders = leaderRows.length;

  const place = () => `${r.pick(PLACE_A)}${r.pick(PLACE_B)}`;
  const deadlines = new Map<string, string>();
  const deadlineOf = (month: string) => deadlines.get(month) ?? deadlines.set(month, LIBRARY_CALENDAR.reportDeadline(month)).get(month)!;
  const num = (a: number, b: number) => r.int(a, b);

  for (let y = 0; y < p.years; y++) {
    const year = p.firstYear + y;
    const months = monthsOfYear(year).slice(0, p.months);
    const lastMonth = months.at(-1)!;
    // The data date: the 20th of the month after the last reported one, past every deadline.
    const dataDate = `${nextMonth(lastMonth)}-20`;
    const dir = String(year);
    files.set(
      `${dir}/manifest.json`,
      JSON.stringify(
        {
          year,
          notice: {
            doc_no: `合成政办发〔${year}〕${num(1, 30)}号`,
            title: `${city}人民政府办公室关于对${year}年《政府工作报告》主要任务目标立项督查的通知`,
            date: `${year}-02-17`,
            publicity: '此件公开发布',
          },
          data_date: dataDate,
          sample: true,
          sample_note: '本年度全部内容为基准测试程序生成的合成数据，不代表任何真实地区、单位或人员。',
          programme: { name: '民生实事项目', slug: 'minsheng', item_label: '民生', categories: true },
        },
        null,
        2,
      ) + '\n',
    );
    files.set(
      `${dir}/sections.csv`,
      csv(
        ['no', 'name'],
        SECTIONS.map((s, i) => [String(i + 1), s]),
      ),
    );
    files.set(
      `${dir}/categories.csv`,
      csv(
        ['no', 'numeral', 'name'],
        CATEGORIES.map(([n, c], i) => [String(i + 1), n, c]),
      ),
    );

    const taskRows: string[][] = [];
    const projectRows: string[][] = [];
    const planRows: string[][] = [];
    const reportRows: string[][][] = months.map(() => []);
    for (const district of districts) {
      const tasks = Math.ceil(p.itemsPerYear / 2);
      for (let k = 0; k < p.itemsPerYear; k++) {
        const isTask = k < tasks;
        const no = isTask ? taskRows.length + 1 : projectRows.length + 1;
        const key = `${isTask ? 'T' : 'P'}${no}`;
        const text = `${district.name}${r.pick(TASK_TEMPLATES)(r, place, num)}`;
        const depts = district.units.filter((u) => !u.street);
        const streets = district.units.filter((u) => u.street);
        const units = [...r.sample(depts, num(1, 3)), ...r.sample(streets, r.chance(0.4) ? num(1, 2) : 0)];
        const lead = units[0];
        const unitList = units.map((u) => u.name);
        if (r.chance(0.15)) unitList.push(r.pick(COLLECTIVES)[0]);
        else if (r.chance(0.05)) unitList[unitList.length - 1] += '等';
        const leaders = r.chance(0.1) ? ['各相关副区长'] : r.sample(district.leaders, num(1, 2));
        if (isTask) {
          taskRows.push([
            String(no),
            String(num(1, SECTIONS.length)),
            r.chance(0.6) ? r.pick(SUBSECTIONS) : '',
            '',
            text,
            leaders.join('、'),
            unitList.join('、'),
            '',
          ]);
        } else {
          const linked = r.chance(0.2) ? String(taskRows.length - num(0, tasks - 1)) : '';
          projectRows.push([
            String(no),
            String(num(1, CATEGORIES.length)),
            text,
            leaders.join('、'),
            unitList.join('、'),
            '',
            linked,
          ]);
        }
        const principal = `${r.pick(SURNAMES)}${r.pick(GIVEN)}`;
        planRows.push([
          key,
          lead.name,
          ...QUARTER.map((q, i) => `${['一', '二', '三', '四'][i]}季度：${q}；${place()}按月推进。`),
          principal,
          `${r.pick(SURNAMES)}${r.pick(GIVEN)}`,
          r.chance(0.1) ? '已报区政府常务会议审议' : '',
          `${year}-01-${pad2(num(5, 25))}`,
        ]);
        stats.plans++;
        stats.items++;

        // Monthly reports: a few months missed, some late, some items completed part-way.
        const completeFrom = r.chance(0.35) ? num(Math.min(3, p.months), p.months) : Infinity;
        for (const [mi, month] of months.entries()) {
          if (mi + 1 < completeFrom && r.chance(0.03)) continue;
          const m = mi + 1;
          const complete = m >= completeFrom;
          const due = deadlineOf(month);
          const filed = r.chance(0.1) ? addDays(due, num(1, 5)) : addDays(`${nextMonth(month)}-01`, num(0, 4));
          const quarterTarget = `${['一', '二', '三', '四'][Math.floor(mi / 3)]}季度：${QUARTER[Math.floor(mi / 3)]}`;
          reportRows[mi].push([
            key,
            month,
            lead.name,
            quarterTarget,
            complete ? `已全部完成，${place()}通过验收并投入使用。` : r.pick(PROGRESS)(place, num, m),
            complete ? '无' : r.pick(PROBLEMS),
            complete ? '做好后续管理和维护' : r.pick(NEXT_STEPS),
            complete || r.chance(0.8) ? '完成' : '未完成',
            complete ? '是' : '否',
            filed < dataDate ? filed : dataDate,
            '',
          ]);
          stats.reports++;
        }
      }
    }
    files.set(
      `${dir}/tasks.csv`,
      csv(['no', 'section', 'subsection', 'lead_in', 'target', 'leaders', 'units', 'lead_units'], taskRows),
    );
    files.set(`${dir}/projects.csv`, csv(['no', 'category', 'content', 'leaders', 'units', 'lead_units', 'task'], projectRows));
    files.set(`${dir}/plans.csv`, csv(CONTENT_FIELDS.plan, planRows));
    for (const [mi, month] of months.entries()) {
      files.set(`${dir}/reports/${month}.csv`, csv(CONTENT_FIELDS.report, reportRows[mi]));
    }
  }
  stats.files = files.size;
  for (const text of files.values()) stats.bytes += Buffer.byteLength(text);
  return { files, stats, today: syntheticToday(p) };
}

/** Write the synthetic content folder to `dir` (created; existing files of the same names overwritten). */
export function writeSyntheticContent(dir: string, params: SyntheticParams): SyntheticContent {
  const content = syntheticContent(params);
  for (const [name, text] of content.files) {
    const abs = path.join(dir, name);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return content;
}
