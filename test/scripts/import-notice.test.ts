/**
 * npm run import-notice and npm run new-site, through the command line:
 * - an .xlsx and a .docx made here from the bundled notice's tables give the rows of the text path;
 * - bad input (an unrecognised layout, a missing column, a row without a number) is an error
 *   naming sheet or table, row and column, and nothing is written; an existing year needs --replace;
 * - a small second government takes this repository (a git clone, bundled content removed) and goes
 *   new-site → import-notice → validate → build with no code change, as docs/GUIDE.md chapter 十
 *   says; its pages show its own programme, footer identity, items, leaders and units; a later merge
 *   of this project's updates, by the guide's commands, changes its code and never its content;
 * - a 2021 sample year beside 2020: year switcher, latest year on the home page, 2020 at its URLs.
 */
import { execFileSync, execSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zip } from '../../src/core/publish/export.ts';
import { loadContentOrThrow } from '../../src/core/content/load.ts';
import { importNotice } from '../../office/notices/notice-import.ts';
import type { Grid } from '../../office/notices/grid.ts';
import { textGrids } from '../../office/notices/text-tables.ts';
import { readNotice } from '../../office/notices/readers.ts';
import { registries } from '../office/notices/notice-import.test.ts';
import { TODAY, makeContent } from '../fixtures/content.ts';
import { SHIZHONG_2020 } from '../fixtures/bundled.ts';
import { IDENTITY, PROGRAMME, xlsxOf } from '../fixtures/second-government.ts';

const ROOT = path.resolve(__dirname, '../..');
const NODE = existsSync(path.join(ROOT, 'node_modules/.bin/node')) ? path.join(ROOT, 'node_modules/.bin/node') : process.execPath;
const ENV = {
  ...process.env,
  PATH: `${path.join(ROOT, 'node_modules/.bin')}${path.delimiter}${process.env.PATH}`,
  LUOSHI_TODAY: TODAY,
  LUOSHI_CONTENT: '/nonexistent-use-the-flag',
};
const temps: string[] = [];
const tmp = (prefix: string) => {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(d);
  return d;
};
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** The environment of a government's own checkout: its content/ is the default, git has no user settings. */
const FORK_ENV: NodeJS.ProcessEnv = {
  ...ENV,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: '督查室',
  GIT_AUTHOR_EMAIL: 'office@example.invalid',
  GIT_COMMITTER_NAME: '督查室',
  GIT_COMMITTER_EMAIL: 'office@example.invalid',
};
delete FORK_ENV.LUOSHI_CONTENT;

/** A command in a government's checkout `repo`, as the guide writes it; the output, or an error with it. */
function inRepo(repo: string, command: string, args: string[], okCodes = [0]) {
  const r = spawnSync(command, args, { cwd: repo, encoding: 'utf8', env: FORK_ENV });
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`${command} ${args.join(' ')}: ${r.status}\n${r.stdout}${r.stderr}`);
  return r.stdout;
}
const gitIn = (repo: string, ...args: string[]) => inRepo(repo, 'git', args);

/**
 * This repository as another government finds it: its files as in the working tree (the tests left
 * out), committed in a new git repository at `dir`.
 */
