/**
 * Notices written as numbered paragraphs (office/notices/paragraphs.ts) through the shared
 * resolver (notice-import.ts): real excerpts of three governments (test/fixtures/notices/), each
 * form of the responsibility clause, headings, the .docx path, and the shared-prefix rules of
 * units.ts with every expansion on the review list. (The CLI end to end: test/scripts/import-notice.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importNotice, type Registries } from '../../../office/notices/notice-import.ts';
import { paragraphGrid } from '../../../office/notices/paragraphs.ts';
import { readNotice } from '../../../office/notices/readers.ts';
import { expandUnits } from '../../../office/notices/units.ts';
import { zip } from '../../../src/core/publish/export.ts';

const FIXTURES = path.resolve(__dirname, '../../fixtures/notices');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const empty = (): Registries => ({ units: [], leaders: [], collectives: [] });

/** A notice's text through the paragraph interpreter and the resolver. */
function importText(text: string, registries = empty(), placeNames: string[] = []) {
  const read = paragraphGrid(text);
  expect(read.grid, 'the paragraph interpreter found no item').toBeDefined();
  return importNotice([read.grid!], registries, { year: 2023, placeNames });
}
/** The rows as the office will see them: section name, sub-section, text, leaders, units, lead units. */
function itemsOf(result: ReturnType<typeof importText>) {
  const sections = new Map(result.tasks!.sections.map((s) => [String(s.no), s.name]));
  return result.tasks!.rows.map((r) => ({
    no: r.no,
    section: sections.get(r.section) ?? '',
    subsection: r.subsection,
    target: r.target,
    leaders: r.leaders,
    units: r.units,
    lead_units: r.lead_units,
  }));
}

describe('a district notice with labelled fields in brackets (咸安区 2023, fixture xianan-2023.txt)', () => {
  const result = importText(fixture('xianan-2023.txt'));
  const S1 = '2023年全区经济社会发展主要预期目标';
  const S2 = '2023年七个方面主要工作安排';
  const item = (no: number, target: string, leaders: string, lead: string, units = lead) => ({
    no: String(no),
    section: no <= 11 ? S1 : S2,
    subsection: no <= 11 ? '' : '加强基础设施建设',
    target,
    leaders,
    units,
    lead_units: lead,
  });

  it('makes every numbered paragraph an item with its text, leaders, units (lead first), section and sub-section', () => {
    expect(result.errors).toEqual([]);
    expect(itemsOf(result)).toEqual([
      item(1, '地区生产总值增长8%以上。', '杜新国', '区发改局'),
      item(2, '固定资产投资增长16%以上。', '杜新国', '区发改局'),
      item(3, '规上工业增加值增长10%以上。', '洪声耀', '区科经局'),
      item(4, '社会消费品零售总额增长11%以上。', '陈浩', '区商务局'),
      item(5, '进出口总额增长15%以上。', '陈浩', '区商务局'),
      item(6, '一般公共预算收入增长12%以上。', '杜新国', '区财政局、区税务局'),
      item(7, '城乡居民收入增长与经济增长基本同步。', '杜新国、丁玲', '区发改局、区农业农村局'),
      item(8, '城镇登记失业率控制在4.5%以内。', '杜新国', '区人社局'),
      item(9, '粮食产量稳定在23万吨。', '丁玲', '区农业农村局'),
      item(10, '完成省、市下达的节能减排考核目标任务。', '杜新国', '区发改局'),
      item(11, '完成省、市下达的环境保护考核目标任务。', '刘伍寿、陈浩', '市生态环境局咸安分局'),
      item(
        12,
        '启动南外环高速公路、全域公交项目建设,推进s356横沟至黄沙铺改扩建二期、s319咸赵线陈家沟段达标提质改造工程,做好g351双溪至横沟段改扩建项目前期工作,确保107国道咸安绕城段、s361星星竹海至大竹山段公路建成通车。',
        '洪声耀',
        '区交通运输局',
        '区交通运输局、区发改局、区自然资源和规划局、区林业局、区经发集团、相关乡镇办',
      ),
    ]);
    expect(result.tasks!.sections.map((s) => s.name)).toEqual([S1, S2]);
  });

  it('keeps the collective as written and adds it to collectives.csv, and says which front end read the notice', () => {
    expect(result.newCollectives).toEqual([{ name: '相关乡镇办', meaning: '通知原文中的统称，未逐一列名' }]);
    expect(result.review[0]).toMatch(/^正文：按编号段落读取（无任务分解表），12 项/);
    expect(result.review).toContain(
      '正文 第 31 行：小标题「加强基础设施建设」在「坚定不移做强增长引擎」之下，各项的小标题取「加强基础设施建设」',
    );
    expect(result.newLeaders.map((l) => l.name)).toEqual(['杜新国', '洪声耀', '陈浩', '丁玲', '刘伍寿']);
  });
});

