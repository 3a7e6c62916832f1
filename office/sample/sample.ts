/**
 * The SAMPLE data of a year: one quarterly plan (附件3) per item and monthly reports (附件4) for
 * January … month N, made up from templates and a seeded PRNG (same seed, same bytes). Nothing
 * here is real: targets, progress, problems and the principals' names are invented. Pure: the
 * caller (scripts/generate-sample.ts, `npm run sample`) reads the content and writes the files.
 * Items whose responsible units are only collective references (各责任单位) get no plan and no
 * reports, and show as 未报送.
 */
import { LIBRARY_CALENDAR, nextMonth } from '../../src/core/model/calendar.ts';
import { writeCsv } from '../../src/core/content/csv.ts';
import type { Dataset, Item, YearData } from '../../src/core/model/types.ts';
import { mulberry32, seedOf } from './random.ts';
import { CONTENT_FIELDS } from '../forms/forms.ts';
import { sampleNumbers } from './sample-numbers.ts';
// ---------------------------------------------------------------- rates and text templates
/** Shares of items completed by the last month (exact), and per-item / per-item-month probabilities. */
const RATES = { completeProject: 0.2, completeTask: 0.08, behind: 0.15, missing: 0.04, late: 0.08 };
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡杜叶苏魏吕丁任沈姚卢姜崔谭陆范金石贾夏韦方白邹秦邱江尹薛段雷侯史陶贺顾郝邵钱武戴孔汤';
const GIVEN =
  '伟芳敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华建国文斌宇浩凯鹏飞鑫亮波宁琳晶东辉玲红梅雪峰海燕兰春庆新振立成忠德永胜光荣庚锋健彬坤';
