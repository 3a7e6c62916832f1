/**
 * The content files' columns: one zod schema per file, and for every column a Chinese label
 * and a hint shown to the office staff when a value is wrong. The schemas validate single
 * rows; rules that span rows or files live in the loading stages (registries.ts, items.ts, records.ts).
 */
import { z } from 'zod';
import { zodMessage } from '../errors/zod-messages.ts';
import { identitySchema } from './identity.ts';


export const UNIT_KINDS = ['区直部门', '街道办事处', '其他'] as const;
export const EVALUATIONS = ['完成', '未完成'] as const;
export const YES_NO = ['是', '否'] as const;
/** An indicator's kind as the office writes it (model: quantity, money, standard, bound). */
export const INDICATOR_KINDS = ['数量', '金额', '标准', '幅度'] as const;
/** How a standard's or a bound's reported value is compared with its target. */
export const COMPARISONS = ['不低于', '不高于', '左右'] as const;

export interface ColumnSpec {
  label: string;
  /** What the column means, for the data dictionary and docs/FORMATS.md. */
  meaning: string;
  hint: string;
  required: boolean;
  /** The column itself may be left out of the file (its cells then count as empty). */
  optionalColumn?: boolean;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_RE = /^\d{4}-\d{2}$/;

export function isRealDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function isRealMonth(value: string): boolean {
  if (!MONTH_RE.test(value)) return false;
  const m = Number(value.slice(5));
  return m >= 1 && m <= 12;
}

const required = z.string().min(1, { error: zodMessage('LS-FLD-010') });
const optional = z.string();
const positiveInt = z
  .string()
  .regex(/^[1-9]\d*$/, { error: zodMessage('LS-FLD-011') })
  .transform(Number);
const optionalInt = z
  .string()
  .regex(/^([1-9]\d*)?$/, { error: zodMessage('LS-FLD-012') })
  .transform((v) => (v === '' ? undefined : Number(v)));
const date = z.string().refine(isRealDate, { error: zodMessage('LS-FLD-013') });
const month = z.string().refine(isRealMonth, { error: zodMessage('LS-FLD-014') });
const itemKey = z.string().regex(/^[TP][1-9]\d*$/, { error: zodMessage('LS-FLD-015') });
/** `、`-separated list; empty parts are reported rather than dropped. */
const list = z
  .string()
  .min(1, { error: zodMessage('LS-FLD-010') })
  .refine((v) => !/[,，;；/]/.test(v), { error: zodMessage('LS-FLD-016') })
  .refine((v) => v.split('、').every((p) => p.length > 0), { error: zodMessage('LS-FLD-017') })
  .transform((v) => v.split('、'));
/** A `、`-separated list that may be empty (an item's leaders: many notices name none). */
const namesOrNone = z
  .string()
  .refine((v) => !/[,，;；/]/.test(v), { error: zodMessage('LS-FLD-016') })
  .refine((v) => v === '' || v.split('、').every((p) => p.length > 0), { error: zodMessage('LS-FLD-017') })
  .transform((v) => (v === '' ? [] : v.split('、')));
const optionalList = z
  .string()
  .refine((v) => !/[,，;；/]/.test(v), { error: zodMessage('LS-FLD-016') })
  .transform((v) => (v === '' ? [] : v.split('、')));

export const unitRow = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: zodMessage('LS-FLD-018') }),
  name: required,
  full_name: required,
  kind: z.enum(UNIT_KINDS, { error: zodMessage('LS-FLD-019') }),
  aliases: optionalList,
});

export const leaderRow = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: zodMessage('LS-FLD-018') }),
  name: required,
  title: required,
  collective: z.enum(YES_NO, { error: zodMessage('LS-FLD-020') }).transform((v) => v === '是'),
});

export const collectiveRow = z.object({ name: required, meaning: required });

export const sectionRow = z.object({ no: positiveInt, name: required });
export const categoryRow = z.object({ no: positiveInt, numeral: required, name: required });

/** 完成时限 as written in the notice (e.g. 2021年6月底前, 年底前); optional column. */
const deadlineText = optional;

