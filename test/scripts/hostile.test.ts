/**
 * Issue 15 through the command-line tools, as separate processes: bad forms (a stray quote,
 * the form on another sheet, formula cells, a column twice), a removed month, long reports
 * piped, and the site's Markdown sanitiser. Every test works on its own temporary folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { BULLETIN_REHYPE_PLUGINS } from '../../src/site/markdown.ts';
import { TODAY, makeContent } from '../fixtures/content.ts';
import { fillXlsx } from './fill.ts';
import { snapshot } from '../fixtures/processes.ts';

const ROOT = path.resolve(__dirname, '../..');
const NODE = existsSync(path.join(ROOT, 'node_modules/.bin/node')) ? path.join(ROOT, 'node_modules/.bin/node') : process.execPath;
const HEADER = 'item,month,unit,target,progress,problems,next_steps,evaluation,item_complete,filed,note';

function run(script: string, args: string[], content: string) {
  const r = spawnSync(NODE, [path.join(ROOT, 'scripts', `${script}.ts`), ...args, '--content', content], {
    encoding: 'utf8',
    env: { ...process.env, LUOSHI_TODAY: TODAY, LUOSHI_CONTENT: '/nonexistent-use-the-flag' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = () => mkdtempSync(path.join(tmpdir(), 'luoshi-hostile-'));

const row = (item: string, unit: string, note = '') =>
  `${item},2020-03,${unit},目标,${item}进展,无,计划,完成,否,2020-04-07,${note}`;

describe('3. a stray quote in an imported CSV', () => {
  it('refuses a note whose quote swallows the rows after it (closed by a later quote), naming the cell', () => {
    const content = makeContent();
    const file = path.join(tmp(), 'reports.csv');
    writeFileSync(
      file,
      [
        HEADER,
        row('T1', '区发改局', '"待协调'),
        row('T2', '区教体局'),
        row('T3', '区住建局'),
        row('P1', '区住建局', '已完成"'),
        '',
      ].join('\n'),
    );
    const before = snapshot(content);
    const r = run('import', [file], content);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `${file} 第 2 行 K 列  [LS-CSV-008]  单元格跨了多行，且含有整行数据，像是吞并了后面的行  提示：多半是本单元格或前面某个单元格中的英文双引号（"）不成对`,
    );
    expect(r.err).toContain('导入失败');
    expect(snapshot(content)).toEqual(before);
  });

  it('refuses an unclosed quote and a quote inside an unquoted cell, naming the row', () => {
    const content = makeContent();
    const dir = tmp();
    const unclosed = path.join(dir, 'unclosed.csv');
    writeFileSync(unclosed, [HEADER, row('T1', '区发改局', '"待协调'), row('T2', '区教体局'), ''].join('\n'));
    const r = run('import', [unclosed], content);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      new RegExp(
        `${unclosed} 第 \\d+ 行 {2}\\[LS-FORM-013\\] {2}CSV 格式错误，文件未导入：读到文件末尾，英文双引号（"）仍不成对`,
      ),
    );
    const inner = path.join(dir, 'inner.csv');
    writeFileSync(inner, [HEADER, row('T1', '区发改局'), row('T2', '区教体局', '待"协调'), ''].join('\n'));
    const r2 = run('import', [inner], content);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain(
      `${inner} 第 3 行  [LS-FORM-014]  CSV 格式错误，文件未导入：本行有一个单元格中间出现了英文双引号（"），而这一格没有整体用双引号括起`,
    );
  });

  it('still imports every row of a well-quoted CSV with quotes, commas and line breaks in a note', () => {
    const content = makeContent();
    const file = path.join(tmp(), 'ok.csv');
    writeFileSync(
      file,
      [
        HEADER,
        row('T1', '区发改局', '"含逗号,和""引号""\n第二行"'),
        row('T2', '区教体局'),
        row('T3', '区住建局'),
        row('P2', '区教体局'),
        '',
      ].join('\n'),
    );
    const r = run('import', [file], content);
    expect(r.code, r.err).toBe(0);
    const text = readFileSync(path.join(content, '2020/reports/2020-03.csv'), 'utf8');
    expect(
      text
        .trim()
        .split('\n')
        .filter((l) => /^[TP]\d/.test(l)),
    ).toHaveLength(4);
    expect(text).toContain('"含逗号,和""引号""\n第二行"');
  });
});

/** A generated, filled 附件4 for 区发改局 (T1), March 2020. */
async function filledForm(): Promise<{ content: string; file: string }> {
  const content = makeContent();
  const dir = tmp();
  expect(run('forms', ['--month', '2020-03', '--out', dir], content).code).toBe(0);
  const file = path.join(dir, '附件4_2020-03_区发改局.xlsx');
  await fillXlsx(file, '2020-04-07');
  return { content, file };
}

async function copySheet(from: ExcelJS.Worksheet, to: ExcelJS.Worksheet): Promise<void> {
  from.eachRow({ includeEmpty: true }, (r, n) => {
    r.eachCell({ includeEmpty: false }, (cell, c) => {
      if (!(cell.isMerged && cell.master.address !== cell.address)) to.getCell(n, c).value = cell.value;
    });
  });
}

