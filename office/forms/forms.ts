/**
 * The paper forms of the notice, as spreadsheets: 附件3 (工作任务落实计划表) and 附件4
 * (主要工作任务落实情况表). This module describes the layout (title, header fields, columns in
 * order, footer) and builds a form as a grid of cells; form-read.ts reads a filled grid back with
 * the same definitions, so the writer and the reader cannot drift apart. Items with indicators
 * take one row per indicator (indicator-cells.ts). Pure: no file or Excel I/O (see office/forms/xlsx.ts).
 *
 * A grid is rows of cell texts; row r of the grid is row r+1 of the spreadsheet (and record r+1
 * of a CSV saved from it), which is the row number every message refers to.
 */
import type { Dataset, Item, Plan, Report, YearData } from '../../src/core/model/types.ts';
import { monthNumber, quarterOf } from '../../src/core/model/calendar.ts';
import { UsageError, coded } from '../../src/core/errors/errors.ts';
import { EVALUATIONS, YES_NO } from '../../src/core/content/schema.ts';
import { completedBefore, itemsLedBy } from '../../src/core/model/stats.ts';
import { PLAN_INDICATOR_COLUMNS, REPORT_INDICATOR_COLUMNS, formIndicators, indicatorCells } from './indicator-cells.ts';

export type FormKind = 'report' | 'plan';

export interface FormColumn {
  /** Content column (plans.csv / reports csv), or `text` for the item's text shown for reference. */
  field: string;
  /** Header text, exactly as on the form. */
  header: string;
  /** Second header row (the plan's quarters under 季度目标及月份推进计划). */
  sub?: string;
  /** Column width in characters. */
  width: number;
  /** Filled in by the department (false: pre-filled reference, not imported). */
  input: boolean;
  /** Allowed values (a drop-down in Excel). */
  options?: readonly string[];
  /** Part of the indicator block (indicator-cells.ts): one indicator a row, optional when reading. */
  indicator?: true;
}

/** 附件4, the columns in the notice's order, then the two the published record also needs. */
export const REPORT_COLUMNS: readonly FormColumn[] = [
  { field: 'item', header: '分解序号', width: 8, input: false },
  { field: 'text', header: '主要任务', width: 36, input: false },
  { field: 'target', header: '季度计划完成目标', width: 28, input: true },
  { field: 'progress', header: '完成情况', width: 36, input: true },
  { field: 'problems', header: '存在问题', width: 24, input: true },
  { field: 'next_steps', header: '下一步计划', width: 28, input: true },
  { field: 'evaluation', header: '评价（完成、未完成）', width: 12, input: true, options: EVALUATIONS },
  { field: 'item_complete', header: '是否全部完成（是、否）', width: 12, input: true, options: YES_NO },
  { field: 'note', header: '说明', width: 20, input: true },
];

/** 附件3. */
export const PLAN_COLUMNS: readonly FormColumn[] = [
  { field: 'item', header: '分解序号', width: 8, input: false },
  { field: 'text', header: '主要工作目标任务', width: 36, input: false },
  { field: 'q1', header: '季度目标及月份推进计划', sub: '一季度', width: 24, input: true },
  { field: 'q2', header: '季度目标及月份推进计划', sub: '二季度', width: 24, input: true },
  { field: 'q3', header: '季度目标及月份推进计划', sub: '三季度', width: 24, input: true },
  { field: 'q4', header: '季度目标及月份推进计划', sub: '四季度', width: 24, input: true },
  { field: 'principal', header: '主要负责人', width: 10, input: true },
  { field: 'deputy', header: '分管负责人', width: 10, input: true },
  { field: 'note', header: '备注', width: 16, input: true },
];

/** A form's columns; with the indicator block when the unit's items have indicators (and for reading). */
export function formColumns(kind: FormKind, withIndicators = false): readonly FormColumn[] {
  const columns = kind === 'report' ? REPORT_COLUMNS : PLAN_COLUMNS;
  if (!withIndicators) return columns;
  return [...columns, ...(kind === 'report' ? REPORT_INDICATOR_COLUMNS : PLAN_INDICATOR_COLUMNS)];
}

/** Fields whose being non-empty means the department answered the row (pre-filled ones excluded). */
export const ANSWER_FIELDS: Record<FormKind, string[]> = {
  report: ['progress', 'problems', 'next_steps', 'evaluation', 'note'],
  plan: ['q1', 'q2', 'q3', 'q4', 'principal', 'deputy', 'note'],
};

/** Content columns of the rows a form yields, in the content file's canonical order. */
export const CONTENT_FIELDS: Record<FormKind, string[]> = {
  report: [
    'item',
    'month',
    'unit',
    'target',
    'progress',
    'problems',
    'next_steps',
    'evaluation',
    'item_complete',
    'filed',
    'note',
  ],
  plan: ['item', 'unit', 'q1', 'q2', 'q3', 'q4', 'principal', 'deputy', 'note', 'filed'],
};