export const taskRow = z.object({
  no: positiveInt,
  section: optionalInt,
  subsection: optional,
  lead_in: optional,
  target: required,
  leaders: namesOrNone,
  units: list,
  lead_units: optionalList,
  deadline: deadlineText,
});

export const projectRow = z.object({
  no: positiveInt,
  category: optionalInt,
  content: required,
  leaders: namesOrNone,
  units: list,
  lead_units: optionalList,
  task: optionalInt,
  deadline: deadlineText,
});

export const planRow = z.object({
  item: itemKey,
  unit: required,
  q1: required,
  q2: required,
  q3: required,
  q4: required,
  principal: required,
  deputy: required,
  note: optional,
  filed: date,
});

export const reportRow = z.object({
  item: itemKey,
  month,
  unit: required,
  target: required,
  progress: required,
  problems: optional,
  next_steps: optional,
  evaluation: z.enum(EVALUATIONS, { error: zodMessage('LS-FLD-021') }),
  item_complete: z.enum(YES_NO, { error: zodMessage('LS-FLD-020') }).transform((v) => v === '是'),
  filed: date,
  note: optional,
});

/** A published report taken back on purpose: the site shows the note instead of the report. */
export const withdrawalRow = z.object({
  item: itemKey,
  month,
  withdrawn: date,
  reason: required,
});

/**
 * A number an item's progress is measured by (content/YYYY/indicators.csv, optional). The goal is
 * read against the measure by src/core/model/quantity.ts in the loader (content/indicators.ts),
 * since whether it is a number depends on the unit.
 */
export const indicatorRow = z.object({
  item: itemKey,
  no: positiveInt,
  name: required,
  kind: z.enum(INDICATOR_KINDS, { error: zodMessage('LS-IND-001') }),
  measure: required,
  goal: required,
  comparison: z
    .string()
    .refine((v) => v === '' || (COMPARISONS as readonly string[]).includes(v), { error: zodMessage('LS-IND-002') }),
  source: optional,
  confirmed: z.enum(YES_NO, { error: zodMessage('LS-FLD-020') }).transform((v) => v === '是'),
});

/**
 * One month's reported value of an indicator (content/YYYY/actuals/YYYY-MM.csv, optional): the
 * 累计完成 cells of the 附件4 form. The value is read against the indicator's unit in the loader
 * (content/actuals.ts), like an indicator's goal.
 */
export const actualRow = z.object({
  item: itemKey,
  no: positiveInt,
  month,
  actual: required,
});

/**
 * The planned cumulative value of an indicator at each quarter's end (content/YYYY/indicator-plans.csv,
 * optional): the 附件3 form's 季度末计划累计完成数. Each value is read against the indicator's unit in
 * the loader (content/indicator-plans.ts); a quarter left empty has no planned number.
 */
export const indicatorPlanRow = z.object({
  item: itemKey,
  no: positiveInt,
  q1: optional,
  q2: optional,
  q3: optional,
  q4: optional,
});

/** Placeholders of `site.json`'s `feedback` URL template (each filled in URL-encoded). */
export const FEEDBACK_PLACEHOLDERS = ['number', 'title'] as const;

/** Why a feedback template is unusable (the message, from the catalogue), or undefined when it is fine. */
export function feedbackProblem(template: string): string | undefined {
  if (!/^(https?:\/\/[^\s/]+|mailto:[^\s@]+@[^\s@]+)/.test(template)) return zodMessage('LS-SITE-030');
  if (/\s/.test(template)) return zodMessage('LS-SITE-031');
  const unknown = [...template.matchAll(/\{([^}]*)\}/g)]
    .map((m) => m[1])
    .filter((n) => !(FEEDBACK_PLACEHOLDERS as readonly string[]).includes(n));
  if (unknown.length)
    return zodMessage('LS-SITE-032', {
      placeholders: unknown.map((n) => `{${n}}`).join('、'),
      known: '{number}（事项编号）和 {title}（事项内容）',
    });
  return undefined;
}

