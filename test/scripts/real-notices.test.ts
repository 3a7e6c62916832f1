/**
 * Three real notices of other governments (test/fixtures/notices/README.md), each through the path
 * docs/GUIDE.md gives a new government, with no code change: new-site → import-notice → validate →
 * build. On the built site every item's text, units, leaders (or 未列明) and deadlines are on its
 * page. What import-notice printed (the review list, 审核清单) is kept beside the fixtures, in
 * test/fixtures/notices/review/, and must not change unnoticed.
 * - 大竹县 2016 民生实事 (.docx table): units one per line, no leader column, deadlines in words,
 *   two sub-tasks in row 5;
 * - 下陆区 2020 重点工作 (.docx of numbered paragraphs): [牵头单位:…;责任单位:…], no leaders;
 * - 广东省 2023 (a web page's text): `X牵头负责`, `X、Y、Z等…按职责分工负责` with the 省 shared.
 * - 滁州市 2020 (.docx of numbered paragraphs): 牵头负责领导 / 牵头责任单位 / 协同责任单位 on lines
 *   of their own, a leader named for every item, `…等,各县、市、区政府`;
 * - 许昌市 2020 (a web page's text): `责任单位:…等,各县(市、区)政府(管委会)`, no leaders;
 * - 芜湖市 2021 (a web page's text): the labels of 滁州 with no space after `1.`, the leader 宁波,
 *   `协同责任单位:市政府各部门、各直属单位。` two collectives;
 * - 蔡甸区 2023 (a web page's text): `(一)…` items with `责任单位:…` under each, no leaders.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../src/core/content/load.ts';
import { itemPath } from '../../src/core/present/urls.ts';
import type { Dataset, Item } from '../../src/core/model/types.ts';
import { TODAY } from '../fixtures/content.ts';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/notices');
const NODE = existsSync(path.join(ROOT, 'node_modules/.bin/node')) ? path.join(ROOT, 'node_modules/.bin/node') : process.execPath;
const ENV = { ...process.env, LUOSHI_TODAY: TODAY, LUOSHI_CONTENT: '/nonexistent-use-the-flag', ASTRO_TELEMETRY_DISABLED: '1' };
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function run(script: string, args: string[]) {
  const r = spawnSync(NODE, [path.join(ROOT, 'scripts', `${script}.ts`), ...args], { encoding: 'utf8', env: ENV });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')}: ${r.status}\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

interface Government {
  dataset: Dataset;
  /** What import-notice printed, the content folder's path replaced by 〈内容目录〉. */
  review: string;
  page: (item: Item) => string;
  /** A built file by its site path (leaders/index.html). */
  file: (sitePath: string) => string;
}

/** new-site → import-notice → validate → build, as a government does it; the built site's pages. */
function adopt(name: string, notice: string, year: number, district: string, extra: string[] = []): Government {
  const dir = mkdtempSync(path.join(tmpdir(), `luoshi-${name}-`));
  temps.push(dir);
  const root = path.join(dir, 'content');
  run('new-site', [root]);
  const siteFile = path.join(root, 'site.json');
  writeFileSync(siteFile, JSON.stringify({ ...JSON.parse(readFileSync(siteFile, 'utf8')), district }, null, 2));
  const review = run('import-notice', [
    path.join(FIXTURES, notice),
    '--year',
    String(year),
    '--content',
    root,
    ...extra,
  ]).replaceAll(root, '〈内容目录〉');
  run('validate', ['--content', root, '--today', TODAY]);
  const out = path.join(dir, 'dist');
  execFileSync(path.join(ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', out], {
    cwd: ROOT,
    env: { ...ENV, LUOSHI_CONTENT: root, LUOSHI_CACHE_DIR: path.join(dir, 'cache') },
    stdio: 'pipe',
  });
  const dataset = loadContentOrThrow(root, { today: TODAY });
  const y = dataset.years[0];
  return {
    dataset,
    review,
    page: (item) => readFileSync(path.join(out, itemPath(y, item), 'index.html'), 'utf8'),
    file: (sitePath) => readFileSync(path.join(out, sitePath), 'utf8'),
  };
}

