/**
 * Drafts of the bulletins the notice asks for: the monthly bulletin of the livelihood programme and
 * the quarterly bulletin of overall progress. Every figure is computed here from the data
 * (stats.ts); the office edits the prose and commits the MDX file under content/bulletins/.
 * Charts are embedded as <Chart id="…" /> (src/components/Chart.astro, ids from charts.ts).
 */
import { kindChartId } from '../../src/core/present/charts.ts';
import { monthsOfYear } from '../../src/core/model/calendar.ts';
import type { Dataset, Item, Report, YearData } from '../../src/core/model/types.ts';
import { completedInMonth, countStatuses, countsByGroup, type StatusCounts } from '../../src/core/model/stats.ts';
import { formatMonth as monthLabel, formatQuarter, itemLabel, joinCn } from '../../src/core/present/vocabulary.ts';
import { LuoshiError, UsageError, coded } from '../../src/core/errors/errors.ts';
import { disagreementsIn, yearOf } from './reporting.ts';
import { bulletinClause, indicatorTally, tallySentences } from '../../src/core/present/progress.ts';

export type BulletinKind = 'monthly' | 'quarterly';

export interface BulletinDraft {
  kind: BulletinKind;
  year: number;
  /** File name under content/bulletins/ (does not collide with the site's generated bulletins). */
  fileName: string;
  title: string;
  date: string;
  summary: string;
  text: string;
  /** The figures the text states, for tests and for the command's summary. */
  figures: Record<string, number>;
}

export const CHART_IMPORT = "import Chart from '../../src/components/Chart.astro';";

