import { describe, expect, it } from 'vitest';
import { ContentError } from '../../../src/core/errors/errors.ts';
import { formatIssue } from '../../../src/core/errors/issues.ts';
import { formatIssues, loadContent, loadContentOrThrow } from '../../../src/core/content/load.ts';
import { TODAY, edit, fixtureText, makeContent } from '../../fixtures/content.ts';

const load = (changes: Parameters<typeof makeContent>[0] = {}, today = TODAY) => loadContent(makeContent(changes), { today });
/** The formatted issues of a load, one line each, as `npm run validate` prints them. */
const messages = (changes: Parameters<typeof makeContent>[0] = {}, today = TODAY) =>
  load(changes, today).issues.map((i) => formatIssue(i, () => undefined));

describe('a valid content folder', () => {
  it('loads with no issues and publishes every row it read', () => {
    const result = load();
    expect(result.issues).toEqual([]);
    const ds = result.dataset!;
    expect(ds.units.map((u) => u.id)).toEqual(['fagaiju', 'zhujianju', 'jiaotiju', 'liulishan']);
    const year = ds.years[0];
    expect(year.tasks).toHaveLength(3);
    expect(year.projects).toHaveLength(2);
    expect(year.reports).toHaveLength(6);
    for (const c of ds.rowCounts) expect(c.published, c.file).toBe(c.read);
    expect(ds.rowCounts.reduce((n, c) => n + c.read, 0)).toBe(4 + 3 + 1 + 2 + 2 + 3 + 2 + 5 + 4 + 2);
  });

  it('resolves units, collective references, a trailing 等, leaders and links', () => {
    const year = load().dataset!.years[0];
    const t2 = year.itemByKey.get('T2')!;
    expect(t2.units).toEqual([
      { type: 'unit', id: 'jiaotiju', written: '区教体局' },
      { type: 'collective', name: '相关街道办事处' },
    ]);
    expect(t2.leadUnitIds).toEqual(['jiaotiju']);
    const t3 = year.itemByKey.get('T3')!;
    expect(t3.etc).toBe(true);
    expect(t3.units.at(-1)).toEqual({ type: 'unit', id: 'liulishan', written: '六里山街道办事处' });
    expect(year.itemByKey.get('T1')!.leaderIds).toEqual(['zhangsan', 'lisi']);
    expect(year.itemByKey.get('P1')!.related).toEqual(['T3']);
    expect(t3.related).toEqual(['P1']);
  });

  it('takes a collective whose own name has a 、 in it whole, when collectives.csv has it', () => {
    const collectives = `${fixtureText('collectives.csv')}\n各县、市、区政府,辖区内各县、市、区政府\n各县(市、区)政府(管委会),辖区内各县(市、区)政府和管委会`;
    const units = '区教体局、各县、市、区政府、各县(市、区)政府(管委会)等';
    const result = load({ 'collectives.csv': collectives, ...edit('2020/tasks.csv', '区教体局、相关街道办事处', units) });
    expect(result.issues).toEqual([]);
    const t2 = result.dataset!.years[0].itemByKey.get('T2')!;
    expect(t2.units).toEqual([
      { type: 'unit', id: 'jiaotiju', written: '区教体局' },
      { type: 'collective', name: '各县、市、区政府' },
      { type: 'collective', name: '各县(市、区)政府(管委会)' },
    ]);
    expect(t2.etc).toBe(true);
    // Without the collective registered, each part is an unknown name, as before.
    expect(messages(edit('2020/tasks.csv', '区教体局、相关街道办事处', units)).filter((m) => m.includes('[LS-REF-'))).toHaveLength(5);
  });

  it('accepts aliases, a UTF-8 BOM and CRLF line endings', () => {
    const tasks = fixtureText('2020/tasks.csv').replace('区发改局、区住建局', '发改局、住建局').replace(/\n/g, '\r\n');
    const result = load({ '2020/tasks.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(tasks)]) });
    expect(result.issues).toEqual([]);
    expect(result.dataset!.years[0].itemByKey.get('T1')!.units.map((u) => (u.type === 'unit' ? u.id : u.name))).toEqual([
      'fagaiju',
      'zhujianju',
    ]);
  });

  it('takes another year by adding a folder, with no code change', () => {
    const year2021: Record<string, string> = {};
    for (const name of ['manifest.json', 'sections.csv', 'categories.csv', 'tasks.csv', 'projects.csv']) {
      year2021[`2021/${name}`] = fixtureText(`2020/${name}`)
        .replace('"year":2020', '"year":2021')
        .replace('"data_date":"2020-04-10"', '"data_date":"2021-01-15"');
    }
    const result = load(year2021);
    expect(result.issues).toEqual([]);
    const [y2020, y2021] = result.dataset!.years;
    expect([y2020.year, y2021.year]).toEqual([2020, 2021]);
    expect(y2021.items).toHaveLength(5);
    expect(y2021.plans).toEqual([]);
    // Nothing is due yet on 15 January 2021 (December's report is due 8 January 2021, but 2021 has no December).
    expect(y2021.months).toEqual([]);
  });

  it('derives statuses from the reports, with lateness against the holiday calendar', () => {
    const year = load().dataset!.years[0];
    expect(year.months).toEqual(['2020-01', '2020-02', '2020-03']);
    const status = (key: string) => year.status.get(key)!.months.map((m) => m.status);
    expect(status('T1')).toEqual(['序时推进', '序时推进', '未报送']);
    expect(status('T2')).toEqual(['滞后', '序时推进', '未报送']);
    expect(status('P1')).toEqual(['已完成', '已完成', '已完成']);
    expect(status('T3')).toEqual(['未报送', '未报送', '未报送']);
    // January 2020's reports were due on 7 February (Spring Festival extended to 2 February).
    const jan = year.reportsByItem.get('P1')![0];
    expect(jan.deadline).toBe('2020-02-07');
    expect(jan.late).toBe(true);
    expect(year.reportsByItem.get('T1')![0].late).toBe(false);
  });
});

describe('every kind of bad input is reported with file, line, column, value, message and hint', () => {
  it('a GBK file (Excel on Chinese Windows) names the encoding and the command that converts it', () => {
    const gbk = Buffer.from(new TextEncoder().encode('no,name\n1,'));
    // "聚焦产业" in GBK, written by hand so the test needs no encoder library.
    const bytes = Buffer.concat([gbk, Buffer.from([0xbe, 0xdb, 0xbd, 0xb9, 0xb2, 0xfa, 0xd2, 0xb5, 0x0a])]);
    const [message] = messages({ '2020/sections.csv': bytes });
    expect(message).toBe(
      'content/2020/sections.csv:2  [LS-CSV-002]  文件不是 UTF-8 编码，看起来是 GBK/GB18030（中文 Windows 上 Excel 默认的“CSV（逗号分隔）”格式）  ' +
        '提示：请用 Excel“另存为”→“CSV UTF-8（逗号分隔）”，或运行：iconv -f GB18030 -t UTF-8 "content/2020/sections.csv" > "content/2020/sections.csv.utf8" && mv "content/2020/sections.csv.utf8" "content/2020/sections.csv"；也可用 npm run import 导入，它会自动转换',
    );
  });

  it('a UTF-16 file is named as such', () => {
    const [message] = messages({ '2020/sections.csv': Buffer.from([0xff, 0xfe, 0x6e, 0x00]) });
    expect(message).toBe(
      'content/2020/sections.csv:0  [LS-CSV-001]  文件是 UTF-16 编码（Excel“Unicode 文本”格式），无法读取  提示：请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）(*.csv)”',
    );
  });

  it('an unknown task number in a report', () => {
    const bad = edit('2020/reports/2020-02.csv', 'T2,2020-02', 'T99,2020-02');
    expect(messages(bad)).toEqual([
      'content/2020/reports/2020-02.csv:3:1  [LS-REF-019]  item  「T99」  事项不存在  提示：主要任务写 T+序号，民生工程写 P+序号，且序号须在 tasks.csv / projects.csv 中',
    ]);
  });

  it('an unknown unit, with a suggestion', () => {
    expect(messages(edit('2020/tasks.csv', '区发改局、区住建局', '区发改局、住建'))).toEqual([
      'content/2020/tasks.csv:2:7  [LS-REF-015]  units  「住建」  未知的责任单位  提示：是否应为：区住建局、住建局？',
    ]);
  });

  it('a report by a unit that is not responsible for the item', () => {
    expect(messages(edit('2020/reports/2020-02.csv', 'T1,2020-02,区发改局', 'T1,2020-02,区教体局'))).toEqual([
      'content/2020/reports/2020-02.csv:2:3  [LS-REF-023]  unit  「区教体局」  不是事项 T1 的责任单位  提示：该事项的责任单位：区发改局、区住建局',
    ]);
  });

  it('an unknown leader', () => {
    expect(messages(edit('2020/tasks.csv', '张三、李四', '张三、王五'))).toEqual([
      'content/2020/tasks.csv:2:6  [LS-REF-013]  leaders  「王五」  未知的牵头领导  提示：可用的姓名：张三、李四、各相关副区长；新领导须先加入 leaders.csv',
    ]);
  });

  it('duplicate reports for the same item and month, across files', () => {
    const extra = fixtureText('2020/reports/2020-02.csv') + '\nT1,2020-02,区发改局,目标,另一份,无,计划,完成,否,2020-03-06,';
    expect(messages({ '2020/reports/2020-02.csv': extra })).toEqual([
      'content/2020/reports/2020-02.csv:4:1  [LS-REF-029]  item  「T1」  该事项 2020-02 的月报重复（content/2020/reports/2020-02.csv:2 已有）  提示：每个事项每月只保留一行；更正请修改原行',
    ]);
  });

  it('duplicate task numbers and gaps in numbering', () => {
    expect(messages(edit('2020/tasks.csv', '3,2,,,加装电梯', '2,2,,,加装电梯'))).toEqual([
      'content/2020/tasks.csv:4:1  [LS-REF-006]  no  「2」  序号重复（第 3 行已使用）  提示：每项序号必须唯一',
      // T3 is gone, so the project that links to it and its plan are reported too.
      'content/2020/projects.csv:2  [LS-REF-018]  task  「3」  对应的主要工作任务不存在  提示：填 tasks.csv 中存在的序号，没有对应任务则留空',
      'content/2020/plans.csv:4:1  [LS-REF-019]  item  「T3」  事项不存在  提示：主要任务写 T+序号，民生工程写 P+序号，且序号须在 tasks.csv / projects.csv 中',
    ]);
    expect(messages(edit('2020/sections.csv', '2,聚焦民生。', '3,聚焦民生。'))).toContain(
      'content/2020/sections.csv:0  [LS-REF-007]  no  序号不连续，缺少：2  提示：补上缺少的行，或检查是否误删',
    );
  });

  it('impossible months and dates', () => {
    expect(messages(edit('2020/reports/2020-02.csv', 'T1,2020-02', 'T1,2020-13'))).toEqual([
      'content/2020/reports/2020-02.csv:2:2  [LS-FLD-014]  month  「2020-13」  月份无效，应写作 YYYY-MM（月份 01–12）  提示：写作 YYYY-MM，须与文件名一致',
    ]);
    expect(messages(edit('2020/reports/2020-02.csv', '2020-03-05,\nT2', '2020-02-30,\nT2'))).toEqual([
      'content/2020/reports/2020-02.csv:2:10  [LS-FLD-013]  filed  「2020-02-30」  日期无效，应写作 YYYY-MM-DD 且为真实日期  提示：写作 YYYY-MM-DD，不得晚于数据日期',
    ]);
  });

  it('a month that does not match its file name', () => {
    expect(messages(edit('2020/reports/2020-02.csv', 'T1,2020-02', 'T1,2020-03'))).toEqual([
      'content/2020/reports/2020-02.csv:2:2  [LS-REF-026]  month  「2020-03」  月份与文件名 2020-02 不一致  提示：改为 2020-02，或移到 2020-03.csv',
    ]);
  });

  it('a report for a month after the data date, or filed after it', () => {
    const late =
      'item,month,unit,target,progress,problems,next_steps,evaluation,item_complete,filed,note\nT1,2020-05,区发改局,目标,进展,无,计划,完成,否,2020-04-09,';
    expect(messages({ '2020/reports/2020-05.csv': late })).toEqual([
      'content/2020/reports/2020-05.csv:2:2  [LS-REF-028]  month  「2020-05」  报告月份晚于数据日期 2020-04-10  提示：不能报送将来月份的情况；检查月份或 manifest.json 的 data_date',
      'content/2020/reports/2020-05.csv:2:10  [LS-REF-030]  filed  「2020-04-09」  填报时间早于所报月份 2020-05  提示：月报应在该月开始之后填报',
    ]);
    expect(messages(edit('2020/reports/2020-02.csv', '2020-03-05,\nT2', '2020-04-11,\nT2'))).toEqual([
      'content/2020/reports/2020-02.csv:2:10  [LS-REF-025]  filed  「2020-04-11」  填报时间晚于数据日期 2020-04-10  提示：检查日期；或更新 manifest.json 中的 data_date',
    ]);
  });

  it('a data date after the build date', () => {
    expect(messages({}, '2020-04-09')).toEqual([
      'content/2020/manifest.json:0  [LS-SITE-008]  data_date  「2020-04-10」  数据日期晚于今天（2020-04-09）  提示：数据日期应为数据截止的日期，不能是将来',
    ]);
  });

  it('a report for a month before the plan was filed, and a report with no plan', () => {
    expect(messages(edit('2020/plans.csv', '王一,王二,,2020-01-10\nT2', '王一,王二,,2020-02-10\nT2'))).toEqual([
      'content/2020/reports/2020-01.csv:2:2  [LS-REF-032]  month  「2020-01」  月份早于该事项计划的填报时间 2020-02-10  提示：检查月份，或计划的填报时间',
    ]);
    expect(
      messages(edit('2020/plans.csv', '\nT2,区教体局,一季度目标,二季度目标,三季度目标,四季度目标,王一,王二,,2020-01-10', '')),
    ).toEqual([
      'content/2020/reports/2020-01.csv:3:1  [LS-REF-031]  item  「T2」  该事项还没有落实计划（附件3），不能报送月报  提示：先在 plans.csv 中补上该事项的计划',
      'content/2020/reports/2020-02.csv:3:1  [LS-REF-031]  item  「T2」  该事项还没有落实计划（附件3），不能报送月报  提示：先在 plans.csv 中补上该事项的计划',
    ]);
  });

  it('an evaluation other than 完成/未完成', () => {
    expect(
      messages(edit('2020/reports/2020-02.csv', '计划,完成,否,2020-03-05,\nT2', '计划,基本完成,否,2020-03-05,\nT2')),
    ).toEqual([
      'content/2020/reports/2020-02.csv:2:8  [LS-FLD-021]  evaluation  「基本完成」  评价只能是“完成”或“未完成”  提示：填 完成 或 未完成',
    ]);
  });

  it('a completed item that later reports incomplete without explanation; with one it is accepted', () => {
    const reopened = fixtureText('2020/reports/2020-02.csv') + '\nP1,2020-02,区住建局,目标,进展,无,计划,未完成,否,2020-03-05,';
    expect(messages({ '2020/reports/2020-02.csv': reopened })).toEqual([
      'content/2020/reports/2020-02.csv:4  [LS-REF-033]  item_complete  「否」  该事项已在 2020-01 报告全部完成，本月又报未全部完成，但没有说明  提示：在 note（说明）列写明原因，如“验收未通过，需整改”；若是误报，改为 是',
    ]);
    const explained = load({ '2020/reports/2020-02.csv': `${reopened}验收未通过，需整改` });
    expect(explained.issues).toEqual([]);
    expect(explained.dataset!.years[0].status.get('P1')!.months.map((m) => m.status)).toEqual(['已完成', '滞后', '未报送']);
  });

  it('an empty required field', () => {
    expect(
      messages(edit('2020/reports/2020-02.csv', '目标,进展,无,计划,完成,否,2020-03-05', '目标,,无,计划,完成,否,2020-03-05')),
    ).toEqual(['content/2020/reports/2020-02.csv:2:5  [LS-FLD-010]  progress  「」  必填项为空  提示：必填']);
  });

  it('stray full-width characters and spaces', () => {
    expect(messages(edit('2020/reports/2020-02.csv', 'T1,2020-02', 'Ｔ１,2020-02'))).toEqual([
      'content/2020/reports/2020-02.csv:2:1  [LS-FLD-003]  item  「Ｔ１」  含有全角字母、数字或符号  提示：改为半角：T1',
    ]);
    expect(messages(edit('2020/tasks.csv', '完成投资10亿元。', '完成投资10亿元。\u3000'))).toEqual([
      'content/2020/tasks.csv:2:5  [LS-FLD-001]  target  「完成投资10亿元。\u3000」  含有全角空格  提示：删除全角空格（　）',
    ]);
    expect(messages(edit('2020/tasks.csv', '区发改局、区住建局', '区发改局，区住建局'))).toEqual([
      'content/2020/tasks.csv:2:7  [LS-FLD-016]  units  「区发改局，区住建局」  多个值应使用顿号“、”分隔  提示：填 units.csv 中的名称或别名，或 collectives.csv 中的统称',
    ]);
  });

  it('unknown and missing columns, and rows with the wrong number of cells', () => {
    expect(messages(edit('2020/sections.csv', 'no,name', 'no,name,remark'))).toEqual([
      'content/2020/sections.csv:2  [LS-CSV-007]  本行有 2 个单元格，表头有 3 列  提示：检查是否有单元格内含英文逗号却未加引号，或多出/缺少逗号',
      'content/2020/sections.csv:3  [LS-CSV-007]  本行有 2 个单元格，表头有 3 列  提示：检查是否有单元格内含英文逗号却未加引号，或多出/缺少逗号',
      'content/2020/sections.csv:1:3  [LS-CSV-010]  「remark」  未知的列名，该列数据不会被发布  提示：允许的列：no, name',
    ]);
    expect(messages(edit('2020/categories.csv', 'no,numeral,name', 'no,name'))).toContain(
      'content/2020/categories.csv:1  [LS-CSV-011]  numeral  缺少这一列  提示：表头应包含：no, numeral, name',
    );
  });

  it('an unbalanced quote', () => {
    const [message] = messages(edit('2020/tasks.csv', '"新建学校3所，改扩建1所。"', '"新建学校3所，改扩建1所。'));
    expect(message).toMatch(
      /^content\/2020\/tasks\.csv:\d+ {2}\[LS-CSV-004\] {2}CSV 格式错误，文件无法解析（CSV_QUOTE_NOT_CLOSED） {2}提示：多半是某个单元格中的英文双引号不成对/,
    );
  });

  it('a missing file', () => {
    expect(messages({ '2020/projects.csv': null })).toContain(
      'content/2020/projects.csv:0  [LS-CSV-009]  缺少文件  提示：应有 民生实事项目（projects.csv） 文件，格式见 docs/FORMATS.md',
    );
  });

  it('collects every error in one run instead of stopping at the first', () => {
    const reports = fixtureText('2020/reports/2020-02.csv')
      .replace('T1,2020-02', 'T9,2020-02')
      .replace('计划,完成,否,2020-03-05,\nT2', '计划,也许,否,2020-03-05,\nT2');
    const issues = load({ '2020/reports/2020-02.csv': reports, ...edit('2020/tasks.csv', '张三、李四', '张三、王五') }).issues;
    expect(issues.map((i) => `${i.file}:${i.line}:${i.field}`)).toEqual([
      'content/2020/tasks.csv:2:leaders',
      'content/2020/reports/2020-02.csv:2:evaluation',
    ]);
    // The bad evaluation stops that row before cross-file checks; fix it and the unknown item shows.
    expect(load({ '2020/reports/2020-02.csv': reports.replace('也许', '完成') }).issues.map((i) => i.message)).toEqual([
      '事项不存在',
    ]);
  });

  it('loadContentOrThrow throws one error carrying the whole report', () => {
    const root = makeContent(edit('2020/tasks.csv', '张三、李四', '张三、王五'));
    expect(() => loadContentOrThrow(root, { today: TODAY })).toThrow(ContentError);
    try {
      loadContentOrThrow(root, { today: TODAY });
    } catch (error) {
      expect((error as ContentError).message).toBe(
        'content/2020/tasks.csv:2:6  [LS-REF-013]  leaders（牵头领导）  「王五」  未知的牵头领导  提示：可用的姓名：张三、李四、各相关副区长；新领导须先加入 leaders.csv\n\n' +
          '内容校验未通过：1 个文件中共 1 处错误。修改后运行 npm run validate 重新检查。',
      );
    }
    expect(formatIssues([])).toContain('共 0 处错误');
  });
});

describe('the notice text', () => {
  it('is read from the year folder when manifest notice.text names it', () => {
    const manifest = JSON.parse(fixtureText('2020/manifest.json'));
    manifest.notice.text = 'notice.txt';
    const ok = load({ '2020/manifest.json': JSON.stringify(manifest), '2020/notice.txt': '\uFEFF测试通知\r\n附件1\r\n' });
    expect(ok.issues).toEqual([]);
    expect(ok.dataset!.years[0].noticeText).toBe('测试通知\n附件1\n');
    expect(load().dataset!.years[0].noticeText).toBeUndefined();
  });

  it('a missing notice file is an error naming the field', () => {
    const manifest = JSON.parse(fixtureText('2020/manifest.json'));
    manifest.notice.text = 'notice.txt';
    const m = messages({ '2020/manifest.json': JSON.stringify(manifest) });
    expect(m.join('\n')).toContain('notice.text');
    expect(m.join('\n')).toContain('通知原文文件不存在');
  });
});

describe('the programme and sections are data', () => {
  const manifest = (extra: object) => JSON.stringify({ ...JSON.parse(fixtureText('2020/manifest.json')), ...extra });

  it('names the programme, its slug and item label from manifest.json', () => {
    const year = load({
      '2020/manifest.json': manifest({
        programme: { name: '民生十件实事', slug: 'shishi', item_label: '实事', categories: true },
      }),
    }).dataset!.years[0];
    expect(year.programme).toEqual({ name: '民生十件实事', slug: 'shishi', itemLabel: '实事', categories: true, attachment: '' });
    expect(year.itemByKey.get('P1')).toMatchObject({ kindName: '民生十件实事', itemLabel: '实事' });
    expect(year.itemByKey.get('T1')).toMatchObject({ kindName: '主要工作任务', itemLabel: '任务' });
  });

  it('a programme without categories and main tasks without sections load, with 完成时限 kept', () => {
    const result = load({
      '2020/manifest.json': manifest({
        programme: { name: '民生十件实事', slug: 'shishi', item_label: '实事', categories: false },
        tasks: { sections: false },
      }),
      '2020/sections.csv': null,
      '2020/categories.csv': null,
      '2020/tasks.csv': fixtureText('2020/tasks.csv').replace(/^(\d),\d,/gm, '$1,,'),
      '2020/projects.csv': [
        'no,content,leaders,units,lead_units,task,deadline',
        '1,完成既有住宅加装电梯60部。,张三,区住建局,,3,2020年6月底前',
        '2,新建学校3所。,李四,区教体局,,,',
      ].join('\n'),
    });
    expect(result.issues).toEqual([]);
    const year = result.dataset!.years[0];
    expect(year.sections).toEqual([]);
    expect(year.categories).toEqual([]);
    expect(year.itemByKey.get('P1')).toMatchObject({ group: 0, deadline: '2020年6月底前' });
    expect(year.itemByKey.get('T1')!.group).toBe(0);
  });

  it('an item without leaders loads (the notice named none); an unknown name is still an error', () => {
    const result = load(edit('2020/tasks.csv', '张三、李四', ''));
    expect(result.issues).toEqual([]);
    expect(result.dataset!.years[0].itemByKey.get('T1')!.leaderIds).toEqual([]);
    expect(messages(edit('2020/tasks.csv', '张三、李四', '、张三'))[0]).toContain('[LS-FLD-017]');
  });

  it('several sub-tasks in one item: a line each, with its own deadline, read as months', () => {
    const result = load({
      '2020/projects.csv': [
        'no,category,content,leaders,units,lead_units,task,deadline',
        '1,1,"开工建设县老年养护楼。\n开工建设老年大学。",张三,区住建局,,3,"5月底前动工\n12月底前"',
        '2,2,"1.新建学校3所\n2.改扩建1所",李四,区教体局,,,年底前',
      ].join('\n'),
    });
    expect(result.issues).toEqual([]);
    const year = result.dataset!.years[0];
    expect(year.itemByKey.get('P1')).toMatchObject({
      text: '开工建设县老年养护楼。开工建设老年大学。',
      deadline: '5月底前动工；12月底前',
      deadlineMonth: '2020-12',
      parts: [
        { text: '开工建设县老年养护楼。', deadline: '5月底前动工', deadlineMonth: '2020-05' },
        { text: '开工建设老年大学。', deadline: '12月底前', deadlineMonth: '2020-12' },
      ],
    });
    // One deadline for the whole item: the parts have none of their own.
    expect(year.itemByKey.get('P2')!.parts.map((p) => p.deadline)).toEqual(['', '']);
    expect(year.itemByKey.get('P2')!.deadlineMonth).toBe('2020-12');
    expect(year.itemByKey.get('T1')).toMatchObject({ parts: [], deadlineMonth: undefined });
  });

  it('sub-task deadlines that do not pair with the sub-tasks are an error', () => {
    const lines = messages({
      '2020/projects.csv': [
        'no,category,content,leaders,units,lead_units,task,deadline',
        '1,1,"甲。\n乙。\n丙。",张三,区住建局,,3,"5月底前\n12月底前"',
        '2,2,新建学校3所。,李四,区教体局,,,',
      ].join('\n'),
    });
    expect(lines).toEqual([
      'content/2020/projects.csv:2:8  [LS-REF-035]  deadline  「5月底前\n12月底前」  完成时限有 2 行，与内容的 3 个子任务（内容的各行）不对应  提示：一行内容一个子任务，完成时限按同样的顺序一行一个；整项只有一个完成时限时只写一行',
    ]);
  });

  it('a year of only a programme loads; contradictions between manifest and files are errors', () => {
    const only = load({
      '2020/manifest.json': manifest({ tasks: false }),
      '2020/tasks.csv': null,
      '2020/sections.csv': null,
      '2020/plans.csv': fixtureText('2020/plans.csv')
        .split('\n')
        .filter((l) => !l.startsWith('T'))
        .join('\n'),
      '2020/reports/2020-01.csv': fixtureText('2020/reports/2020-01.csv')
        .split('\n')
        .filter((l) => !l.startsWith('T'))
        .join('\n'),
      '2020/reports/2020-02.csv': null,
      '2020/projects.csv': fixtureText('2020/projects.csv').replace(',,3', ',,'),
    });
    expect(only.issues).toEqual([]);
    expect(only.dataset!.years[0].mainTasks).toBeUndefined();
    const m = messages({
      '2020/manifest.json': manifest({
        programme: { name: '民生十件实事', slug: 'shishi', item_label: '实事', categories: false },
      }),
    }).join('\n');
    expect(m).toContain('content/2020/categories.csv:0  [LS-SITE-013]  manifest.json 中 programme.categories 为 false');
    expect(m).toContain('本年度民生实事不分类别，此列应留空');
    expect(messages({ '2020/manifest.json': manifest({ programme: undefined }) }).join('\n')).toContain(
      'manifest.json 中没有 programme',
    );
    expect(
      messages({
        '2020/manifest.json': manifest({ programme: { name: '十件实事', slug: 'tasks', item_label: '实事', categories: true } }),
      }).join('\n'),
    ).toContain('网址段不能是');
  });
});

describe('site.json identity (the footer of a government website)', () => {
  const site = (identity: Record<string, unknown> | undefined) => {
    const s = JSON.parse(fixtureText('site.json'));
    return {
      'site.json': JSON.stringify({ ...s, identity: identity === undefined ? undefined : { ...s.identity, ...identity } }),
    };
  };
  const REAL = {
    demo: false,
    phone: '0531-86000000',
    email: 'dcs@example.gov.cn',
    address: '测试区测试路1号',
    site_code: '3701030001',
    icp: '鲁ICP备12345678号',
    police: '鲁公网安备 37010302000001号',
    badge: 'identity/dzjg.png',
  };

  it('a real site with every field filled loads; the badge image must exist', () => {
    expect(load({ ...site(REAL), 'identity/dzjg.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]) }).issues).toEqual([]);
    expect(messages(site(REAL)).join('\n')).toContain(
      'identity.badge  「identity/dzjg.png」  党政机关网站标识（identity.badge）的图片文件不存在',
    );
  });

  it('a missing or malformed field is an error naming the field', () => {
    expect(messages(site(undefined)).join('\n')).toContain('缺少网站标识信息（identity）');
    const bad = messages({
      ...site({
        ...REAL,
        site_code: '37010',
        icp: 'ICP 12345678',
        police: '鲁公网安备 123号',
        email: 'dcs',
        phone: '电话',
        sponsor: '',
      }),
      'identity/dzjg.png': 'x',
    }).join('\n');
    expect(bad).toContain('网站标识码（identity.site_code）应为 10 位数字');
    expect(bad).toContain('ICP备案号（identity.icp）格式应为');
    expect(bad).toContain('公安机关备案号（identity.police）格式应为');
    expect(bad).toContain('联系邮箱（identity.email）应为电子邮箱地址');
    expect(bad).toContain('联系电话（identity.phone）应为电话号码');
    expect(bad).toContain('主办单位（identity.sponsor）不能为空');
    const s = JSON.parse(fixtureText('site.json'));
    delete s.identity.address;
    delete s.identity.licence;
    const missing = messages({ 'site.json': JSON.stringify(s) }).join('\n');
    expect(missing).toContain('缺少联系地址（identity.address）');
    expect(missing).toContain('缺少数据许可');
  });

  it('placeholders only on a demo site', () => {
    expect(load(site({ demo: true })).issues).toEqual([]);
    const m = messages(site({ demo: false })).join('\n');
    expect(m).toContain('网站标识码（identity.site_code）仍是待填写的占位内容');
    expect(m).toContain('ICP备案号（identity.icp）仍是待填写的占位内容');
  });
});