/** Text as the page writes it (Astro escapes these in text). */
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Every item's text, units (each by name, or the collective as written), leaders and deadline on its page. */
function expectEveryItemOnItsPage(gov: Government) {
  const { dataset: ds } = gov;
  const items = ds.years[0].items;
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) {
    const page = gov.page(item);
    const texts = item.parts.length > 0 ? item.parts.map((p) => p.text) : [item.text];
    for (const t of texts) expect(page, item.key).toContain(html(t));
    for (const ref of item.units)
      expect(page, item.key).toContain(html(ref.type === 'unit' ? ds.unitById.get(ref.id)!.name : ref.name));
    if (item.leaderIds.length === 0) expect(page, item.key).toMatch(/<dt>牵头领导<\/dt>\s*<dd>未列明<\/dd>/);
    for (const id of item.leaderIds) expect(page, item.key).toContain(ds.leaderById.get(id)!.name);
    if (item.deadline) expect(page, item.key).toContain(`<dt>完成时限</dt><dd>${html(item.deadline)}</dd>`);
    for (const p of item.parts.filter((x) => x.deadline)) expect(page, item.key).toContain(`（完成时限：${html(p.deadline)}）`);
  }
}

const reviewFile = (name: string) => path.join(FIXTURES, 'review', `${name}.txt`);

describe('大竹县 2016 民生实事: a .docx table, units one per line, no leader column, deadlines in words, two sub-tasks in a row', () => {
  let gov: Government;
  beforeAll(() => {
    gov = adopt('dazhu', 'dazhu-2016.docx', 2016, '达州市大竹县', ['--date', '2016-02-26']);
  }, 300_000);

  it('imports all ten items with no leaders, units one per line, and row 5 as one item of two sub-tasks', () => {
    const { dataset: ds } = gov;
    const year = ds.years[0];
    expect(year.programme).toMatchObject({ name: '民生实事' });
    expect(year.projects).toHaveLength(10);
    expect(ds.leaders).toEqual([]);
    const names = (key: string) =>
      year.itemByKey.get(key)!.units.map((r) => (r.type === 'unit' ? ds.unitById.get(r.id)!.name : r.name));
    expect(names('P1')).toEqual(['县水务局', '县住建局', '县护城河指挥部']);
    expect(year.itemByKey.get('P2')).toMatchObject({ deadline: '9月投入使用', deadlineMonth: '2016-09' });
    expect(year.itemByKey.get('P4')).toMatchObject({ deadline: '5月底前动工', deadlineMonth: '2016-05' });
    expect(year.itemByKey.get('P5')).toMatchObject({
      text: '开工建设县老年养护楼。开工建设老年大学。',
      deadlineMonth: '2016-12',
      parts: [
        { text: '开工建设县老年养护楼。', deadline: '5月底前动工', deadlineMonth: '2016-05' },
        { text: '开工建设老年大学。', deadline: '12月底前', deadlineMonth: '2016-12' },
      ],
    });
  });

  it('shows every item on its page: text, units, 未列明 leaders, deadlines, and each sub-task with its own', () => {
    expectEveryItemOnItsPage(gov);
    const p5 = gov.page(gov.dataset.years[0].itemByKey.get('P5')!);
    expect(p5).toContain(
      '<p class="fulltext">开工建设县老年养护楼。（完成时限：5月底前动工）<br>开工建设老年大学。（完成时限：12月底前）</p>',
    );
  });

  it('says on the leaders page that no item names a leader, and 未列明 in the list’s leader column', () => {
    expect(gov.file('leaders/index.html')).toContain('<p>2016年有 10 项通知未列明牵头领导。</p>');
    const slug = gov.dataset.years[0].programme!.slug;
    expect(gov.file(`2016/${slug}/index.html`).match(/<td class="after names ldr">未列明<\/td>/g)).toHaveLength(10);
  });

  it('says on the review list what it inferred (kept in review/dazhu-2016.txt)', () => {
    expect(gov.review).toContain('表1 第 6 行（第 5 项）：一行有 2 个子任务');
    expect(gov.review.match(/未列明牵头领导/g)).toHaveLength(10);
    expect(gov.review).toBe(readFileSync(reviewFile('dazhu-2016'), 'utf8'));
  });
});

