/**
 * Issue 15, "nothing lost, nothing let in": content written by a careless office or a hostile
 * contributor. Each case is refused with a Chinese message naming file, line and column, or
 * handled so that nothing is lost.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, neutraliseFormula, readCsvBytes } from '../../../src/core/content/csv.ts';
import { formatIssue, type DataIssue } from '../../../src/core/errors/issues.ts';
import { formatIssues, loadContent } from '../../../src/core/content/load.ts';
import { toCsv } from '../../../src/core/publish/export.ts';
import { contentSecurityPolicy } from '../../../src/site/csp.ts';
import { TODAY, edit, fixtureText, makeContent } from '../../fixtures/content.ts';

const load = (changes: Parameters<typeof makeContent>[0] = {}) => loadContent(makeContent(changes), { today: TODAY });
const messages = (changes: Parameters<typeof makeContent>[0] = {}) =>
  load(changes).issues.map((i) => formatIssue(i, () => undefined));
const REPORT_HEADER = 'item,month,unit,target,progress,problems,next_steps,evaluation,item_complete,filed,note';

describe('1. month files that would make reports vanish', () => {
  it('refuses a report file with only its header, saying what would happen and how to withdraw', () => {
    const m = messages({ '2020/reports/2020-02.csv': `${REPORT_HEADER}\n` });
    expect(m).toEqual([
      'content/2020/reports/2020-02.csv:1  [LS-WDR-001]  月报文件只有表头、没有任何月报：发布后 2020-02 的全部事项都会显示为“未报送”  提示：如是误删或误存，请恢复文件内容（git checkout -- content/2020/reports/2020-02.csv）；确要撤回该月已发布的月报，请删除本文件，并在 content/2020/withdrawals.csv 中逐项登记撤回原因（见 docs/FORMATS.md）',
    ]);
  });

  it('refuses an empty report file (0 bytes) as having no header', () => {
    expect(messages({ '2020/reports/2020-02.csv': '' })).toEqual([
      'content/2020/reports/2020-02.csv:1  [LS-CSV-005]  文件为空，缺少表头  提示：第一行应为列名，见 docs/FORMATS.md',
    ]);
  });

  it('refuses impossible month file names: 2020-13.csv, 2020-00.csv', () => {
    for (const name of ['2020-13', '2020-00']) {
      const m = messages({ [`2020/reports/${name}.csv`]: `${REPORT_HEADER}\n` });
      expect(m).toEqual([
        `content/2020/reports/${name}.csv:0  [LS-CSV-013]  「${name}.csv」  文件名中的月份不存在（${name}）  提示：文件名应为 YYYY-MM.csv，月份 01–12，如 2020-03.csv`,
      ]);
    }
  });

  it('refuses a month file of another year in this year’s folder', () => {
    expect(messages({ '2020/reports/2021-01.csv': `${REPORT_HEADER}\n` })).toEqual([
      'content/2020/reports/2021-01.csv:0  [LS-CSV-014]  「2021-01.csv」  文件名中的月份不属于 2020 年度  提示：移到 content/2021/reports/ 下',
    ]);
  });

  it('publishes a withdrawal with its reason, and refuses a report that is both withdrawn and published', () => {
    const withdrawals = 'item,month,withdrawn,reason\nT2,2020-02,2020-03-20,报送单位有误，待重新报送\n';
    const ok = load({
      '2020/withdrawals.csv': withdrawals,
      ...edit('2020/reports/2020-02.csv', '\nT2,2020-02,区教体局,目标,进展,无,计划,完成,否,2020-03-05,', ''),
    });
    expect(ok.issues).toEqual([]);
    const year = ok.dataset!.years[0];
    expect(year.withdrawals).toEqual([
      {
        year: 2020,
        item: 'T2',
        month: '2020-02',
        withdrawn: '2020-03-20',
        reason: '报送单位有误，待重新报送',
        source: { file: 'content/2020/withdrawals.csv', line: 2 },
        raw: {
          file: 'content/2020/withdrawals.csv',
          line: 2,
          header: ['item', 'month', 'withdrawn', 'reason'],
          cells: ['T2', '2020-02', '2020-03-20', '报送单位有误，待重新报送'],
        },
      },
    ]);
    expect(year.reportsByItem.get('T2')!.map((r) => r.month)).toEqual(['2020-01']);
    expect(messages({ '2020/withdrawals.csv': withdrawals })).toEqual([
      'content/2020/reports/2020-02.csv:3:1  [LS-WDR-005]  item  「T2」  该月报已登记撤回（content/2020/withdrawals.csv 第 2 行），不能同时发布  提示：撤回有误则删除那条撤回记录；否则删除本行',
    ]);
  });

  it('checks withdrawal rows like any other: unknown item, bad month, no reason, future date', () => {
    const m = messages({
      '2020/withdrawals.csv':
        'item,month,withdrawn,reason\nT9,2020-02,2020-03-20,原因\nT1,2020-13,2020-03-20,原因\nT1,2020-01,2020-03-20,\nT1,2020-02,2020-05-01,原因\n',
    });
    expect(m).toContain(
      'content/2020/withdrawals.csv:2:1  [LS-REF-019]  item  「T9」  事项不存在  提示：主要任务写 T+序号，民生工程写 P+序号，且序号须在 tasks.csv / projects.csv 中',
    );
    expect(m).toContain(
      'content/2020/withdrawals.csv:3:2  [LS-FLD-014]  month  「2020-13」  月份无效，应写作 YYYY-MM（月份 01–12）  提示：写作 YYYY-MM',
    );
    expect(m).toContain(
      'content/2020/withdrawals.csv:4:4  [LS-FLD-010]  reason  「」  必填项为空  提示：如“报送单位有误，待重新报送”',
    );
    expect(m).toContain(
      'content/2020/withdrawals.csv:5:3  [LS-WDR-003]  withdrawn  「2020-05-01」  撤回日期晚于数据日期 2020-04-10  提示：检查日期；或更新 manifest.json 中的 data_date',
    );
    expect(m).toHaveLength(4);
  });
});

describe('5. a column named twice', () => {
  it('refuses the file, naming both columns, instead of letting the second win', () => {
    const m = messages({
      '2020/reports/2020-02.csv': fixtureText('2020/reports/2020-02.csv').replace(
        REPORT_HEADER,
        REPORT_HEADER.replace('next_steps', 'progress'),
      ),
    });
    expect(m).toEqual([
      'content/2020/reports/2020-02.csv:1:7  [LS-CSV-006]  「progress」  列名重复（第 5 列已是“progress”），两列中只有一列会被读取  提示：删除多余的一列，或把其中一列改成应有的列名；本文件在改正前不会被读取',
    ]);
  });
});

describe('7. bulletins are validated like every other file', () => {
  const bulletin = (front: string, body = '正文。\n') => ({ 'bulletins/2020-03-01-test.md': `---\n${front}\n---\n\n${body}` });

  it('accepts the bundled kind of bulletin', () => {
    expect(messages(bulletin('title: 测试通报\ndate: 2020-03-01\nkind: notice\nyear: 2020\nsummary: 摘要'))).toEqual([]);
  });

  it('refuses an empty title, date 2020-13-45 and kind bogus, each at its line', () => {
    expect(messages(bulletin('title: ""\ndate: 2020-13-45\nkind: bogus'))).toEqual([
      'content/bulletins/2020-03-01-test.md:2  [LS-BUL-009]  title  「」  标题为空  提示：如 title: 2020年7月民生工程推进情况通报',
      'content/bulletins/2020-03-01-test.md:3  [LS-FLD-013]  date  「2020-13-45」  日期无效，应写作 YYYY-MM-DD 且为真实日期  提示：如 date: 2020-08-10',
      'content/bulletins/2020-03-01-test.md:4  [LS-BUL-011]  kind  「bogus」  类型只能是 monthly、quarterly、completion、notice、other  提示：monthly（月度）、quarterly（季度）、completion（完成）、notice（通知）、other（其他）',
    ]);
  });

  it('refuses missing fields, unknown keys (slug would move the page), broken YAML and a missing block', () => {
    expect(messages(bulletin('title: 测试\nslug: ../../index'))).toEqual([
      'content/bulletins/2020-03-01-test.md:1  [LS-BUL-007]  date  缺少这一项  提示：如 date: 2020-08-10',
      'content/bulletins/2020-03-01-test.md:1  [LS-BUL-007]  kind  缺少这一项  提示：monthly（月度）、quarterly（季度）、completion（完成）、notice（通知）、other（其他）',
      'content/bulletins/2020-03-01-test.md:3  [LS-BUL-014]  slug  「../../index」  不认识的字段：slug  提示：允许的字段：title、date、kind、summary、year',
    ]);
    const yaml = messages(bulletin('title: 测试\ndate: [2020'));
    expect(yaml).toHaveLength(1);
    expect(yaml[0]).toMatch(/^content\/bulletins\/2020-03-01-test\.md:\d+(:\d+)? {2}\[LS-BUL-005\] {2}开头信息块的格式错误/);
    expect(messages({ 'bulletins/2020-03-01-test.md': '没有信息块的正文\n' })).toEqual([
      'content/bulletins/2020-03-01-test.md:1  [LS-BUL-004]  缺少开头的 --- 信息块（标题、日期、类型）  提示：第一行写 ---，然后 title:、date:、kind:，再写一行 ---',
    ]);
  });

  it('refuses path-like and non-URL file names, sub-folders and stray files', () => {
    const front = '---\ntitle: 测试\ndate: 2020-03-01\nkind: notice\n---\n正文\n';
    expect(messages({ 'bulletins/通报.md': front })).toEqual([
      'content/bulletins/通报.md:0  [LS-BUL-003]  「通报.md」  通报文件名只能含小写字母、数字和连字符（文件名就是网址）  提示：如 2020-08-10-monthly.md',
    ]);
    expect(messages({ 'bulletins/sub/a.md': front })).toEqual([
      'content/bulletins/sub:0  [LS-BUL-001]  通报目录中不能有子文件夹（文件名就是网址，不能含路径）  提示：把通报文件直接放在 content/bulletins/ 下',
    ]);
    expect(messages({ 'bulletins/notes.txt': 'x' })).toEqual([
      'content/bulletins/notes.txt:0  [LS-BUL-002]  不是通报文件（.md 或 .mdx），不会发布  提示：通报写作 Markdown 文件，扩展名 .md；其他文件请移出 content/bulletins/',
    ]);
  });

  it('14. reports raw HTML the site would drop: <script>, onerror=, a javascript: link, at line and column', () => {
    const m = messages(
      bulletin(
        'title: 测试\ndate: 2020-03-01\nkind: notice',
        '第一段。\n\n<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(1)">\n\n[点此](javascript:alert(1))\n\n`<script>` 在代码中只是文字。\n',
      ),
    );
    const hint =
      '提示：通报只能用 Markdown 排版，请删除这段 HTML：标题用 #，列表用 -，加粗用 **文字**，链接写作 [文字](https://…)';
    expect(m).toEqual([
      `content/bulletins/2020-03-01-test.md:9:1  [LS-BUL-015]  「<script」  含有不允许的 HTML 标签 <script>，网站不会显示它  ${hint}`,
      `content/bulletins/2020-03-01-test.md:9:17  [LS-BUL-015]  「</script」  含有不允许的 HTML 标签 <script>，网站不会显示它  ${hint}`,
      `content/bulletins/2020-03-01-test.md:11:18  [LS-BUL-016]  「onerror」  含有不允许的 HTML 事件属性 onerror，网站不会显示它  ${hint}`,
      'content/bulletins/2020-03-01-test.md:13:6  [LS-BUL-017]  「javascript:」  含有不允许的链接地址（javascript:），网站不会显示它  提示：链接只能指向 http:// 或 https:// 网址，或本站页面',
    ]);
  });

  it('holds MDX to text, Markdown and <Chart id="…" />: other components, imports and expressions refused', () => {
    const ok =
      '---\ntitle: 测试\ndate: 2020-03-01\nkind: monthly\n---\n\nimport Chart from \'../../src/components/Chart.astro\';\n\n{/* 草稿 */}\n\n正文 \\{不是表达式\\} \\<也不是标签\\>。\n\n<Chart id="12100-by-category-2020-02" />\n';
    expect(messages({ 'bulletins/2020-03-01-test.mdx': ok })).toEqual([]);
    const bad =
      "---\ntitle: 测试\ndate: 2020-03-01\nkind: monthly\n---\n\nimport fs from 'node:fs';\n\n<Foo bar={1} />\n\n{fs.readFileSync('/etc/passwd')}\n";
    const m = messages({ 'bulletins/2020-03-01-test.mdx': bad });
    expect(m[0]).toBe(
      "content/bulletins/2020-03-01-test.mdx:7:1  [LS-BUL-018]  「import fs from 'node:fs';」  不允许的 import 语句  提示：只允许：import Chart from '../../src/components/Chart.astro';",
    );
    expect(m).toContain(
      'content/bulletins/2020-03-01-test.mdx:9:1  [LS-BUL-019]  「<Foo bar={1} />」  MDX 通报中不允许使用 <Foo> 标签  提示：MDX 通报中只能有文字、Markdown 和 npm run bulletin 生成的 <Chart id="…" /> 图表；文字中的 < { } 请写作 \\< \\{ \\}',
    );
    expect(m).toContain(
      'content/bulletins/2020-03-01-test.mdx:11:1  [LS-BUL-020]  「{」  MDX 通报中不允许使用 { 表达式  提示：MDX 通报中只能有文字、Markdown 和 npm run bulletin 生成的 <Chart id="…" /> 图表；文字中的 < { } 请写作 \\< \\{ \\}',
    );
  });
});