function upstreamRepository(dir: string): string {
  const listed = execFileSync('git', ['ls-files', '-z', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split(
    '\0',
  );
  for (const f of listed) {
    // Files only: a checkout may hold an untracked node_modules symbolic link (tools/adopt-check.ts makes one).
    if (!f || f.startsWith('test/') || !existsSync(path.join(ROOT, f)) || !statSync(path.join(ROOT, f)).isFile()) continue;
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    copyFileSync(path.join(ROOT, f), path.join(dir, f));
  }
  gitIn(dir, 'init', '-q', '-b', 'main');
  gitIn(dir, 'add', '-A');
  gitIn(dir, 'commit', '-q', '-m', 'upstream');
  return dir;
}

function run(script: string, args: string[]) {
  const r = spawnSync(NODE, [path.join(ROOT, 'scripts', `${script}.ts`), ...args], { encoding: 'utf8', env: ENV });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Every file of a folder, path → text, to prove nothing changed. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = path.join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(path.relative(dir, p), readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writing the same tables as .xlsx and .docx

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;

/** A minimal Word document: for each grid a title paragraph and a table; a cell's lines are paragraphs. */
function docxOf(grids: { title: string; rows: string[][] }[], intro: string[] = []): Buffer {
  const body = [
    ...intro.map(para),
    ...grids.map(
      (g) =>
        `${para(g.title)}<w:tbl>${g.rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${c === '' ? '<w:p/>' : c.split('\n').map(para).join('')}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`,
    ),
  ].join('');
  const files = [
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
  ];
  return Buffer.from(zip(files, '2021-01-01'));
}

const asTables = (grids: Grid[]) => grids.map((g) => ({ title: g.title, rows: g.rows.map((r) => r.cells) }));

describe('the same tables from .xlsx and .docx', () => {
  const noticeText = readFileSync(path.join(SHIZHONG_2020, '2020/notice.txt'), 'utf8');
  const textGridsOf = textGrids(noticeText);
  const options = { year: 2020, placeNames: ['济南', '市中'] };
  const fromText = importNotice(textGridsOf, registries(), options);

  it('give the rows of the text path, for every task and project', async () => {
    const dir = tmp('luoshi-notice-');
    writeFileSync(path.join(dir, 'notice.xlsx'), await xlsxOf(asTables(textGridsOf)));
    writeFileSync(path.join(dir, 'notice.docx'), docxOf(asTables(textGridsOf)));
    for (const file of ['notice.xlsx', 'notice.docx']) {
      const read = await readNotice(path.join(dir, file));
      const result = importNotice(read.grids, registries(), options);
      expect(result.errors, file).toEqual([]);
      expect(result.tasks!.rows, file).toEqual(fromText.tasks!.rows);
      expect(result.tasks!.sections, file).toEqual(fromText.tasks!.sections);
      expect(result.programme!.rows, file).toEqual(fromText.programme!.rows);
      expect(result.programme!.categories, file).toEqual(fromText.programme!.categories);
      expect(result.programme!.name, file).toBe('“12100”民生工程');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// A second government: 民生十件实事, no categories, separate lead and other units, 完成时限

describe('a second government, with no code change', () => {
  let upstream = '';
  let fork = '';
  let root = '';
  let out = '';
  let pages: Map<string, string>;

  beforeAll(async () => {
    const dir = tmp('luoshi-gov-');
    // docs/GUIDE.md chapter 十, step by step: a copy of this repository with its history, the
    // bundled content removed in a commit of its own, then the government's own content.
    FORK_ENV.LUOSHI_CACHE_DIR = path.join(dir, 'cache');
    upstream = upstreamRepository(path.join(dir, 'upstream'));
    execFileSync('git', ['clone', '-q', upstream, path.join(dir, 'nancheng')], { env: FORK_ENV });
    fork = path.join(dir, 'nancheng');
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(fork, 'node_modules'));
    gitIn(fork, 'rm', '-r', '-q', 'content');
    gitIn(fork, 'commit', '-q', '-m', '删除示例内容');
    root = path.join(fork, 'content');
    inRepo(fork, NODE, ['scripts/new-site.ts', 'content']);
    const site = JSON.parse(readFileSync(path.join(root, 'site.json'), 'utf8'));
    expect(site.$schema).toBe('../schemas/site.schema.json');
    Object.assign(site, {
      publisher: '东湖市南城区人民政府办公室',
      office: '区政府督查室',
      district: '东湖市南城区',
      title: '南城区民生实事落实公开',
      identity: IDENTITY,
    });
    writeFileSync(path.join(root, 'site.json'), JSON.stringify(site, null, 2));
    mkdirSync(path.join(root, 'identity'));
    writeFileSync(
      path.join(root, 'identity/dzjg.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="110" height="55"><rect width="110" height="55" fill="#c00"/></svg>',
    );
    const xlsx = path.join(dir, '2021.xlsx');
    writeFileSync(xlsx, await xlsxOf([PROGRAMME]));
    const imported = inRepo(fork, NODE, [
      'scripts/import-notice.ts',
      xlsx,
      '--year',
      '2021',
      '--doc-no',
      '南政办发〔2021〕3号',
      '--title',
      '南城区人民政府办公室关于印发2021年民生十件实事任务分解表的通知',
      '--date',
      '2021-03-01',
    ]);
    expect(imported).toContain('民生实事项目名称：「民生十件实事」');
    // The numbers of the items' text, proposed as indicators for review and written unconfirmed.
    expect(imported).toContain('P1 指标2「新增学位」：数量 3000 个（原文：新增学位3000个）');
    expect(imported).toContain('P6 未提出「60岁」：没有可计数的计量单位');
    expect(readFileSync(path.join(root, '2021/indicators.csv'), 'utf8')).toContain(
      'P10,1,新建健身步道,数量,公里,10,,新建健身步道10公里,否',
    );
    expect(readFileSync(path.join(root, '2021/indicators-review.md'), 'utf8')).toContain('# 2021 年度目标指标审核清单');
    expect(JSON.parse(readFileSync(path.join(root, '2021/manifest.json'), 'utf8')).$schema).toBe(
      '../../schemas/manifest.schema.json',
    );
    inRepo(fork, NODE, ['scripts/validate.ts', '--today', TODAY]);
    gitIn(fork, 'add', 'content');
    gitIn(fork, 'commit', '-q', '-m', '南城区 2021 年民生十件实事');
    out = path.join(dir, 'dist');
    inRepo(fork, path.join(ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', out]);
    pages = new Map();
    const walk = (d: string) => {
      for (const e of readdirSync(d)) {
        const p = path.join(d, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(html|xml|csv|json|txt)$/.test(e))
          pages.set(`/${path.relative(out, p).split(path.sep).join('/')}`, readFileSync(p, 'utf8'));
      }
    };
    walk(out);
  }, 300_000);

  it('imports the programme with expanded units, joined and split leaders, 完成时限, new registry entries', () => {
    const ds = loadContentOrThrow(root, { today: TODAY });
    const year = ds.years[0];
    expect(year.year).toBe(2021);
    expect(year.programme).toMatchObject({ name: '民生十件实事', categories: false });
    expect(year.mainTasks).toBeUndefined();
    expect(year.projects).toHaveLength(10);
    const names = (key: string) =>
      year.itemByKey.get(key)!.units.map((r) => (r.type === 'unit' ? ds.unitById.get(r.id)!.name : r.name));
    expect(names('P1')).toEqual(['区教育局', '区发展改革委', '区财政局']);
    expect(names('P2')).toEqual(['区卫健局', '东风街道办事处', '西湖街道办事处']);
    expect(names('P3')).toEqual(['区住建局', '各街道办事处']);
    expect(names('P5')).toEqual(['区城管局', '区住建局', '区自然资源局', '东风街道办事处', '南湖街道办事处']);
    expect(names('P10')).toEqual(['区文旅体育局', '区城管局', '区住建局']);
    expect(year.itemByKey.get('P10')!.etc).toBe(true);
    expect(year.itemByKey.get('P3')!.leaderIds.map((id) => ds.leaderById.get(id)!.name)).toEqual(['王强', '李敏']);
    expect(year.itemByKey.get('P7')!.deadline).toBe('2021年6月底前');
    expect(ds.leaders.map((l) => [l.id, l.name])).toEqual([
      ['wangqiang', '王强'],
      ['limin', '李敏'],
      ['zhaozhigang', '赵志刚'],
    ]);
    expect(ds.units.every((u) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(u.id))).toBe(true);
    expect(ds.units.find((u) => u.name === '区教育局')!.id).toBe('jiaoyuju');
    expect(year.manifest.notice.doc_no).toBe('南政办发〔2021〕3号');
  });

  it('its pages show its programme, items, leaders, units, 完成时限 and footer identity, and never say 12100', () => {
    const home = pages.get('/index.html')!;
    expect(home).toContain('民生十件实事');
    const list = pages.get(`/2021/${loadContentOrThrow(root, { today: TODAY }).years[0].programme!.slug}/index.html`)!;
    expect(list).toContain('2021年民生十件实事');
    for (const r of PROGRAMME.rows.slice(1)) expect(list).toContain(r[1]);
    const item = [...pages].find(([p]) => /^\/2021\/[a-z0-9-]+\/5\/index\.html$/.test(p))![1];
    expect(item).toContain('民生十件实事第5项');
    expect(item).toContain('<dt>完成时限</dt><dd>2021年11月底前</dd>');
    for (const u of ['区城管局', '区住建局', '区自然资源局', '东风街道办事处', '南湖街道办事处']) expect(item).toContain(u);
    expect(item).toContain('赵志刚');
    expect(item).not.toContain('工程类别');
    expect(pages.get('/leaders/limin/index.html')).toContain('李敏');
    // Every page in the site's layout (the /embed/ pages are chart fragments for other sites' iframes).
    for (const [p, html] of pages) {
      if (!p.endsWith('.html') || p.startsWith('/embed/')) continue;
      expect(html, p).toContain('主办单位：东湖市南城区人民政府办公室');
      expect(html, p).toContain('浙ICP备20210001号');
      expect(html, p).toContain('href="https://beian.miit.gov.cn/"');
      expect(html, p).toContain('浙公网安备 33010202000123号');
      expect(html, p).toContain('网站标识码：3301020003');
      expect(html, p).toContain('src="/identity/dzjg.svg"');
    }
    expect(existsSync(path.join(out, 'identity/dzjg.svg'))).toBe(true);
    for (const [p, text] of pages) expect(text.includes('12100'), p).toBe(false);
    const json = JSON.parse(pages.get('/data/2021/projects.json')!);
    expect(json.rows[6].deadline).toBe('2021年6月底前');
  });

  it("a later merge of upstream updates, by the guide's commands, changes its code and never its content", () => {
    // Upstream changes code, the guide and its own (bundled) content, in one commit.
    writeFileSync(
      path.join(upstream, 'docs/GUIDE.md'),
      `${readFileSync(path.join(upstream, 'docs/GUIDE.md'), 'utf8')}\n更新。\n`,
    );
    writeFileSync(
      path.join(upstream, 'src/core/model/types.ts'),
      `${readFileSync(path.join(upstream, 'src/core/model/types.ts'), 'utf8')}\n// updated\n`,
    );
    // Its own content changes too (whatever it holds: the bundled dataset, or a government's own
    // when this runs in a fork): an edited file the fork also has, and a new year.
    const upstreamSite = path.join(upstream, 'content/site.json');
    writeFileSync(upstreamSite, `${readFileSync(upstreamSite, 'utf8').trimEnd()} \n`);
    mkdirSync(path.join(upstream, 'content/2099'));
    writeFileSync(path.join(upstream, 'content/2099/notice.txt'), '上游的示例年度。\n');
    gitIn(upstream, 'add', '-A');
    gitIn(upstream, 'commit', '-q', '-m', 'upstream update');
    const contentBefore = gitIn(fork, 'rev-parse', 'HEAD:content');

    // docs/GUIDE.md chapter 十, 「以后更新程序」: the commands as written there.
    gitIn(fork, 'remote', 'add', 'upstream', upstream);
    gitIn(fork, 'fetch', '-q', 'upstream');
    // Conflicts in content/ (upstream's own content beside ours) are expected: exit 1.
    inRepo(fork, 'git', ['merge', '--no-commit', 'upstream/main'], [0, 1]);
    gitIn(fork, 'rm', '-r', '-q', '--cached', 'content');
    gitIn(fork, 'checkout', 'HEAD', '--', 'content');
    gitIn(fork, 'clean', '-fdq', '--', 'content');
    gitIn(fork, 'commit', '-q', '-m', '更新程序');

    expect(gitIn(fork, 'rev-parse', 'HEAD:content')).toBe(contentBefore);
    expect(gitIn(fork, 'diff', '--name-only', 'HEAD~1', 'HEAD').trim().split('\n')).toEqual([
      'docs/GUIDE.md',
      'src/core/model/types.ts',
    ]);
    expect(gitIn(fork, 'status', '--porcelain', '--', 'content')).toBe('');
    expect(existsSync(path.join(root, '2099'))).toBe(false);
    inRepo(fork, NODE, ['scripts/validate.ts', '--today', TODAY]);
  });
});

describe('a government whose notice is numbered paragraphs, with no code change', () => {
  it('goes new-site → import-notice (咸安区 2023, fixture xianan-2023.txt) → validate', () => {
    const dir = tmp('luoshi-paragraphs-');
    const root = path.join(dir, 'xianan');
    const made = run('new-site', [root]);
    expect(made.code, made.err).toBe(0);
    const site = JSON.parse(readFileSync(path.join(root, 'site.json'), 'utf8'));
    writeFileSync(path.join(root, 'site.json'), JSON.stringify({ ...site, district: '咸宁市咸安区' }, null, 2));
    const notice = path.join(ROOT, 'test/fixtures/notices/xianan-2023.txt');
    const imported = run('import-notice', [notice, '--year', '2023', '--content', root, '--date', '2023-02-01']);
    expect(imported.code, imported.err + imported.out).toBe(0);
    expect(imported.out).toContain('读取 xianan-2023.txt：按编号段落读取，12 项。');
    expect(imported.out).toContain('读取方式：编号段落');
    expect(imported.out).toContain('新增统称「相关乡镇办」');
    const validated = run('validate', ['--content', root, '--today', TODAY]);
    expect(validated.code, validated.err + validated.out).toBe(0);
    const ds = loadContentOrThrow(root, { today: TODAY });
    const year = ds.years[0];
    expect(year.tasks).toHaveLength(12);
    const t12 = year.itemByKey.get('T12')!;
    expect(t12.units.map((r) => (r.type === 'unit' ? ds.unitById.get(r.id)!.name : r.name))).toEqual([
      '区交通运输局',
      '区发改局',
      '区自然资源和规划局',
      '区林业局',
      '区经发集团',
      '相关乡镇办',
    ]);
    expect(t12.leaderIds.map((id) => ds.leaderById.get(id)!.name)).toEqual(['洪声耀']);
    expect(readFileSync(path.join(root, '2023/notice.txt'), 'utf8')).toContain('12.启动南外环高速公路');
  }, 120_000);

  it('imports a paragraph notice with no leaders, each item said on the review list, and it validates', () => {
    const dir = tmp('luoshi-paragraphs-');
    const root = path.join(dir, 'lishan');
    expect(run('new-site', [root]).code).toBe(0);
    const r = run('import-notice', [
      path.join(ROOT, 'test/fixtures/notices/lishan-2023.txt'),
      '--year',
      '2023',
      '--content',
      root,
    ]);
    expect(r.code, r.err + r.out).toBe(0);
    expect(r.out).toContain('  - 正文 第 25 行（第 1 项）：未列明牵头领导');
    expect(r.out.match(/未列明牵头领导/g)).toHaveLength(6);
    expect(readFileSync(path.join(root, '2023/tasks.csv'), 'utf8').split('\n')[1]).toMatch(
      /^1,1,.*,努力实现地区生产总值增长6\.2%左右。,,区发改局、/,
    );
    const validated = run('validate', ['--content', root, '--today', TODAY]);
    expect(validated.code, validated.err + validated.out).toBe(0);
  }, 60_000);
});

describe('bad input writes nothing', () => {
  const setup = async (rows: string[][], title = '2021年民生实事项目表') => {
    const dir = tmp('luoshi-bad-');
    const root = path.join(dir, 'content');
    expect(run('new-site', [root]).code).toBe(0);
    const file = path.join(dir, 'bad.xlsx');
    writeFileSync(file, await xlsxOf([{ title, rows }]));
    return { root, file, before: snapshot(root) };
  };

  it('a row without a number names the sheet, row and column', async () => {
    const rows = PROGRAMME.rows.map((r) => [...r]);
    rows[3][0] = '';
    const { root, file, before } = await setup(rows);
    const r = run('import-notice', [file, '--year', '2021', '--content', root]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('工作表「表1」 第 5 行 「序号」列：[LS-NTC-007] 这一行没有序号');
    expect(r.err).toContain('未写入任何文件');
    expect(snapshot(root)).toEqual(before);
  });

  it('a missing column and an unrecognised layout are named', async () => {
    const noUnits = PROGRAMME.rows.map((r) => r.slice(0, 3));
    let s = await setup(noUnits);
    let r = run('import-notice', [s.file, '--year', '2021', '--content', s.root]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/工作表「表1」 第 2 行 「责任单位」列：\[LS-NTC-004\] 缺少列：责任单位/);
    expect(snapshot(s.root)).toEqual(s.before);
    s = await setup(
      [
        ['甲', '乙'],
        ['1', '2'],
      ],
      '某表',
    );
    r = run('import-notice', [s.file, '--year', '2021', '--content', s.root]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('工作表「表1」 第 1 行：[LS-NTC-001] 无法识别表头');
    expect(snapshot(s.root)).toEqual(s.before);
  });

  it('maps a header by hand, and never overwrites a year without --replace', async () => {
    const rows = PROGRAMME.rows.map((r) => [...r]);
    rows[0][1] = '民生项目';
    const s = await setup(rows);
    let r = run('import-notice', [
      s.file,
      '--year',
      '2021',
      '--content',
      s.root,
      '--map',
      '民生项目=text',
      '--programme',
      '为民办实事',
      '--slug',
      'shishi',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(readFileSync(path.join(s.root, '2021/manifest.json'), 'utf8')).programme).toMatchObject({
      name: '为民办实事',
      slug: 'shishi',
      categories: false,
    });
    const after = snapshot(s.root);
    r = run('import-notice', [s.file, '--year', '2021', '--content', s.root, '--map', '民生项目=text']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--replace');
    expect(snapshot(s.root)).toEqual(after);
    r = run('import-notice', [
      s.file,
      '--year',
      '2021',
      '--content',
      s.root,
      '--map',
      '民生项目=text',
      '--programme',
      '为民办实事',
      '--slug',
      'shishi',
      '--replace',
    ]);
    expect(r.code, r.err).toBe(0);
  });

  it('a replaced year keeps the indicators the office confirmed; the new proposals go to the review list', async () => {
    const s = await setup(PROGRAMME.rows.map((r) => [...r]));
    const args = [s.file, '--year', '2021', '--content', s.root];
    expect(run('import-notice', args).code).toBe(0);
    const file = path.join(s.root, '2021/indicators.csv');
    const proposed = readFileSync(file, 'utf8').split('\n');
    expect(proposed[1]).toMatch(/,否$/);
    // The office confirms the first indicator.
    const [head, ...rest] = proposed[1]!.split(',');
    const edited = [proposed[0], [head, ...rest.slice(0, -1), '是'].join(','), ...proposed.slice(2)].join('\n');
    writeFileSync(file, edited);
    const r = run('import-notice', [...args, '--replace']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已有 1 个确认的指标：保留该文件不变');
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(readFileSync(path.join(s.root, '2021/indicators-review.md'), 'utf8')).toContain('目标指标审核清单');
  });
});

describe('several years', () => {
  it('a 2021 sample year beside 2020: the latest on the home page, a year switcher, 2020 at its URLs', async () => {
    const root = makeContent();
    temps.push(path.dirname(root));
    const file = path.join(path.dirname(root), '2021.xlsx');
    writeFileSync(
      file,
      await xlsxOf([
        {
          title: '2021年民生实事项目表',
          rows: [
            ['序号', '民生实事', '牵头领导', '责任单位'],
            ['1', '新建学校2所。', '张三', '区教体局'],
            ['2', '加装电梯30部。', '李四', '区住建局、六里山街道办事处'],
          ],
        },
      ]),
    );
    const r = run('import-notice', [file, '--year', '2021', '--content', root, '--slug', 'shishi', '--date', '2021-02-20']);
    expect(r.code, r.err + r.out).toBe(0);
    const manifestFile = path.join(root, '2021/manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, sample: true, sample_note: '2021 年度为测试示例数据。' }));
    const out = path.join(path.dirname(root), 'dist');
    execSync(`astro build --outDir ${out}`, { cwd: ROOT, env: { ...ENV, LUOSHI_CONTENT: root }, stdio: 'pipe' });
    const read = (p: string) => readFileSync(path.join(out, p), 'utf8');
    const home = read('index.html');
    expect(home).toContain('2021年民生实事落实情况');
    expect(home).toMatch(/<nav class="year-switcher" aria-label="年度">.*2021年.*<a href="\/2020\/12100\/">2020年<\/a>/s);
    expect(read('2020/12100/1/index.html')).toContain('“12100”民生工程第1项');
    expect(read('2020/tasks/1/index.html')).toContain('主要工作任务第1项');
    expect(read('2021/shishi/2/index.html')).toContain('民生实事第2项');
    expect(read('2021/shishi/index.html')).toMatch(/<a href="\/2020\/12100\/">2020年<\/a>/);
    expect(read('2020/12100/index.html')).toMatch(/<a href="\/2021\/shishi\/">2021年<\/a>/);
    expect(existsSync(path.join(out, '2021/tasks'))).toBe(false);
  }, 300_000);
});
