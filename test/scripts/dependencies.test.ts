/**
 * The dependency tree as package-lock.json pins it. exceljs 4.4.0 (the latest) asks for unzipper
 * 0.10 and fast-csv 4, which pulled in deprecated packages (fstream, rimraf 2, lodash.isequal) and
 * an es-abstract polyfill tree; package.json's `overrides` give it current versions instead (README,
 * "Pinned by overrides"). The second part runs exceljs's own code that uses them (the streaming
 * reader uses unzipper, the CSV reader and writer fast-csv), which the office's forms never reach.
 */
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  version?: string;
  link?: boolean;
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockedPackage> };

/** Every installed copy of each package: name → [path in node_modules, version]. */
function installed(): Map<string, [string, string][]> {
  const byName = new Map<string, [string, string][]>();
  for (const [where, pkg] of Object.entries(lock.packages)) {
    if (!where.includes('node_modules/') || !pkg.version) continue;
    const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
    byName.set(name, [...(byName.get(name) ?? []), [where, pkg.version]]);
  }
  return byName;
}

const major = (version: string) => Number(version.split('.')[0]);
const minor = (version: string) => Number(version.split('.')[1]);

describe('package-lock.json', () => {
  const packages = installed();

  it('lists exceljs, so the checks below look at a real tree', () => {
    expect(packages.get('exceljs')?.map(([, v]) => v)).toEqual(['4.4.0']);
  });

  it('has none of the deprecated packages old unzipper and fast-csv pulled in', () => {
    const found = [...packages]
      .flatMap(([name, copies]) => copies.map(([where, version]) => ({ name, where, version })))
      .filter(
        ({ name, version }) =>
          name === 'fstream' ||
          name === 'lodash.isequal' ||
          name === 'es-abstract' ||
          (name === 'rimraf' && major(version) <= 2) ||
          (name === 'unzipper' && major(version) === 0 && minor(version) < 12) ||
          ((name === 'fast-csv' || name.startsWith('@fast-csv/')) && major(version) < 5),
      )
      .map(({ where, version }) => `${where}@${version}`);
    expect(found).toEqual([]);
  });

  it('pins the versions package.json overrides name', () => {
    const overrides = (JSON.parse(readFileSync('package.json', 'utf8')) as { overrides: Record<string, unknown> }).overrides
      .exceljs as Record<string, string>;
    for (const [name, version] of Object.entries(overrides)) {
      expect(
        packages.get(name)?.map(([, v]) => v),
        name,
      ).toEqual([version]);
    }
  });
});

describe('exceljs with the overridden unzipper and fast-csv', () => {
  async function workbookBytes(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.addRow(['序号', '工作任务', '完成时限']);
    ws.addRow([1, '推进老旧小区改造', '2020-06-30']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads an .xlsx with the streaming reader (unzipper)', async () => {
    const input = new PassThrough();
    input.end(await workbookBytes());
    const rows: unknown[][] = [];
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', worksheets: 'emit' });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) rows.push((row.values as unknown[]).slice(1));
    }
    expect(rows).toEqual([
      ['序号', '工作任务', '完成时限'],
      [1, '推进老旧小区改造', '2020-06-30'],
    ]);
  });

  it('writes and reads back CSV (fast-csv)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表1').addRows([
      ['序号', '工作任务'],
      ['1', '推进老旧小区改造, 含加装电梯'],
    ]);
    const csv = Buffer.from(await wb.csv.writeBuffer()).toString('utf8');
    expect(csv).toBe('序号,工作任务\n1,"推进老旧小区改造, 含加装电梯"');
    const input = new PassThrough();
    input.end(csv);
    const back = await new ExcelJS.Workbook().csv.read(input);
    expect(back.getRow(2).getCell(2).value).toBe('推进老旧小区改造, 含加装电梯');
  });
});