describe('issue 25.1: MDX is checked on its syntax tree, so no expression runs', () => {
  const FRONT = '---\ntitle: 测试\ndate: 2020-03-01\nkind: monthly\n---\n\n';
  const mdx = (body: string) => messages({ 'bulletins/2020-03-01-test.mdx': FRONT + body });
  const FILE = 'content/bulletins/2020-03-01-test.mdx';

  it('refuses the issue’s payload, an expression hidden between two comments, at its line and column', () => {
    expect(mdx("正文 {/* a */ 'EXPR' + '-RAN' /* b */} 结束。\n")).toEqual([
      `${FILE}:7:4  [LS-BUL-020]  「{」  MDX 通报中不允许使用 { 表达式  提示：MDX 通报中只能有文字、Markdown 和 npm run bulletin 生成的 <Chart id="…" /> 图表；文字中的 < { } 请写作 \\< \\{ \\}`,
    ]);
    expect(mdx("{/* a */ 'EXPR' + '-RAN' /* b */}\n").map((m) => m.split('  ').slice(0, 2).join('  '))).toEqual([
      `${FILE}:7:1  [LS-BUL-020]`,
    ]);
  });

  it('refuses other escapes: an expression, attribute expressions, spreads, exports, imports, <script>', () => {
    const codes = (body: string) => mdx(body).map((m) => m.split('  ').slice(0, 2).join('  '));
    expect(codes('一加一等于 {1+1}。\n')).toEqual([`${FILE}:7:7  [LS-BUL-020]`]);
    expect(codes('<Chart id={x} />\n')).toEqual([`${FILE}:7:8  [LS-BUL-022]`]);
    expect(codes('<Chart {...p} />\n')).toEqual([`${FILE}:7:8  [LS-BUL-022]`, `${FILE}:7:1  [LS-BUL-022]`]);
    expect(codes('<Chart id="a-b" title="x" />\n')).toEqual([`${FILE}:7:17  [LS-BUL-022]`]);
    expect(codes('<Chart id="a-b">文字</Chart>\n')).toEqual([`${FILE}:7:1  [LS-BUL-022]`]);
    expect(codes('export const a = 1\n')).toEqual([`${FILE}:7:1  [LS-BUL-018]`]);
    expect(codes("import x from 'node:fs'\n")).toEqual([`${FILE}:7:1  [LS-BUL-018]`]);
    // The allowed line followed, in the same block, by an export: the export alone is refused.
    expect(codes("import Chart from '../../src/components/Chart.astro';\nexport const a = 1\n")).toEqual([
      `${FILE}:8:1  [LS-BUL-018]`,
    ]);
    expect(codes('<script>{alert(1)}</script>\n')).toEqual([
      `${FILE}:7:1  [LS-BUL-015]`,
      `${FILE}:7:19  [LS-BUL-015]`,
      `${FILE}:7:9  [LS-BUL-020]`,
    ]);
    expect(codes('<Foo {...p}>x</Foo>\n')).toEqual([`${FILE}:7:1  [LS-BUL-019]`]);
  });

  it('refuses a body MDX cannot parse, at the place the parser stopped', () => {
    const m = mdx('第一段。\n\n未闭合的 {1 +\n');
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^content\/bulletins\/2020-03-01-test\.mdx:\d+:\d+ {2}\[LS-BUL-021\] {2}MDX 通报的写法有误，无法读取（/);
  });

  it('still accepts every form npm run bulletin writes: the import, comment-only expressions, <Chart id="…" />, escapes', () => {
    expect(
      mdx(
        "import Chart from '../../src/components/Chart.astro';\n\n{/* 草稿 */}\n\n{/* 多行\n注释 */}\n\n正文 {/* 行内注释 */} \\{不是表达式\\}。\n\n<Chart id=\"12100-by-category-2020-02\" />\n\n- 列表 <Chart id=\"a-b\" />\n\n`{1+1}` 在代码中只是文字。\n\n```\n{1+1}\n```\n",
      ),
    ).toEqual([]);
  });
});

