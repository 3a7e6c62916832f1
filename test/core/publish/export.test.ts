import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  DICTIONARY_COLUMNS,
  REGISTRY_TABLES,
  YEAR_TABLES,
  dictionary,
  isComputed,
  tableSpec,
  exportFiles,
  exportZip,
  newestDataDate,
  toCsv,
  zip,
  deflateEntry,
} from '../../../src/core/publish/export.ts';
import { loadContentOrThrow } from '../../../src/core/content/load.ts';
import type { Dataset } from '../../../src/core/model/types.ts';
import { FILES, type FileKind } from '../../../src/core/content/schema.ts';
import { TODAY, edit, fixtureText, makeContent } from '../../fixtures/content.ts';
import { SHIZHONG_2020 } from '../../fixtures/bundled.ts';
import { makeIndicatorContent } from '../../fixtures/indicators.ts';

/** The rows of a content file, read straight with csv-parse (not through the core). */
function contentRows(abs: string): Record<string, string>[] {
  if (!existsSync(abs)) return [];
  return parse(readFileSync(abs), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

/** What each download must hold: the content files' rows, every column in canonical order. */
function expectedTables(root: string, dataset: Dataset): Map<string, Record<string, string>[]> {
  const canonical = (kind: FileKind, rows: Record<string, string>[]) =>
    rows.map((r) =>
      Object.fromEntries(
        Object.entries(FILES[kind].columns).map(([c, spec]) => [
          c,
          r[c] ?? ('optionalColumn' in spec && spec.optionalColumn ? '' : undefined),
        ]),
      ),
    );
  const out = new Map<string, Record<string, string>[]>();
  for (const year of dataset.years) {
    const dir = path.join(root, String(year.year));
    for (const name of YEAR_TABLES) {
      // The one computed table is checked on its own (below).
      if (isComputed(name)) continue;
      let rows: Record<string, string>[];
      if (name === 'reports' || name === 'actuals') {
        const rdir = path.join(dir, name);
        rows = existsSync(rdir)
          ? readdirSync(rdir)
              .sort()
              .flatMap((f) => contentRows(path.join(rdir, f)))
          : [];
      } else rows = contentRows(path.join(dir, `${name}.csv`));
      out.set(`${year.year}/${name}`, canonical(name, rows));
    }
  }
  for (const name of REGISTRY_TABLES) out.set(name, canonical(name, contentRows(path.join(root, `${name}.csv`))));
  return out;
}

function roundTrip(root: string) {
  const dataset = loadContentOrThrow(root, { today: TODAY });
  const files = new Map(exportFiles(dataset, { dataUrl: 'https://example.gov.cn/data/' }).map((f) => [f.path, f.body]));
  const expected = expectedTables(root, dataset);
  for (const [name, rows] of expected) {
    const kind = name.split('/').at(-1) as FileKind;
    const csv = files.get(`${name}.csv`);
    const json = files.get(`${name}.json`);
    expect(csv, `${name}.csv`).toBeDefined();
    expect(json, `${name}.json`).toBeDefined();
    expect(csv!.startsWith('\uFEFF'), `${name}.csv has a BOM`).toBe(true);
    const [header, ...records] = parse(csv!.slice(1), { skip_empty_lines: false }) as string[][];
    expect(header, `${name}.csv header`).toEqual(Object.keys(FILES[kind].columns));
    const fromCsv = records.map((r) => Object.fromEntries(header.map((c, i) => [c, r[i]])));
    expect(fromCsv, `${name}.csv rows`).toEqual(rows);
    const doc = JSON.parse(json!);
    expect(
      doc.columns.map((c: { name: string }) => c.name),
      `${name}.json columns`,
    ).toEqual(header);
    expect(doc.rows, `${name}.json rows`).toEqual(rows);
    expect(doc.rows.every((r: Record<string, string>) => Object.keys(r).join() === header.join())).toBe(true);
  }
  return { dataset, files, expected };
}

describe('open-data downloads', () => {
  it('hold exactly the content rows of the fixture, including aliases, quotes, commas and line breaks', () => {
    const tricky = '进展“甲”, 含英文逗号,"引号"\n和换行';
    const reports = fixtureText('2020/reports/2020-02.csv').replace(
      'T1,2020-02,区发改局,目标,进展,',
      `T1,2020-02,发改局,目标,"${tricky.replace(/"/g, '""')}",`,
    );
    const root = makeContent({
      ...edit('2020/tasks.csv', '区发改局、区住建局,', '区发改局、区住建局,区住建局'),
      '2020/reports/2020-02.csv': reports,
    });
    const { files, expected } = roundTrip(root);
    const t1 = expected.get('2020/tasks')!.find((r) => r.no === '1')!;
    expect(t1.lead_units).toBe('区住建局');
    const feb = expected.get('2020/reports')!.find((r) => r.item === 'T1' && r.month === '2020-02')!;
    expect(feb.unit).toBe('发改局');
    expect(feb.progress).toBe(tricky);
    expect(expected.get('2020/reports')).toHaveLength(6);
    expect(expected.get('units')).toHaveLength(4);
    expect(files.has('2020/projects.csv') && files.has('2020/projects.json') && files.has('leaders.json')).toBe(true);
  });

  it('are built from the dataset alone: deleting the content folder after loading changes nothing', () => {
    const root = makeContent({
      ...edit('2020/tasks.csv', '区发改局、区住建局,', '发改局、区住建局,区住建局'),
      ...edit('2020/reports/2020-01.csv', 'T1,2020-01,区发改局,', 'T1,2020-01,发改局,'),
    });
    const dataset = loadContentOrThrow(root, { today: TODAY });
    const expected = expectedTables(root, dataset);
    rmSync(path.dirname(root), { recursive: true, force: true });
    const files = new Map(exportFiles(dataset, {}).map((f) => [f.path, f.body]));
    const rowsOf = (name: string) => {
      const [header, ...records] = parse(files.get(`${name}.csv`)!.slice(1)) as string[][];
      return records.map((r) => Object.fromEntries(header.map((c, i) => [c, r[i]])));
    };
    for (const [name, rows] of expected) expect(rowsOf(name), name).toEqual(rows);
    // As written, not as resolved: the alias stays.
    expect(rowsOf('2020/tasks')[0]).toMatchObject({ units: '发改局、区住建局', lead_units: '区住建局' });
    expect(rowsOf('2020/reports')[0]).toMatchObject({ item: 'T1', unit: '发改局' });
    expect(exportZip(dataset, {}).length).toBeGreaterThan(0);
  });

  it('carry the year’s indicators file, rows as written (1.11万, a comma) in file order', () => {
    const root = makeContent({
      '2020/indicators.csv': [
        'item,no,name,kind,measure,goal,comparison,source,confirmed',
        'T3,1,加装电梯,数量,部,60部,,加装电梯60部,是',
        'T1,1,投资,金额,亿元,10,,"完成投资10亿元，含配套",否',
        'T2,1,回迁安置,数量,套,1.11万,,,否',
      ].join('\n'),
    });
    const { files, expected } = roundTrip(root);
    expect(expected.get('2020/indicators')!.map((r) => [r.item, r.goal, r.source])).toEqual([
      ['T3', '60部', '加装电梯60部'],
      ['T1', '10', '完成投资10亿元，含配套'],
      ['T2', '1.11万', ''],
    ]);
    expect(JSON.parse(files.get('2020/indicators.json')!).title).toBe('目标指标');
  });

  it('carry the year’s actuals files, rows as written (70部, 1.2亿元), oldest month first', () => {
    const { files, expected } = roundTrip(makeIndicatorContent());
    expect(expected.get('2020/actuals')!.map((r) => [r.item, r.month, r.actual])).toEqual([
      ['T1', '2020-01', '0.5'],
      ['P1', '2020-01', '70部'],
      ['P2', '2020-01', '3400'],
      ['T1', '2020-02', '1.2亿元'],
      ['T2', '2020-02', '2'],
    ]);
    expect(JSON.parse(files.get('2020/actuals.json')!).title).toBe(FILES.actuals.title);
  });

  it('carry each indicator’s target and monthly values side by side: numbers, a rate for quantities and money, none for standards', () => {
    const dataset = loadContentOrThrow(makeIndicatorContent(), { today: TODAY });
    const files = new Map(exportFiles(dataset, { dataUrl: 'https://example.gov.cn/data/' }).map((f) => [f.path, f.body]));
    expect(files.get('2020/indicator-progress.csv')).toBe(
      [
        '\uFEFFitem,no,name,kind,measure,goal,comparison,month,actual,rate,expected,position',
        'T1,1,完成投资,金额,亿元,10,,2020-01,0.5,5,0.83,低于序时进度',
        'T1,1,完成投资,金额,亿元,10,,2020-02,1.2,12,1.67,低于序时进度',
        'T2,1,新建学校,数量,所,3,,2020-02,2,66.7,0.5,超前于序时进度',
        'P1,1,加装电梯,数量,部,60,,2020-01,70,116.7,5,超额完成',
        'P2,1,低保标准,标准,元/年/人,3480,不低于,2020-01,3400,,,未达到目标',
        '',
      ].join('\r\n'),
    );
    const doc = JSON.parse(files.get('2020/indicator-progress.json')!);
    expect(doc.title).toBe('指标完成情况（目标与累计完成数，计算所得）');
    expect(doc.csv).toBe('https://example.gov.cn/data/2020/indicator-progress.csv');
    expect(doc.columns.map((c: { label: string }) => c.label)).toEqual([
      '分解序号',
      '指标序号',
      '指标名称',
      '指标类型',
      '计量单位',
      '目标值',
      '比较方式',
      '月份',
      '累计完成',
      '完成率（%）',
      '序时进度',
      '进度',
    ]);
    expect(doc.rows[3]).toEqual({
      item: 'P1',
      no: '1',
      name: '加装电梯',
      kind: '数量',
      measure: '部',
      goal: '60',
      comparison: '',
      month: '2020-01',
      actual: '70',
      rate: '116.7',
      expected: '5',
      position: '超额完成',
    });
    // In the zip with the rest.
    const zipped = readZip(Buffer.from(exportZip(dataset, {})));
    expect(zipped.get('luoshi-data/2020/indicator-progress.csv')).toBe(files.get('2020/indicator-progress.csv'));
    expect(zipped.get('luoshi-data/2020/actuals.csv')).toBe(files.get('2020/actuals.csv'));
    expect(zipped.get('luoshi-data/README.txt')).toContain('indicator-progress');
  });

  it('a year without indicators still lists the tables, with their header only', () => {
    const dataset = loadContentOrThrow(makeContent(), { today: TODAY });
    const files = new Map(exportFiles(dataset, {}).map((f) => [f.path, f.body]));
    expect(files.get('2020/indicator-progress.csv')).toBe(
      '\uFEFFitem,no,name,kind,measure,goal,comparison,month,actual,rate,expected,position\r\n',
    );
    expect(files.get('2020/actuals.csv')).toBe('\uFEFFitem,no,month,actual\r\n');
  });

  it('hold exactly the rows of the bundled dataset', () => {
    const root = SHIZHONG_2020;
    const { expected } = roundTrip(root);
    expect(expected.get('2020/tasks')).toHaveLength(102);
    expect(expected.get('2020/projects')).toHaveLength(100);
    expect(expected.get('2020/indicators')!.length).toBeGreaterThan(100);
  });

  it('zip every download with README and licence, readable by unzip', () => {
    const root = makeContent();
    const dataset = loadContentOrThrow(root, { today: TODAY });
    const bytes = Buffer.from(exportZip(dataset, {}));
    const entries = readZip(bytes);
    const files = exportFiles(dataset, {});
    expect([...entries.keys()].sort()).toEqual(
      ['luoshi-data/LICENCE.txt', 'luoshi-data/README.txt', ...files.map((f) => `luoshi-data/${f.path}`)].sort(),
    );
    for (const f of files) expect(entries.get(`luoshi-data/${f.path}`), f.path).toBe(f.body);
    // Deterministic: the same content gives the same bytes.
    expect(Buffer.from(exportZip(dataset, {})).equals(bytes)).toBe(true);
    // Dated by the data, not the clock: the first entry's DOS date (local header, offset 12).
    const dos = bytes.readUInt16LE(12);
    const dated = `${(dos >> 9) + 1980}-${String((dos >> 5) & 15).padStart(2, '0')}-${String(dos & 31).padStart(2, '0')}`;
    expect(dated).toBe(newestDataDate(dataset));
  });

  it('writes the bytes of fflate zipSync, and takes each entry compression from the deflate it is given', () => {
    const entries = [
      { name: 'luoshi-data/README.txt', data: '说明\r\n'.repeat(200) },
      { name: 'luoshi-data/empty.csv', data: '' },
      { name: 'luoshi-data/2020/报告.csv', data: 'a,b\r\n1,2\r\n' },
      { name: 'bytes.bin', data: new Uint8Array(70_000).map((_, i) => (i * 7919) % 251) },
    ];
    for (const date of ['2024-06-30', '1979-12-31', '2020-02-31']) {
      // The zip as fflate's zipSync wrote it before (src/core/publish/export.ts).
      const [y, m, d] = date.split('-').map(Number);
      const mtime = new Date(Math.max(1980, y), m - 1, d);
      const files: Zippable = {};
      for (const e of entries)
        files[e.name] = [
          typeof e.data === 'string' ? strToU8(e.data) : e.data,
          { level: 6, mtime, os: 3, attrs: (0o100644 << 16) >>> 0 },
        ];
      expect(Buffer.from(zip(entries, date)).equals(Buffer.from(zipSync(files))), date).toBe(true);
    }
    const seen: number[] = [];
    const counted = zip(entries, '2024-06-30', (data) => (seen.push(data.length), deflateEntry(data)));
    expect(seen).toHaveLength(entries.length);
    expect(Buffer.from(counted).equals(Buffer.from(zip(entries, '2024-06-30')))).toBe(true);
  });

  it('quotes only what needs quoting and writes CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          { a: 'x,y', b: ' lead' },
          { a: 'q"', b: '' },
        ],
      ),
    ).toBe('\uFEFFa,b\r\n"x,y"," lead"\r\n"q""",\r\n');
  });
});

