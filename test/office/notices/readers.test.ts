/**
 * A notice in an old or foreign format (issue 25.7): an old .doc/.xls/.wps, an .odt/.ods, a file
 * whose content is not what its name says. Each is refused with its catalogue code, naming the
 * file and saying what to save it as, never an English library message.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { readNotice } from '../../../office/notices/readers.ts';
import { LuoshiError } from '../../../src/core/errors/errors.ts';

const OLE2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
const ODT = Buffer.from(
  zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8('<?xml version="1.0"?><office:document-content/>'),
  }),
);
const HTML = Buffer.from('<html><body>关于印发2021年工作任务的通知</body></html>');

async function refusal(name: string, bytes: Buffer): Promise<{ file: string; error: LuoshiError }> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'luoshi-notice-')), name);
  writeFileSync(file, bytes);
  const error = await readNotice(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LuoshiError);
  return { file, error: error as LuoshiError };
}

describe('notices in a format the importer cannot read', () => {
  it.each([
    ['an old Word .doc', '通知.doc', OLE2, 'LS-NTC-016', '是旧版 Word、Excel 或 WPS 文件'],
    ['an old .xls renamed .xlsx', '附件.xlsx', OLE2, 'LS-NTC-016', '「另存为」.docx（文档）或 .xlsx（表格）'],
    ['a WPS .wps', '通知.wps', OLE2, 'LS-NTC-016', '是旧版 Word、Excel 或 WPS 文件'],
    ['an .odt renamed .docx', '通知.docx', ODT, 'LS-NTC-017', '是 OpenDocument 文件'],
    ['a web page saved as .docx', '通知.docx', HTML, 'LS-NTC-018', '的内容不是 Word 文档或 Excel 表格'],
    ['a PDF cut off after its first line', '通知.pdf', Buffer.from('%PDF-1.7'), 'LS-NTC-031', '无法作为 PDF 打开'],
    ['a web page', '通知.html', HTML, 'LS-NTC-019', '不支持的文件类型「.html」'],
  ])('%s: its code, the file and what to do', async (_, name, bytes, code, text) => {
    const { file, error } = await refusal(name, bytes);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(new RegExp(`^\\[${code}\\] `));
    expect(error.message).toContain(file);
    expect(error.message).toContain(text);
    expect(error.message).toContain('提示：');
  });

  it('keeps the code of a text notice that is not UTF-8', async () => {
    const { error } = await refusal('通知.txt', Buffer.from([0xfe, 0xff, 0x00, 0x41]));
    expect(error.code).toMatch(/^LS-CSV-00[123]$/);
    expect(error.message).toMatch(/^\[LS-CSV-00[123]\] .*通知\.txt：/);
  });
});