describe('8. encoding detection is linear', () => {
  it('names the line of a non-UTF-8 byte near the end of an 800 kB file (the old decoder restarted per byte)', () => {
    const row = 'T1,2020-02,区发改局,目标,进展顺利，按计划推进,无,计划,完成,否,2020-03-05,\n';
    const body = Buffer.from(REPORT_HEADER + '\n' + row.repeat(Math.ceil(800_000 / Buffer.byteLength(row))));
    const lines = body.toString().split('\n').length - 1;
    const bad = Buffer.concat([body, Buffer.from([0xb2, 0xe2, 0x0a])]); // GBK 测 on the last line
    expect(bad.length).toBeGreaterThan(800_000);
    const issues: DataIssue[] = [];
    const started = performance.now();
    readCsvBytes(bad, 'big.csv', issues);
    const ms = performance.now() - started;
    console.log(`800 kB file with a GBK byte at the end: ${Math.round(ms)} ms`);
    expect(issues).toHaveLength(1);
    expect(issues[0].line).toBe(lines + 1);
    expect(issues[0].message).toContain('GBK/GB18030');
  });

  it('finds the first invalid byte exactly, after multi-byte characters and at the very start', () => {
    const utf8 = Buffer.from('测试ab');
    expect(firstInvalidUtf8(Buffer.concat([utf8, Buffer.from([0xff]), utf8]))).toBe(utf8.length);
    expect(firstInvalidUtf8(Buffer.from([0xff, 0x41]))).toBe(0);
    // A truncated 3-byte sequence followed by ASCII: the error is where the sequence starts.
    expect(firstInvalidUtf8(Buffer.concat([utf8, Buffer.from([0xe6, 0xb5]), Buffer.from('x')]))).toBe(utf8.length);
  });
});