describe('a district notice with the fields on lines of their own and no leaders (立山区 2023, lishan-2023.txt)', () => {
  const result = importText(fixture('lishan-2023.txt'), empty(), ['立山']);

  it('reads the six items after the covering letter, lead unit first, collectives kept', () => {
    const S = '经济社会发展的主要预期目标';
    expect(itemsOf(result).map((r) => [r.no, r.section, r.target, r.units, r.lead_units])).toEqual([
      ['1', S, '努力实现地区生产总值增长6.2%左右。', '区发改局、立山经济开发区、全区经济运行各专班', '区发改局'],
      ['2', S, '规模上工业增加值增长5%左右。', '区工信局、立山经济开发区', '区工信局'],
      ['3', S, '固定资产投资增长15%左右。', '区发改局、立山经济开发区、各街道、区直各部门', '区发改局'],
      ['4', S, '社会消费品零售总额增长9%左右。', '区商务局、各街道、区市场局', '区商务局'],
      ['5', S, '一般公共预算收入增长8%左右。', '区财政局、立山经济开发区、各街道、区税务局', '区财政局'],
      ['6', S, '居民收入增长与经济增长基本同步。', '区发改局、各街道、各相关单位', '区发改局'],
    ]);
    // The 区 of the lead unit is shared with the bare name among the other units, and said so.
    expect(result.review).toContain('正文 第 49 行：「税务局」补全为「区税务局」（共用前缀“区”）');
  });

  it('imports items with no leader (an item without one is valid), each said on the review list', () => {
    expect(result.errors).toEqual([]);
    expect(itemsOf(result).map((r) => r.leaders)).toEqual(['', '', '', '', '', '']);
    expect(result.review.filter((l) => l.endsWith('未列明牵头领导'))).toEqual(
      [25, 31, 37, 43, 49, 55].map((line, i) => `正文 第 ${line} 行（第 ${i + 1} 项）：未列明牵头领导`),
    );
  });
});

describe('a province with 分管省领导 and 部门分工 lines (广东 2021, guangdong-2021.txt)', () => {
  it('takes the leader, the lead unit before 牵头, and 各地、各部门 as collectives', () => {
    const result = importText(fixture('guangdong-2021.txt'));
    expect(result.errors).toEqual([]);
    expect(itemsOf(result).map((r) => [r.no, r.target, r.leaders, r.units, r.lead_units])).toEqual([
      ['1', '地区生产总值增长6%以上。', '林克庆', '省发展改革委、各地、各部门', '省发展改革委'],
      ['2', '地方一般公共预算收入增长5%左右。', '林克庆', '省财政厅、各地、各部门', '省财政厅'],
      ['3', '固定资产投资增长8%左右。', '林克庆', '省发展改革委、各地、各部门', '省发展改革委'],
      ['4', '社会消费品零售总额增长6%以上。', '张新', '省商务厅、各地、各部门', '省商务厅'],
    ]);
    expect(result.newCollectives.map((c) => c.name)).toEqual(['各地', '各部门']);
  });
});