/** A plan's note on an item repeated by the other list: {list} is the related item's list name. */
const PLAN_NOTE = '与{l}第{n}项合并推进';
const DONE_PROGRESS = ['已全部完成，持续巩固', '已全部完成，持续巩固，转入长效管护', '年度任务已全部完成，持续巩固提升成效'];
const DONE_NEXT = ['做好后续管护和长效管理', '总结经验做法，巩固提升工作成效', '开展“回头看”，防止问题反弹'];
const REOPEN_NOTES = ['验收发现问题，需整改后重新验收', '复核发现部分点位未达到验收标准，需整改后重新验收'];
const REOPEN_PROGRESS = ['验收发现部分点位存在质量问题，正在组织整改', '整改工作正在推进，已完成整改问题的{p}%'];
const REDONE_PROGRESS = '整改完成并通过复验，已全部完成';
const COVID_PROBLEMS = {
  build: ['受疫情影响，施工单位复工延迟', '受疫情影响，外地务工人员返岗不足', '受疫情影响，部分建材设备供应不足'],
  land: ['受疫情防控要求影响，入户和现场工作暂缓', '受疫情影响，相关审批和协调工作推迟'],
  subsidy: ['受疫情影响，线下审核受限，部分对象材料未能及时报送'],
  count: ['受疫情影响，集中培训和线下活动暂停', '受疫情影响，现场招聘活动暂停'],
  econ: ['受疫情影响，外出招商和项目洽谈暂停', '受疫情影响，企业复工复产推迟'],
  gov: ['受疫情防控影响，现场检查和集中会议暂缓', '受疫情影响，部分工作力量抽调参与疫情防控'],
};
const BEHIND_NEXT = [
  '倒排工期，挂图作战，确保按期完成',
  '加强与相关部门沟通协调，加快手续办理',
  '主动对接财政部门，推动资金尽快拨付',
  '加大协调力度，争取群众理解支持',
  '增派工作力量，抢抓进度，确保完成季度目标',
];
const PREP_STEPS = ['摸底调查', '方案设计', '立项审批', '施工招标', '现场踏勘'];
const AFTER_STEPS = ['日常管护', '跟踪问效', '巩固提升'];
const PREP_PROGRESS = [
  '完成现场踏勘，正在编制设计方案',
  '设计方案已完成，正在办理立项等前期手续',
  '前期手续基本完成，正在开展施工招标',
];
const GOV_GOALS = [
  ['制定年度实施方案，明确责任分工和时间节点', '梳理年度任务清单，建立工作推进台账'],
  ['全面组织实施，开展专项行动', '推动各项措施落地见效'],
  ['开展督导检查和中期评估，查漏补缺', '巩固前期成果，集中解决突出问题'],
  ['全面完成年度目标任务，形成长效机制', '总结评估，完善常态化工作机制'],
];
const GOV_STEPS = [
  '调研摸底',
  '起草方案',
  '印发实施',
  '组织推进',
  '督导检查',
  '问题整改',
  '中期评估',
  '专项行动',
  '总结提升',
  '巩固成效',
  '考核评估',
  '年度总结',
];
const ECON_GOALS = [
  ['制定年度工作计划，分解目标任务', '梳理重点项目清单，建立推进台账'],
  ['加快项目对接落地，主要指标实现序时进度', '推动一批重点项目签约落地'],
  ['开展中期评估，加大调度力度', '推动签约项目开工投产，确保完成三季度目标'],
  ['全面完成年度目标任务', '冲刺全年目标，做好总结评估'],
];
const ECON_STEPS = [
  '制定计划',
  '项目对接',
  '走访企业',
  '签约落地',
  '调度推进',
  '半年评估',
  '项目推介',
  '跟踪服务',
  '三季度调度',
  '冲刺攻坚',
  '考核评估',
  '年度总结',
];
const ECON_PROGRESS = [
  '对接洽谈重点项目{a}个，新签约落地{b}个',
  '走访重点企业{a}家，协调解决问题{b}个',
  '主要指标运行平稳，储备项目{a}个，完成年度目标的{p}%',
];
const GOV_PROGRESS = [
  '已制定年度实施方案，开展督导检查{b}次，督促整改问题{a}个',
  '召开专题推进会{b}次，各项工作按计划推进，完成年度任务的{p}%',
  '组织开展专项行动{b}次，发现并整改问题{a}个',
];
const PROBLEMS = {
  build: [
    '征收补偿协商未达成一致',
    '资金尚未到位',
    '审批手续办理中',
    '施工场地受地下管线迁改制约',
    '设计方案调整，需重新论证',
    '部分居民意见不统一',
  ],
  land: ['征收补偿协商未达成一致', '部分被征收户诉求较高，签约进度偏慢', '审批手续办理中', '资金尚未到位'],
  subsidy: ['部分对象申报材料不全，审核进度较慢', '资金尚未到位', '数据比对工作量大，核查周期较长'],
  count: ['报名人数不足，需扩大宣传', '场地协调困难，活动推迟', '资金尚未到位'],
  econ: ['部分意向项目决策周期较长，尚未签约', '企业投资意愿受市场影响有所下降', '项目用地手续办理中'],
  gov: ['涉及部门较多，协调推进较慢', '基层工作力量不足', '部分问题整改难度较大，需进一步协调'],
};
const NEXT = {
  build: ['加快施工进度，加强质量安全监管', '按计划推进施工，组织阶段性验收', '做好施工组织，确保按期完工'],
  land: ['加大入户做工作力度，推进签约', '做好补偿资金拨付和安置工作', '按时间节点推进后续工作'],
  subsidy: ['继续做好审核发放，确保应发尽发', '加强政策宣传，做好动态管理', '做好资金拨付和跟踪回访'],
  count: ['按计划组织下一批次', '扩大宣传覆盖面，吸引更多群众参与', '做好跟踪服务和效果评估'],
  econ: ['加强项目跟踪服务，推动签约项目尽快落地', '持续开展项目对接，充实项目储备', '加强调度，确保完成序时目标'],
  gov: ['持续抓好各项措施落实', '加强督导检查，推动问题整改', '总结经验做法，完善长效机制'],
};
const LAND_RE = /征收|拆迁|回迁|出让|供地|棚户区/;
const SUBSIDY_RE = /补助|补贴|救助|保险|减免|免费|参保|报销|托养|康复|最低生活保障|照护|体检/;
const MONEY_RE = /补助|补贴|救助|保险|减免|报销/;
const COUNT_RE = /培训|讲座|就业|公益岗/;
const GOV_FIRST_RE = /机制|体系|平安|健康市中|诚信|模式|脱贫|扶贫|文明|培训|培育/;
const ECON_RE = /增长(?!率)|招商|总部|金融|楼宇|企业|产业|经济|人才|科创|外资|商会|消费/;
const BUILD_RE =
  /新建|建设|改造|改扩建|整治|大中修|硬化|山体治理|地质环境治理|加固|绿化|清淤|补植|修复|开工|工程|配建|加装|平台|配备|购置|升级/;