describe('10. mixed CRLF and LF line ends', () => {
  it('gives the line an editor shows, and the right cell count', () => {
    const lines = fixtureText('2020/reports/2020-01.csv').split('\n');
    lines[3] = lines[3].replace('完成,是', '基本完成,是'); // P1 on line 4
    const text = `${lines[0]}\r\n${lines[1]}\n${lines[2]}\r\n${lines[3]}\n${lines[4]}\r\n`;
    const m = messages({ '2020/reports/2020-01.csv': text });
    expect(m).toEqual([
      'content/2020/reports/2020-01.csv:4:8  [LS-FLD-021]  evaluation  「基本完成」  评价只能是“完成”或“未完成”  提示：填 完成 或 未完成',
    ]);
  });

  it('reads a file whose first line ends in CRLF and the rest in LF as every row (no merged rows)', () => {
    const lines = fixtureText('2020/reports/2020-01.csv').split('\n');
    const result = load({ '2020/reports/2020-01.csv': `${lines[0]}\r\n${lines.slice(1).join('\n')}\n` });
    expect(result.issues).toEqual([]);
    expect(result.dataset!.years[0].reports.filter((r) => r.month === '2020-01')).toHaveLength(4);
  });
});

describe('11. invisible and look-alike characters in ids and names', () => {
  it('refuses 区发\\u200b改局 as a new unit, with the real name', () => {
    const m = messages({ 'units.csv': `${fixtureText('units.csv')}\nfagaiju2,区发\u200b改局,测试区发展和改革局二,区直部门,` });
    expect(m).toEqual([
      'content/units.csv:6:2  [LS-FLD-005]  name  「区发\u200b改局」  含有看不见的字符（U+200B），看起来相同的文字实际上不同  提示：删除看不见的字符，应为：区发改局',
    ]);
  });

  it('refuses 区⼯信局 written with the Kangxi radical U+2F2F, naming the character and the real one', () => {
    const m = messages({ 'units.csv': `${fixtureText('units.csv')}\ngongxinju,区\u2F2F信局,测试区工业和信息化局,区直部门,` });
    expect(m).toEqual([
      'content/units.csv:6:2  [LS-FLD-006]  name  「区⼯信局」  含有与常用字外形相同的特殊字符：「⼯」（U+2F2F，应为「工」）  提示：多为从 PDF 或网页复制而来；应为：区工信局',
    ]);
  });

  it('refuses a look-alike in a reference (a report’s unit) too, but keeps full-width brackets in names and ㎡ in text', () => {
    const m = messages(edit('2020/reports/2020-02.csv', 'T1,2020-02,区发改局', 'T1,2020-02,区发\u2060改局'));
    expect(m).toEqual([
      'content/2020/reports/2020-02.csv:2:3  [LS-FLD-005]  unit  「区发\u2060改局」  含有看不见的字符（U+2060），看起来相同的文字实际上不同  提示：删除看不见的字符，应为：区发改局',
    ]);
    const fine = load({
      ...edit('units.csv', '测试区发展和改革局', '测试区发展和改革局（物价局）'),
      ...edit('2020/reports/2020-02.csv', 'T1,2020-02,区发改局,目标,进展', 'T1,2020-02,区发改局,目标,完成改造5000㎡'),
    });
    expect(fine.issues).toEqual([]);
  });

  it('normalises text to NFC: a decomposed name is the same name', () => {
    // 'é' as e + U+0301 in an alias, referred to in its composed form.
    const result = load({
      ...edit('units.csv', '发改局、区发展和改革局', '发改局、区发展和改革局、Cafe\u0301'),
      ...edit('2020/tasks.csv', '区发改局、区住建局', 'Caf\u00e9、区住建局'),
    });
    expect(result.issues).toEqual([]);
    expect(result.dataset!.years[0].itemByKey.get('T1')!.units[0]).toEqual({ type: 'unit', id: 'fagaiju', written: 'Caf\u00e9' });
  });
});

