/**
 * The notice's heading read from its text (office/notices/text-tables.ts, noticeHeading): the
 * document number (文号) as offices and government web pages write it, on lines taken from real
 * notices (test/fixtures/notices/README.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noticeHeading } from '../../../office/notices/text-tables.ts';
import { SHIZHONG_2020 } from '../../fixtures/bundled.ts';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../fixtures/notices', name), 'utf8');

describe('noticeHeading: the document number', () => {
  it('reads a line written the standard way as it is, and says nothing', () => {
    const h = noticeHeading(readFileSync(path.join(SHIZHONG_2020, '2020/notice.txt'), 'utf8'));
    expect(h.docNo).toBe('市中政办发〔2020〕1号');
    expect(h.notes).toEqual([]);
  });

  it.each(['许政 [2020] 20号', '许政[2020]20号', '许政［2020］20号', '许政（2020）20号', '许政(2020)20号', '许政【2020】20号'])(
    'reads %s, a line with other brackets, as 许政〔2020〕20号 and says so',
    (written) => {
      const h = noticeHeading(`${written}\n各县(市、区)人民政府:\n`);
      expect(h.docNo).toBe('许政〔2020〕20号');
      expect(h.notes).toEqual([`正文 第 1 行：通知文号原文写作「${written}」，按公文格式写作「许政〔2020〕20号」，请核对`]);
    },
  );

  it('reads 许昌’s copy (许政 [2020] 20号), not the number of the running head inside the covering letter', () => {
    const h = noticeHeading(fixture('xuchang-2020.txt'));
    expect(h.docNo).toBe('许政〔2020〕20号');
    expect(h.notes).toEqual(['正文 第 1 行：通知文号原文写作「许政 [2020] 20号」，按公文格式写作「许政〔2020〕20号」，请核对']);
  });

  it('does not take a number inside a sentence', () => {
    expect(noticeHeading('对有明确时间节点的重许昌市人民政府文件许政〔2020〕21号大工作实行专项督查\n').docNo).toBeUndefined();
  });

  it('reads the 文号 field of 蔡甸’s web page (`文    号 蔡政办〔2023〕1号` after other fields) and says where it came from', () => {
    const h = noticeHeading(fixture('caidian-2023.txt'));
    expect(h.docNo).toBe('蔡政办〔2023〕1号');
    expect(h.notes).toEqual(['正文 第 7 行：通知文号「蔡政办〔2023〕1号」取自网页的“文号”信息栏，请核对']);
  });

  it.each([
    ['文 号 蔡政办〔2023〕1号', '蔡政办〔2023〕1号', undefined],
    ['文号：蔡政办〔2023〕1号', '蔡政办〔2023〕1号', undefined],
    ['文号:蔡政办[2023]1号', '蔡政办〔2023〕1号', '蔡政办[2023]1号'],
    ['| 文 号 | 江政办〔2020〕2 号 |', '江政办〔2020〕2号', '江政办〔2020〕2 号'],
    ['文号江政办〔2020〕2号', '江政办〔2020〕2号', undefined],
  ])('reads the field %s as %s', (line, docNo, written) => {
    const h = noticeHeading(`索 引 号 MB1534522/2023-05475\n${line}\n`);
    expect(h.docNo).toBe(docNo);
    expect(h.notes).toEqual([
      written
        ? `正文 第 2 行：通知文号取自网页的“文号”信息栏，原文写作「${written}」，按公文格式写作「${docNo}」，请核对`
        : `正文 第 2 行：通知文号「${docNo}」取自网页的“文号”信息栏，请核对`,
    ]);
  });

  it('prefers the notice’s own line to a web page’s field', () => {
    expect(noticeHeading('文    号 蔡政办〔2023〕9号\n蔡政办〔2023〕1号\n').docNo).toBe('蔡政办〔2023〕1号');
  });
});
