/** The validated, resolved dataset that pages, scripts and tests read. Plain data, no I/O. */
import type { HolidayCalendar } from './calendar.ts';
import type { Quantity } from './quantity.ts';

/**
 * The footer identity every Chinese government site must show (site.json `identity`; its checks
 * are src/core/content/identity.ts). Placeholders (待填写) are allowed only while `demo` is true.
 */
export interface Identity {
  demo: boolean;
  /** 主办单位 */
  sponsor: string;
  /** 承办单位 */
  operator: string;
  phone: string;
  email: string;
  address: string;
  /** 网站标识码 */
  site_code: string;
  /** ICP备案号 */
  icp: string;
  /** 公安机关备案号 */
  police: string;
  /** 党政机关网站标识: an image path under public/. */
  badge: string;
  badge_link?: string;
  licence: { name: string; url: string; text: string };
}

/** The four public statuses, in the order every list, chart and legend shows them (rules: status.ts). */
export const STATUSES = ['已完成', '序时推进', '滞后', '未报送'] as const;
export type Status = (typeof STATUSES)[number];

/** Where a record came from, for messages and for the revision history. */
export interface Source {
  file: string;
  line: number;
}

/**
 * A record's content row exactly as it was read (Unicode NFC, nothing trimmed), with the file
 * and line it came from. The open-data downloads are built from it: the resolved record drops
 * how the row was written (a unit's alias, an empty lead_units), and the downloads must hold the
 * file's text. Compact on purpose (58k report rows in the large benchmark): `header` is the
 * file's header, one array shared by every row of that file, and `cells` follow it in order.
 */
export interface RawRow {
  file: string;
  line: number;
  header: readonly string[];
  cells: readonly string[];
}

export interface Site {
  publisher: string;
  /** The footer identity: 主办单位, 承办单位, contact, 网站标识码, 备案号, badge, data licence. */
  identity: Identity;
  office: string;
  district: string;
  title: string;
  /** URL template of the 我要留言/纠错 link ({number}, {title}), or a mailto: address. */
  feedback?: string;
}

export interface Unit {
  id: string;
  name: string;
  fullName: string;
  kind: '区直部门' | '街道办事处' | '其他';
  aliases: string[];
  /** The content row as read (see RawRow). */
  raw: RawRow;
}

export interface Leader {
  id: string;
  name: string;
  title: string;
  collective: boolean;
  /** The content row as read (see RawRow). */
  raw: RawRow;
}

export interface Collective {
  name: string;
  meaning: string;
  /** The content row as read (see RawRow). */
  raw: RawRow;
}

/** One entry of a responsibility list, in the order written: a registry unit or a collective reference. */
export type UnitRef = { type: 'unit'; id: string; written: string } | { type: 'collective'; name: string };

export interface Section {
  no: number;
  name: string;
  /** The content row as read (see RawRow). */
  raw: RawRow;
}

export interface Category {
  no: number;
  numeral: string;
  name: string;
  /** The content row as read (see RawRow). */
  raw: RawRow;
}

export type ItemKind = 'task' | 'project';

/** A main task (T) or an item of the livelihood programme (P). */
export interface Item {
  /** `T37` or `P5`: unique within a year, used in plans and reports. */
  key: string;
  kind: ItemKind;
  year: number;
  no: number;
  /** Section number for tasks, category number for projects. */
  group: number;
  subsection: string;
  leadIn: string;
  text: string;
  leaderIds: string[];
  units: UnitRef[];
  /** Registry ids of the lead unit(s): those named in lead_units, else the first registry unit. */
  leadUnitIds: string[];
  /** The list ends with 等 in the source: more units take part than are named. */
  etc: boolean;
  /** Keys of linked items in the same year (a project and the main task it repeats, both ways). */
  related: string[];
  /** 完成时限 as written in the notice (one line per part, joined with ；), or ''. */
  deadline: string;
  /** The month the deadline ends in (YYYY-MM; deadline.ts), the latest of its parts'; undefined when it names none. */
  deadlineMonth?: string;
  /**
   * The sub-tasks of a notice row that holds several, each with its own text and deadline, in order
   * (the text cell's lines in tasks.csv/projects.csv); empty for an item of one task. `text` is
   * their texts joined.
   */
  parts: ItemPart[];
  /** The name of the item's list this year: its programme's name, or the main tasks' (主要工作任务). */
  kindName: string;
  /** The short word before an item's number (民生 → 民生5, 任务 → 任务37). */
  itemLabel: string;
  /** The numbers its progress is measured by (content/YYYY/indicators.csv), in their order; often none. */
  indicators: Indicator[];
  source: Source;
  /** The content row as read (see RawRow). */
  raw: RawRow;
}