export const siteSchema = z.object({
  publisher: z.string().min(1),
  /** The footer identity of a government website (src/core/content/identity.ts). */
  identity: identitySchema,
  office: z.string().min(1),
  district: z.string().min(1),
  title: z.string().min(1),
  /** Where 我要留言/纠错 on an item page leads: a URL template with {number} and {title}, or mailto:. */
  feedback: z
    .string()
    .superRefine((v, ctx) => {
      const why = feedbackProblem(v);
      if (why) ctx.addIssue({ code: 'custom', message: why });
    })
    .optional(),
});

/** URL segments the site itself uses under /<year>/ and /feeds/: a programme's slug may not take them. */
export const RESERVED_SLUGS = ['tasks', 'months', 'notice', 'units', 'items'];

/** The feedback link of one item: the template with {number} and {title} filled in, URL-encoded. */
export function feedbackUrl(template: string, values: { number: string; title: string }): string {
  return template.replace(/\{(number|title)\}/g, (_, k: 'number' | 'title') => encodeURIComponent(values[k]));
}

export const manifestSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  notice: z.object({
    doc_no: z.string().min(1),
    title: z.string().min(1),
    date: z.string().refine(isRealDate, { error: zodMessage('LS-SITE-020') }),
    publicity: z.string().min(1),
    /** The notice's text as extracted, a file in the year's folder (e.g. notice.txt), shown on the site. */
    text: z
      .string()
      .regex(/^[\w.-]+\.(txt|md)$/, { error: zodMessage('LS-SITE-022') })
      .optional(),
  }),
  data_date: z.string().refine(isRealDate, { error: zodMessage('LS-SITE-021') }),
  sample: z.boolean(),
  sample_note: z.string().default(''),
  /** The livelihood programme (projects.csv): its name, URL slug and shape are the year's data. */
  programme: z
    .object({
      name: z.string().min(1, { error: zodMessage('LS-SITE-023') }),
      slug: z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: zodMessage('LS-SITE-024') })
        .refine((v) => !RESERVED_SLUGS.includes(v), {
          error: zodMessage('LS-SITE-025', { reserved: RESERVED_SLUGS.join('、') }),
        }),
      item_label: z.string().min(1, { error: zodMessage('LS-SITE-026') }),
      categories: z.boolean({ error: zodMessage('LS-SITE-027') }),
      attachment: z.string().default(''),
    })
    .optional(),
  /** The main tasks (tasks.csv); `false` when the year has none. Absent: main tasks with sections. */
  tasks: z
    .union([
      z.literal(false),
      z.object({
        name: z.string().min(1).default('主要工作任务'),
        item_label: z.string().min(1).default('任务'),
        sections: z.boolean({ error: zodMessage('LS-SITE-028') }).default(true),
        attachment: z.string().default(''),
      }),
    ])
    .optional(),
});