describe('12. content may not leave content/', () => {
  it('refuses a symbolic link to a file outside, and to /etc/passwd, without reading or echoing it', () => {
    const root = makeContent();
    const outside = path.join(tmpdir(), `luoshi-outside-${process.pid}.csv`);
    writeFileSync(outside, 'secret-column,other\nsecret,value\n');
    symlinkSync(outside, path.join(root, '2020/reports/2020-03.csv'));
    symlinkSync('/etc/passwd', path.join(root, '2020/plans.csv.link'));
    const result = loadContent(root, { today: TODAY });
    const text = formatIssues(result.issues);
    expect(text).not.toContain('secret');
    expect(text).not.toContain('root:');
    const m = result.issues.map((i) => formatIssue(i));
    expect(m).toContain(
      'content/2020/reports/2020-03.csv:0  [LS-CSV-015]  是符号链接（快捷方式），出于安全不读取，也不发布  提示：内容目录中只能放真实的文件和文件夹：删除这个链接，把要发布的文件本身复制到这里',
    );
    expect(m).toContain(
      'content/2020/plans.csv.link:0  [LS-CSV-015]  是符号链接（快捷方式），出于安全不读取，也不发布  提示：内容目录中只能放真实的文件和文件夹：删除这个链接，把要发布的文件本身复制到这里',
    );
  });

  it('refuses a content file replaced by a link (units.csv → /etc/passwd) and a linked year folder', () => {
    const root = makeContent({ 'units.csv': null });
    symlinkSync('/etc/passwd', path.join(root, 'units.csv'));
    const other = makeContent();
    symlinkSync(path.join(other, '2020'), path.join(root, '2021'));
    const result = loadContent(root, { today: TODAY });
    const text = formatIssues(result.issues);
    expect(text).not.toContain('root:');
    expect(text).toContain('content/units.csv:0  [LS-CSV-015]  是符号链接');
    expect(text).toContain('content/2021:0  [LS-CSV-015]  是符号链接');
  });

  it('refuses a linked bulletin', () => {
    const root = makeContent();
    mkdirSync(path.join(root, 'bulletins'), { recursive: true });
    symlinkSync('/etc/hostname', path.join(root, 'bulletins/x.md'));
    expect(loadContent(root, { today: TODAY }).issues.map((i) => formatIssue(i))).toEqual([
      'content/bulletins/x.md:0  [LS-CSV-015]  是符号链接（快捷方式），出于安全不读取，也不发布  提示：内容目录中只能放真实的文件和文件夹：删除这个链接，把要发布的文件本身复制到这里',
    ]);
  });
});