describe('a district notice in the national form with 配合 (官渡区 2016, guandu-2016.txt)', () => {
  it('takes the unit before 牵头 as the lead, the others after it, 区级相关部门 as a collective', () => {
    const result = importText(fixture('guandu-2016.txt'), empty(), ['官渡']);
    const S1 = '提高投资项目审批效率';
    expect(itemsOf(result).map((r) => [r.no, r.section, r.target.slice(0, 8), r.units, r.lead_units])).toEqual([
      ['1', S1, '精简项目审批手续', '区政务服务局、区发改局、区审改办、区住建局、区级相关部门', '区政务服务局'],
      ['2', S1, '提高土地审批效率', '区国土分局、区规划分局、区级相关部门', '区国土分局'],
      ['3', S1, '提高环评审批效率', '区环保局、区水务局、区级相关部门', '区环保局'],
      [
        '4',
        '加快推进项目建设',
        '加强项目谋划储备',
        '区发改局、区财政局、区交运局、区经贸投促局、区住建局、区水务局、区国投公司、各街道办事处',
        '区发改局',
      ],
    ]);
    // The text keeps its own brackets; only the closing responsibility is taken off.
    expect(result.tasks!.rows[2].target).toMatch(/水保批复\(涉及水土保持项目\)、.*完成审批。$/);
    expect(result.review).toContain('正文 第 7 行：「区水务局等」不是最后一个单位，“等”已去掉（网站只在最后一个单位后显示“等”）');
    expect(result.newCollectives.map((c) => c.name)).toEqual(['区级相关部门', '各街道办事处']);
    expect(result.errors).toEqual([]);
    expect(result.review.filter((l) => l.endsWith('未列明牵头领导'))).toHaveLength(4);
  });
});

describe('a clause in square brackets with a name in round brackets (下陆区 2020, xialu-2020.txt)', () => {
  it('reads 各街办(新区) inside [牵头单位:…;责任单位:…] as one collective, and the items with no leader', () => {
    const result = importText(fixture('xialu-2020.txt'));
    expect(result.errors).toEqual([]);
    expect(itemsOf(result).map((r) => [r.no, r.subsection, r.units, r.lead_units, r.leaders])).toEqual([
      ['1', '坚持常态化疫情防控', '区卫健局、区疫情防控指挥部成员单位、各街办(新区)', '区卫健局', ''],
      [
        '2',
        '坚持常态化疫情防控',
        '区卫健局、区创文办、区疫情防控指挥部成员单位、区创文工作领导小组成员单位、各街办(新区)',
        '区卫健局、区创文办',
        '',
      ],
    ]);
    expect(result.tasks!.rows[0].target).toMatch(/^切实提高政治站位.*监测、追踪、隔离和治疗。$/);
    expect(result.newCollectives.map((c) => c.name)).toEqual(['各街办(新区)']);
  });
});

