/**
 * Fill generated forms programmatically, as a department would in Excel: test helper, and a CLI
 * for the round-trip timing:  node test/scripts/fill.ts DIR --filed 2020-08-05 [--csv gbk|bom|utf8]
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { formColumns, type FormKind } from '../../office/forms/forms.ts';
import { indicatorNumber } from '../../office/forms/indicator-cells.ts';
import { cellText } from '../../office/forms/xlsx.ts';

/** What a department writes for an item: deterministic, so tests know what to expect. */
export function answer(kind: FormKind, key: string, month = ''): Record<string, string> {
  if (kind === 'plan') {
    return {
      q1: `${key}一季度：完成前期手续`,
      q2: `${key}二季度：开工建设，5月完成30%`,
      q3: `${key}三季度：7月完成50%，9月完成80%`,
      q4: `${key}四季度：完成全部任务，"验收"`,
      principal: '王主任',
      deputy: '李副主任',
      note: key.endsWith('7') ? '含逗号,和换行\n第二行' : '',
    };
  }
  const n = Number(key.slice(1));
  return {
    progress: `${key} ${month}：已完成年度任务的${(n * 7) % 100}%`,
    problems: n % 3 === 0 ? '资金拨付进度慢' : '无',
    next_steps: `${key}：加快推进`,
    evaluation: n % 4 === 0 ? '未完成' : '完成',
    item_complete: '否',
    note: '',
  };
}

export interface FilledForm {
  file: string;
  kind: FormKind;
  unit: string;
  items: string[];
}

/** Fill every data row of a generated .xlsx (or only `only` items) and set 填报时间. */
export async function fillXlsx(
  file: string,
  filed: string,
  options: {
    only?: (key: string) => boolean;
    values?: (kind: FormKind, key: string, month: string) => Record<string, string>;
    /** The value cells of an item's indicator `no` (累计完成, or plan_q1 … plan_q4); none by default. */
    numbers?: (key: string, no: number, label: string) => Record<string, string>;
  } = {},
): Promise<FilledForm> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const title = cellText(ws.getCell(1, 1).value);
  const kind: FormKind = title.includes('计划') ? 'plan' : 'report';
  const year = /(\d{4})年/.exec(title)![1];
  let month = '';
  let unit = '';
  let headerRow = 0;
  for (let r = 1; r <= ws.rowCount; r++) {
    const first = cellText(ws.getCell(r, 1).value);
    const m = /（(\d+)月）/.exec(first);
    if (m) month = `${year}-${m[1].padStart(2, '0')}`;
    if (first.startsWith('填报单位：')) {
      unit = first.slice(5);
      for (let c = 1; c <= ws.columnCount; c++) {
        if (cellText(ws.getCell(r, c).value) === '填报时间：') ws.getCell(r, c + 1).value = filed;
      }
    }
    if (first === '分解序号') {
      headerRow = r;
      break;
    }
  }
  // The indicator block, when the form has one (office/forms/indicator-cells.ts).
  const header = Array.from({ length: ws.getRow(headerRow).cellCount }, (_, c) => cellText(ws.getCell(headerRow, c + 1).value));
  const columns = formColumns(kind, header.includes('目标'));
  const start = headerRow + (kind === 'plan' ? 2 : 1);
  const items: string[] = [];
  const indicatorColumn = columns.findIndex((c) => c.field === 'indicator') + 1;
  // The item whose rows these are, and whether it is filled (an item left blank leaves its indicator rows blank too).
  let current = { key: '', filled: false };
  for (let r = start; r <= ws.rowCount; r++) {
    // A merged cell gives its master's value in exceljs: the item's cell spans its indicator rows.
    const itemCell = ws.getCell(r, 1);
    const own = itemCell.isMerged && itemCell.master.address !== itemCell.address ? '' : cellText(itemCell.value);
    const label = indicatorColumn > 0 ? cellText(ws.getCell(r, indicatorColumn).value) : '';
    // An indicator's row below its item: only its value cells.
    if (own === '' && label !== '' && current.key !== '') {
      const numbers = current.filled ? (options.numbers?.(current.key, indicatorNumber(label)!, label) ?? {}) : {};
      columns.forEach((col, c) => {
        if (col.indicator && col.input && numbers[col.field] !== undefined) ws.getCell(r, c + 1).value = numbers[col.field];
      });
      continue;
    }
    const key = own;
    if (!/^[TP]\d+$/.test(key)) break;
    current = { key, filled: false };
    if (options.only && !options.only(key)) continue;
    // An item already reported complete comes pre-filled 是: nothing to report (无需报送).
    const done = columns.findIndex((c) => c.field === 'item_complete');
    if (!options.values && done >= 0 && cellText(ws.getCell(r, done + 1).value) === '是') continue;
    const values = {
      ...(options.values ?? answer)(kind, key, month),
      ...(label !== '' ? options.numbers?.(key, indicatorNumber(label)!, label) : {}),
    };
    columns.forEach((col, c) => {
      if (col.input && values[col.field] !== undefined) ws.getCell(r, c + 1).value = values[col.field];
    });
    current.filled = true;
    items.push(key);
  }
  await wb.xlsx.writeFile(file);
  return { file, kind, unit, items };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ options: { filed: { type: 'string' } }, allowPositionals: true });
  const dir = positionals[0];
  const started = performance.now();
  let n = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.xlsx'))) {
    n += (await fillXlsx(path.join(dir, name), values.filed ?? '2020-08-05')).items.length;
  }
  writeFileSync(path.join(dir, '.filled'), String(n));
  console.log(`filled ${n} rows in ${Math.round(performance.now() - started)} ms`);
}