describe('4. the filled form on another sheet', () => {
  it('imports the form from the second sheet when the first is empty, naming the sheet in messages', async () => {
    const { content, file } = await filledForm();
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(file);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await copySheet(src.worksheets[0], wb.addWorksheet('附件4'));
    const moved = path.join(path.dirname(file), 'second-sheet.xlsx');
    await wb.xlsx.writeFile(moved);
    const r = run('import', [moved], content);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已写入：2020/reports/2020-03.csv');
    expect(readFileSync(path.join(content, '2020/reports/2020-03.csv'), 'utf8')).toMatch(/^T1,2020-03,区发改局,/m);
  });

  it('refuses a workbook with the blank form on one sheet and a filled copy on another, naming both sheets', async () => {
    const { content, file } = await filledForm();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    await copySheet(wb.worksheets[0], wb.addWorksheet('已填'));
    const two = path.join(path.dirname(file), 'two-sheets.xlsx');
    await wb.xlsx.writeFile(two);
    const before = snapshot(content);
    const r = run('import', [two], content);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `${two}  [LS-FORM-018]  工作簿中有 2 个工作表有内容（“附件4”、“已填”），无法确定导入哪一个  提示：把要报送的表格留在一个工作表中，删除或清空其他工作表后重新导入`,
    );
    expect(r.err).not.toContain('内容没有变化');
    expect(snapshot(content)).toEqual(before);
  });
});

describe('5. a column twice in an imported form', () => {
  it('refuses a content-format CSV with progress twice', () => {
    const content = makeContent();
    const file = path.join(tmp(), 'dup.csv');
    writeFileSync(file, [`${HEADER},progress`, `${row('T1', '区发改局')},另一个进展`, ''].join('\n'));
    const r = run('import', [file], content);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `${file} 第 1 行 L 列  [LS-FORM-008]  （progress）  列名“progress”出现两次（E 列和 L 列），无法确定以哪一列为准  提示：删除多余的一列后重新导入`,
    );
  });

  it('refuses an Excel form with 完成情况 twice', async () => {
    const { content, file } = await filledForm();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    let headerRow = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === '分解序号') headerRow = n;
    });
    ws.getCell(headerRow, 6).value = '完成情况'; // 下一步计划 → a second 完成情况
    await wb.xlsx.writeFile(file);
    const r = run('import', [file], content);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `${file} 第 ${headerRow} 行 F 列  [LS-FORM-006]  （完成情况）  表头中“完成情况”列出现两次（D 列和 F 列），无法确定以哪一列为准`,
    );
  });
});

describe('6. formula cells', () => {
  async function withFormula(value: ExcelJS.CellValue): Promise<{ content: string; file: string; rowNo: number }> {
    const { content, file } = await filledForm();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    let rowNo = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(1).value === 'T1') rowNo = n;
    });
    ws.getCell(rowNo, 4).value = value; // 完成情况
    await wb.xlsx.writeFile(file);
    return { content, file, rowNo };
  }

  it('keeps a HYPERLINK formula’s target beside its text', async () => {
    const { content, file } = await withFormula({
      formula: 'HYPERLINK("https://example.gov.cn/a.html","验收报告")',
      result: '验收报告',
    });
    const r = run('import', [file], content);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(path.join(content, '2020/reports/2020-03.csv'), 'utf8')).toContain(
      ',验收报告（https://example.gov.cn/a.html）,',
    );
  });

  it('keeps a plain hyperlink cell’s target too', async () => {
    const { content, file } = await withFormula({ text: '验收报告', hyperlink: 'https://example.gov.cn/b.html' });
    expect(run('import', [file], content).code).toBe(0);
    expect(readFileSync(path.join(content, '2020/reports/2020-03.csv'), 'utf8')).toContain(
      ',验收报告（https://example.gov.cn/b.html）,',
    );
  });

  it('refuses a formula without a cached value with its own message, not 必填项为空', async () => {
    const { content, file, rowNo } = await withFormula({ formula: 'B5&"完成"' } as ExcelJS.CellFormulaValue);
    const r = run('import', [file], content);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      `${file} 第 ${rowNo} 行 D 列  [LS-FORM-012]  「=B5&"完成"」  单元格是公式，但文件中没有保存计算结果，无法知道它显示什么  提示：在 Excel 或 WPS 中打开并保存一次后重新导入`,
    );
    expect(r.err).not.toContain('必填项为空');
  });

  it('uses the value Excel shows for an ordinary formula with a cached value', async () => {
    const { content, file } = await withFormula({ formula: 'CONCAT("已完成","50%")', result: '已完成50%' });
    expect(run('import', [file], content).code).toBe(0);
    expect(readFileSync(path.join(content, '2020/reports/2020-03.csv'), 'utf8')).toContain(',已完成50%,');
  });
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@example.gov.cn', '-c', 'user.name=test', ...args], { cwd, stdio: 'pipe' });

