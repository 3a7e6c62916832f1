/**
 * The inbox convention, pure parts: which folders hold what, the replacement list, the day of the
 * monthly job, and the Chinese texts the office reads in the git host's web page (the commit
 * message, 导入结果.md, 报送情况.md). The file and git work is in office/inbox/inbox-files.ts.
 *
 *   inbox/2020-07/          filled 附件4 forms for July 2020 (.xlsx, or CSV in UTF-8/BOM/GBK)
 *   inbox/2020-07/替换.txt  units whose earlier July report these forms replace
 *   inbox/2020-07/导入结果.md  written when the batch was refused: every problem
 *   inbox/2020-07/报送情况.md  written by the monthly job: who reported, who is late or missing
 *   inbox/2020-08/待发/     pre-filled forms for the units, written by the monthly job
 *   inbox/2020-plan/        filled 附件3 plan forms for 2020
 *   inbox/已处理/2020-07/2020-08-07/  forms imported on that day
 */
import { nextMonth, type HolidayCalendar } from '../../src/core/model/calendar.ts';
import { isOpenItem, reportingGroups, totalsLine, type MonthReporting } from '../reporting/reporting.ts';
import { formatMonth } from '../../src/core/present/vocabulary.ts';

export const INBOX = 'inbox';
export const PROCESSED = '已处理';
export const OUTGOING = '待发';
export const REPLACE_FILE = '替换.txt';
export const RESULT_FILE = '导入结果.md';
export const STATUS_FILE = '报送情况.md';
/** The monthly job runs on this working day: the day after the reports' deadline (the 5th). */
export const SCHEDULE_WORKING_DAY = 6;

export type InboxFolder =
  { name: string; kind: 'report'; year: number; month: string } | { name: string; kind: 'plan'; year: number };

/** `2020-07` → the July 2020 reports; `2020-plan` (or `2020-计划`) → the 2020 plans; else none. */
export function inboxFolder(name: string): InboxFolder | undefined {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(name);
  if (month) return { name, kind: 'report', year: Number(month[1]), month: name };
  const plan = /^(\d{4})-(plan|计划)$/i.exec(name);
  if (plan) return { name, kind: 'plan', year: Number(plan[1]) };
  return undefined;
}

/** Is this the name of a form the inbox imports? (Excel's ~$ lock files are not.) */
export function isFormFile(name: string): boolean {
  return /\.(xlsx|csv)$/i.test(name) && !name.startsWith('~$') && !name.startsWith('.');
}

/** 替换.txt: unit names, one a line or separated by 、，, or spaces; # starts a comment. */
export function parseReplaceList(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, ''))
    .flatMap((line) => line.split(/[、，,；;\s\u3000]+/))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function folderTitle(folder: InboxFolder): string {
  return folder.kind === 'report' ? `${formatMonth(folder.month)}月报` : `${folder.year}年落实计划`;
}

/**
 * The month whose reports the job on `date` looks at, if `date` is the job's day (else
 * undefined). A date in a year `calendar` does not cover throws `UncoveredYearError`.
 */
