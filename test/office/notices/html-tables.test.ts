/**
 * The .docx reader (issue 23.4): mammoth's HTML read with a parser, so that no row is lost —
 * a table nested in a cell, a cell merged down and across, units one per line in a cell — first
 * on HTML as mammoth writes it, then through readNotice on a .docx made here.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlGrids } from '../../../office/notices/html-tables.ts';
import { readNotice } from '../../../office/notices/readers.ts';
import { zip } from '../../../src/core/publish/export.ts';

const td = (text: string, attrs = '') => `<td${attrs}>${text === '' ? '' : `<p>${text}</p>`}</td>`;
const tr = (...cells: string[]) => `<tr>${cells.join('')}</tr>`;
const HEADER = tr(td('序号'), td('工作任务'), td('牵头领导'), td('责任单位'));
const cellsOf = (html: string) => htmlGrids(html).map((g) => g.rows.map((r) => r.cells));

describe('htmlGrids', () => {
  it('reads a table nested in a cell as that cell’s lines, and goes on with the outer table', () => {
    const nested = `<table>${tr(td('一期'), td('二期'))}${tr(td('3月底'), td('6月底'))}</table>`;
    const html =
      `<p>附件1</p><p>2021年主要工作任务分解表</p><table>${HEADER}` +
      tr(td('1'), `<td><p>建设口袋公园</p>${nested}</td>`, td('王强'), td('区城管局')) +
      tr(td('2'), td('改造老旧小区'), td('李敏'), td('区住建局')) +
      `</table><p>2021年民生实事</p><table>${HEADER}${tr(td('1'), td('新建学校'), td('李敏'), td('区教育局'))}</table>`;
    const grids = htmlGrids(html);
    expect(grids.map((g) => [g.source, g.title])).toEqual([
      ['表1', '2021年主要工作任务分解表'],
      ['表2', '2021年民生实事'],
    ]);
    expect(cellsOf(html)[0]).toEqual([
      ['序号', '工作任务', '牵头领导', '责任单位'],
      ['1', '建设口袋公园\n一期\n二期\n3月底\n6月底', '王强', '区城管局'],
      ['2', '改造老旧小区', '李敏', '区住建局'],
    ]);
  });

  it('places a cell merged two down and two across, and the next row stays in its columns', () => {
    // As mammoth writes it: the covered row has only the cells not merged.
    const html =
      `<table>${HEADER}` +
      tr(td('1', ' rowspan="2"'), td('推进“一带一城”建设', ' colspan="2" rowspan="2"'), td('区发改局')) +
      tr(td('区科技局')) +
      tr(td('2'), td('改造老旧小区'), td('李敏'), td('区住建局')) +
      `</table>`;
    expect(cellsOf(html)[0]).toEqual([
      ['序号', '工作任务', '牵头领导', '责任单位'],
      ['1', '推进“一带一城”建设', '', '区发改局'],
      ['1', '推进“一带一城”建设', '', '区科技局'],
      ['2', '改造老旧小区', '李敏', '区住建局'],
    ]);
  });

  it('keeps units and leaders one per line in a cell: paragraphs, list items and <br>', () => {
    const html =
      `<table>${HEADER}` +
      tr(
        td('1'),
        td('新建学校'),
        '<td><p>王  强<br />李  敏</p></td>',
        '<td><ol><li>区教育局</li><li>区财政局</li></ol><p>各街道办事处</p></td>',
      ) +
      `</table>`;
    expect(cellsOf(html)[0][1]).toEqual(['1', '新建学校', '王  强\n李  敏', '区教育局\n区财政局\n各街道办事处']);
  });
});

// ---------------------------------------------------------------------------------------------

const t = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (body: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${body}</w:tc>`;
const wtr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

function docx(body: string): Buffer {
  return Buffer.from(
    zip(
      [
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
      ],
      '2021-01-01',
    ),
  );
}

describe('a .docx through readNotice', () => {
  it('gives every row of a table with a nested table and a cell merged down and across', async () => {
    const header = wtr(tc(t('序号')), tc(t('工作任务')), tc(t('牵头领导')), tc(t('责任单位')));
    const nested = `<w:tbl>${wtr(tc(t('一期')), tc(t('二期')))}</w:tbl>`;
    const body =
      `${t('2021年主要工作任务分解表')}<w:tbl>${header}` +
      wtr(tc(t('1')), tc(t('建设口袋公园') + nested + t('')), tc(t('王强')), tc(t('区城管局'))) +
      wtr(
        tc(t('2'), '<w:vMerge w:val="restart"/>'),
        tc(t('推进“一带一城”建设'), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>'),
        tc(t('区发改局')),
      ) +
      wtr(tc(t(''), '<w:vMerge/>'), tc(t(''), '<w:gridSpan w:val="2"/><w:vMerge/>'), tc(t('区科技局'))) +
      wtr(
        tc(t('3')),
        tc(t('改造老旧小区')),
        tc('<w:p><w:r><w:t>王强</w:t><w:br/><w:t>李敏</w:t></w:r></w:p>'),
        tc(t('区住建局') + t('区民政局')),
      ) +
      `</w:tbl>`;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'luoshi-docx-')), '通知.docx');
    writeFileSync(file, docx(body));
    const { grids } = await readNotice(file);
    expect(grids.map((g) => g.title)).toEqual(['2021年主要工作任务分解表']);
    expect(grids[0].rows.map((r) => r.cells)).toEqual([
      ['序号', '工作任务', '牵头领导', '责任单位'],
      ['1', '建设口袋公园\n一期\n二期', '王强', '区城管局'],
      ['2', '推进“一带一城”建设', '', '区发改局'],
      ['2', '推进“一带一城”建设', '', '区科技局'],
      ['3', '改造老旧小区', '王强\n李敏', '区住建局\n区民政局'],
    ]);
  });
});