describe('下陆区 2020 重点工作: a .docx of numbered paragraphs, [牵头单位:…;责任单位:…], no leaders', () => {
  let gov: Government;
  beforeAll(() => {
    gov = adopt('xialu', 'xialu-2020.docx', 2020, '黄石市下陆区', ['--date', '2020-06-28']);
  }, 300_000);

  it('imports the items under their headings, lead units first, the collective with its brackets', () => {
    const { dataset: ds } = gov;
    const year = ds.years[0];
    expect(year.tasks).toHaveLength(2);
    expect(year.sections.map((s) => s.name)).toEqual(['全力统筹疫情防控和经济社会秩序恢复']);
    const t2 = year.itemByKey.get('T2')!;
    expect(t2.subsection).toBe('坚持常态化疫情防控');
    expect(t2.leadUnitIds.map((id) => ds.unitById.get(id)!.name)).toEqual(['区卫健局', '区创文办']);
    expect(t2.units.at(-1)).toEqual({ type: 'collective', name: '各街办(新区)' });
  });

  it('shows every item on its page', () => expectEveryItemOnItsPage(gov));

  it('says on the review list what it inferred (kept in review/xialu-2020.txt)', () => {
    expect(gov.review).toContain('读取方式：编号段落');
    expect(gov.review).toBe(readFileSync(reviewFile('xialu-2020'), 'utf8'));
  });
});

describe('广东省 2023 (粤府办〔2023〕5号): a web page’s text, X牵头负责 and X、Y等…按职责分工负责 with 省 shared', () => {
  let gov: Government;
  beforeAll(() => {
    gov = adopt('guangdong', 'guangdong-2023.txt', 2023, '广东省', ['--date', '2023-03-17']);
  }, 300_000);

  it('shares the 省 of the first unit with the bare departments after it, keeps 省有关部门 as written', () => {
    const { dataset: ds } = gov;
    const year = ds.years[0];
    expect(year.manifest.notice.doc_no).toBe('粤府办〔2023〕5号');
    const names = (key: string) =>
      year.itemByKey.get(key)!.units.map((r) => (r.type === 'unit' ? ds.unitById.get(r.id)!.name : r.name));
    expect(names('T1')).toEqual(['省发展改革委']);
    expect(names('T2')).toEqual([
      '省发展改革委',
      '省交通运输厅',
      '省水利厅',
      '省住房城乡建设厅',
      '省能源局',
      '省有关部门',
      '各地级以上市人民政府',
    ]);
    expect(names('T3')).toEqual(['省工业和信息化厅', '省财政厅']);
  });

  it('shows every item on its page', () => expectEveryItemOnItsPage(gov));

  it('says on the review list what it inferred (kept in review/guangdong-2023.txt)', () => {
    expect(gov.review).toContain('「财政厅」补全为「省财政厅」（共用前缀“省”）');
    expect(gov.review).toBe(readFileSync(reviewFile('guangdong-2023'), 'utf8'));
  });
});

/** An item's units as the page names them: a unit by its registry name, a collective as written. */
const unitNames = (gov: Government, key: string) =>
  gov.dataset.years[0].itemByKey.get(key)!.units.map((r) => (r.type === 'unit' ? gov.dataset.unitById.get(r.id)!.name : r.name));

describe('咸安区 2023 重点工作: a .docx of numbered paragraphs, （责任领导：…；牵头单位：…；责任单位：…） in brackets', () => {
  let gov: Government;
  beforeAll(() => {
    gov = adopt('xianan', 'xianan-2023.docx', 2023, '咸宁市咸安区', ['--date', '2023-02-20']);
  }, 300_000);

  it('imports each item with its leaders (added to leaders.csv) and its lead units first; a unit with its own place keeps its name', () => {
    const { dataset: ds } = gov;
    const year = ds.years[0];
    expect(year.tasks).toHaveLength(12);
    expect(ds.leaders.map((l) => l.name).sort()).toEqual(['丁玲', '刘伍寿', '杜新国', '洪声耀', '陈浩'].sort());
    const leaders = (key: string) => year.itemByKey.get(key)!.leaderIds.map((id) => ds.leaderById.get(id)!.name);
    expect(leaders('T1')).toEqual(['杜新国']);
    expect(leaders('T7')).toEqual(['杜新国', '丁玲']);
    expect(leaders('T11')).toEqual(['刘伍寿', '陈浩']);
    const leads = (key: string) => year.itemByKey.get(key)!.leadUnitIds.map((id) => ds.unitById.get(id)!.name);
    expect(leads('T6')).toEqual(['区财政局', '区税务局']);
    expect(leads('T11')).toEqual(['市生态环境局咸安分局']);
    expect(unitNames(gov, 'T12')).toEqual([
      '区交通运输局',
      '区发改局',
      '区自然资源和规划局',
      '区林业局',
      '区经发集团',
      '相关乡镇办',
    ]);
  });

  it('shows every item on its page, its leaders by name', () => expectEveryItemOnItsPage(gov));

  it('says on the review list what it inferred (kept in review/xianan-2023.txt)', () => {
    expect(gov.review).toContain('读取方式：编号段落');
    expect(gov.review).toBe(readFileSync(reviewFile('xianan-2023'), 'utf8'));
  });
});

