/**
 * A notice as a PDF (issue 23.5): the tables of a text PDF rebuilt from its text and borders give
 * the rows the .xlsx of the same tables gives; a scanned PDF (no text), a damaged one and a table
 * without borders are refused with their catalogue codes, and the import writes nothing.
 * Fixtures: test/fixtures/notices/README.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Grid } from '../../../office/notices/grid.ts';
import { importNotice } from '../../../office/notices/notice-import.ts';
import { pdfLines } from '../../../office/notices/pdf.ts';
import { readNotice } from '../../../office/notices/readers.ts';
import { textGrids } from '../../../office/notices/text-tables.ts';
import { LuoshiError } from '../../../src/core/errors/errors.ts';
import { makeContent } from '../../fixtures/content.ts';
import { registries } from './notice-import.test.ts';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/notices');
const NODE = existsSync(path.join(ROOT, 'node_modules/.bin/node')) ? path.join(ROOT, 'node_modules/.bin/node') : process.execPath;

/** A one-page PDF that only paints an image, as a scanner writes it (offsets computed, so PDF.js reads it as valid). */
function scannedPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0000\u00ff\u00ff\u0000\nendstream',
    '<< /Length 33 >>\nstream\nq 595 0 0 842 0 0 cm /Im0 Do Q\nendstream',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

async function refusal(file: string): Promise<LuoshiError> {
  const error = await readNotice(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LuoshiError);
  return error as LuoshiError;
}

const written = (name: string, bytes: Buffer) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'luoshi-pdf-')), name);
  writeFileSync(file, bytes);
  return file;
};