describe('13. CSV downloads neutralise formulas (OWASP), JSON keeps the value', () => {
  it('prefixes a quote to cells starting with = + - @ tab or CR, and nothing else', () => {
    for (const v of ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(neutraliseFormula(v)).toBe(`'${v}`);
    for (const v of ['进展', 'a=b', '2020-03', '', '—']) expect(neutraliseFormula(v)).toBe(v);
    const csv = toCsv(
      ['item', 'progress'],
      [
        { item: 'T1', progress: '=HYPERLINK("http://evil","点击")' },
        { item: 'T2', progress: '+cmd|x' },
      ],
    );
    expect(csv).toBe('\uFEFFitem,progress\r\nT1,"\'=HYPERLINK(""http://evil"",""点击"")"\r\nT2,\'+cmd|x\r\n');
  });
});

describe('14. the Content-Security-Policy', () => {
  it('allows scripts and styles from the site only, no inline code, no plugins, no other base or form target', () => {
    const policy = contentSecurityPolicy();
    expect(policy).toBe(
      "default-src 'self';img-src 'self' data:;object-src 'none';base-uri 'self';form-action 'self'; script-src 'self'; style-src 'self';",
    );
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|sha256-|\*/);
  });

  it("adds 'wasm-unsafe-eval' for the search page only, never 'unsafe-eval'", () => {
    expect(contentSecurityPolicy({ wasm: true })).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(contentSecurityPolicy({ wasm: false })).toBe(contentSecurityPolicy());
    expect(contentSecurityPolicy({ wasm: true })).not.toMatch(/'unsafe-eval'/);
  });
});