/** Escape text from the data for MDX: `{` `<` start code there, `|` splits table cells, and so on. */
export function escapeMdx(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`).replace(/\n+/g, ' ');
}

function pct(n: number, total: number): string {
  if (total === 0) return '0%';
  const v = Math.round((n / total) * 1000) / 10;
  return `${v}%`;
}

/** The notice's title inside 《》: its own 《》 become 〈〉, as Chinese typography requires. */
function noticeTitle(year: YearData): string {
  return escapeMdx(year.manifest.notice.title.replace(/《/g, '〈').replace(/》/g, '〉'));
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function requireCovered(dataset: Dataset, year: YearData, month: string): void {
  if (!year.months.includes(month)) {
    throw coded(LuoshiError, 'LS-BUL-027', {
      month: monthLabel(month),
      deadline: dataset.calendar.reportDeadline(month),
      date: year.manifest.data_date,
      months: year.months.join('、') || '无',
    });
  }
}

function leadNames(dataset: Dataset, item: Item): string {
  const names = item.leadUnitIds.map((id) => dataset.unitById.get(id)?.name ?? id);
  return joinCn(names.length ? names : item.units.map((u) => (u.type === 'unit' ? u.written : u.name)));
}

/** The year's programme; the monthly bulletin is the programme's. */
function programmeOf(year: YearData): NonNullable<YearData['programme']> {
  if (!year.programme) throw coded(LuoshiError, 'LS-BUL-028', { year: year.year });
  return year.programme;
}

/** A name inside a quotation: its double quotation marks become single ones. */
function quoted(name: string): string {
  return name.replace(/“/g, '‘').replace(/”/g, '’');
}

function reportOf(year: YearData, key: string, month: string): Report | undefined {
  return year.reportsByItem.get(key)?.find((r) => r.month === month);
}

function countsSentence(c: StatusCounts): string {
  return `已完成${c.已完成}项（${pct(c.已完成, c.total)}），序时推进${c.序时推进}项，滞后${c.滞后}项，未报送${c.未报送}项`;
}

function frontmatter(d: { title: string; date: string; kind: BulletinKind; year: number; summary: string }): string {
  return [
    '---',
    `title: ${JSON.stringify(d.title)}`,
    `date: ${JSON.stringify(d.date)}`,
    `kind: ${d.kind}`,
    `year: ${d.year}`,
    `summary: ${JSON.stringify(d.summary)}`,
    '---',
  ].join('\n');
}

function sampleNote(year: YearData): string[] {
  if (!year.manifest.sample) return [];
  return [`> **示例数据：**本通报中的数字由示例数据计算，不代表真实进展。${escapeMdx(year.manifest.sample_note)}`, ''];
}

/** A draft's first lines: front matter, the Chart import, the sample note and the editing note. */
function draftHead(year: YearData, front: Parameters<typeof frontmatter>[0]): string[] {
  return [
    frontmatter(front),
    '',
    CHART_IMPORT,
    '',
    ...sampleNote(year),
    '{/* 草稿：由 npm run bulletin 根据数据生成。数字均由数据计算，请勿手改数字；文字可以修改。 */}',
    '',
  ];
}

function groupTable(rows: ReturnType<typeof countsByGroup>, groupHeader: string): string[] {
  const lines = [`| ${groupHeader} | 项数 | 已完成 | 序时推进 | 滞后 | 未报送 | 完成率 |`, '|---|---:|---:|---:|---:|---:|---:|'];
  for (const g of rows) {
    const c = g.counts;
    lines.push(
      `| ${escapeMdx(g.label)} | ${g.items.length} | ${c.已完成} | ${c.序时推进} | ${c.滞后} | ${c.未报送} | ${pct(c.已完成, g.items.length)} |`,
    );
  }
  return lines;
}

/**
 * What an item's numbers say in `month`, as the bulletin states them: "累计完成19部，完成率31.7%，
 * 低于序时进度。" (each indicator named when there are several); '' without a reported value.
 */
function numbersOf(year: YearData, item: Item, month: string): string {
  const progress = year.status.get(item.key)?.months.find((m) => m.month === month)?.indicators ?? [];
  const clauses = progress.filter((p) => p.actual).map((p) => bulletinClause(p, progress.length > 1));
  return clauses.length ? `${escapeMdx(clauses.join('；'))}。` : '';
}

function itemList(dataset: Dataset, year: YearData, items: Item[], month: string, withProblems: boolean): string[] {
  if (items.length === 0) return ['无。'];
  return items.map((item) => {
    const r = reportOf(year, item.key, month);
    const problems = withProblems && r && r.problems && r.problems !== '无' ? `存在问题：${escapeMdx(r.problems)}` : '';
    return `- ${itemLabel(item)}：${escapeMdx(item.text)}（${escapeMdx(leadNames(dataset, item))}）${numbersOf(year, item, month)}${problems ? `${problems}。` : ''}`;
  });
}

/** The indicators of `items` in `month` by position, as sentences ending in 。 (none without indicators). */
function tallyLines(year: YearData, items: Item[], month: string): string[] {
  const sentences = tallySentences(indicatorTally(year, items, month));
  return sentences.length ? [`${sentences.join('；')}。`, ''] : [];
}

/** Items whose numbers and own 评价 disagree in `month`: the public status follows the numbers. */
function disagreementSection(year: YearData, items: Item[], month: string, heading: string): string[] {
  const keys = new Set(items.map((i) => i.key));
  const list = disagreementsIn(year, month).filter((d) => keys.has(d.item.key));
  if (list.length === 0) return [];
  return [
    heading,
    '',
    '以下事项报送的累计完成数与本月评价不一致，公开状态按数字确定：',
    '',
    ...list.map((d) => `- ${itemLabel(d.item)}：${escapeMdx(d.item.text)}。${escapeMdx(d.basis)}。`),
    '',
  ];
}

function itemsWithStatus(year: YearData, items: Item[], month: string, status: string): Item[] {
  return items.filter((i) => year.status.get(i.key)?.months.find((m) => m.month === month)?.status === status);
}

/** Draft of the monthly bulletin of the programme for `month`. */
export function monthlyDraft(dataset: Dataset, month: string, options: { date?: string } = {}): BulletinDraft {
  const year = yearOf(dataset, Number(month.slice(0, 4)));
  requireCovered(dataset, year, month);
  const programme = programmeOf(year);
  const projects = year.projects;
  const c = countStatuses(year, projects, month);
  const newly = completedInMonth(year, month).filter((i) => i.kind === 'project');
  const lagging = itemsWithStatus(year, projects, month, '滞后');
  const missing = itemsWithStatus(year, projects, month, '未报送');
  const reports = projects.flatMap((i) => (reportOf(year, i.key, month) ? [reportOf(year, i.key, month)!] : []));
  const late = reports.filter((r) => r.late).length;
  const label = monthLabel(month);
  const title = `${label}${programme.name}推进情况通报`;
  const date = options.date ?? minDate(dataset.calendar.reportDeadline(month), year.manifest.data_date);
  const summary = `${projects.length}项${programme.name}：${countsSentence(c)}。${year.manifest.sample ? '（示例数据）' : ''}`;
  const groups = countsByGroup(year, 'project', month);
  const text = [
    ...draftHead(year, { title, date, kind: 'monthly', year: year.year, summary }),
    `按照《${noticeTitle(year)}》（${escapeMdx(year.manifest.notice.doc_no)}）“${escapeMdx(quoted(programme.name))}完成情况一月一通报”的要求，现将${label}${escapeMdx(programme.name)}推进情况通报如下。`,
    '',
    '## 总体情况',
    '',
    `截至${label}，${projects.length}项${escapeMdx(programme.name)}中，${countsSentence(c)}。本月新完成${newly.length}项。`,
    '',
    ...tallyLines(year, projects, month),
    `本月${reports.length}项报送了月报，其中按时报送${reports.length - late}项、逾期报送${late}项（报送期限为${dataset.calendar.reportDeadline(month)}，即次月初第5个工作日）；${missing.length}项未报送。`,
    '',
    ...(programme.categories
      ? [
          `<Chart id="${kindChartId(year, 'project', 'groups', month)}" />`,
          '',
          '## 分类推进情况',
          '',
          ...groupTable(groups, '类别'),
          '',
        ]
      : []),
    '## 本月完成的事项',
    '',
    ...itemList(dataset, year, newly, month, false),
    '',
    '## 滞后事项',
    '',
    ...itemList(dataset, year, lagging, month, true),
    '',
    ...disagreementSection(year, projects, month, '## 数字与自评不一致的事项'),
    '## 未报送事项',
    '',
    ...itemList(dataset, year, missing, month, false),
    '',
    '## 全年完成进度',
    '',
    `<Chart id="${kindChartId(year, 'project', 'completion')}" />`,
    '',
    '## 下一步工作要求',
    '',
    '（督查室填写：对滞后和未报送事项的督办要求。）',
    '',
  ].join('\n');
  return {
    kind: 'monthly',
    year: year.year,
    fileName: `${month}-${programme.slug}-tongbao.mdx`,
    title,
    date,
    summary,
    text,
    figures: {
      total: projects.length,
      已完成: c.已完成,
      序时推进: c.序时推进,
      滞后: c.滞后,
      未报送: c.未报送,
      newlyCompleted: newly.length,
      reported: reports.length,
      late,
    },
  };
}

/** `2020Q2` → { year: 2020, quarter: 2, months }. */
export function parseQuarter(quarter: string): { year: number; quarter: number; months: string[] } | undefined {
  const m = /^(\d{4})[Qq]([1-4])$/.exec(quarter);
  if (!m) return undefined;
  const year = Number(m[1]);
  const q = Number(m[2]);
  return { year, quarter: q, months: monthsOfYear(year).slice((q - 1) * 3, q * 3) };
}

/** Draft of the quarterly bulletin of overall progress (main tasks and the programme). */
export function quarterlyDraft(dataset: Dataset, quarter: string, options: { date?: string } = {}): BulletinDraft {
  const q = parseQuarter(quarter);
  if (!q) throw coded(UsageError, 'LS-CLI-009', { value: quarter });
  const year = yearOf(dataset, q.year);
  const end = q.months[2];
  requireCovered(dataset, year, end);
  const label = `${q.year}年${formatQuarter(q.quarter)}`;
  const tasks = countStatuses(year, year.tasks, end);
  const projects = countStatuses(year, year.projects, end);
  const completed = q.months.flatMap((m) => completedInMonth(year, m));
  const lagging = itemsWithStatus(year, year.items, end, '滞后');
  const missing = itemsWithStatus(year, year.items, end, '未报送');
  const title = `${label}《政府工作报告》主要任务推进情况通报`;
  const date = options.date ?? minDate(dataset.calendar.reportDeadline(end), year.manifest.data_date);
  const T = year.mainTasks?.name ?? '';
  const P = year.programme?.name ?? '';
  const summary = `${[T && `${T}${year.tasks.length}项：${countsSentence(tasks)}`, P && `${P}${year.projects.length}项：${countsSentence(projects)}`].filter(Boolean).join('；')}。${year.manifest.sample ? '（示例数据）' : ''}`;
  const text = [
    ...draftHead(year, { title, date, kind: 'quarterly', year: year.year, summary }),
    `按照《${noticeTitle(year)}》（${escapeMdx(year.manifest.notice.doc_no)}）“整体工作推进情况一季度一通报”的要求，现将${label}${escapeMdx([T, P].filter(Boolean).join('和'))}推进情况通报如下（截至${monthLabel(end)}）。`,
    '',
    '## 总体情况',
    '',
    ...(T ? [`${T}${year.tasks.length}项，${countsSentence(tasks)}。`, '', ...tallyLines(year, year.tasks, end)] : []),
    ...(P
      ? [`${escapeMdx(P)}${year.projects.length}项，${countsSentence(projects)}。`, '', ...tallyLines(year, year.projects, end)]
      : []),
    `本季度共有${completed.length}项报告全部完成（${[T && `${T}${completed.filter((i) => i.kind === 'task').length}项`, P && `${escapeMdx(P)}${completed.filter((i) => i.kind === 'project').length}项`].filter(Boolean).join('，')}）。`,
    '',
    ...(T
      ? [
          `## ${T}`,
          '',
          ...(year.mainTasks!.sections
            ? [
                `<Chart id="${kindChartId(year, 'task', 'groups', end)}" />`,
                '',
                ...groupTable(countsByGroup(year, 'task', end), '类别'),
                '',
              ]
            : []),
        ]
      : []),
    ...(P
      ? [
          `## ${escapeMdx(P)}`,
          '',
          ...(year.programme!.categories
            ? [
                `<Chart id="${kindChartId(year, 'project', 'groups', end)}" />`,
                '',
                ...groupTable(countsByGroup(year, 'project', end), '类别'),
                '',
              ]
            : []),
        ]
      : []),
    '## 本季度完成的事项',
    '',
    ...itemList(dataset, year, completed, end, false),
    '',
    `## 滞后事项（${monthLabel(end)}）`,
    '',
    ...itemList(dataset, year, lagging, end, true),
    '',
    ...disagreementSection(year, year.items, end, `## 数字与自评不一致的事项（${monthLabel(end)}）`),
    `## 未报送事项（${monthLabel(end)}）`,
    '',
    ...itemList(dataset, year, missing, end, false),
    '',
    '## 全年完成进度',
    '',
    ...(T ? [`<Chart id="${kindChartId(year, 'task', 'completion')}" />`, ''] : []),
    ...(P ? [`<Chart id="${kindChartId(year, 'project', 'completion')}" />`, ''] : []),
    '## 下一步工作要求',
    '',
    '（督查室填写。）',
    '',
  ].join('\n');
  return {
    kind: 'quarterly',
    year: year.year,
    fileName: `${q.year}-q${q.quarter}-tongbao.mdx`,
    title,
    date,
    summary,
    text,
    figures: {
      tasks: year.tasks.length,
      tasks已完成: tasks.已完成,
      tasks序时推进: tasks.序时推进,
      tasks滞后: tasks.滞后,
      tasks未报送: tasks.未报送,
      projects: year.projects.length,
      projects已完成: projects.已完成,
      projects序时推进: projects.序时推进,
      projects滞后: projects.滞后,
      projects未报送: projects.未报送,
      completedInQuarter: completed.length,
    },
  };
}