export const TITLE: Record<FormKind, string> = { report: '主要工作任务落实情况表', plan: '工作任务落实计划表' };
export const ANNEX: Record<FormKind, string> = { report: '附件4', plan: '附件3' };
export const UNIT_LABEL = '填报单位：';
export const FILED_LABEL = '填报时间：';
export const FOOTER = ['填报人：', '联系电话：', '负责人签字：'];
export const NOTES_LABEL = '填表说明：';

const NOTES: Record<FormKind, string[]> = {
  report: [
    '1. 请勿修改分解序号、主要任务和表头；本单位牵头的事项已列出，未开展的事项可留空（留空的行不导入）。',
    '2. 评价填“完成”或“未完成”（是否完成本季度计划的序时目标）；是否全部完成填“是”或“否”。',
    '3. 已报全部完成的事项如又报未全部完成，须在“说明”中写明原因。填报时间写作 2020-08-05。',
    '4. 请直接保存为 .xlsx 报送；如需另存为 CSV，请选择“CSV UTF-8（逗号分隔）”（GBK 编码的 CSV 也可导入）。',
  ],
  plan: [
    '1. 请勿修改分解序号、主要工作目标任务和表头；本单位牵头的事项已列出，每项须填写四个季度的目标及月份推进计划。',
    '2. 主要负责人、分管负责人必填，填报时间写作 2020-02-21。',
    '3. 请直接保存为 .xlsx 报送；如需另存为 CSV，请选择“CSV UTF-8（逗号分隔）”（GBK 编码的 CSV 也可导入）。',
  ],
};

/** The notes' extra line when the form has the indicator block. */
const INDICATOR_NOTES: Record<FormKind, string> = {
  report:
    '有指标的事项每个指标一行：在“累计完成”列填年初至本月末的累计完成数，标准、幅度类指标填本月末的现值，按所列计量单位只写数字（如 19、12000、1.2万）；不填视为本月未报该指标，约数（约7千人）和文字（大部分）不能导入。累计数比上月少，或报全部完成而指标未达目标的，须在“说明”中写明原因。',
  plan: '有数量或金额指标的事项每个指标一行：可在“季度末计划累计完成数”各列填到该季度末计划累计完成的数，按所列计量单位只写数字；网站据此计算序时进度，不填的按全年均匀推算。',
};

/** A cell range to merge, 1-based inclusive: [top, left, bottom, right]. */
export type Merge = [number, number, number, number];

export type RowRole = 'title' | 'subtitle' | 'fields' | 'header' | 'data' | 'blank' | 'footer' | 'notes';

export interface FormSheet {
  kind: FormKind;
  year: number;
  month?: string;
  unit: { id: string; name: string };
  /** Suggested file name (without directory). */
  fileName: string;
  sheetName: string;
  columns: readonly FormColumn[];
  grid: string[][];
  roles: RowRole[];
  merges: Merge[];
  /** 1-based rows of the data area. */
  firstDataRow: number;
  lastDataRow: number;
  /** 1-based [row, column] of the cells the department fills in the header. */
  filedCell: [number, number];
  /** How many items the form lists (an item with several indicators takes several rows). */
  items: number;
}

function reportCells(
  item: Item,
  month: string,
  plan: Plan | undefined,
  existing: Report | undefined,
  completed: boolean,
): Record<string, string> {
  if (existing) {
    return {
      item: item.key,
      text: item.text,
      target: existing.target,
      progress: existing.progress,
      problems: existing.problems,
      next_steps: existing.nextSteps,
      evaluation: existing.evaluation,
      item_complete: existing.itemComplete ? '是' : '否',
      note: existing.note,
    };
  }
  return {
    item: item.key,
    text: item.text,
    target: plan?.quarters[quarterOf(month)] ?? '',
    item_complete: completed ? '是' : '否',
  };
}

function planCells(item: Item, plan: Plan | undefined): Record<string, string> {
  if (!plan) return { item: item.key, text: item.text };
  const [q1, q2, q3, q4] = plan.quarters;
  return { item: item.key, text: item.text, q1, q2, q3, q4, principal: plan.principal, deputy: plan.deputy, note: plan.note };
}

/** The office's error for a unit that is not in units.csv, with an id that is. */
export function unknownUnit(dataset: Dataset, unit: string): UsageError {
  return coded(UsageError, 'LS-CLI-025', { unit, example: dataset.units[0]?.id ?? 'fagaiju' });
}

/**
 * Build one department's form. Pre-filled: the unit, the items it leads with their text, and
 * for 附件4 the quarter's target from the unit's plan. Rows already in the content (a plan, or
 * this month's report) are pre-filled with what was filed, so a re-issued form round-trips.
 */