const QTY_RE = /(\d+(?:\.\d+)?)(万)?(平方米|人次|场次|个|处|所|部|条|家|套|户|村|场|人|名|座|项|次|亩)(?![余制])/;
const PEOPLE = new Set(['人', '人次', '场', '场次', '次', '名']);
const AREA = new Set(['亩', '平方米', '户']);

// ---------------------------------------------------------------- PRNG, dates, CSV
type Rng = () => number;
const pickWith = <T>(r: Rng, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const between = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const fill = (tpl: string, v: Record<string, string | number>): string =>
  tpl.replace(/\{(\w)\}/g, (_, k: string) => String(v[k]));
const pct = (f: number): number => Math.round(f * 100);

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** Working days from `from` to `to` inclusive; all calendar days if none is a working day. */
function workdays(from: string, to: string): string[] {
  const all: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) all.push(d);
  const work = all.filter((d) => LIBRARY_CALENDAR.isWorkday(d));
  return work.length > 0 ? work : all;
}
function csv(columns: string[], rows: Record<string, string>[]): string {
  return writeCsv(columns, rows).text;
}

// ---------------------------------------------------------------- text from the item
interface Qty {
  n: number;
  unit: string;
  noun: string;
}
interface Ctx {
  qty?: Qty;
  verb: string;
  money: boolean;
  per: number;
  pick: <T>(list: readonly T[]) => T;
  budget: number;
  a: number;
  b: number;
  tpl: string;
}
type Kind = keyof typeof PROBLEMS;

function quantity(text: string): Qty | undefined {
  const m = QTY_RE.exec(text);
  if (!m) return undefined;
  const n = Math.round(Number(m[1]) * (m[2] ? 10000 : 1));
  let noun = /^[^，。、,；（：进的共等为和]*/.exec(text.slice(m.index + m[0].length))![0];
  if (noun === '') {
    const before = text
      .slice(0, m.index)
      .split(/[，。：；]/)
      .pop()!;
    noun = before.replace(/^(在|对|为)?(新建、更新|开工建设|新建|建设|打造|提升|完成|新增)/, '');
    if (noun.endsWith('等') || noun === before) noun = '';
  }
  return { n, unit: m[3], noun: noun.length >= 2 && noun.length <= 6 && !noun.startsWith('以') ? noun : '' };
}
function kindOf(text: string, qty: Qty | undefined): Kind {
  if (LAND_RE.test(text)) return 'land';
  if (SUBSIDY_RE.test(text)) return 'subsidy';
  if (qty && (PEOPLE.has(qty.unit) || COUNT_RE.test(text))) return 'count';
  if (GOV_FIRST_RE.test(text)) return 'gov';
  if (ECON_RE.test(text)) return 'econ';
  if (BUILD_RE.test(text) || (qty && !PEOPLE.has(qty.unit))) return 'build';
  return 'gov';
}
/** Planned cumulative share done by the end of month m, for an item planned to finish in month `end`. */
function curve(kind: Kind, m: number, end: number): number {
  // Construction starts after the Spring Festival: nothing is built in January (or February, for a long job).
  if (kind === 'build') return end > 4 ? Math.min(1, Math.max(0, (m - 2) / (end - 2)) ** 1.2) : Math.min(1, (m - 1) / (end - 1));
  return Math.min(1, m / end);
}
const whole = (c: Ctx): string => `${c.qty!.n}${c.qty!.unit}${c.qty!.noun}`;
/** Cumulative count at share f (at least 1 once work has started). */
const some = (c: Ctx, f: number, withNoun = true): string =>
  `${f > 0 ? Math.max(1, Math.floor(c.qty!.n * f)) : 0}${c.qty!.unit}${withNoun ? c.qty!.noun : ''}`;
function built(c: Ctx, f: number): string {
  const q = c.qty!;
  if (AREA.has(q.unit)) return `完成${some(c, f)}`;
  const started = Math.min(q.n, Math.ceil(q.n * Math.min(1, f * 1.8)));
  const done = Math.floor(q.n * f);
  return done === 0 ? `开工${started}${q.unit}${q.noun}` : `开工${started}${q.unit}${q.noun}，完工${done}${q.unit}`;
}

