/** A CSV form's bytes → grid (office/forms/form-csv.ts): the encodings Excel writes, and what stops a read. */
import { describe, expect, it } from 'vitest';
import { csvGrid, decodeCsv } from '../../../office/forms/form-csv.ts';
import { encodeGbk } from '../../scripts/gbk.ts';

const TEXT = '分解序号,主要工作目标任务\r\nT1,加装电梯60部\r\n';

describe('form CSV', () => {
  it('decodes UTF-8, UTF-8 with BOM and GBK, and names each', () => {
    const utf8 = new TextEncoder().encode(TEXT);
    expect(decodeCsv(utf8, 'a.csv')).toEqual({ text: TEXT, encoding: 'UTF-8' });
    const bom = decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'a.csv');
    expect(bom).toMatchObject({ encoding: 'UTF-8（带 BOM）' });
    expect('text' in bom && bom.text.replace(/^\uFEFF/, '')).toBe(TEXT);
    expect(decodeCsv(new Uint8Array(encodeGbk(TEXT)), 'a.csv')).toEqual({ text: TEXT, encoding: 'GB18030/GBK' });
  });

  it('keeps every record, empty ones too, so record n is spreadsheet row n', () => {
    const { grid, problems } = csvGrid('标题\n\nT1,甲\n');
    expect(problems).toEqual([]);
    expect(grid).toEqual([['标题'], [''], ['T1', '甲']]);
  });

  it('refuses a lone quotation mark instead of swallowing the following rows', () => {
    const { grid, problems } = csvGrid('T1,"加装电梯\nT2,新建学校\n');
    expect(grid).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^CSV 格式错误，文件未导入：读到文件末尾，英文双引号（"）仍不成对/),
      }),
    ]);
  });
});