describe('1. removing published reports needs a withdrawal', () => {
  it('validate names every report of a deleted month file, and passes once they are withdrawn', () => {
    const content = makeContent();
    git(content, 'init', '-q');
    git(content, 'add', '.');
    git(content, 'commit', '-qm', 'content');
    rmSync(path.join(content, '2020/reports/2020-02.csv'));
    const r = run('validate', ['--today', TODAY], content);
    expect(r.code).toBe(1);
    const lines = r.err.split('\n');
    const commit = git(content, 'rev-parse', '--short', 'HEAD').toString().trim();
    expect(lines).toContain(
      `content/2020/reports/2020-02.csv:0  [LS-WDR-006]  item（分解序号）  「T1」  已发布的 T1 2020-02 月报不见了（提交 ${commit} 中在第 2 行）：删除已发布的月报必须登记撤回  提示：如是误删，请恢复：git checkout ${commit} -- content/2020/reports/2020-02.csv；确要撤回，请在 content/2020/withdrawals.csv 中加一行：T1,2020-02,撤回日期,撤回原因（见 docs/FORMATS.md）`,
    );
    expect(lines.filter((l) => l.includes('月报不见了'))).toHaveLength(2);
    writeFileSync(
      path.join(content, '2020/withdrawals.csv'),
      'item,month,withdrawn,reason\nT1,2020-02,2020-03-20,重复报送\nT2,2020-02,2020-03-20,重复报送\n',
    );
    const ok = run('validate', ['--today', TODAY], content);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('撤回 2 份');
  });

  it('says when there is no git history to compare with, rather than passing silently', () => {
    const r = run('validate', ['--today', TODAY], makeContent());
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('注意：不在 git 代码库中，或没有提交 HEAD：无法检查已发布的月报是否被删除');
  });
});

describe('9. long reports reach a pipe in full', () => {
  /** Run through a shell pipe whose reader starts late, as a CI log collector may. */
  function piped(script: string, args: string[]): { out: string; code: number } {
    const cmd = `"${NODE}" "${path.join(ROOT, 'scripts', `${script}.ts`)}" ${args.map((a) => `"${a}"`).join(' ')} 2>&1 | (sleep 1; cat); exit \${PIPESTATUS[0]}`;
    const r = spawnSync('bash', ['-c', cmd], {
      encoding: 'utf8',
      env: { ...process.env, LUOSHI_TODAY: TODAY },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { out: r.stdout, code: r.status ?? -1 };
  }

  it('validate prints every error and the summary line past 64 KiB', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `T1,2020-02,区发改局,目标,进展${i},无,计划,基本完成,否,2020-03-05,`);
    const content = makeContent({ '2020/reports/2020-02.csv': [HEADER, ...rows].join('\n') });
    const r = piped('validate', ['--content', content, '--today', TODAY]);
    expect(r.code).toBe(1);
    expect(Buffer.byteLength(r.out)).toBeGreaterThan(200_000);
    expect(r.out.match(/评价只能是/g)).toHaveLength(1500);
    expect(r.out.trimEnd().split('\n').at(-1)).toMatch(
      /^内容校验未通过：1 个文件中共 \d+ 处错误。修改后运行 npm run validate 重新检查。$/,
    );
  });

  it('import prints its 导入失败…没有任何改动 line past 64 KiB', () => {
    const content = makeContent();
    const file = path.join(tmp(), 'many.csv');
    writeFileSync(file, [HEADER, ...Array.from({ length: 1500 }, (_, i) => row('T1', '区发改局', `说明${i}`))].join('\n'));
    const r = piped('import', [file, '--content', content]);
    expect(r.code).toBe(1);
    expect(Buffer.byteLength(r.out)).toBeGreaterThan(100_000);
    expect(r.out.trimEnd().split('\n').at(-1)).toBe(
      `错误：[LS-FORM-037] 导入失败：内容目录 ${content} 没有任何改动  提示：按上面列出的问题修改表格后重新导入`,
    );
  });
});

describe('14. bulletin Markdown is sanitised to an allow-list', () => {
  it('drops <script>, onerror= and javascript: links, keeps ordinary Markdown and safe HTML', async () => {
    const p = await createMarkdownProcessor({ rehypePlugins: BULLETIN_REHYPE_PLUGINS, syntaxHighlight: false });
    const { code } = await p.render(
      '## 标题\n\n正文 **加粗**。<br>\n\n<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(1)">\n\n<iframe src="https://evil.example"></iframe>\n\n[点此](javascript:alert(1)) [好](https://example.gov.cn/)\n',
    );
    expect(code).not.toMatch(/<script|onerror|javascript:|<iframe|alert/);
    expect(code).toContain('<strong>加粗</strong>');
    expect(code).toContain('<br>');
    expect(code).toContain('<img src="x.png">');
    expect(code).toContain('<a href="https://example.gov.cn/">好</a>');
    expect(code).toMatch(/<h2[^>]*>标题<\/h2>/);
  });
});