/** The quarter's goal: `f` is the planned share at the quarter's end, `prev` at its start. */
function goal(kind: Kind, c: Ctx, q: number, f: number, prev: number): string {
  if (prev >= 1)
    return kind === 'build'
      ? c.pick(['巩固建设成果，做好运行管护', '做好后期管护和长效管理'])
      : c.pick(['巩固工作成效，做好动态管理', '持续巩固提升，防止问题反弹']);
  switch (kind) {
    case 'build':
      if (f >= 1) return c.qty ? `全面完成${whole(c)}建设任务并通过验收` : '全面完成建设任务并组织竣工验收';
      if (f <= 0) return c.pick(['完成前期手续办理和设计方案编制', '完成项目立项、方案设计和施工招标准备']);
      return c.qty ? `累计${built(c, f)}` : `完成年度工程量的${pct(f)}%`;
    case 'land':
      if (!c.qty) return f >= 1 ? `全面完成${c.verb}任务` : `完成年度${c.verb}工作量的${pct(f)}%`;
      return `${f >= 1 ? '全面' : '累计'}完成${c.qty.noun.includes(c.verb) ? '' : c.verb}${f >= 1 ? whole(c) : some(c, f)}`;
    case 'subsidy':
      if (f >= 1) return '全面完成年度任务，做到应享尽享';
      return (
        (q === 1
          ? c.pick(['完成对象摸底核实和资格审核，启动发放', '制定实施细则，完成首批对象审核'])
          : c.pick(['按时足额落实，做到应发尽发', '持续做好审核发放和动态管理'])) + `，累计完成年度任务的${pct(f)}%`
      );
    case 'count':
      return f >= 1 ? `全面完成${whole(c)}年度目标` : `累计完成${some(c, f)}（占年度目标${pct(f)}%）`;
    case 'econ':
      return f >= 1 ? '全面完成年度目标任务' : c.pick(ECON_GOALS[q - 1]);
    case 'gov':
      return f >= 1 ? c.pick(GOV_GOALS[3]) : c.pick(GOV_GOALS[q - 1]);
  }
}
/** What the plan says for month m (1-based): `f` planned share at its end, `prev` at its start. */
function step(kind: Kind, c: Ctx, m: number, f: number, prev: number): string {
  if (prev >= 1) return AFTER_STEPS[m % 3];
  if (f >= 1) return kind === 'build' ? '竣工验收' : '全面完成';
  switch (kind) {
    case 'build':
      if (f <= 0) return PREP_STEPS[(m - 1) % PREP_STEPS.length];
      if (!c.qty) return `完成工程量${pct(f)}%`;
      if (AREA.has(c.qty.unit)) return `累计完成${some(c, f, false)}`;
      return Math.floor(c.qty.n * f) === 0
        ? `开工${Math.ceil(c.qty.n * Math.min(1, f * 1.8))}${c.qty.unit}`
        : `累计完工${some(c, f, false)}`;
    case 'land':
      if (c.qty && Math.floor(c.qty.n * f) > 0) return `累计完成${some(c, f, false)}`;
      return m <= 2
        ? (/出让|供地/.test(c.verb) ? ['地块清查', '规划条件核定'] : ['入户调查', '评估测算'])[m - 1]
        : c.qty
          ? '方案报批'
          : `完成工作量${pct(f)}%`;
    case 'subsidy':
      return (m <= 3 ? ['摸底核实', '审核公示', '首批发放'] : ['审核发放', '动态管理', '资金拨付'])[(m - 1) % 3];
    case 'count':
      return `累计完成${some(c, f, false)}`;
    case 'econ':
      return ECON_STEPS[m - 1];
    case 'gov':
      return GOV_STEPS[m - 1];
  }
}
/** The report's 完成情况 for an item at share `f` in month m. */
function progress(kind: Kind, c: Ctx, m: number, f: number): string {
  const ab = { a: Math.max(1, Math.ceil(c.a * f)), b: Math.max(1, Math.ceil(c.b * f)), p: pct(f) };
  switch (kind) {
    case 'build':
      if (f <= 0) return PREP_PROGRESS[Math.min(m - 1, PREP_PROGRESS.length - 1)];
      return `${c.qty ? `已${built(c, f)}` : `完成工程量${pct(f)}%`}，累计完成投资${Math.round(c.budget * f)}万元`;
    case 'land':
      if (c.qty && Math.floor(c.qty.n * f) === 0)
        return m === 1 ? '正在开展入户调查和房屋评估' : '入户调查和评估已完成，正在推进签约';
      return c.qty
        ? `累计完成${c.qty.noun.includes(c.verb) ? '' : c.verb}${some(c, f)}（年度目标${c.qty.n}${c.qty.unit}）`
        : `完成年度${c.verb}工作量的${pct(f)}%${/征收|拆迁/.test(c.verb) ? `，签约${ab.a}户` : ''}`;
    case 'subsidy':
      return c.money
        ? `累计审核符合条件对象${ab.a * 10}人，发放资金${Math.round(ab.a * 100 * c.per) / 10}万元`
        : `累计惠及群众${ab.a * 10}人，完成年度任务的${pct(f)}%`;
    case 'count':
      return `累计完成${some(c, f)}，完成年度目标的${pct(f)}%`;
    case 'econ':
    case 'gov':
      return fill(c.tpl, ab);
  }
}