describe('牵头负责领导 / 牵头责任单位 / 协同责任单位 on lines of their own (滁州 2020, 芜湖 2021, 许昌 2020)', () => {
  it('takes the leader, the lead unit and the other units, the full stops at the ends of the lines dropped (chuzhou-2020.txt)', () => {
    const read = paragraphGrid(fixture('chuzhou-2020.txt'));
    expect(read.items).toBe(3);
    expect(read.grid!.rows.slice(1).map((r) => r.cells.slice(2))).toEqual([
      [
        '1',
        '地区生产总值增长8%以上。',
        '金力',
        '市发展改革委',
        '市经信局、市商务局、市交通局、市农业农村局、滁州经开区管委会、中新苏滁高新区管委会,各县、市、区政府',
      ],
      [
        '2',
        '财政收入增长8%左右。',
        '金力',
        '市财政局',
        '市税务局、滁州海关、市人行、滁州经开区管委会、中新苏滁高新区管委会,各县、市、区政府',
      ],
      [
        '3',
        '固定资产投资增长10%以上。',
        '金力',
        '市发展改革委',
        '市经信局、市住建局、市交通局、市水利局、滁州经开区管委会、中新苏滁高新区管委会,各县、市、区政府',
      ],
    ]);
  });

  it('imports the leader once, keeps the zones’ committees and 各县、市、区政府 whole, and drops the 等 before the collective, said so', () => {
    const result = importText(fixture('chuzhou-2020.txt'), empty(), ['滁州']);
    expect(result.errors).toEqual([]);
    expect(itemsOf(result)[0]).toMatchObject({
      section: '确保完成全年主要预期目标',
      leaders: '金力',
      lead_units: '市发展改革委',
      units: '市发展改革委、市经信局、市商务局、市交通局、市农业农村局、滁州经开区管委会、中新苏滁高新区管委会、各县、市、区政府',
    });
    expect(result.newLeaders).toEqual([{ id: 'jinli', name: '金力', title: '待填写', collective: '否' }]);
    expect(result.newCollectives.map((c) => c.name)).toEqual(['各县、市、区政府']);
    expect(result.review).toContain(
      '正文 第 12 行：「中新苏滁高新区管委会等」不是最后一个单位，“等”已去掉（网站只在最后一个单位后显示“等”）',
    );
    expect(result.review).toContain(
      '正文 第 12 行：「中新苏滁高新区管委会」不加前缀“市”（名称自带地名，或不是本级政府的部门），原样保留',
    );
  });

  it('reads 牵头责任领导 as 滁州 writes it in 2024, and 各县、市、区人民政府 as one collective', () => {
    // From 滁州市人民政府关于2024年重点工作及责任分解的通知 (https://credit.chuzhou.gov.cn/zcfg/bshi/1104356415.html), item 1 as stored.
    const result = importText(
      [
        '一、经济社会发展的主要预期目标',
        '1. 地区生产总值增长7.5%。',
        '牵头责任领导:邓继敢。',
        '牵头责任单位:市发展改革委。',
        '协同责任单位:市农业农村局、市住建局、市经信局、市商务局、市交通局、市地方金融监管局,滁州经开区、中新苏滁高新区管委会,各县、市、区人民政府。',
      ].join('\n'),
      empty(),
      ['滁州'],
    );
    expect(itemsOf(result).map((r) => [r.leaders, r.lead_units, r.units])).toEqual([
      [
        '邓继敢',
        '市发展改革委',
        '市发展改革委、市农业农村局、市住建局、市经信局、市商务局、市交通局、市地方金融监管局、滁州经开区、中新苏滁高新区管委会、各县、市、区人民政府',
      ],
    ]);
  });

  it('reads 1. with no space after it, and collectives only as 协同责任单位 (wuhu-2021.txt)', () => {
    const result = importText(fixture('wuhu-2021.txt'));
    expect(itemsOf(result)).toEqual([
      {
        no: '1',
        section: '确保完成全年主要预期目标',
        subsection: '',
        target: '地区生产总值比上年增长8.5%左右。',
        leaders: '宁波',
        units: '市发展和改革委员会、市政府各部门、各直属单位',
        lead_units: '市发展和改革委员会',
      },
    ]);
    expect(result.newCollectives.map((c) => c.name)).toEqual(['市政府各部门', '各直属单位']);
  });

  it('keeps 各县(市、区)政府(管委会), with its own 、 inside brackets, as one collective (xuchang-2020.txt)', () => {
    const result = importText(fixture('xuchang-2020.txt'));
    expect(result.errors).toEqual([]);
    expect(itemsOf(result).map((r) => [r.no, r.units, r.lead_units, r.leaders])).toEqual([
      ['1', '市疫情防控指挥部办公室、市卫生健康委、各县(市、区)政府(管委会)', '', ''],
      ['2', '市疫情防控指挥部办公室、市卫生健康委、各县(市、区)政府(管委会)', '', ''],
    ]);
    expect(result.newCollectives.map((c) => c.name)).toEqual(['各县(市、区)政府(管委会)']);
    expect(result.newUnits.map((u) => u.name)).toEqual(['市疫情防控指挥部办公室', '市卫生健康委']);
  });
});