/** One sub-task of an item whose notice row holds several (Item.parts). */
export interface ItemPart {
  text: string;
  /** Its own 完成时限 as written, or '' when the row gives one for the whole item. */
  deadline: string;
  deadlineMonth?: string;
}

/**
 * What an indicator's target is:
 * - quantity: an amount to reach (加装电梯60部); progress is the cumulative actual, rate = actual ÷ target,
 *   above 100 % allowed (超额);
 * - money: the same for money (计划投资), in 元, 万元 or 亿元, added up in 万元;
 * - standard: a level to meet (不低于60元/月): the current value is reported, 达到 or 未达到, never a rate;
 * - bound: a limit to stay within or a growth to reach (控制在3%以内, 增长6%左右): the value against the bound.
 */
export type IndicatorKind = 'quantity' | 'money' | 'standard' | 'bound';

/** How a standard's or bound's value is compared with its target. */
export type Comparison = '不低于' | '不高于' | '左右';

export interface Indicator {
  year: number;
  /** The item's key (T37, P5). */
  item: string;
  /** Its number within the item (1, 2 …). */
  no: number;
  name: string;
  kind: IndicatorKind;
  /** The target in the unit as written (277 亿元). */
  target: Quantity;
  /** The same in its family's base unit (2,770,000 万元; 1.11万套 → 11,100 套): what sums use. */
  base: Quantity;
  /** For a standard or a bound; undefined for a quantity or money. */
  comparison?: Comparison;
  /** The notice's words it was taken from, or ''. */
  sourceText: string;
  /**
   * The cumulative value planned for the end of each quarter (附件3), in the target's unit; a
   * quarter the plan leaves open is undefined. Absent when no plan gives numbers.
   */
  quarterPlan?: [number | undefined, number | undefined, number | undefined, number | undefined];
  /** The values reported month by month (content/YYYY/actuals/), oldest first. */
  actuals: Actual[];
  /** Checked by the office; an indicator the notice import proposed is not, until then. */
  confirmed: boolean;
  source: Source;
  /** The content row as read (see RawRow). */
  raw: RawRow;
}

/**
 * One month's reported value of an indicator (content/YYYY/actuals/YYYY-MM.csv, the 累计完成 cells
 * of the 附件4 form): for a quantity or money the cumulative amount done since the year began; for
 * a standard or a bound the current value.
 */
export interface Actual {
  year: number;
  item: string;
  /** The indicator's number within the item. */
  no: number;
  month: string;
  /** In the indicator's unit. */
  value: Quantity;
  /** In the unit family's base unit (what sums use). */
  base: Quantity;
  source: Source;
  /** The content row as read (see RawRow). */
  raw: RawRow;
}

/**
 * Where an indicator stands in a month (progress.ts):
 * - quantity and money: reached (actual ≥ target; above it is 超额), ahead of / on / behind the
 *   expected-by-now line;
 * - standard and bound: met or not met;
 * - unreported: no value reported yet.
 */
export type Position = 'reached' | 'ahead' | 'on' | 'behind' | 'met' | 'not-met' | 'unreported';

export interface IndicatorProgress {
  indicator: Indicator;
  /** The month it is measured in. */
  month: string;
  /** The latest value reported in that month or before. */
  actual?: Actual;
  /** actual ÷ target, for a quantity or money with a value (1.2 is 120 %, 超额). */
  rate?: number;
  /** The value expected by the end of the month, in the target's unit (quantity and money). */
  expected?: number;
  position: Position;
}

/** The year's livelihood programme (projects.csv), as manifest.json describes it. */
export interface Programme {
  /** As the notice names it: 民生十件实事, or the bundled year's quoted programme name. */
  name: string;
  /** The URL segment of its pages: /<year>/<slug>/. */
  slug: string;
  /** The short word before an item's number. */
  itemLabel: string;
  /** Whether items are grouped in categories (categories.csv). */
  categories: boolean;
  /** The notice's attachment holding the table (附件2), or ''. */
  attachment: string;
}