// ---------------------------------------------------------------- one item's plan and reports
export interface Out {
  kind: Kind;
  /** The share of the year's work planned done by each quarter's end (the plan's story in numbers). */
  planShares: number[];
  /** The share done by the end of each month (index 1 … months), as the reports tell it. */
  shares: number[];
  plan: Record<string, string>;
  reports: Map<number, Record<string, string>>;
  missing: number;
  completedIn?: number;
  reopened?: number;
  behind: boolean;
}

function generateItem(
  item: Item,
  ds: Dataset,
  seed: string,
  months: number,
  dataDate: string,
  completes: boolean,
  reopen: 0 | 1 | 2,
): Out {
  // Items that repeat each other (a project and its main task) share a random stream, so they tell one story.
  const streamKey = item.kind === 'task' && item.related.length > 0 ? item.related[0] : item.key;
  const r = mulberry32(seedOf(`${seed}:${streamKey}`));
  const pick = <T>(list: readonly T[]): T => pickWith(r, list);
  const unit = ds.unitById.get(item.leadUnitIds[0])!;
  const qty = quantity(item.text);
  const kind = kindOf(item.text, qty);
  const verb = /回迁安置|拆迁|房屋征收|征收|出让|供地|棚户区改造/.exec(item.text)?.[0] ?? '';
  const tpl = kind === 'econ' ? pick(ECON_PROGRESS) : pick(GOV_PROGRESS);
  const c: Ctx = {
    qty,
    verb,
    money: MONEY_RE.test(item.text),
    per: between(r, 5, 60) / 100,
    pick,
    budget: between(r, 30, 2000) * 10,
    a: between(r, 12, 60),
    b: between(r, 4, 15),
    tpl,
  };
  const end = completes ? between(r, 3, 6) : 12;
  const behindDraw = r();
  const behind = !completes && behindDraw < RATES.behind;
  const behindFrom = r() < 0.5 ? 2 : between(r, 1, months);
  const behindTo = behindFrom + between(r, 0, 2);

  const share = (m: number) => curve(kind, m, end);
  const goals = [1, 2, 3, 4].map((q) => goal(kind, c, q, share(q * 3), share(q * 3 - 3)));
  const quarters = goals.map((g, i) => {
    const steps = [1, 2, 3].map((k) => i * 3 + k).map((m) => `${m}月${step(kind, c, m, share(m), share(m - 1))}`);
    return `${g}（${steps.join('，')}）`;
  });
  const names = unitPeople(seed, unit.id, item.year);
  const relatedItem =
    item.related.length > 0 ? ds.years.find((y) => y.year === item.year)?.itemByKey.get(item.related[0]) : undefined;
  const noteTpl = item.related.length > 0 && r() < 0.3 ? PLAN_NOTE : '';
  const plan = {
    item: item.key,
    unit: unit.name,
    q1: quarters[0],
    q2: quarters[1],
    q3: quarters[2],
    q4: quarters[3],
    principal: names.principal,
    deputy: pick(names.deputies),
    note: noteTpl ? fill(noteTpl, { l: relatedItem?.kindName ?? '', n: item.related[0].slice(1) }) : '',
    filed: names.planFiled,
  };

  const reports = new Map<number, Record<string, string>>();
  const shares: number[] = [0];
  let missing = 0;
  let done = 0;
  const reopenAt = reopen ? end + 1 : 0;
  const redoneAt = reopen === 1 ? end + 2 : 0;
  for (let m = 1; m <= months; m++) {
    const month = `${item.year}-${String(m).padStart(2, '0')}`;
    const isBehind = behind && m >= behindFrom && m <= behindTo;
    const planned = share(m);
    done = Math.max(done, isBehind ? Math.floor(planned * (55 + r() * 30)) / 100 : planned);
    shares.push(done);
    const missingDraw = r();
    const lateDraw = r();
    const special = m === end || m === reopenAt || m === redoneAt;
    if (!special && missingDraw < RATES.missing) {
      missing++;
      continue;
    }
    let row: Partial<Record<string, string>>;
    if (reopenAt > 0 && m >= reopenAt && (!redoneAt || m < redoneAt)) {
      row = {
        progress: fill(m === reopenAt ? REOPEN_PROGRESS[0] : REOPEN_PROGRESS[1], { p: between(r, 40, 90) }),
        problems: '验收发现部分点位存在质量问题',
        next_steps: '督促责任单位限期整改，整改后重新申请验收',
        evaluation: '未完成',
        item_complete: '否',
        note: m === reopenAt ? pick(REOPEN_NOTES) : '',
      };
    } else if (m === redoneAt) {
      row = { progress: REDONE_PROGRESS, problems: '无', next_steps: pick(DONE_NEXT), evaluation: '完成', item_complete: '是' };
    } else if (completes && m > end) {
      row = {
        progress: pick(DONE_PROGRESS),
        problems: '无',
        next_steps: pick(DONE_NEXT),
        evaluation: '完成',
        item_complete: '是',
      };
    } else {
      const covid = isBehind && m >= 2 && m <= 3 && r() < 0.7;
      row = {
        progress: m === end ? `${progress(kind, c, m, 1)}，已全部完成` : progress(kind, c, m, done),
        problems: isBehind ? (covid ? pick(COVID_PROBLEMS[kind]) : pick(PROBLEMS[kind])) : '无',
        next_steps: m === end ? pick(DONE_NEXT) : isBehind ? pick(BEHIND_NEXT) : pick(NEXT[kind]),
        evaluation: isBehind ? '未完成' : '完成',
        item_complete: m === end ? '是' : '否',
      };
    }
    const deadline = LIBRARY_CALENDAR.reportDeadline(month);
    const lateDays =
      deadline < dataDate && lateDraw < RATES.late
        ? workdays(addDays(deadline, 1), [addDays(deadline, 6), dataDate].sort()[0])
        : [];
    const days =
      lateDays.length > 0
        ? lateDays
        : workdays(LIBRARY_CALENDAR.nthWorkingDay(nextMonth(month), 1), [deadline, dataDate].sort()[0]);
    reports.set(m, {
      item: item.key,
      month,
      unit: unit.name,
      target: goals[Math.ceil(m / 3) - 1],
      note: '',
      ...row,
      filed: pick(days),
    } as Record<string, string>);
  }
  return {
    kind,
    planShares: [1, 2, 3, 4].map((q) => share(q * 3)),
    shares,
    plan,
    reports,
    missing,
    completedIn: completes ? end : undefined,
    reopened: reopen ? reopenAt : undefined,
    behind,
  };
}