describe('each form of the clause, and the headings', () => {
  const NOTICE = [
    '某省2024年政府工作报告重点工作任务分工方案',
    '现将重点工作分工如下。',
    '一、推动经济平稳运行',
    '（一）扩大有效投资',
    '1.实施重大项目500个。（省发展改革委牵头，省商务厅、财政厅等相关部门按职责分工负责）',
    '2.推进城市更新。（省住房城乡建设厅、地方金融监管局按职责分工负责）',
    '稳定外贸外资',
    '3.外贸进出口保持稳定。（责任领导：甲、乙；牵头单位：区财政局、区税务局；责任单位：区发改局，区经发集团，相关乡镇办）',
    '4.新增市场主体5万户。（省市场监管局牵头负责）',
    '二、保障和改善民生',
    '5.新增城镇就业110万人。（省人力资源社会保障厅、教育厅等按职责分工负责）',
  ].join('\n');
  const result = importText(NOTICE);
  const rows = itemsOf(result);

  it('X牵头，Y、Z等相关部门按职责分工负责: lead X, then Y and Z with the shared 省, then the collective', () => {
    expect(rows[0]).toMatchObject({
      section: '推动经济平稳运行',
      subsection: '扩大有效投资',
      target: '实施重大项目500个。',
      units: '省发展改革委、省商务厅、省财政厅、相关部门',
      lead_units: '省发展改革委',
    });
    expect(result.review).toContain('正文 第 5 行：「财政厅」补全为「省财政厅」（共用前缀“省”）');
  });

  it('A、B按职责分工负责: no lead unit, the 省 shared', () => {
    expect(rows[1]).toMatchObject({ units: '省住房城乡建设厅、省地方金融监管局', lead_units: '' });
  });

  it('says once which items of several units name no lead unit (the site takes the first unit as the lead)', () => {
    expect(result.review.filter((l) => l.includes('未写明牵头单位'))).toEqual([
      '正文：未写明牵头单位的 2 项，以所列第一个责任单位为牵头单位：第 2、5 项（原文若另有牵头单位，请在 lead_units 列补上）',
    ]);
  });

  it('says nothing of the lead when an item names one unit only', () => {
    const r = importText('1.推动重点项目。（省发展改革委按职责分工负责）');
    expect(r.tasks!.rows[0]).toMatchObject({ units: '省发展改革委', lead_units: '' });
    expect(r.review.filter((l) => l.includes('未写明牵头单位'))).toEqual([]);
  });

  it('labelled: leaders, lead units first, groups; an unnumbered line is the sub-section', () => {
    expect(rows[2]).toMatchObject({
      subsection: '稳定外贸外资',
      leaders: '甲、乙',
      units: '区财政局、区税务局、区发改局、区经发集团、相关乡镇办',
      lead_units: '区财政局、区税务局',
    });
    expect(rows[3]).toMatchObject({ units: '省市场监管局', lead_units: '省市场监管局', subsection: '稳定外贸外资' });
  });

  it('a trailing 等 stays on the last unit; a new section clears the sub-section', () => {
    expect(rows[4]).toMatchObject({
      section: '保障和改善民生',
      subsection: '',
      units: '省人力资源社会保障厅、省教育厅等',
      lead_units: '',
    });
  });

  it('every item without leaders is imported and said on the review list, and nothing is an error', () => {
    expect(result.errors).toEqual([]);
    expect(result.review.filter((l) => l.endsWith('未列明牵头领导'))).toEqual([
      '正文 第 5 行（第 1 项）：未列明牵头领导',
      '正文 第 6 行（第 2 项）：未列明牵头领导',
      '正文 第 9 行（第 4 项）：未列明牵头领导',
      '正文 第 11 行（第 5 项）：未列明牵头领导',
    ]);
  });

  it('等省有关部门和各地…: the collectives after 等 and 和 are entries of their own', () => {
    const r = importText('1.推动重点项目。（省发展改革委、交通运输厅、水利厅等省有关部门和各地级以上市人民政府按职责分工负责）');
    expect(r.tasks!.rows[0]).toMatchObject({
      units: '省发展改革委、省交通运输厅、省水利厅、省有关部门、各地级以上市人民政府',
      lead_units: '',
    });
  });

  it('takes an item’s leaders from its heading when the item has none, and says so', () => {
    const r = importText(
      ['一、推动经济平稳运行（责任领导：各分管副省长）', '1.实施重大项目500个。（省发展改革委牵头）'].join('\n'),
    );
    expect(r.errors).toEqual([]);
    expect(r.tasks!.rows[0]).toMatchObject({ leaders: '各分管副省长', units: '省发展改革委' });
    expect(r.tasks!.sections[0].name).toBe('推动经济平稳运行');
    expect(r.review).toContain('正文 第 2 行：这一项没有写责任领导，取所属标题写明的「各分管副省长」');
  });

  it('joins a paragraph wrapped over lines (as a PDF gives it), and numbers by order when the notice restarts', () => {
    const r = importText(
      [
        '一、甲部分',
        '1.实施重大项目500个，完成投资',
        '2000亿元。（责任领导：张三；牵头单位：区发改局）',
        '二、乙部分',
        '1.新增就业1万人。（责任领导：张三；牵头单位：区人社局）',
      ].join('\n'),
    );
    expect(r.errors).toEqual([]);
    expect(r.tasks!.rows.map((x) => [x.no, x.section, x.target])).toEqual([
      ['1', '1', '实施重大项目500个，完成投资2000亿元。'],
      ['2', '2', '新增就业1万人。'],
    ]);
    expect(r.review).toContain('正文 第 5 行：原文编号“1”不接上一项，各项按出现顺序连续编号（此项为第 2 项）');
  });

  it('takes the lines a PDF reader gives, a paragraph wrapped after a full stop joined and said so', () => {
    const read = paragraphGrid([
      '一、甲部分',
      '1.实施重大项目500个。',
      '完成投资2000亿元。（责任领导：张三；牵头单位：区发改局）',
      '加强基础设施建设',
      '2.新增就业1万人。（责任领导：张三；牵头单位：区人社局）',
    ]);
    const r = importNotice([read.grid!], empty(), { year: 2023 });
    expect(r.errors).toEqual([]);
    expect(r.tasks!.rows.map((x) => [x.no, x.subsection, x.target])).toEqual([
      ['1', '', '实施重大项目500个。完成投资2000亿元。'],
      ['2', '加强基础设施建设', '新增就业1万人。'],
    ]);
    expect(r.review).toContain('正文 第 3 行：接在上一行的段落之后（第 2 行的一项尚未写明单位）');
  });

  it('reads （一）-numbered paragraphs as the items when no 1. paragraph carries a clause', () => {
    const r = importText(
      [
        '一、主要预期目标',
        '（一）地区生产总值增长7%以上',
        '责任领导：张三',
        '责任单位：区发展和改革局',
        '（二）规上工业增加值增长12%以上',
        '责任领导：李四',
        '责任单位：区科技和经信局',
      ].join('\n'),
    );
    expect(r.errors).toEqual([]);
    expect(r.tasks!.rows.map((x) => [x.no, x.target, x.leaders, x.units])).toEqual([
      ['1', '地区生产总值增长7%以上', '张三', '区发展和改革局'],
      ['2', '规上工业增加值增长12%以上', '李四', '区科技和经信局'],
    ]);
  });
});