describe('滁州市 2020 重点工作及责任分解: a .docx of numbered paragraphs, 牵头负责领导 / 牵头责任单位 / 协同责任单位 lines', () => {
  let gov: Government;
  beforeAll(() => {
    gov = adopt('chuzhou', 'chuzhou-2020.docx', 2020, '滁州市', ['--date', '2020-02-03']);
  }, 300_000);

  it('imports each item with its leader (added to leaders.csv), lead unit first, zones kept, 各县、市、区政府 as one collective', () => {
    const { dataset: ds } = gov;
    const year = ds.years[0];
    expect(year.tasks.map((t) => t.text)).toEqual([
      '地区生产总值增长8%以上。',
      '财政收入增长8%左右。',
      '固定资产投资增长10%以上。',
    ]);
    expect(year.sections.map((s) => s.name)).toEqual(['确保完成全年主要预期目标']);
    expect(ds.leaders.map((l) => [l.id, l.name])).toEqual([['jinli', '金力']]);
    for (const t of year.tasks) expect(t.leaderIds, t.key).toEqual(['jinli']);
    expect(unitNames(gov, 'T1')).toEqual([
      '市发展改革委',
      '市经信局',
      '市商务局',
      '市交通局',
      '市农业农村局',
      '滁州经开区管委会',
      '中新苏滁高新区管委会',
      '各县、市、区政府',
    ]);
    expect(unitNames(gov, 'T2')).toEqual([
      '市财政局',
      '市税务局',
      '滁州海关',
      '市人行',
      '滁州经开区管委会',
      '中新苏滁高新区管委会',
      '各县、市、区政府',
    ]);
    expect(year.itemByKey.get('T2')!.leadUnitIds.map((id) => ds.unitById.get(id)!.name)).toEqual(['市财政局']);
    expect(year.itemByKey.get('T3')!.units.at(-1)).toEqual({ type: 'collective', name: '各县、市、区政府' });
  });

  it('shows every item on its page, with 金力 as its leader', () => {
    expectEveryItemOnItsPage(gov);
    for (const t of gov.dataset.years[0].tasks) expect(gov.page(t)).not.toContain('未列明');
  });

  it('says on the review list what it inferred (kept in review/chuzhou-2020.txt)', () => {
    expect(gov.review).toContain('新增牵头领导「金力」');
    expect(gov.review).toContain('「各县、市、区政府」按统称处理（原样保留，不拆分）');
    expect(gov.review).toContain('「中新苏滁高新区管委会」不加前缀“市”');
    expect(gov.review).not.toContain('未列明牵头领导');
    expect(gov.review).toBe(readFileSync(reviewFile('chuzhou-2020'), 'utf8'));
  });
});