const peopleCache = new Map<string, { principal: string; deputies: string[]; planFiled: string }>();
const usedNames = new Set<string>();
/** Fictional principal and deputies of a unit (never a real leader's name), and the day it filed its plans (01-06 … 01-20). */
function unitPeople(seed: string, unitId: string, year: number) {
  const cached = peopleCache.get(unitId);
  if (cached) return cached;
  const r = mulberry32(seedOf(`${seed}:unit:${unitId}`));
  const name = (): string => {
    for (;;) {
      const n = pickWith(r, [...SURNAMES]) + Array.from({ length: r() < 0.7 ? 2 : 1 }, () => pickWith(r, [...GIVEN])).join('');
      if (!usedNames.has(n)) return (usedNames.add(n), n);
    }
  };
  const people = {
    principal: name(),
    deputies: [name(), name(), name()],
    planFiled: pickWith(r, workdays(`${year}-01-06`, `${year}-01-20`)),
  };
  peopleCache.set(unitId, people);
  return people;
}

// ---------------------------------------------------------------- the year
export interface SampleOutput {
  /** plans.csv. */
  plans: string;
  /** reports/YYYY-MM.csv by month number (1 … months). */
  reports: Map<number, string>;
  /** actuals/YYYY-MM.csv by month number, for the months with a value (sample-numbers.ts). */
  actuals: Map<number, string>;
  /** indicator-plans.csv: the plan's quarter-end numbers of every counted indicator. */
  indicatorPlans: string;
  /** Items with no unit of the registry, left without plan and reports. */
  skipped: Item[];
  /** Item-months left unreported. */
  missing: number;
  /** Items that were 滞后 in some month. */
  behind: number;
  /** `P12（5 月重新打开）`: items reported complete and reopened. */
  reopened: string[];
}