/** The year's main tasks (tasks.csv). */
export interface MainTasks {
  name: string;
  itemLabel: string;
  /** Whether tasks are grouped in sections (sections.csv). */
  sections: boolean;
  attachment: string;
}

export interface Plan {
  year: number;
  item: string;
  unitId: string;
  quarters: [string, string, string, string];
  principal: string;
  deputy: string;
  note: string;
  filed: string;
  source: Source;
  /** The content row as read (see RawRow). */
  raw: RawRow;
}

export interface Report {
  year: number;
  item: string;
  month: string;
  unitId: string;
  target: string;
  progress: string;
  problems: string;
  nextSteps: string;
  evaluation: '完成' | '未完成';
  itemComplete: boolean;
  filed: string;
  note: string;
  /** The last day it was due: the 5th working day of the next month. */
  deadline: string;
  late: boolean;
  source: Source;
  /** The content row as read (see RawRow). */
  raw: RawRow;
}

/** A published report withdrawn on purpose (content/YYYY/withdrawals.csv): shown with its reason. */
export interface Withdrawal {
  year: number;
  item: string;
  month: string;
  /** The date the office withdrew it. */
  withdrawn: string;
  reason: string;
  source: Source;
  /** The content row as read (see RawRow). */
  raw: RawRow;
}

export interface MonthStatus {
  month: string;
  /**
   * The public status: where the month's report gives a quantity or money actual, the numbers
   * decide (progress.ts); otherwise the department's own 评价 (status.ts).
   */
  status: Status;
  /** The status the department's own 评价 and 全部完成 imply (what `status` was before numbers). */
  reported: Status;
  /** Each indicator measured against its target and the expected line in this month, if any. */
  indicators: IndicatorProgress[];
  /** The numbers decide `status` and it differs from `reported` (评价 完成 but 19 / 60). */
  disagrees: boolean;
  /** The report for this month, if one was filed. */
  report?: Report;
  deadline: string;
}

export interface ItemStatus {
  /** One entry per due month of the year, oldest first. */
  months: MonthStatus[];
  /** The latest due month's status; undefined before the first report is due. */
  current?: MonthStatus;
  /** The month in which the item was last reported complete (and not reopened). */
  completedIn?: string;
}

export interface Manifest {
  year: number;
  notice: { doc_no: string; title: string; date: string; publicity: string; text?: string };
  data_date: string;
  sample: boolean;
  sample_note: string;
  programme?: { name: string; slug: string; item_label: string; categories: boolean; attachment: string };
  tasks?: false | { name: string; item_label: string; sections: boolean; attachment: string };
}

export interface YearData {
  year: number;
  manifest: Manifest;
  /** The notice's original text (manifest notice.text), when the year's folder has it. */
  noticeText?: string;
  /** The livelihood programme, when the year has one. */
  programme?: Programme;
  /** The main tasks, when the year has them. */
  mainTasks?: MainTasks;
  sections: Section[];
  categories: Category[];
  tasks: Item[];
  projects: Item[];
  /** Tasks then projects. */
  items: Item[];
  itemByKey: Map<string, Item>;
  plans: Plan[];
  planByItem: Map<string, Plan>;
  reports: Report[];
  /** Reports of each item, oldest month first. */
  reportsByItem: Map<string, Report[]>;
  /** Indicators' monthly values (also on each indicator), oldest month first. */
  actuals: Actual[];
  /** Reports withdrawn on purpose, oldest month first. */
  withdrawals: Withdrawal[];
  /** Months whose report deadline had passed on the data date (plus any month already reported). */
  months: string[];
  status: Map<string, ItemStatus>;
}

export interface RowCount {
  file: string;
  read: number;
  published: number;
}

export interface Dataset {
  site: Site;
  units: Unit[];
  unitById: Map<string, Unit>;
  leaders: Leader[];
  leaderById: Map<string, Leader>;
  collectives: Collective[];
  /** Oldest year first. */
  years: YearData[];
  rowCounts: RowCount[];
  /** Working days and report deadlines: the library's holiday arrangements and content/holidays/YYYY.csv. */
  calendar: HolidayCalendar;
}