export function scheduledMonth(date: string, calendar: HolidayCalendar): string | undefined {
  const month = date.slice(0, 7);
  if (calendar.nthWorkingDay(month, SCHEDULE_WORKING_DAY) !== date) return undefined;
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The quarter a month closes (`2020-06` → `2020Q2`), if it closes one. */
export function quarterClosedBy(month: string): string | undefined {
  const m = Number(month.slice(5));
  return m % 3 === 0 ? `${month.slice(0, 4)}Q${m / 3}` : undefined;
}

/** The month the forms sent out after `month`'s deadline are for. */
export const formsMonthAfter = nextMonth;

export interface BatchSummary {
  folder: InboxFolder;
  forms: number;
  units: string[];
  added: number;
  changed: number;
  unchanged: number;
  blank: number;
  replacedUnits: string[];
  dataDate?: { from: string; to: string };
  reporting?: MonthReporting;
}

/** Late and missing units of a month's record, in one Chinese phrase. */
export function lateAndMissing(r: MonthReporting): { late: string[]; missing: string[]; text: string } {
  const late = r.units.filter((u) => u.state === '逾期报送');
  const missing = r.units.filter((u) => u.state === '未报送' || u.state === '部分未报送' || u.state === '尚未报送（未到期）');
  const missingWord = r.overdue ? '未报' : '尚未报送';
  return {
    late: late.map((u) => u.unit.name),
    missing: missing.map((u) => u.unit.name),
    text: `逾期 ${late.length} 个单位，${missingWord} ${missing.length} 个单位`,
  };
}

/** The commit message of a successful inbox run: a subject line, then one paragraph a batch. */
export function importCommitMessage(batches: BatchSummary[], today: string): string {
  const subject = batches
    .map((b) => {
      const head = `${folderTitle(b.folder)} ${b.units.length} 个单位 ${b.added + b.changed + b.unchanged} 项（新增 ${b.added}，修改 ${b.changed}）`;
      return b.reporting ? `${head}，${lateAndMissing(b.reporting).text}` : head;
    })
    .join('；');
  const body = batches.map((b) => {
    const lines = [`${INBOX}/${b.folder.name}：${b.forms} 份表格，${today} 导入。`, `单位：${b.units.join('、') || '无'}`];
    lines.push(
      `新增 ${b.added} 行，修改 ${b.changed} 行，未变 ${b.unchanged} 行${b.blank ? `，未填 ${b.blank} 行（不导入）` : ''}。`,
    );
    if (b.replacedUnits.length) lines.push(`按 ${REPLACE_FILE} 替换了以下单位的原报告：${b.replacedUnits.join('、')}`);
    if (b.dataDate) lines.push(`数据日期：${b.dataDate.from} → ${b.dataDate.to}`);
    if (b.reporting) {
      const r = b.reporting;
      const lm = lateAndMissing(r);
      lines.push(`报送期限 ${r.deadline}（按 ${r.asOf} 判断：${r.overdue ? '期限已过' : '期限未到'}）：${lm.text}。`);
      if (lm.late.length) lines.push(`逾期：${lm.late.join('、')}`);
      if (lm.missing.length) lines.push(`${r.overdue ? '未报' : '尚未报送'}：${lm.missing.join('、')}`);
    }
    return lines.join('\n');
  });
  return `收件箱导入：${subject}\n\n${body.join('\n\n')}\n`;
}

export interface FailedFile {
  /** Path as shown in the errors (relative to the repository). */
  file: string;
  sheet?: string;
}

/**
 * 导入结果.md for a refused batch: every problem, grouped by form, each naming row, column,
 * value and fix (the lines come from the importer, formatted by formatFormError).
 */
export function failureReport(
  folder: InboxFolder,
  today: string,
  files: FailedFile[],
  errors: string[],
  conflicts: string[],
): string {
  const count = errors.length + conflicts.length;
  const out = [
    `# 导入结果：${folderTitle(folder)}未导入`,
    '',
    `导入日期：${today}。本批 ${files.length} 份表格**没有导入，网站内容没有任何改动**：发现 ${count} 处问题，列在下面。`,
    '',
    `改法：在表格中改正（或退回单位改正）后，把改好的表格重新上传到 \`${INBOX}/${folder.name}/\`（与原文件同名即覆盖原文件）并提交，系统会重新导入这一批；全部正确后本文件自动删除。`,
    '',
  ];
  const byFile = new Map<string, string[]>();
  const other: string[] = [];
  const sorted = [...files].sort((a, b) => b.file.length - a.file.length);
  for (const line of errors) {
    const f = sorted.find((x) => line.startsWith(`${x.file} `) || line.startsWith(`${x.file}  `) || line === x.file);
    if (f) {
      const list = byFile.get(f.file) ?? byFile.set(f.file, []).get(f.file)!;
      list.push(line.slice(f.file.length).trim());
    } else other.push(line);
  }
  for (const f of files) {
    const list = byFile.get(f.file);
    if (!list) continue;
    out.push(`## ${f.file.split('/').at(-1)}${f.sheet ? `（工作表「${f.sheet}」）` : ''}`, '');
    for (const l of list) out.push(`- ${l.replace(/^(第 \d+ 行( [A-Z]+ 列)?)/, '**$1**').replace(/\n/g, '\n  ')}`);
    out.push('');
  }
  if (other.length) {
    out.push('## 其他问题', '');
    for (const l of other) out.push(`- ${l.replace(/\n/g, '\n  ')}`);
    out.push('');
  }
  if (conflicts.length) {
    out.push(
      '## 与已有报告不同（未覆盖）',
      '',
      `以下行与网站上已有的报告不同，为防止误覆盖已拒绝。确属单位更正的，在 \`${INBOX}/${folder.name}/\` 中上传一个 \`${REPLACE_FILE}\`，每行写一个要替换报告的单位名称（如“区发改局”），与表格一起提交。`,
      '',
    );
    for (const c of conflicts) out.push(`- ${c.replace(/\n\s*/g, '\n  - ')}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** 报送情况.md: the month's record per unit, as `npm run status` prints it, in Markdown. */
export function reportingMarkdown(r: MonthReporting): string {
  const out = [
    `# ${formatMonth(r.month)}月报报送情况`,
    '',
    `报送期限：${r.deadline}（次月初第 5 个工作日）。按 ${r.asOf} 判断：${r.overdue ? '期限已过' : '期限未到'}。`,
    '',
  ];
  out.push(totalsLine(r), '');
  for (const { state, label, units } of reportingGroups(r)) {
    out.push(
      `## ${label}（${units.length} 个单位）`,
      '',
      '| 单位 | 牵头事项 | 按时 | 逾期 | 未报 | 最近填报 |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const u of units) {
      const c = u.counts;
      out.push(
        `| ${u.unit.name} | ${u.items.length} | ${c.按时报送} | ${c.逾期报送} | ${c.未报送 + c.尚未到期} | ${u.lastFiled ?? ''} |`,
      );
    }
    out.push('');
    const open = units.flatMap((u) =>
      u.items.filter((i) => isOpenItem(i.state)).map((i) => `${u.unit.name} ${i.item.key}（${i.state}）`),
    );
    if (open.length && state !== '已按时报送') out.push(`事项：${open.join('、')}`, '');
  }
  if (r.disagreements.length > 0)
    out.push(
      `## 数字与自评不一致的事项（${r.disagreements.length} 项）`,
      '',
      '公开状态按数字确定，部门自评并列显示。请与牵头单位核实数字或评价：',
      '',
      ...r.disagreements.map((d) => `- ${d.item.key}：${d.basis}`),
      '',
    );
  if (r.unassigned.length > 0)
    out.push(
      `没有具体牵头单位的事项（只列有统称，请另行收集）：${r.unassigned.map((i) => `${i.item.key} ${i.state}`).join('、')}`,
      '',
    );
  return `${out.join('\n').trimEnd()}\n`;
}