describe('shared prefixes, read right (units.ts)', () => {
  const ctx = { known: new Map<string, string>(), collectives: new Set<string>(), placeNames: [] as string[] };

  it('shares 省 with the bare departments after it, each expansion on the list', () => {
    const r = expandUnits('省商务厅、财政厅、发展改革委', ctx);
    expect(r.names).toEqual(['省商务厅', '省财政厅', '省发展改革委']);
    expect(r.notes).toEqual([
      '「财政厅」补全为「省财政厅」（共用前缀“省”）',
      '「发展改革委」补全为「省发展改革委」（共用前缀“省”）',
    ]);
  });

  it('keeps a name that carries its own place or is not this government’s department, and says so', () => {
    expect(expandUnits('市财政局、人行济南分行营业管理部、发展改革委', ctx)).toEqual({
      names: ['市财政局', '人行济南分行营业管理部', '市发展改革委'],
      notes: [
        '「人行济南分行营业管理部」不加前缀“市”（名称自带地名，或不是本级政府的部门），原样保留',
        '「发展改革委」补全为「市发展改革委」（共用前缀“市”）',
      ],
      prefix: '市',
    });
    // A city bureau's branch named with its place keeps its name and does not make the next names 市.
    expect(expandUnits('区住建局、市生态环境局历下分局、城管局', ctx).names).toEqual([
      '区住建局',
      '市生态环境局历下分局',
      '区城管局',
    ]);
    expect(expandUnits('区发改局、经发集团', ctx).names).toEqual(['区发改局', '经发集团']);
    expect(expandUnits('省金融监管局、山东银保监局、人民银行济南分行', ctx).names).toEqual([
      '省金融监管局',
      '山东银保监局',
      '人民银行济南分行',
    ]);
    expect(expandUnits('市中控股集团、住建局', ctx).names).toEqual(['市中控股集团', '住建局']);
  });

  it('splits no name at a 、 inside its brackets or in a collective listing levels, and still splits the rest', () => {
    expect(expandUnits('市卫生健康委等，各县(市、区)政府(管委会)', ctx).names).toEqual([
      '市卫生健康委等',
      '各县(市、区)政府(管委会)',
    ]);
    expect(expandUnits('市经信局、各县、市、区政府', ctx).names).toEqual(['市经信局', '各县、市、区政府']);
    expect(expandUnits('县农业农村局、各乡、镇人民政府', ctx).names).toEqual(['县农业农村局', '各乡、镇人民政府']);
    // Not a list of levels: two entries (立山区 2023).
    expect(expandUnits('各街道、区直各部门', ctx).names).toEqual(['各街道', '区直各部门']);
    expect(expandUnits('各区、区直各部门', ctx).names).toEqual(['各区', '区直各部门']);
  });

  it('keeps a zone’s committee as written, without the shared prefix', () => {
    expect(expandUnits('市发展改革委、中新苏滁高新区管委会、经济技术开发区管理委员会、财政局', ctx)).toEqual({
      names: ['市发展改革委', '中新苏滁高新区管委会', '经济技术开发区管理委员会', '市财政局'],
      notes: [
        '「中新苏滁高新区管委会」不加前缀“市”（名称自带地名，或不是本级政府的部门），原样保留',
        '「经济技术开发区管理委员会」不加前缀“市”（名称自带地名，或不是本级政府的部门），原样保留',
        '「财政局」补全为「市财政局」（共用前缀“市”）',
      ],
      prefix: '市',
    });
  });

  it('carries the prefix of the lead units to the other units of the item', () => {
    expect(expandUnits('财政厅', ctx, '省').names).toEqual(['省财政厅']);
  });
});