describe('许昌市 2020 (许政〔2020〕20号): a web page’s text, 责任单位:…等,各县(市、区)政府(管委会) on its own line', () => {
  let gov: Government;
  beforeAll(() => {
    gov = adopt('xuchang', 'xuchang-2020.txt', 2020, '许昌市', ['--date', '2020-05-28']);
  }, 300_000);

  it('keeps the collective with its own 、 inside brackets as one name', () => {
    const { dataset: ds } = gov;
    const year = ds.years[0];
    expect(year.tasks).toHaveLength(2);
    expect(year.sections.map((s) => s.name)).toEqual(['抓好常态化疫情防控,全面恢复生产生活秩序']);
    expect(ds.leaders).toEqual([]);
    for (const key of ['T1', 'T2'])
      expect(unitNames(gov, key)).toEqual(['市疫情防控指挥部办公室', '市卫生健康委', '各县(市、区)政府(管委会)']);
    expect(year.itemByKey.get('T1')!.units.at(-1)).toEqual({ type: 'collective', name: '各县(市、区)政府(管委会)' });
  });

  it('shows every item on its page', () => expectEveryItemOnItsPage(gov));

  it('says on the review list what it inferred (kept in review/xuchang-2020.txt)', () => {
    expect(gov.review).toContain('新增统称「各县(市、区)政府(管委会)」');
    expect(gov.review).toContain(
      '正文：未写明牵头单位的 2 项，以所列第一个责任单位为牵头单位：第 1、2 项（原文若另有牵头单位，请在 lead_units 列补上）',
    );
    expect(gov.review).toContain('通知文号原文写作「许政 [2020] 20号」，按公文格式写作「许政〔2020〕20号」');
    expect(gov.review).toBe(readFileSync(reviewFile('xuchang-2020'), 'utf8'));
  });

  it('reads the doc number the copy writes with square brackets, in the standard form', () => {
    expect(gov.dataset.years[0].manifest.notice.doc_no).toBe('许政〔2020〕20号');
  });
});

describe('芜湖市 2021 重点工作及责任分解: a web page’s text, the same labels, collectives only as 协同责任单位', () => {
  let gov: Government;
  beforeAll(() => {
    gov = adopt('wuhu', 'wuhu-2021.txt', 2021, '芜湖市', ['--date', '2021-04-01']);
  }, 300_000);

  it('imports the item with its leader 宁波, the lead unit, and two collectives', () => {
    const { dataset: ds } = gov;
    expect(ds.years[0].tasks.map((t) => t.text)).toEqual(['地区生产总值比上年增长8.5%左右。']);
    expect(ds.leaders.map((l) => [l.id, l.name])).toEqual([['ningbo', '宁波']]);
    expect(ds.years[0].itemByKey.get('T1')!.leaderIds).toEqual(['ningbo']);
    expect(unitNames(gov, 'T1')).toEqual(['市发展和改革委员会', '市政府各部门', '各直属单位']);
  });

  it('shows every item on its page', () => expectEveryItemOnItsPage(gov));

  it('says on the review list what it inferred (kept in review/wuhu-2021.txt)', () => {
    expect(gov.review).toContain('新增牵头领导「宁波」');
    expect(gov.review).toBe(readFileSync(reviewFile('wuhu-2021'), 'utf8'));
  });
});

describe('蔡甸区 2023 (蔡政办〔2023〕1号): a web page’s text, (一) items with 责任单位: under each', () => {
  let gov: Government;
  beforeAll(() => {
    gov = adopt('caidian', 'caidian-2023.txt', 2023, '武汉市蔡甸区', ['--date', '2023-01-03']);
  }, 300_000);

  it('imports the three (一) items after the covering letter’s own 一、二、三、, with no leaders', () => {
    const { dataset: ds } = gov;
    const year = ds.years[0];
    expect(year.sections.map((s) => s.name)).toEqual(['2023年全区经济社会发展的主要预期目标']);
    expect(year.tasks.map((t) => [t.text, unitNames(gov, t.key)])).toEqual([
      ['地区生产总值增长7%以上', ['区发展和改革局']],
      ['规上工业增加值增长12%以上', ['区科技和经信局']],
      ['固定资产投资增长10%以上', ['区发展和改革局']],
    ]);
    expect(ds.leaders).toEqual([]);
  });

  it('shows every item on its page', () => expectEveryItemOnItsPage(gov));

  it('says on the review list what it inferred (kept in review/caidian-2023.txt)', () => {
    expect(gov.review).toContain('以“（一）”编号的段落为一项');
    expect(gov.review.match(/未列明牵头领导/g)).toHaveLength(3);
    // One unit per item: no lead to choose.
    expect(gov.review).not.toContain('未写明牵头单位');
    expect(gov.review).toContain('通知文号「蔡政办〔2023〕1号」取自网页的“文号”信息栏');
    expect(gov.review).toBe(readFileSync(reviewFile('caidian-2023'), 'utf8'));
  });

  it('reads the doc number from the web page’s 文号 field', () => {
    expect(gov.dataset.years[0].manifest.notice.doc_no).toBe('蔡政办〔2023〕1号');
  });
});
