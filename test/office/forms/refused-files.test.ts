/**
 * Files that are not what their name says (issue 25.7): an old .xls renamed .xlsx, an .ods
 * (renamed or not), a web page saved as .xlsx, a zip without a workbook. Each is told apart by
 * its first bytes and refused with a catalogue sentence that says what it is and what to do,
 * never an English library message; the whole batch is then refused and the content unchanged.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { runImport } from '../../../office/forms/importer.ts';
import { fileKind } from '../../../office/file-kind.ts';
import { TODAY, makeContent } from '../../fixtures/content.ts';
import { snapshot } from '../../fixtures/processes.ts';

/** An OLE2 compound file as old Excel, Word and WPS save it: only its signature matters here. */
const OLE2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);

/** An OpenDocument spreadsheet: `mimetype` first and stored, as LibreOffice and WPS write it. */
const ODS = Buffer.from(
  zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': strToU8('<?xml version="1.0"?><office:document-content/>'),
    'META-INF/manifest.xml': strToU8('<?xml version="1.0"?><manifest:manifest/>'),
  }),
);

/** A Word document: a zip, but no workbook in it. */
const DOCX = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }));

const HTML = Buffer.from('<html><body><table><tr><td>区发改局</td></tr></table></body></html>');

/** A filled 附件4 in CSV that would import on its own. */
const GOOD_CSV = [
  'item,month,unit,target,progress,problems,next_steps,evaluation,item_complete,filed,note',
  'T1,2020-03,区发改局,目标,T1进展,无,计划,完成,否,2020-04-07,',
  '',
].join('\n');

async function importWith(name: string, bytes: Buffer) {
  const content = makeContent();
  const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-refused-'));
  writeFileSync(path.join(dir, 'good.csv'), GOOD_CSV);
  const bad = path.join(dir, name);
  writeFileSync(bad, bytes);
  const before = snapshot(content);
  const outcome = await runImport([path.join(dir, 'good.csv'), bad], { content, today: TODAY });
  return { outcome, bad, unchanged: () => expect(snapshot(content)).toEqual(before) };
}

describe('forms that are not what their name says', () => {
  it('tells the kinds apart by their first bytes', () => {
    expect(fileKind(OLE2)).toBe('legacy-office');
    expect(fileKind(ODS)).toBe('opendocument');
    expect(fileKind(DOCX)).toBe('docx');
    expect(fileKind(HTML)).toBe('other');
    expect(fileKind(Buffer.from(zipSync({ 'a.txt': strToU8('a') })))).toBe('zip');
  });

  it.each([
    [
      'an old .xls renamed .xlsx',
      '表格.xlsx',
      OLE2,
      '[LS-FORM-019]  这是旧版 Excel（.xls）或 WPS 表格（.et）文件，不是 .xlsx，无法导入  提示：请在 Excel 或 WPS 中打开，「另存为」→「Excel 工作簿（*.xlsx）」后再导入',
    ],
    [
      'an .ods renamed .xlsx',
      '表格.xlsx',
      ODS,
      '[LS-FORM-028]  这是 OpenDocument 表格（.ods，LibreOffice 或 WPS 保存的格式），不是 .xlsx，无法导入  提示：请在 LibreOffice、WPS 或 Excel 中打开，「另存为」→「Excel 工作簿（*.xlsx）」后再导入',
    ],
    [
      'an .ods',
      '表格.ods',
      ODS,
      '[LS-FORM-028]  这是 OpenDocument 表格（.ods，LibreOffice 或 WPS 保存的格式），不是 .xlsx，无法导入',
    ],
    ['a web page saved as .xlsx', '表格.xlsx', HTML, '[LS-FORM-029]  不是 Excel 表格：文件名是 .xlsx，内容却不是电子表格'],
    [
      'a Word document renamed .xlsx',
      '表格.xlsx',
      DOCX,
      '[LS-FORM-030]  不是 Excel 表格：文件名是 .xlsx，内容是其他压缩包或文档',
    ],
  ])('%s: names the file and what to do, and imports nothing of the batch', async (_, name, bytes, expected) => {
    const { outcome, bad, unchanged } = await importWith(name, bytes);
    expect(outcome.ok).toBe(false);
    const line = outcome.errors.find((e) => e.startsWith(`${bad}  `));
    expect(line, outcome.errors.join('\n')).toContain(`${bad}  ${expected}`);
    expect(outcome.errors.join('\n')).not.toMatch(/[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}/); // no English sentence
    expect(outcome.written).toEqual([]);
    unchanged();
  });
});