export function buildForm(dataset: Dataset, year: YearData, unitId: string, kind: FormKind, month?: string): FormSheet {
  const unit = dataset.unitById.get(unitId);
  if (!unit) throw unknownUnit(dataset, unitId);
  if (kind === 'report' && (!month || !month.startsWith(`${year.year}-`)))
    throw coded(UsageError, 'LS-FORM-031', { month: month ?? '', year: year.year });
  const led = itemsLedBy(year, unitId);
  const withIndicators = led.some((item) => formIndicators(kind, item).length > 0);
  const columns = formColumns(kind, withIndicators);
  const width = columns.length;
  const empty = () => Array.from({ length: width }, () => '');
  const grid: string[][] = [];
  const roles: RowRole[] = [];
  const merges: Merge[] = [];
  const push = (role: RowRole, cells: string[]) => {
    grid.push(cells);
    roles.push(role);
    return grid.length;
  };

  const title = empty();
  title[0] = `${year.year}年${TITLE[kind]}`;
  merges.push([push('title', title), 1, grid.length, width]);
  if (kind === 'report') {
    const sub = empty();
    sub[0] = `（${monthNumber(month!)}月）`;
    merges.push([push('subtitle', sub), 1, grid.length, width]);
  }
  const fields = empty();
  fields[0] = `${UNIT_LABEL}${unit.name}`;
  fields[width - 3] = FILED_LABEL;
  const fieldsRow = push('fields', fields);
  merges.push([fieldsRow, 1, fieldsRow, width - 4], [fieldsRow, width - 1, fieldsRow, width]);

  const header = columns.map((c) => c.header);
  const headerRow = push('header', header);
  if (columns.some((c) => c.sub)) {
    const subRow = push(
      'header',
      columns.map((c) => c.sub ?? ''),
    );
    columns.forEach((c, i) => {
      if (!c.sub) merges.push([headerRow, i + 1, subRow, i + 1]);
    });
    // Each run of columns under one header (the plan's quarters, the quarters' planned numbers).
    for (let i = 0; i < columns.length; i++) {
      if (!columns[i].sub) continue;
      let last = i;
      while (columns[last + 1]?.sub && columns[last + 1].header === columns[i].header) last++;
      if (last > i) merges.push([headerRow, i + 1, headerRow, last + 1]);
      i = last;
    }
  }

  const firstDataRow = grid.length + 1;
  for (const item of led) {
    const cells =
      kind === 'report'
        ? reportCells(
            item,
            month!,
            year.planByItem.get(item.key),
            year.reportsByItem.get(item.key)?.find((r) => r.month === month),
            completedBefore(year, item.key, month!),
          )
        : planCells(item, year.planByItem.get(item.key));
    const indicators = withIndicators ? formIndicators(kind, item) : [];
    const first = push(
      'data',
      columns.map((c) => cells[c.field] ?? ''),
    );
    // One row per indicator: the first on the item's row, the others below it.
    indicators.forEach((indicator, i) => {
      const own = indicatorCells(kind, indicator, month);
      if (i === 0) columns.forEach((c, k) => c.indicator && (grid[first - 1][k] = own[c.field] ?? ''));
      else
        push(
          'data',
          columns.map((c) => (c.indicator ? (own[c.field] ?? '') : '')),
        );
    });
    // The item's own cells span its rows.
    if (indicators.length > 1)
      columns.forEach((c, k) => {
        if (!c.indicator) merges.push([first, k + 1, grid.length, k + 1]);
      });
  }
  const lastDataRow = grid.length;

  push('blank', empty());
  const footer = empty();
  const step = Math.floor(width / FOOTER.length);
  FOOTER.forEach((label, i) => {
    footer[i * step] = label;
  });
  push('footer', footer);
  push('blank', empty());
  const notes = withIndicators ? [...NOTES[kind], `${NOTES[kind].length + 1}. ${INDICATOR_NOTES[kind]}`] : NOTES[kind];
  for (const [i, line] of notes.entries()) {
    const row = empty();
    row[0] = i === 0 ? `${NOTES_LABEL}${line}` : line;
    merges.push([push('notes', row), 1, grid.length, width]);
  }

  const tag = kind === 'report' ? month! : String(year.year);
  return {
    kind,
    year: year.year,
    month,
    unit: { id: unit.id, name: unit.name },
    fileName: `${ANNEX[kind]}_${tag}_${unit.name}.xlsx`,
    sheetName: ANNEX[kind],
    columns,
    grid,
    roles,
    merges,
    firstDataRow,
    lastDataRow,
    filedCell: [fieldsRow, width - 1],
    items: led.length,
  };
}