/** Every CSV kind: its schema and what its columns mean. The order is the canonical column order. */
export const FILES = {
  units: {
    schema: unitRow,
    title: '责任单位名录',
    columns: {
      id: {
        label: '编号',
        meaning: '网址中使用的稳定编号',
        hint: '小写拼音、数字和连字符，如 fagaiju；建成后不要修改',
        required: true,
      },
      name: { label: '名称', meaning: '通知中使用的名称', hint: '如 区发改局', required: true },
      full_name: { label: '全称', meaning: '单位全称', hint: '如 济南市市中区发展和改革局', required: true },
      kind: { label: '类型', meaning: '单位类型', hint: '填 区直部门、街道办事处 或 其他', required: true },
      aliases: { label: '别名', meaning: '其他写法，顿号分隔', hint: '如 发改局、区发展和改革局', required: false },
    },
  },
  leaders: {
    schema: leaderRow,
    title: '牵头领导名录',
    columns: {
      id: { label: '编号', meaning: '网址中使用的稳定编号', hint: '小写拼音，如 mengqingshun', required: true },
      name: { label: '姓名', meaning: '姓名，不加空格', hint: '如 程伟', required: true },
      title: { label: '职务', meaning: '职务', hint: '如 副区长', required: true },
      collective: { label: '是否统称', meaning: '是否为“各相关副区长”这样的统称', hint: '填 是 或 否', required: true },
    },
  },
  collectives: {
    schema: collectiveRow,
    title: '统称',
    columns: {
      name: { label: '统称', meaning: '单位列中出现的统称原文', hint: '如 相关街道办事处', required: true },
      meaning: { label: '说明', meaning: '统称的含义', hint: '简要说明', required: true },
    },
  },
  sections: {
    schema: sectionRow,
    title: '主要工作任务类别',
    columns: {
      no: { label: '序号', meaning: '类别序号', hint: '从 1 起的整数', required: true },
      name: {
        label: '类别',
        meaning: '类别标题原文',
        hint: '如 聚焦产业升级，狠抓动能转换，在推动高质量发展上实现新提升。',
        required: true,
      },
    },
  },
  categories: {
    schema: categoryRow,
    title: '民生实事类别',
    columns: {
      no: { label: '序号', meaning: '类别序号', hint: '1–12', required: true },
      numeral: { label: '中文序号', meaning: '原文中的中文序号', hint: '如 一', required: true },
      name: { label: '类别名称', meaning: '类别名称', hint: '如 居住舒心工程', required: true },
    },
  },
  tasks: {
    schema: taskRow,
    title: '主要工作任务（附件1）',
    columns: {
      no: { label: '序号', meaning: '任务序号', hint: '从 1 起连续的整数', required: true },
      section: {
        label: '类别',
        meaning: '所属类别序号（见 sections.csv）；年度不分部分时留空或不设此列',
        hint: '填 sections.csv 中的序号',
        required: true,
        optionalColumn: true,
      },
      subsection: { label: '小标题', meaning: '所属小标题原文', hint: '如 推进传统产业现代化。', required: false },
      lead_in: { label: '引题', meaning: '合并单元格中的引题', hint: '没有则留空', required: false },
      target: { label: '重点任务目标', meaning: '任务目标原文', hint: '照录通知原文', required: true },
      leaders: {
        label: '牵头领导',
        meaning: '牵头领导，顿号分隔；通知未列明的留空',
        hint: '填 leaders.csv 中的姓名；通知没有写牵头领导的留空',
        required: false,
      },
      units: {
        label: '责任单位',
        meaning: '责任单位，顿号分隔，按原文顺序，第一个为牵头单位',
        hint: '填 units.csv 中的名称或别名，或 collectives.csv 中的统称',
        required: true,
      },
      lead_units: {
        label: '牵头单位',
        meaning: '原文加黑的牵头单位；留空则取第一个责任单位',
        hint: '须是本行责任单位中的单位',
        required: false,
      },
      deadline: {
        label: '完成时限',
        meaning: '通知写明的完成时限原文，如 2021年6月底前',
        hint: '照录通知原文；没有则留空或不设此列',
        required: false,
        optionalColumn: true,
      },
    },
  },
  projects: {
    schema: projectRow,
    title: '民生实事项目（projects.csv）',
    columns: {
      no: { label: '序号', meaning: '民生工程序号', hint: '1–100 的整数', required: true },
      category: {
        label: '类别',
        meaning: '所属类别序号（见 categories.csv）；不分类别时留空或不设此列',
        hint: '填 categories.csv 中的序号',
        required: true,
        optionalColumn: true,
      },
      content: { label: '民生实事内容', meaning: '内容原文', hint: '照录通知原文', required: true },
      leaders: {
        label: '牵头领导',
        meaning: '牵头领导，顿号分隔；通知未列明的留空',
        hint: '填 leaders.csv 中的姓名；通知没有写牵头领导的留空',
        required: false,
      },
      units: { label: '责任部门', meaning: '责任部门，顿号分隔', hint: '填 units.csv 中的名称或别名', required: true },
      lead_units: { label: '牵头单位', meaning: '留空则取第一个责任部门', hint: '须是本行责任部门中的单位', required: false },
      task: {
        label: '对应主要任务',
        meaning: '与之相同的主要工作任务序号',
        hint: '填 tasks.csv 中的序号，没有则留空',
        required: false,
      },
      deadline: {
        label: '完成时限',
        meaning: '通知写明的完成时限原文，如 2021年6月底前',
        hint: '照录通知原文；没有则留空或不设此列',
        required: false,
        optionalColumn: true,
      },
    },
  },
  plans: {
    schema: planRow,
    title: '工作任务落实计划（附件3）',
    columns: {
      item: { label: '分解序号', meaning: '事项编号：T+主要任务序号，P+民生工程序号', hint: '如 T37、P5', required: true },
      unit: { label: '填报单位', meaning: '填报单位', hint: '须是该事项的责任单位', required: true },
      q1: { label: '一季度', meaning: '一季度目标及月份推进计划', hint: '必填', required: true },
      q2: { label: '二季度', meaning: '二季度目标及月份推进计划', hint: '必填', required: true },
      q3: { label: '三季度', meaning: '三季度目标及月份推进计划', hint: '必填', required: true },
      q4: { label: '四季度', meaning: '四季度目标及月份推进计划', hint: '必填', required: true },
      principal: { label: '主要负责人', meaning: '填报单位主要负责人', hint: '必填', required: true },
      deputy: { label: '分管负责人', meaning: '填报单位分管负责人', hint: '必填', required: true },
      note: { label: '备注', meaning: '备注', hint: '可留空', required: false },
      filed: { label: '填报时间', meaning: '填报日期', hint: '写作 YYYY-MM-DD，如 2020-02-21', required: true },
    },
  },
  reports: {
    schema: reportRow,
    title: '主要工作任务落实情况（附件4）',
    columns: {
      item: { label: '分解序号', meaning: '事项编号：T+主要任务序号，P+民生工程序号', hint: '如 T37、P5', required: true },
      month: { label: '月份', meaning: '报告所属月份', hint: '写作 YYYY-MM，须与文件名一致', required: true },
      unit: { label: '填报单位', meaning: '填报单位', hint: '须是该事项的责任单位', required: true },
      target: { label: '季度计划完成目标', meaning: '本季度计划完成的目标', hint: '必填', required: true },
      progress: { label: '完成情况', meaning: '本月完成情况', hint: '必填', required: true },
      problems: { label: '存在问题', meaning: '存在的问题', hint: '无则留空或写“无”', required: false },
      next_steps: { label: '下一步计划', meaning: '下一步计划', hint: '可留空', required: false },
      evaluation: { label: '评价', meaning: '本月是否完成季度计划的序时目标', hint: '填 完成 或 未完成', required: true },
      item_complete: { label: '全部完成', meaning: '整个事项是否已全部完成', hint: '填 是 或 否', required: true },
      filed: { label: '填报时间', meaning: '填报日期', hint: '写作 YYYY-MM-DD，不得晚于数据日期', required: true },
      note: { label: '说明', meaning: '说明；已全部完成的事项又报未完成时必须说明原因', hint: '可留空', required: false },
    },
  },
  withdrawals: {
    schema: withdrawalRow,
    title: '撤回的月报',
    columns: {
      item: { label: '分解序号', meaning: '被撤回月报的事项编号', hint: '如 T37、P5', required: true },
      month: { label: '月份', meaning: '被撤回月报的月份', hint: '写作 YYYY-MM', required: true },
      withdrawn: {
        label: '撤回日期',
        meaning: '督查室决定撤回的日期',
        hint: '写作 YYYY-MM-DD，不得晚于数据日期',
        required: true,
      },
      reason: { label: '撤回原因', meaning: '撤回原因，网站上原样显示', hint: '如“报送单位有误，待重新报送”', required: true },
    },
  },
  actuals: {
    schema: actualRow,
    title: '指标累计完成情况（附件4）',
    columns: {
      item: { label: '分解序号', meaning: '事项编号：T+主要任务序号，P+民生工程序号', hint: '如 T37、P5', required: true },
      no: { label: '指标序号', meaning: '指标在该事项中的序号（见 indicators.csv）', hint: '如 1', required: true },
      month: { label: '月份', meaning: '报告所属月份', hint: '写作 YYYY-MM，须与文件名一致', required: true },
      actual: {
        label: '累计完成',
        meaning: '数量和金额：年初至本月末累计完成数；标准和幅度：本月末的现值；按指标的计量单位计',
        hint: '写数字，可带千位逗号、万或亿和一致的单位，如 19、12,000、1.2万、19部；不写约数',
        required: true,
      },
    },
  },
  'indicator-plans': {
    schema: indicatorPlanRow,
    title: '指标季度计划累计数（附件3）',
    columns: {
      item: { label: '分解序号', meaning: '事项编号：T+主要任务序号，P+民生工程序号', hint: '如 T37、P5', required: true },
      no: { label: '指标序号', meaning: '指标在该事项中的序号（见 indicators.csv）', hint: '如 1', required: true },
      q1: {
        label: '一季度末',
        meaning: '到一季度末计划累计完成的数，按指标的计量单位计',
        hint: '写数字，可带千位逗号、万或亿，如 30、1.2万；没有计划数的留空',
        required: false,
      },
      q2: {
        label: '二季度末',
        meaning: '到二季度末计划累计完成的数，按指标的计量单位计',
        hint: '写数字，可带千位逗号、万或亿，如 30、1.2万；没有计划数的留空',
        required: false,
      },
      q3: {
        label: '三季度末',
        meaning: '到三季度末计划累计完成的数，按指标的计量单位计',
        hint: '写数字，可带千位逗号、万或亿，如 30、1.2万；没有计划数的留空',
        required: false,
      },
      q4: {
        label: '四季度末',
        meaning: '到四季度末计划累计完成的数，按指标的计量单位计',
        hint: '写数字，可带千位逗号、万或亿，如 30、1.2万；没有计划数的留空',
        required: false,
      },
    },
  },
  indicators: {
    schema: indicatorRow,
    title: '目标指标',
    columns: {
      item: { label: '分解序号', meaning: '事项编号：T+主要任务序号，P+民生工程序号', hint: '如 T37、P5', required: true },
      no: { label: '指标序号', meaning: '指标在该事项中的序号', hint: '每个事项从 1 起的整数', required: true },
      name: {
        label: '指标名称',
        meaning: '指标衡量的是什么',
        hint: '如 加装电梯、回迁安置（套）；同一事项的指标名称不能相同',
        required: true,
      },
      kind: {
        label: '指标类型',
        meaning: '数量：要完成的数量（完成率可超过100%）；金额：投资等，合计时折算为万元；标准：要达到的标准；幅度：增长或控制的幅度',
        hint: '填 数量、金额、标准 或 幅度',
        required: true,
      },
      measure: {
        label: '计量单位',
        meaning: '目标值的单位',
        hint: '如 部、套、人、个、万元、亿元、公里、平方米、%、元/月；不含数字',
        required: true,
      },
      goal: {
        label: '目标值',
        meaning: '目标数，按计量单位计',
        hint: '写数字，可带千位逗号、万或亿，如 60、12,000、1.11万；可带与计量单位一致的单位，如 60部',
        required: true,
      },
      comparison: {
        label: '比较方式',
        meaning: '标准和幅度与目标值如何比较；数量和金额留空',
        hint: '标准和幅度填 不低于、不高于 或 左右；数量和金额留空',
        required: false,
      },
      source: { label: '原文', meaning: '指标取自的通知原文', hint: '照录原文，可留空', required: false },
      confirmed: {
        label: '已确认',
        meaning: '督查室是否已核对（导入通知时提出的指标为 否）',
        hint: '填 是 或 否',
        required: true,
      },
    },
  },
} as const satisfies Record<string, { schema: z.ZodType; title: string; columns: Record<string, ColumnSpec> }>;

export type FileKind = keyof typeof FILES;

export function columnLabel(kind: FileKind, field: string): string | undefined {
  return (FILES[kind].columns as Record<string, ColumnSpec>)[field]?.label;
}