describe('the .docx and .txt readers send a notice with no table to the paragraph interpreter', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-paragraphs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  /** A minimal Word document: one paragraph per line. */
  function docxOf(lines: string[]): Buffer {
    const body = lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('');
    return Buffer.from(
      zip(
        [
          {
            name: '[Content_Types].xml',
            data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
          },
          {
            name: '_rels/.rels',
            data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
          },
          {
            name: 'word/document.xml',
            data: `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
          },
        ],
        '2023-01-01',
      ),
    );
  }

  it('gives the same items from the .docx paragraphs as from the text', async () => {
    const text = fixture('xianan-2023.txt');
    const file = path.join(dir, 'notice.docx');
    writeFileSync(file, docxOf(text.split('\n').filter((l) => l.trim())));
    const read = await readNotice(file);
    expect(read.reader).toMatch(/^编号段落/);
    const fromDocx = importNotice(read.grids, empty(), { year: 2023 });
    const fromText = importText(text);
    expect(fromDocx.errors).toEqual([]);
    const strip = (rows: Record<string, string>[]) => rows.map((r) => ({ ...r }));
    expect(strip(fromDocx.tasks!.rows)).toEqual(strip(fromText.tasks!.rows));
  });

  it('reads a .txt of paragraphs as paragraphs, and the bundled notice (tables) as tables', async () => {
    const file = path.join(dir, 'notice.txt');
    writeFileSync(file, fixture('lishan-2023.txt'));
    const read = await readNotice(file);
    expect(read.grids).toHaveLength(1);
    expect(read.grids[0].paragraphs).toBe(true);
    const bundled = await readNotice(path.resolve(__dirname, '../../../content/2020/notice.txt'));
    expect(bundled.reader).toBe('文本中的表格（每格一行）');
    expect(bundled.grids.map((g) => g.source)).toEqual(['附件1', '附件2']);
  });
});