/** One sheet per grid: its title in a merged first row, then its rows (as an office copies the tables to Excel). */
async function xlsxOf(grids: Grid[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  grids.forEach((g, i) => {
    const ws = wb.addWorksheet(`表${i + 1}`);
    ws.addRow([g.title]);
    ws.mergeCells(1, 1, 1, g.rows[0].cells.length);
    for (const r of g.rows) ws.addRow(r.cells);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a notice as a PDF with a text layer', () => {
  const options = { year: 2020, placeNames: ['济南', '市中'] };

  it('gives the rows the .xlsx of the same tables gives: the bundled notice, 12 pages', async () => {
    const text = textGrids(readFileSync(path.join(ROOT, 'content/2020/notice.txt'), 'utf8'));
    const fromXlsx = importNotice((await readNotice(written('通知.xlsx', await xlsxOf(text)))).grids, registries(), options);
    const read = await readNotice(path.join(FIXTURES, 'notice-2020.pdf'));
    const fromPdf = importNotice(read.grids, registries(), options);
    expect(fromXlsx.errors).toEqual([]);
    expect(fromPdf.errors).toEqual([]);
    expect(read.grids.map((g) => g.title)).toEqual(['2020年主要工作任务责任分解立项表', '2020年“12100”民生工程责任分解表']);
    expect(fromPdf.tasks!.rows).toHaveLength(102);
    expect(fromPdf.tasks!.rows).toEqual(fromXlsx.tasks!.rows);
    expect(fromPdf.tasks!.sections).toEqual(fromXlsx.tasks!.sections);
    expect(fromPdf.programme!.rows).toHaveLength(100);
    expect(fromPdf.programme!.rows).toEqual(fromXlsx.programme!.rows);
    expect(fromPdf.programme!.categories).toEqual(fromXlsx.programme!.categories);
    // Two leaders on two lines of one cell stay two.
    expect(fromPdf.tasks!.rows[3].leaders).toBe('孟庆顺、付华');
    // 类别 merged down over its rows, across page breaks, is in each of them, whole.
    const tasks = read.grids[0].rows.slice(1);
    expect(tasks.every((r) => r.cells[0] !== '')).toBe(true);
    const group = '聚焦提质增效，狠抓乡村振兴，在加快城乡融合上实现新提升。';
    const section = String(fromXlsx.tasks!.sections.find((x) => x.name === group)!.no);
    expect(tasks.filter((r) => r.cells[0] === group).map((r) => r.cells[2])).toEqual(
      fromXlsx.tasks!.rows.filter((r) => r.section === section).map((r) => r.no),
    );
  });

  it('reads a PDF printed by Chromium: its own page transform, borders as rectangles, cells close together', async () => {
    const read = await readNotice(path.join(FIXTURES, 'chromium.pdf'));
    expect(read.grids.map((g) => g.title)).toEqual(['2021年主要工作任务分解表']);
    expect(read.grids[0].rows.map((r) => r.cells)).toEqual([
      ['序号', '工作任务', '牵头领导', '责任单位'],
      [
        '1',
        '建设口袋公园8处，新建健身步道10公里，改造老旧小区12个，惠及居民4500户，持续推进城市更新。',
        '王 强\n李 敏',
        '区城管局、住建局、自然资源局，东风、南湖街道办事处',
      ],
      // 李  敏 is one cell merged down over rows 2 and 3.
      ['2', '新增公办幼儿园学位800个。', '李 敏', '区教育局'],
      ['3', '建成社区卫生服务中心3处。', '李 敏', '区卫健局'],
    ]);
  });

  it('gives its text lines in reading order, for the paragraph interpreter', async () => {
    const lines = await pdfLines(readFileSync(path.join(FIXTURES, 'notice-2020.pdf')));
    expect(lines.slice(0, 2)).toEqual(['附件1', '2020年主要工作任务责任分解立项表']);
    expect(lines).toContain('附件2');
    expect(lines.indexOf('附件2')).toBeGreaterThan(lines.findIndex((l) => l.startsWith('高水平谋划建设泰山大学科技园。')));
  });
});

describe('PDFs the importer refuses', () => {
  it('a scanned PDF: no text layer, what to do instead', async () => {
    const file = written('通知.pdf', scannedPdf());
    const error = await refusal(file);
    expect(error.code).toBe('LS-NTC-030');
    expect(error.message).toBe(
      `[LS-NTC-030] ${file} 是扫描图像（PDF 中没有文字层），无法读取其中的表格  提示：请向印发机关索取通知的 .docx 或 .xlsx 原件，或可选中文字的 PDF；也可用文字识别（OCR）软件识别后核对，另存为文本（.txt，UTF-8）再导入`,
    );
  });

  it('a damaged PDF', async () => {
    const bytes = readFileSync(path.join(FIXTURES, 'notice-2020.pdf'));
    const error = await refusal(written('通知.pdf', bytes.subarray(0, 2000)));
    expect(error.code).toBe('LS-NTC-031');
    expect(error.message).toContain('无法作为 PDF 打开');
  });

  it('a table drawn without borders, whose rows would be a guess', async () => {
    const error = await refusal(path.join(FIXTURES, 'no-borders.pdf'));
    expect(error.code).toBe('LS-NTC-032');
    expect(error.message).toContain('第 1 页的表格没有框线');
    expect(error.message).toContain('提示：请使用通知的 .docx 或 .xlsx 原件');
  });

  it('writes nothing on refusal (npm run import-notice)', () => {
    const root = makeContent();
    const files = () => {
      const out = new Map<string, string>();
      const walk = (d: string) => {
        for (const e of readdirSync(d)) {
          const p = path.join(d, e);
          if (statSync(p).isDirectory()) walk(p);
          else out.set(path.relative(root, p), readFileSync(p, 'latin1'));
        }
      };
      walk(root);
      return out;
    };
    const before = files();
    const r = spawnSync(
      NODE,
      [path.join(ROOT, 'scripts/import-notice.ts'), written('通知.pdf', scannedPdf()), '--year', '2021', '--content', root],
      { encoding: 'utf8' },
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('[LS-NTC-030]');
    expect(files()).toEqual(before);
  });
});

describe('a PDF written as numbered paragraphs', () => {
  it('is read by the paragraph interpreter from its lines, as its text would be (a clause wrapped over two lines included)', async () => {
    const dir = path.resolve(import.meta.dirname, '../../fixtures/notices');
    const fromPdf = await readNotice(path.join(dir, 'xianan-2023.pdf'));
    const fromText = await readNotice(path.join(dir, 'xianan-2023.txt'));
    expect(fromPdf.reader).toMatch(/^编号段落/);
    const rows = (r: typeof fromPdf) => r.grids[0]!.rows.map((row) => row.cells);
    expect(rows(fromPdf)).toHaveLength(13);
    expect(rows(fromPdf)).toEqual(rows(fromText));
  });
});