describe('the data dictionary', () => {
  it('describes every column of every published table, with allowed values from the schemas', () => {
    const dict = dictionary();
    for (const kind of [...YEAR_TABLES, ...REGISTRY_TABLES]) {
      expect(dict.filter((d) => d.file === kind).map((d) => d.column)).toEqual(Object.keys(tableSpec(kind).columns));
    }
    for (const d of dict) {
      expect(d.label && d.meaning && d.type && d.allowed, `${d.file}.${d.column}`).toBeTruthy();
      expect(Object.keys(d)).toEqual(expect.arrayContaining([...DICTIONARY_COLUMNS]));
    }
    const find = (file: string, column: string) => dict.find((d) => d.file === file && d.column === column)!;
    expect(find('reports', 'evaluation')).toMatchObject({ type: '枚举', allowed: '完成、未完成', label: '评价' });
    expect(find('reports', 'item_complete').allowed).toBe('是、否');
    expect(find('units', 'kind').allowed).toBe('区直部门、街道办事处、其他');
    expect(find('plans', 'filed').type).toBe('日期');
    expect(find('projects', 'no').type).toBe('整数');
    expect(find('indicators', 'kind').allowed).toBe('数量、金额、标准、幅度');
    expect(find('indicators', 'goal').type).toBe('数值');
    expect(find('actuals', 'actual').label).toBe('累计完成');
    // The computed table: the content files' labels where a column means the same, its own otherwise.
    expect(find('indicator-progress', 'name').label).toBe(FILES.indicators.columns.name.label);
    expect(find('indicator-progress', 'actual')).toMatchObject({ label: '累计完成', type: '数值' });
    expect(find('indicator-progress', 'rate')).toMatchObject({ label: '完成率（%）', type: '数值（可空）', required: false });
    expect(find('indicator-progress', 'kind').allowed).toBe('数量、金额、标准、幅度');
  });
});

/** The zip's entries as text, read by fflate (which checks every entry's CRC). */
function readZip(buf: Buffer): Map<string, string> {
  return new Map(Object.entries(unzipSync(buf)).map(([name, data]) => [name, Buffer.from(data).toString('utf8')]));
}