/** The sample plans and reports of `yd` for months 1 … `months`. */
export function generateSample(ds: Dataset, yd: YearData, options: { seed: string; months: number }): SampleOutput {
  const { seed, months } = options;
  const dataDate = yd.manifest.data_date;
  peopleCache.clear();
  usedNames.clear();
  const withUnit = yd.items.filter((i) => i.leadUnitIds.length > 0);
  const skipped = yd.items.filter((i) => i.leadUnitIds.length === 0);
  // Which items complete: a fixed share of each kind, chosen by hash; a task that repeats a project completes only with it.
  const byHash = (a: Item, b: Item) => seedOf(`${seed}:done:${a.key}`) - seedOf(`${seed}:done:${b.key}`);
  const projects = withUnit.filter((i) => i.kind === 'project').sort(byHash);
  const done = new Set(projects.slice(0, Math.round(RATES.completeProject * projects.length)).map((i) => i.key));
  const tasks = withUnit.filter((i) => i.kind === 'task');
  const doneTasks = tasks
    .filter((i) => i.related.every((k) => done.has(k)))
    .sort(byHash)
    .slice(0, Math.round(RATES.completeTask * tasks.length));
  for (const t of doneTasks) done.add(t.key);
  // Two construction items are reported complete and then reopened (验收发现问题): the first is fixed within the period, the second not.
  const first = new Map(withUnit.map((i) => [i.key, generateItem(i, ds, seed, months, dataDate, done.has(i.key), 0)]));
  const ends = new Map([...first].map(([k, o]) => [k, o.kind === 'build' ? o.completedIn : undefined]));
  const candidates = withUnit
    .filter((i) => (ends.get(i.key) ?? 99) <= months - 1)
    .sort((a, b) => seedOf(`${seed}:${a.key}`) - seedOf(`${seed}:${b.key}`));
  const reopenFixed = candidates.find((i) => ends.get(i.key)! <= months - 2);
  const reopenOpen = candidates.find((i) => i !== reopenFixed);
  peopleCache.clear();
  usedNames.clear();
  for (const l of ds.leaders) usedNames.add(l.name);
  const outs = withUnit.map((i) =>
    generateItem(i, ds, seed, months, dataDate, done.has(i.key), i === reopenFixed ? 1 : i === reopenOpen ? 2 : 0),
  );
  // The content files' canonical column order: the one the forms' import writes.
  const PLAN_COLUMNS = CONTENT_FIELDS.plan;
  const REPORT_COLUMNS = CONTENT_FIELDS.report;
  const reports = new Map<number, string>();
  for (let m = 1; m <= months; m++)
    reports.set(
      m,
      csv(
        REPORT_COLUMNS,
        outs.flatMap((o) => (o.reports.has(m) ? [o.reports.get(m)!] : [])),
      ),
    );
  const numbers = sampleNumbers(
    withUnit.map((item, i) => ({ item, out: outs[i] })),
    { seed, year: yd.year, months },
  );
  return {
    plans: csv(
      PLAN_COLUMNS,
      outs.map((o) => o.plan),
    ),
    reports,
    actuals: numbers.actuals,
    indicatorPlans: numbers.plans,
    skipped,
    missing: outs.reduce((n, o) => n + o.missing, 0),
    behind: outs.filter((o) => o.behind).length,
    reopened: outs.filter((o) => o.reopened).map((o) => `${o.plan.item}（${o.reopened} 月重新打开）`),
  };
}
