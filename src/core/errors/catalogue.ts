/**
 * The error catalogue: every problem the core reports about content (a `DataIssue`) has a
 * stable code, and its message and hint are defined here, once. Codes are what the office
 * looks up in docs/GUIDE.md (chapter 「错误代码」), so a code is never reused for another
 * problem and never renumbered; a retired code stays listed as reserved.
 *
 * Scheme: `LS-<area>-<NNN>`, the area one of
 *   CSV   encoding and structure of a file, file names, columns
 *   FLD   the value of one cell or field (the zod schemas' messages)
 *   REF   integrity across rows and files (registries, numbers, items, dates)
 *   WDR   withdrawals and removed reports
 *   IND   a year's indicators (indicators.csv): kinds, units, numbers
 *   BUL   the office's bulletins (content/bulletins)
 *   SITE  the content folder, site.json (identity) and each year's manifest.json
 *   FORM  filled forms being imported (npm run import, npm run inbox)
 *   NTC   a year's notice being imported (npm run import-notice)
 *   ACT   an indicator's monthly value (content/YYYY/actuals/, the 累计完成 cells of 附件4)
 *   CAL   the holiday calendar (working days, report deadlines) and content/holidays/YYYY.csv
 *   CLI   a command's arguments and what it needs before it starts (every npm run …)
 *   BLD   the site's build (npm run build): what stops it after the content is valid
 *
 * Templates name their parameters in braces (`{first}`); the type of `issueOf` requires
 * exactly those. Where a hint is only a parameter (a column's own hint from schema.ts), `fix`
 * says for the guide what to do.
 */
import { LuoshiError } from './base.ts';

export const AREAS = {
  CSV: '文件编码与结构',
  FLD: '单元格的值',
  REF: '行与文件之间的一致性',
  WDR: '撤回与删除的月报',
  IND: '目标指标（indicators.csv）',
  ACT: '指标累计完成数（actuals/YYYY-MM.csv）',
  BUL: '通报文件',
  SITE: '内容目录、网站信息与年度设置',
  FORM: '导入表格',
  NTC: '从立项通知导入年度任务',
  CAL: '节假日安排（工作日与报送期限）',
  CLI: '命令与参数',
  BLD: '网站构建',
} as const;

/** What the catalogue gives a problem: its code, message and hint (a location is added by the caller). */
export interface Coded {
  code: IssueCode;
  message: string;
  hint?: string;
}

export type Area = keyof typeof AREAS;

interface Entry {
  message: string;
  hint?: string;
  /** For the guide, where the hint is only a parameter. */
  fix?: string;
  /** A code that nothing produces any more (kept so it is never reused). */
  reserved?: true;
}

const SEE_README = '格式见 docs/FORMATS.md';
const SEE_COLUMN = '按该列的填写说明改正（每列的说明见 docs/FORMATS.md，消息中的“提示”即是）';
const ITEM_HINT = '主要任务写 T+序号，民生工程写 P+序号，且序号须在 tasks.csv / projects.csv 中';
const DATA_DATE_HINT = '检查日期；或更新 manifest.json 中的 data_date';
const SAVE_AS_UTF8 = '请在 Excel 中“另存为”→“CSV UTF-8（逗号分隔）(*.csv)”';
const HTML_HINT = '通报只能用 Markdown 排版，请删除这段 HTML：标题用 #，列表用 -，加粗用 **文字**，链接写作 [文字](https://…)';
const MDX_HINT =
  'MDX 通报中只能有文字、Markdown 和 npm run bulletin 生成的 <Chart id="…" /> 图表；文字中的 < { } 请写作 \\< \\{ \\}';
const SAVE_AS_XLSX = '请在 Excel 或 WPS 中打开，「另存为」→「Excel 工作簿（*.xlsx）」后再导入';
const SEE_HELP = '加 --help 查看这个命令的用法';
/** Hint for a cell whose stray quote swallowed the rows after it (CSV content files and CSV forms). */
const SWALLOWED_HINT =
  '多半是本单元格或前面某个单元格中的英文双引号（"）不成对，使后面几行都被读进了这一格；请删除多余的双引号，或把整格用英文双引号括起、内部的双引号写两遍';

export const CATALOGUE = {
  // Encoding and structure ------------------------------------------------------------------
  'LS-CSV-001': { message: '文件是 UTF-16 编码（Excel“Unicode 文本”格式），无法读取', hint: SAVE_AS_UTF8 },
  'LS-CSV-002': {
    message: '文件不是 UTF-8 编码，看起来是 GBK/GB18030（中文 Windows 上 Excel 默认的“CSV（逗号分隔）”格式）',
    hint: '请用 Excel“另存为”→“CSV UTF-8（逗号分隔）”，或运行：{convert}；也可用 npm run import 导入，它会自动转换',
  },
  'LS-CSV-003': {
    message: '文件不是 UTF-8 编码，也不是 GBK/GB18030，无法识别',
    hint: '请用 Excel“另存为”→“CSV UTF-8（逗号分隔）(*.csv)”后重新提交',
  },
  'LS-CSV-004': {
    message: 'CSV 格式错误，文件无法解析（{reason}）',
    hint: '多半是某个单元格中的英文双引号不成对；含逗号、引号或换行的单元格应整体用英文双引号括起，内部的双引号写两遍',
  },
  'LS-CSV-005': { message: '文件为空，缺少表头', hint: '第一行应为列名，见 docs/FORMATS.md' },
  'LS-CSV-006': {
    message: '列名重复（第 {first} 列已是“{name}”），两列中只有一列会被读取',
    hint: '删除多余的一列，或把其中一列改成应有的列名；本文件在改正前不会被读取',
  },
  'LS-CSV-007': {
    message: '本行有 {cells} 个单元格，表头有 {columns} 列',
    hint: '检查是否有单元格内含英文逗号却未加引号，或多出/缺少逗号',
  },
  'LS-CSV-008': { message: '单元格跨了多行，且含有整行数据，像是吞并了后面的行', hint: SWALLOWED_HINT },
  'LS-CSV-009': { message: '缺少文件', hint: '应有 {title} 文件，格式见 docs/FORMATS.md' },
  'LS-CSV-010': { message: '未知的列名，该列数据不会被发布', hint: '允许的列：{columns}' },
  'LS-CSV-011': { message: '缺少这一列', hint: '表头应包含：{columns}' },
  'LS-CSV-012': { message: '{folder} 中的文件名应为 YYYY-MM.csv', hint: '如 {year}-03.csv；其他文件请移出 {folder} 目录' },
  'LS-CSV-013': { message: '文件名中的月份不存在（{month}）', hint: '文件名应为 YYYY-MM.csv，月份 01–12，如 {year}-03.csv' },
  'LS-CSV-014': { message: '文件名中的月份不属于 {year} 年度', hint: '移到 content/{other}/{folder}/ 下' },
  'LS-CSV-015': {
    message: '是符号链接（快捷方式），出于安全不读取，也不发布',
    hint: '内容目录中只能放真实的文件和文件夹：删除这个链接，把要发布的文件本身复制到这里',
  },

  // One cell's value --------------------------------------------------------------------------
  'LS-FLD-001': { message: '含有全角空格', hint: '删除全角空格（　）' },
  'LS-FLD-002': { message: '首尾有多余的空格或换行', hint: '删除单元格首尾的空格' },
  'LS-FLD-003': { message: '含有全角字母、数字或符号', hint: '改为半角：{fixed}' },
  'LS-FLD-004': { message: '含有不可见的控制字符', hint: '重新输入该单元格' },
  'LS-FLD-005': { message: '含有看不见的字符（{chars}），看起来相同的文字实际上不同', hint: '删除看不见的字符，应为：{real}' },
  'LS-FLD-006': { message: '含有与常用字外形相同的特殊字符：{chars}', hint: '多为从 PDF 或网页复制而来；应为：{real}' },
  'LS-FLD-010': { message: '必填项为空', hint: '{columnHint}', fix: SEE_COLUMN },
  'LS-FLD-011': { message: '应为正整数', hint: '{columnHint}', fix: SEE_COLUMN },
  'LS-FLD-012': { message: '应为正整数或留空', hint: '{columnHint}', fix: SEE_COLUMN },
  'LS-FLD-013': {
    message: '日期无效，应写作 YYYY-MM-DD 且为真实日期',
    hint: '{columnHint}',
    fix: '写作 YYYY-MM-DD，如 2020-08-05，且须是日历上有的日期',
  },
  'LS-FLD-014': { message: '月份无效，应写作 YYYY-MM（月份 01–12）', hint: '{columnHint}', fix: '写作 YYYY-MM，如 2020-07' },
  'LS-FLD-015': { message: '事项编号格式错误', hint: '{columnHint}', fix: '主要任务写 T+序号，民生工程写 P+序号，如 T37、P5' },
  'LS-FLD-016': { message: '多个值应使用顿号“、”分隔', hint: '{columnHint}', fix: '把逗号、分号或斜杠改为顿号“、”' },
  'LS-FLD-017': { message: '列表中有空项（连续或多余的顿号）', hint: '{columnHint}', fix: '删除多余的顿号' },
  'LS-FLD-018': {
    message: '编号只能含小写字母、数字和连字符',
    hint: '{columnHint}',
    fix: '用小写拼音、数字和连字符，如 fagaiju',
  },
  'LS-FLD-019': {
    message: '类型只能是 区直部门、街道办事处、其他',
    hint: '{columnHint}',
    fix: '填 区直部门、街道办事处 或 其他',
  },
  'LS-FLD-020': { message: '只能是 是 或 否', hint: '{columnHint}', fix: '填 是 或 否' },
  'LS-FLD-021': { message: '评价只能是“完成”或“未完成”', hint: '{columnHint}', fix: '填 完成 或 未完成' },

  // Integrity across rows and files -----------------------------------------------------------
  'LS-REF-001': { message: '编号重复（第 {first} 行已使用）', hint: '每个单位的编号必须唯一' },
  'LS-REF-002': { message: '名称与单位“{other}”（{id}）的名称或别名重复', hint: '名称和别名在名录中必须唯一' },
  'LS-REF-003': { message: '编号重复', hint: '每位领导的编号必须唯一' },
  'LS-REF-004': { message: '姓名重复', hint: '同名时请在姓名后加括注区分' },
  'LS-REF-005': { message: '统称重复或与单位名称相同', hint: '删除重复行' },
  'LS-REF-006': { message: '序号重复（第 {first} 行已使用）', hint: '每项序号必须唯一' },
  'LS-REF-007': { message: '序号不连续，缺少：{gaps}', hint: '补上缺少的行，或检查是否误删' },
  'LS-REF-008': { message: '必填项为空', hint: '填 {file} 中的序号：{nos}' },
  'LS-REF-009': {
    message: '本年度主要工作任务不分部分，此列应留空',
    hint: '删除此列的值，或在 manifest.json 中把 tasks.sections 设为 true 并建 sections.csv',
  },
  'LS-REF-010': {
    message: '本年度民生实事不分类别，此列应留空',
    hint: '删除此列的值，或在 manifest.json 中把 programme.categories 设为 true 并建 categories.csv',
  },
  'LS-REF-011': { message: '类别序号不存在', hint: '可用的序号：{nos}' },
  'LS-REF-012': { message: '民生实事类别不存在', hint: '可用的序号：{nos}' },
  'LS-REF-013': { message: '未知的牵头领导', hint: '可用的姓名：{names}；新领导须先加入 leaders.csv' },
  'LS-REF-014': { message: '同一单位重复列出', hint: '删除重复的“{entry}”' },
  'LS-REF-015': { message: '未知的责任单位', hint: '是否应为：{candidates}？' },
  'LS-REF-016': {
    message: '未知的责任单位',
    hint: '请使用 units.csv 中的名称或别名；新单位须先加入 units.csv，统称须先加入 collectives.csv',
  },
  'LS-REF-017': { message: '牵头单位不在本行的责任单位中', hint: '牵头单位必须同时列在责任单位中' },
  'LS-REF-018': { message: '对应的主要工作任务不存在', hint: '填 tasks.csv 中存在的序号，没有对应任务则留空' },
  'LS-REF-019': { message: '事项不存在', hint: ITEM_HINT },
  'LS-REF-020': { message: '该事项的计划重复（第 {first} 行已有）', hint: '每个事项只保留一行计划；修改请直接改原行' },
  'LS-REF-021': { message: '未知的填报单位', hint: '是否应为：{candidates}？' },
  'LS-REF-022': {
    message: '未知的填报单位',
    hint: '请使用 units.csv 中的名称或别名；新单位须先加入 units.csv，统称须先加入 collectives.csv',
  },
  'LS-REF-023': { message: '不是事项 {item} 的责任单位', hint: '该事项的责任单位：{units}' },
  'LS-REF-024': { message: '不是事项 {item} 的责任单位', hint: '该事项只列有统称，请先在任务表中写明具体单位' },
  'LS-REF-025': { message: '填报时间晚于数据日期 {date}', hint: DATA_DATE_HINT },
  'LS-REF-026': { message: '月份与文件名 {month} 不一致', hint: '改为 {month}，或移到 {other}.csv' },
  'LS-REF-027': { message: '月份不属于 {year} 年度', hint: '放到 content/{other}/reports/ 下' },
  'LS-REF-028': { message: '报告月份晚于数据日期 {date}', hint: '不能报送将来月份的情况；检查月份或 manifest.json 的 data_date' },
  'LS-REF-029': { message: '该事项 {month} 的月报重复（{first} 已有）', hint: '每个事项每月只保留一行；更正请修改原行' },
  'LS-REF-030': { message: '填报时间早于所报月份 {month}', hint: '月报应在该月开始之后填报' },
  'LS-REF-031': { message: '该事项还没有落实计划（附件3），不能报送月报', hint: '先在 plans.csv 中补上该事项的计划' },
  'LS-REF-032': { message: '月份早于该事项计划的填报时间 {filed}', hint: '检查月份，或计划的填报时间' },
  'LS-REF-033': {
    message: '该事项已在 {month} 报告全部完成，本月又报未全部完成，但没有说明',
    hint: '在 note（说明）列写明原因，如“验收未通过，需整改”；若是误报，改为 是',
  },
  'LS-REF-034': { message: '内部错误：读取 {read} 行，发布 {published} 行', hint: '请将此文件报告给开发人员' },
  'LS-REF-035': {
    message: '完成时限有 {deadlines} 行，与内容的 {parts} 个子任务（内容的各行）不对应',
    hint: '一行内容一个子任务，完成时限按同样的顺序一行一个；整项只有一个完成时限时只写一行',
  },

  // Withdrawals and removed reports -----------------------------------------------------------
  'LS-WDR-001': {
    message: '月报文件只有表头、没有任何月报：发布后 {month} 的全部事项都会显示为“未报送”',
    hint: '如是误删或误存，请恢复文件内容（git checkout -- {file}）；确要撤回该月已发布的月报，请删除本文件，并在 {withdrawals} 中逐项登记撤回原因（见 docs/FORMATS.md）',
  },
  'LS-WDR-002': { message: '月份不属于 {year} 年度', hint: '写到 content/{other}/withdrawals.csv' },
  'LS-WDR-003': { message: '撤回日期晚于数据日期 {date}', hint: DATA_DATE_HINT },
  'LS-WDR-004': { message: '该事项 {month} 的撤回记录重复（第 {first} 行已有）', hint: '每份月报只登记一次撤回' },
  'LS-WDR-005': {
    message: '该月报已登记撤回（{file} 第 {line} 行），不能同时发布',
    hint: '撤回有误则删除那条撤回记录；否则删除本行',
  },
  'LS-WDR-006': {
    message: '已发布的 {item} {month} 月报不见了（提交 {commit} 中在第 {line} 行）：删除已发布的月报必须登记撤回',
    hint: '如是误删，请恢复：git checkout {commit} -- {file}；确要撤回，请在 {withdrawals} 中加一行：{item},{month},撤回日期,撤回原因（见 docs/FORMATS.md）',
  },

  // Indicators (indicators.csv) ----------------------------------------------------------------
  'LS-IND-001': {
    message: '指标类型只能是 数量、金额、标准、幅度',
    hint: '{columnHint}',
    fix: '填 数量（要完成的数量）、金额（投资等，以万元或亿元计）、标准（要达到的标准）或 幅度（增长或控制的幅度）',
  },
  'LS-IND-002': {
    message: '比较方式只能是 不低于、不高于、左右，或留空',
    hint: '{columnHint}',
    fix: '标准和幅度填 不低于、不高于 或 左右；数量和金额留空',
  },
  'LS-IND-003': { message: '该事项的第 {no} 个指标重复（第 {first} 行已有）', hint: '每个事项的指标序号从 1 起，不能重复' },
  'LS-IND-004': {
    message: '该事项已有名为“{name}”的指标（第 {first} 行）',
    hint: '同一事项的指标名称不能相同：改名以区分，如 回迁安置（套）、回迁安置（人）；是重复的行则删除',
  },
  'LS-IND-005': {
    message: '计量单位写法有误：单位中不能有数字、空格或逗号',
    hint: '只写单位，如 部、套、万元、公里、%、元/月；数字写在“目标值”列',
  },
  'LS-IND-006': {
    message: '金额的计量单位只能是 元、万元 或 亿元',
    hint: '单位改为 万元 或 亿元；不是金额的，指标类型改为 数量 或 标准',
  },
  'LS-IND-007': {
    message: '计量单位是金额（{measure}），指标类型却是“数量”',
    hint: '计划投资等金额，指标类型填 金额（合计时统一折算为万元）；补贴标准等填 标准',
  },
  'LS-IND-008': {
    message: '指标类型为“{kind}”，须写比较方式',
    hint: '填 不低于（如 不低于60元/月）、不高于（如 控制在3%以内）或 左右（如 增长6%左右）',
  },
  'LS-IND-009': {
    message: '指标类型为“{kind}”，不写比较方式：完成数与目标值相比，可以超额',
    hint: '删除比较方式；目标是“不低于/不高于”某个值的，指标类型改为 标准 或 幅度',
  },
  'LS-IND-010': { message: '数量和金额的目标值应大于 0', hint: '写要完成的数；没有数的目标不设指标' },
  'LS-IND-011': {
    message: '目标值是约数（“{word}”），无法计算完成情况',
    hint: '写确切的数，如 2400；原文是约数的，照原文的数写，并在“原文”列保留原文',
  },
  'LS-IND-012': { message: '目标值应写阿拉伯数字', hint: '如 六十 写作 60，一万二千 写作 12000 或 1.2万' },
  'LS-IND-013': { message: '目标值不能是负数', hint: '写正数；下降写在指标名称中，如 能耗下降，目标值写 3' },
  'LS-IND-014': {
    message: '目标值是一个范围，无法计算完成情况',
    hint: '只写一个数；要求不低于或不高于某个值的，用“比较方式”列表示',
  },
  'LS-IND-015': { message: '数字中的逗号位置不对', hint: '千位分隔符每三位一个，如 12,000；也可以不写逗号：12000' },
  'LS-IND-016': {
    message: '目标值中的“{word}”不能作倍数',
    hint: '写出全部数字，如 7千 写作 7000；可用的倍数只有 万 和 亿（如 1.2万）',
  },
  'LS-IND-017': {
    message: '计量单位已是“{measure}”，目标值中又写了 万 或 亿，无法确定是多少',
    hint: '只写单位前面的数，如计量单位为 万人 时写 2.45',
  },
  'LS-IND-018': {
    message: '目标值不是数字',
    hint: '写数字，可带万、亿和单位，如 60、1.11万、11.2公里；没有数的目标不设指标',
  },
  'LS-IND-019': {
    message: '目标值中的单位“{written}”与计量单位“{measure}”不符',
    hint: '两处的单位应相同或可以换算（如 亿元 与 万元、米 与 公里、万人 与 人）；目标值只写数字即可',
  },
  // The quarterly planned numbers (indicator-plans.csv, the 附件3 form's 季度末计划累计完成数)
  'LS-IND-020': {
    message: '{item} 没有第 {no} 个指标，无法设季度计划数',
    hint: '指标见 indicators.csv；{item} 的指标序号有：{numbers}',
  },
  'LS-IND-021': { message: '{item} 没有指标，不能设季度计划数', hint: '先在 indicators.csv 中为该事项设指标，或删除此行' },
  'LS-IND-022': { message: '{item} 第 {no} 个指标的季度计划数已填过（第 {first} 行）', hint: '每个指标一行；删除重复的行' },
  'LS-IND-023': {
    message: '“{name}”是{kind}指标，没有季度计划累计数',
    hint: '只有数量和金额指标按计划累计数计算序时进度；删除此行，或把指标类型改为 数量 或 金额',
  },
  'LS-IND-024': {
    message: '{quarter}计划累计数 {value} 比{earlier}（{previous}）少',
    hint: '计划累计数是年初至该季度末的累计数，逐季不减；检查各季度的数',
  },
  'LS-IND-025': {
    message: '季度计划累计数是约数（“{word}”）',
    hint: '写确切的数，如 7000；没有确定的计划数，留空不填',
  },
  'LS-IND-026': { message: '季度计划累计数应写阿拉伯数字', hint: '如 十九 写作 19，一万二千 写作 12000 或 1.2万' },
  'LS-IND-027': { message: '季度计划累计数不能是负数', hint: '写年初至该季度末的计划累计数，是 0 或正数' },
  'LS-IND-028': { message: '季度计划累计数是一个范围', hint: '只写一个确切的数' },
  'LS-IND-029': { message: '数字中的逗号位置不对', hint: '千位分隔符每三位一个，如 12,000；也可以不写逗号：12000' },
  'LS-IND-030': {
    message: '季度计划累计数中的“{word}”不能作倍数',
    hint: '写出全部数字，如 7千 写作 7000；可用的倍数只有 万 和 亿（如 1.2万）',
  },
  'LS-IND-031': {
    message: '指标的计量单位已是“{measure}”，季度计划累计数中又写了 万 或 亿，无法确定是多少',
    hint: '只写单位前面的数，如计量单位为 万人 时写 2.45',
  },
  'LS-IND-032': { message: '季度计划累计数不是数字', hint: '写数字，可带万、亿和单位，如 30、1.2万；不写“过半”等文字' },
  'LS-IND-033': {
    message: '季度计划累计数中的单位“{written}”与指标的计量单位“{measure}”不符',
    hint: '按指标的计量单位填写，或写可以换算的单位（如 亿元 与 万元、米 与 公里）；只写数字即可',
  },

  // Actuals (actuals/YYYY-MM.csv, the 累计完成 cells of 附件4) ------------------------------------
  'LS-ACT-001': {
    message: '{item} 没有第 {no} 个指标',
    hint: '指标见 indicators.csv；{item} 的指标序号有：{numbers}',
  },
  'LS-ACT-002': { message: '{item} 没有指标，不能填累计完成数', hint: '先在 indicators.csv 中为该事项设指标，或删除此行' },
  'LS-ACT-003': { message: '{item} 第 {no} 个指标本月已填过（{first}）', hint: '每个指标每月只填一个数；删除重复的行' },
  'LS-ACT-004': {
    message: '{item} {month} 没有月报，累计完成数无处归属',
    hint: '累计完成数是月报的一部分：先报送该月月报（reports/{month}.csv），或删除此行',
  },
  'LS-ACT-005': {
    message: '累计完成数是约数（“{word}”），无法计算完成率',
    hint: '写确切的数，如 7000；确实无法统计的，留空不填，并在月报的说明中写明原因',
  },
  'LS-ACT-006': { message: '累计完成数应写阿拉伯数字', hint: '如 十九 写作 19，一万二千 写作 12000 或 1.2万' },
  'LS-ACT-007': { message: '累计完成数不能是负数', hint: '写年初至本月末的累计数，是 0 或正数' },
  'LS-ACT-008': { message: '累计完成数是一个范围，无法计算完成率', hint: '只写一个确切的数' },
  'LS-ACT-009': { message: '数字中的逗号位置不对', hint: '千位分隔符每三位一个，如 12,000；也可以不写逗号：12000' },
  'LS-ACT-010': {
    message: '累计完成数中的“{word}”不能作倍数',
    hint: '写出全部数字，如 7千 写作 7000；可用的倍数只有 万 和 亿（如 1.2万）',
  },
  'LS-ACT-011': {
    message: '指标的计量单位已是“{measure}”，累计完成数中又写了 万 或 亿，无法确定是多少',
    hint: '只写单位前面的数，如计量单位为 万人 时写 2.45',
  },
  'LS-ACT-012': { message: '累计完成数不是数字', hint: '写数字，可带万、亿和单位，如 19、1.2万、11.2公里；不写“大部分”等文字' },
  'LS-ACT-013': {
    message: '累计完成数中的单位“{written}”与指标的计量单位“{measure}”不符',
    hint: '按指标的计量单位填写，或写可以换算的单位（如 亿元 与 万元、米 与 公里）；只写数字即可',
  },
  'LS-ACT-014': {
    message: '累计完成数 {value} 比上月（{previous}）少，但月报没有说明',
    hint: '累计数只增不减；确需更正的，在本月月报的 note（说明）列写明原因，如“核减不合格项目3个”',
  },
  'LS-ACT-015': {
    message: '月报称全部完成，但指标“{name}”累计完成 {value}，未达目标 {target}，也没有说明',
    hint: '如实填写累计完成数；确已完成而指标未达目标的，在本月月报的 note（说明）列写明原因',
  },

  // Bulletins ----------------------------------------------------------------------------------
  'LS-BUL-001': {
    message: '通报目录中不能有子文件夹（文件名就是网址，不能含路径）',
    hint: '把通报文件直接放在 content/bulletins/ 下',
  },
  'LS-BUL-002': {
    message: '不是通报文件（.md 或 .mdx），不会发布',
    hint: '通报写作 Markdown 文件，扩展名 .md；其他文件请移出 content/bulletins/',
  },
  'LS-BUL-003': { message: '通报文件名只能含小写字母、数字和连字符（文件名就是网址）', hint: '如 2020-08-10-monthly.md' },
  'LS-BUL-004': {
    message: '缺少开头的 --- 信息块（标题、日期、类型）',
    hint: '第一行写 ---，然后 title:、date:、kind:，再写一行 ---',
  },
  'LS-BUL-005': {
    message: '开头信息块的格式错误（{reason}）',
    hint: '每行写作 名称: 值；值中含冒号或引号时整体用英文双引号括起',
  },
  'LS-BUL-006': { message: '开头信息块应为“名称: 值”的若干行', hint: '如 title: …、date: 2020-08-10、kind: monthly' },
  'LS-BUL-007': { message: '缺少这一项', hint: '{columnHint}', fix: '在开头信息块中加上这一项（title、date、kind 必填）' },
  'LS-BUL-008': { message: '标题应为文字', hint: '{columnHint}', fix: '如 title: 2020年7月民生工程推进情况通报' },
  'LS-BUL-009': { message: '标题为空', hint: '{columnHint}', fix: '如 title: 2020年7月民生工程推进情况通报' },
  'LS-BUL-010': { message: '日期应写作 YYYY-MM-DD', hint: '{columnHint}', fix: '如 date: 2020-08-10' },
  'LS-BUL-011': {
    message: '类型只能是 {kinds}',
    hint: '{columnHint}',
    fix: 'monthly（月度）、quarterly（季度）、completion（完成）、notice（通知）、other（其他）',
  },
  'LS-BUL-012': { message: '摘要应为文字', hint: '{columnHint}', fix: '一句话摘要，可省略' },
  'LS-BUL-013': { message: '年度应为四位数字', hint: '{columnHint}', fix: '如 year: 2020，可省略' },
  'LS-BUL-014': { message: '不认识的字段：{keys}', hint: '允许的字段：{fields}' },
  'LS-BUL-015': { message: '含有不允许的 HTML 标签 <{tag}>，网站不会显示它', hint: HTML_HINT },
  'LS-BUL-016': { message: '含有不允许的 HTML 事件属性 {attribute}，网站不会显示它', hint: HTML_HINT },
  'LS-BUL-017': {
    message: '含有不允许的链接地址（{scheme}:），网站不会显示它',
    hint: '链接只能指向 http:// 或 https:// 网址，或本站页面',
  },
  'LS-BUL-018': { message: '不允许的 {keyword} 语句', hint: '只允许：{allowed}' },
  'LS-BUL-019': { message: 'MDX 通报中不允许使用 <{tag}> 标签', hint: MDX_HINT },
  'LS-BUL-020': { message: 'MDX 通报中不允许使用 {char} 表达式', hint: MDX_HINT },
  'LS-BUL-021': { message: 'MDX 通报的写法有误，无法读取（{reason}）', hint: MDX_HINT },
  'LS-BUL-022': {
    message: '图表标签 <Chart> 写法有误（{attribute}）',
    hint: '只能照 npm run bulletin 生成的样子写作 <Chart id="图表编号" />，图表编号只含小写字母、数字和连字符',
  },
  'LS-BUL-023': {
    message: '未知的图表编号「{id}」：{why}',
    hint: '可用的编号形如 {forms}；网站的 /embed/ 页面列出了全部图表',
  },
  'LS-BUL-024': { message: '图表编号为空', hint: '写作 <Chart id="tasks-by-section-2020" />；可用的编号见网站的 /embed/ 页面' },
  'LS-BUL-025': {
    message: '{where}：未知的属性 {props}',
    hint: '<Chart> 只有 id 和 embed 两个属性，如 <Chart id="tasks-by-section-2020" />',
  },
  'LS-BUL-026': { message: '{where}：embed 应为 true 或 false', hint: '写作 <Chart id="…" embed />，或删去 embed' },
  'LS-BUL-027': {
    message: '{month}的情况尚未发布：报送期限 {deadline} 未过且没有月报（数据日期 {date}；已发布的月份：{months}）',
    hint: '报送期限过后，或导入该月的月报后，再生成通报草稿',
  },
  'LS-BUL-028': {
    message: '{year} 年度没有民生实事项目（manifest.json 中没有 programme），没有月度通报',
    hint: '只能生成季度通报（--quarter）；或先在 manifest.json 中写明 programme',
  },

  // Content folder, site.json, manifest.json --------------------------------------------------
  'LS-SITE-001': { message: '缺少文件', hint: SEE_README },
  'LS-SITE-002': { message: 'JSON 格式错误：{detail}', hint: '检查逗号、引号和括号是否成对' },
  'LS-SITE-003': { message: '{detail}', hint: SEE_README, fix: '按消息所说改正这一项（各项的格式见 docs/FORMATS.md）' },
  'LS-SITE-004': { message: '内容目录不存在', hint: '检查 LUOSHI_CONTENT 设置' },
  'LS-SITE-005': { message: '没有年度目录（如 2020/）', hint: '新建年度目录，文件格式见 docs/FORMATS.md' },
  'LS-SITE-006': { message: '党政机关网站标识（identity.badge）的图片文件不存在', hint: '把图片放在 {path}，或改正文件名' },
  'LS-SITE-007': { message: '年度与目录名 {year} 不一致', hint: '改为 {year}' },
  'LS-SITE-008': { message: '数据日期晚于今天（{today}）', hint: '数据日期应为数据截止的日期，不能是将来' },
  'LS-SITE-009': { message: '通知原文文件不存在', hint: '把通知原文（纯文本，UTF-8）放在 {path}，或删去 notice.text' },
  'LS-SITE-010': {
    message: 'manifest.json 中 tasks 为 false（本年度没有主要工作任务），此文件不会被发布',
    hint: '删除 tasks 的 false 设置，或删除此文件',
  },
  'LS-SITE-011': {
    message: 'manifest.json 中 tasks.sections 为 false（主要工作任务不分部分），此文件不会被发布',
    hint: '把 tasks.sections 改为 true，或删除此文件',
  },
  'LS-SITE-012': {
    message: 'manifest.json 中没有 programme（民生实事项目的名称、网址段等），此文件不会被发布',
    hint: '在 manifest.json 中加上 programme（格式见 docs/FORMATS.md），或删除此文件',
  },
  'LS-SITE-013': {
    message: 'manifest.json 中 programme.categories 为 false（不分类别），此文件不会被发布',
    hint: '把 programme.categories 改为 true，或删除此文件',
  },
  'LS-SITE-014': {
    message: '本年度既没有主要工作任务，也没有民生实事项目',
    hint: '在 manifest.json 中加上 programme，或删去 "tasks": false',
  },
  // manifest.json fields (zod)
  'LS-SITE-020': { message: '日期无效', hint: SEE_README },
  'LS-SITE-021': { message: '日期无效，应写作 YYYY-MM-DD', hint: SEE_README },
  'LS-SITE-022': { message: '应为年度目录中的文本文件名，如 notice.txt', hint: SEE_README },
  'LS-SITE-023': { message: '应填写民生实事项目的名称，如 民生十件实事', hint: SEE_README },
  'LS-SITE-024': { message: '网址段只能含小写字母、数字和连字符，如 shishi', hint: SEE_README },
  'LS-SITE-025': { message: '网址段不能是 {reserved}（已被网站使用）', hint: SEE_README },
  'LS-SITE-026': { message: '应填写事项简称，如 民生（编号显示为“民生5”）', hint: SEE_README },
  'LS-SITE-027': { message: '应为 true（分类别，须有 categories.csv）或 false（不分类别）', hint: SEE_README },
  'LS-SITE-028': { message: '应为 true（分部分，须有 sections.csv）或 false（不分部分）', hint: SEE_README },
  // site.json feedback (zod)
  'LS-SITE-030': { message: '留言/纠错地址（feedback）应为以 https://、http:// 或 mailto: 开头的地址', hint: SEE_README },
  'LS-SITE-031': { message: '留言/纠错地址（feedback）地址中不能有空格', hint: SEE_README },
  'LS-SITE-032': {
    message: '留言/纠错地址（feedback）未知的占位符 {placeholders}，可用的只有 {known}',
    hint: SEE_README,
    fix: '地址模板中只用 {number}（事项编号）和 {title}（事项内容）两个占位符',
  },
  // site.json identity (zod); {asIn} is `，如 <example>` or empty
  'LS-SITE-040': {
    message: '缺少网站标识信息（identity）：主办单位、承办单位、联系方式、网站标识码、备案号等，格式见 docs/FORMATS.md',
    hint: SEE_README,
  },
  'LS-SITE-041': { message: 'identity 应为对象', hint: SEE_README },
  'LS-SITE-042': { message: '缺少 demo（是否为示例站点：true 或 false）', hint: SEE_README },
  'LS-SITE-043': { message: 'demo 应为 true 或 false', hint: SEE_README },
  'LS-SITE-044': { message: '缺少{label}（{field}）', hint: SEE_README },
  'LS-SITE-045': { message: '{label}（{field}）应为文本', hint: SEE_README },
  'LS-SITE-046': { message: '缺少数据许可（licence：name、url、text）', hint: SEE_README },
  'LS-SITE-047': { message: 'licence 应为对象', hint: SEE_README },
  'LS-SITE-048': {
    message: '{label}（{field}）仍是待填写的占位内容；正式站点须填写真实信息{asIn}（示例站点可把 demo 设为 true）',
    hint: SEE_README,
  },
  'LS-SITE-049': { message: '{label}（{field}）不能为空{asIn}', hint: SEE_README },
  'LS-SITE-050': { message: '{label}（{field}）首尾有多余的空格{asIn}', hint: SEE_README },
  'LS-SITE-051': { message: '{label}（{field}）应为电话号码（数字和连字符），多个用顿号分隔{asIn}', hint: SEE_README },
  'LS-SITE-052': { message: '{label}（{field}）应为电子邮箱地址{asIn}', hint: SEE_README },
  'LS-SITE-053': { message: '{label}（{field}）应为 10 位数字{asIn}', hint: SEE_README },
  'LS-SITE-054': { message: '{label}（{field}）格式应为“鲁ICP备12345678号”（可带 -1 这样的网站序号）{asIn}', hint: SEE_README },
  'LS-SITE-055': { message: '{label}（{field}）格式应为“鲁公网安备 37010302000001号”（14 位数字）{asIn}', hint: SEE_README },
  'LS-SITE-056': {
    message: '{label}（{field}）应为内容目录中的图片文件名（.png/.svg/.gif/.jpg），如 identity/dzjg.png{asIn}',
    hint: SEE_README,
  },
  'LS-SITE-057': { message: '{label}（{field}）应为 http:// 或 https:// 开头的网址{asIn}', hint: SEE_README },

  // Filled forms being imported (附件3/附件4, .xlsx or CSV) ---------------------------------------
  'LS-FORM-001': {
    message: '找不到表格标题（“2020年主要工作任务落实情况表”或“2020年工作任务落实计划表”），不是附件3或附件4',
    hint: '请使用 npm run forms 生成的表格填报，不要删除标题行',
  },
  'LS-FORM-002': { message: '标题下缺少月份，如“（7月）”', hint: '在标题下一行写明所报月份' },
  'LS-FORM-003': { message: '填报单位为空', hint: '填写本单位名称，如 区发改局' },
  'LS-FORM-004': { message: '填报时间为空', hint: '填写报送日期，如 2020-08-05' },
  'LS-FORM-005': { message: '找不到表头（第一列应为“{first}”）', hint: '请使用 npm run forms 生成的表格，不要修改表头' },
  'LS-FORM-006': {
    message: '表头中“{name}”列出现两次（{first} 列和 {second} 列），无法确定以哪一列为准',
    hint: '删除多余的一列后重新导入；请使用 npm run forms 生成的表格，不要增删列',
  },
  'LS-FORM-007': { message: '表头缺少“{name}”列', hint: '请使用 npm run forms 生成的表格，不要增删或改动列' },
  'LS-FORM-008': {
    message: '列名“{name}”出现两次（{first} 列和 {second} 列），无法确定以哪一列为准',
    hint: '删除多余的一列后重新导入',
  },
  'LS-FORM-009': { message: '表头有重复的列，本文件未导入', hint: '改正表头后重新导入' },
  'LS-FORM-010': { message: '缺少列 {name}', hint: '表头应为：{header}' },
  'LS-FORM-011': {
    message: '单元格是 HYPERLINK 公式，但链接地址不是直接写出的文字，无法导入',
    hint: '把单元格改为文字：写出链接文字和网址，如 通知全文（https://…）',
  },
  'LS-FORM-012': {
    message: '单元格是公式，但文件中没有保存计算结果，无法知道它显示什么',
    hint: '在 Excel 或 WPS 中打开并保存一次后重新导入；或把公式改为文字（复制，再“选择性粘贴”→“数值”）',
  },
  'LS-FORM-013': {
    message: 'CSV 格式错误，文件未导入：读到文件末尾，英文双引号（"）仍不成对：从前面某一格开始的引号没有结束',
    hint: SWALLOWED_HINT,
  },
  'LS-FORM-014': {
    message: 'CSV 格式错误，文件未导入：本行有一个单元格中间出现了英文双引号（"），而这一格没有整体用双引号括起',
    hint: SWALLOWED_HINT,
  },
  'LS-FORM-015': {
    message:
      'CSV 格式错误，文件未导入：本行的英文双引号（"）结束后紧跟着其他文字：多半是前面某一格的引号不成对，把几行读成了一格',
    hint: SWALLOWED_HINT,
  },
  'LS-FORM-016': { message: 'CSV 格式错误，文件未导入：无法解析（{reason}）', hint: SWALLOWED_HINT },
  'LS-FORM-017': { message: '工作簿中没有任何内容', fix: '在工作簿中填写表格后重新导入；请使用 npm run forms 生成的表格' },
  'LS-FORM-018': {
    message: '工作簿中有 {count} 个工作表有内容（{names}），无法确定导入哪一个',
    hint: '把要报送的表格留在一个工作表中，删除或清空其他工作表后重新导入',
  },
  'LS-FORM-019': {
    message: '这是旧版 Excel（.xls）或 WPS 表格（.et）文件，不是 .xlsx，无法导入',
    hint: SAVE_AS_XLSX,
  },
  'LS-FORM-020': { message: '只能导入 .xlsx 或 .csv 文件', fix: '上传 npm run forms 生成的 .xlsx 表格，或保存为 CSV' },
  'LS-FORM-021': {
    message: '无法读取文件：{detail}',
    fix: '文件可能已损坏或不是真正的 .xlsx：在 Excel 或 WPS 中打开，另存为 .xlsx 后重新导入',
  },
  'LS-FORM-022': { message: '内容中没有 {year} 年度', hint: '先建立 content/{year}/ 年度目录（见 docs/FORMATS.md）' },
  'LS-FORM-023': {
    message: '内容中没有 {year} 年度',
    fix: '本行的月份属于这一年度：检查月份；或先建立该年度的目录（见 docs/FORMATS.md）',
  },
  'LS-FORM-024': { message: '月份无效', hint: '写作 YYYY-MM' },
  'LS-FORM-025': {
    message: '事项 {item} 重复填报，且与 {file} 第 {row} 行的内容不同',
    hint: '同一事项每月（计划每年）只能有一行；请核对后只保留一份',
  },
  'LS-FORM-026': { message: '文件不存在', fix: '检查文件名和路径' },
  'LS-FORM-027': { message: '目录中没有 .xlsx 或 .csv 文件', fix: '把填好的表格放进这个目录，或直接给出文件名' },
  'LS-FORM-028': {
    message: '这是 OpenDocument 表格（.ods，LibreOffice 或 WPS 保存的格式），不是 .xlsx，无法导入',
    hint: '请在 LibreOffice、WPS 或 Excel 中打开，「另存为」→「Excel 工作簿（*.xlsx）」后再导入',
  },
  'LS-FORM-029': {
    message: '不是 Excel 表格：文件名是 .xlsx，内容却不是电子表格（可能是网页、PDF 或文本改了扩展名）',
    hint: '请用 npm run forms 发出的表格填写，在 Excel 或 WPS 中保存为 .xlsx 后再导入',
  },
  'LS-FORM-030': {
    message: '不是 Excel 表格：文件名是 .xlsx，内容是其他压缩包或文档（如 Word 的 .docx），其中没有工作簿',
    hint: '请用 npm run forms 发出的表格填写，在 Excel 或 WPS 中保存为 .xlsx 后再导入',
  },
  'LS-FORM-031': { message: '月份 {month} 不属于 {year} 年度', hint: '检查月份；每个年度的表格只能报该年度的月份' },
  'LS-FORM-032': {
    message: '无法建立导入锁 {file}：{detail}',
    hint: '检查内容目录是否存在、是否有写入权限，然后重新导入',
  },
  'LS-FORM-033': {
    message: '等待 {seconds} 秒后，另一个导入仍在进行（{holder}），本次没有改动任何内容',
    hint: '请稍后重试；如确认没有导入在运行，删除 {file} 后重试',
  },
  'LS-FORM-034': { message: '内容目录 {content} 不在仓库 {repo} 中', hint: '收件箱只导入本仓库中的内容目录：检查 --content' },
  'LS-FORM-035': {
    message: '内容目录有未提交的改动，收件箱不导入（以免把这些改动一起提交）：{changes}',
    hint: '请先提交或撤销这些改动',
  },
  'LS-FORM-036': {
    message: '导入后的内容未通过校验，已撤销内容改动：{issues}',
    hint: '按上面列出的问题改正表格或内容后重新导入',
  },
  'LS-FORM-037': {
    message: '导入失败：内容目录 {root} 没有任何改动',
    hint: '按上面列出的问题修改表格后重新导入',
  },
  'LS-FORM-038': {
    message: '“指标”一格被改动，无法确定是该事项的哪个指标',
    hint: '不要改动预填的“指标”列：它以指标序号开头，如“1. 加装电梯（部）”；可重新生成表格后再填',
  },

  // A year's notice being imported (npm run import-notice) -------------------------------------
  'LS-NTC-001': {
    message:
      '无法识别表头（前 6 行中没有同时含“序号、任务/内容、牵头领导、责任单位”等列名的一行）；可用 --map 列名=字段 指定。第一行为：{first}',
    fix: '用 --map 列名=字段 说明各列，如 --map 工作内容=text',
  },
  'LS-NTC-002': {
    message:
      '无法判断是主要工作任务表还是民生实事表（标题「{title}」，表头 {headers}）；请在表格上方加标题，或用 --kind {source}=tasks 或 =programme 指定',
    fix: '在表格上方加标题，或用 --kind 表名=tasks（或 =programme）指定',
  },
  'LS-NTC-003': {
    message: '又一张{kind}表：一个年度每类只能有一张表（可用 --kind 指定各表的类型）',
    fix: '用 --kind 指定各表的类型，或删去重复的表',
  },
  'LS-NTC-004': {
    message: '缺少列：{missing}（表头为 {headers}；可用 --map 列名=字段 指定）',
    fix: '用 --map 列名=字段 指出这一列',
  },
  'LS-NTC-005': { message: '这一行的单元格比表头少（表头 {columns} 列）', fix: '在原表中补齐这一行的单元格（合并单元格请拆开）' },
  'LS-NTC-006': { message: '这一行的单元格比表头多：{extra}', fix: '删去多出的单元格，或把内容移入应在的列' },
  'LS-NTC-007': { message: '这一行没有序号', fix: '补上序号；标题行只能有类别一格' },
  'LS-NTC-008': { message: '序号「{no}」不是正整数', fix: '序号写作 1、2、3……' },
  'LS-NTC-009': { message: '序号 {no} 不连续（上一项为 {last}）', fix: '检查是否漏行或序号写错' },
  'LS-NTC-010': { message: '任务内容为空', fix: '补上任务内容' },
  'LS-NTC-012': { message: '责任单位为空', fix: '补上责任单位' },
  'LS-NTC-013': { message: '第一项之前没有类别', fix: '在第一项之前加上类别行（如“一、居住舒心工程”）' },
  'LS-NTC-014': {
    message: '无法从表格标题「{title}」得出民生实事项目的名称；请用 --programme 名称 指定',
    fix: '用 --programme 名称 指定',
  },
  'LS-NTC-015': {
    message: '没有找到任务分解表（共读到 {count} 张表）',
    fix: '检查文件是否为立项通知及其附件；表格须有序号、内容、牵头领导、责任单位等列',
  },
  'LS-NTC-016': {
    message: '{file} 是旧版 Word、Excel 或 WPS 文件（.doc、.xls、.wps、.et），无法读取',
    hint: '请在 Word、Excel 或 WPS 中打开，「另存为」.docx（文档）或 .xlsx（表格）后再导入',
  },
  'LS-NTC-017': {
    message: '{file} 是 OpenDocument 文件（.odt、.ods，LibreOffice 或 WPS 保存的格式），无法读取',
    hint: '请在 LibreOffice、WPS 或 Office 中打开，「另存为」.docx（文档）或 .xlsx（表格）后再导入',
  },
  'LS-NTC-018': {
    message: '{file} 的内容不是 Word 文档或 Excel 表格（可能是网页、PDF 或其他文件改了扩展名）',
    hint: '请使用通知的 .docx 或 .xlsx 原件，或把通知全文另存为文本（.txt，UTF-8）',
  },
  'LS-NTC-019': {
    message: '不支持的文件类型「{ext}」：{file}',
    hint: '请使用 .xlsx、.docx、可选中文字的 .pdf 或通知的文本（.txt，UTF-8）',
  },
  'LS-NTC-020': { message: '{file} 读取失败：{issues}', hint: '先改正这个文件中的问题，再导入通知' },
  'LS-NTC-021': {
    message: '{year} 年度已有 {files}，未写入任何文件',
    hint: '确认要用通知内容覆盖时加 --replace',
  },
  'LS-NTC-022': {
    message: '导入未完成，未写入任何文件。共 {count} 处错误：{errors}',
    hint: '按上面列出的问题改正通知文件，或用 --map、--kind 说明表格，然后重新导入',
  },
  'LS-NTC-023': {
    message: '导入后的内容未通过校验，未写入任何文件：{issues}',
    hint: '按上面列出的问题改正（多为名录中缺少的单位或领导），然后重新导入',
  },
  'LS-NTC-030': {
    message: '{file} 是扫描图像（PDF 中没有文字层），无法读取其中的表格',
    hint: '请向印发机关索取通知的 .docx 或 .xlsx 原件，或可选中文字的 PDF；也可用文字识别（OCR）软件识别后核对，另存为文本（.txt，UTF-8）再导入',
  },
  'LS-NTC-031': {
    message: '{file} 无法作为 PDF 打开（文件已损坏、不完整或设有打开密码）',
    hint: '请重新下载或向印发机关索取完整的文件；设有密码的，请先在 PDF 阅读器中去掉密码再另存',
  },
  'LS-NTC-032': {
    message: '{file} 第 {page} 页的表格没有框线，无法可靠地分出各行各列',
    hint: '请使用通知的 .docx 或 .xlsx 原件；或在 Word、WPS 中给表格加上框线后另存为 PDF',
  },

  // A command's arguments and preconditions (every npm run …) ----------------------------------
  'LS-CLI-001': { message: '未知的选项 {option}', hint: SEE_HELP },
  'LS-CLI-002': { message: '多余的参数：{value}', hint: SEE_HELP },
  'LS-CLI-003': { message: '选项缺少取值：{option}', hint: '在选项后写上取值，如 --month 2020-07' },
  'LS-CLI-004': { message: '参数错误：{detail}', hint: SEE_HELP },
  'LS-CLI-005': { message: '请用 --month 指定月份', hint: '写作 --month YYYY-MM，如 --month 2020-07' },
  'LS-CLI-006': { message: '月份「{value}」无效', hint: '写作 YYYY-MM，如 2020-07' },
  'LS-CLI-007': { message: '日期「{value}」无效', hint: '写作 YYYY-MM-DD，如 2020-08-05' },
  'LS-CLI-008': { message: '年度「{value}」无效', hint: '写作 4 位数字，如 2020' },
  'LS-CLI-009': { message: '季度「{value}」无效', hint: '写作 年份Q季度，如 2020Q2' },
  'LS-CLI-010': {
    message: '请指定 --month 或 --quarter 之一',
    hint: '如 --month 2020-07（月度通报）或 --quarter 2020Q2（季度通报）',
  },
  'LS-CLI-011': { message: '请用 --month 指定月份，或用 --plan 生成计划表', hint: '如 --month 2020-07，或 --plan --year 2020' },
  'LS-CLI-012': { message: '请指定要导入的文件或目录', hint: '如 npm run import -- inbox/2020-07/' },
  'LS-CLI-013': { message: '请给出一个目录', hint: '在命令后写上目录，见下面的用法' },
  'LS-CLI-014': { message: '请给出一个通知文件', hint: '如 npm run import-notice -- 通知.docx --year 2021' },
  'LS-CLI-015': { message: '请用 --year 给出年度', hint: '写作 4 位数字，如 --year 2021' },
  'LS-CLI-016': { message: '--map {value} 应写作 表头=字段', hint: '字段为 {fields}' },
  'LS-CLI-017': { message: '--kind {value} 应写作 表=tasks 或 表=programme', hint: '如 --kind 附件1=tasks' },
  'LS-CLI-018': { message: '当前目录不在 git 仓库中', hint: '收件箱要在仓库的工作目录中运行：先 cd 到仓库' },
  'LS-CLI-019': {
    message: '内容中没有 {year} 年度（现有：{years}）',
    hint: '检查年度或月份；或先建立该年度的目录（见 docs/FORMATS.md）',
  },
  'LS-CLI-020': {
    message: '内容目录未通过校验，先修复这些问题：{issues}',
    hint: '运行 npm run validate 查看全部问题，改正后重新运行',
  },
  'LS-CLI-021': { message: '{dir} 已有文件，不会覆盖', hint: '请指定一个新目录' },
  'LS-CLI-022': { message: '找不到文件 {file}', hint: '检查文件名和路径' },
  'LS-CLI-023': { message: '{root} 不是内容目录（没有 site.json）', hint: '新地区请先运行 npm run new-site -- 目录' },
  'LS-CLI-024': { message: '{file} 已存在（可能已修改过文字）', hint: '确需重新生成请加 --force' },
  'LS-CLI-025': { message: '未知的单位「{unit}」', hint: '请使用 units.csv 中的编号，如 {example}' },
  'LS-CLI-026': { message: '{unit}在 {year} 年度没有牵头的事项，无需填报', hint: '检查单位编号和年度' },
  'LS-CLI-027': { message: '--months 应为 1–12 的整数，实际为「{value}」', hint: '如 --months 6' },
  'LS-CLI-028': {
    message: '{year}/manifest.json 中 sample 不是 true：该年度的计划和月报应为真实数据，示例生成器不会覆盖',
    hint: '示例数据只能生成到 sample 为 true 的年度',
  },
  'LS-CLI-029': {
    message: '数据日期 {date} 早于 {month} 月报的报送期',
    hint: '请减少 --months，或更新 manifest.json 的 data_date',
  },

  // The holiday calendar --------------------------------------------------------------------
  'LS-CAL-001': {
    message: '{year} 年的节假日安排（放假和调休上班的日期）尚未收录，无法按工作日计算该年的日期（如报送期限）',
    hint: '国务院办公厅发布《关于{year}年部分节假日安排的通知》后，按通知逐日填写 content/holidays/{year}.csv（格式见 docs/FORMATS.md「节假日安排」，填写示例见 docs/GUIDE.md），再重新运行；在此之前不能推算，也不要估计',
  },
  'LS-CAL-002': {
    message: '节假日安排目录中只能有以年份命名的 CSV 文件',
    hint: '文件名写作 YYYY.csv，如 2027.csv，每年一个；其他文件请移出 content/holidays/',
  },
  'LS-CAL-003': { message: '日期不存在或写法有误，应写作 YYYY-MM-DD', hint: '如 2026-10-01；每天一行' },
  'LS-CAL-004': {
    message: '日期在 {other} 年，不属于本文件的 {year} 年',
    hint: '每个文件只写文件名那一年的日期；跨年的假期（如元旦）分别写入两年的文件',
  },
  'LS-CAL-005': { message: '日期重复（第 {first} 行已有）', hint: '每天只写一行：删除多余的一行' },
  'LS-CAL-006': { message: '类型只能是“休”或“班”', hint: '休：放假的日子（含假期中的周末）；班：调休上班的周六或周日' },
  'LS-CAL-007': {
    message: '{date} 是星期{weekday}，本来就上班，不能标为“班”',
    hint: '“班”只用于调休上班的周六、周日；请对照通知检查日期',
  },
  'LS-CAL-008': { message: '节日名称为空', hint: '如 元旦、春节、国庆节' },
  'LS-CAL-009': {
    message: '文件中没有任何日期：{year} 年将被当作没有任何节假日',
    hint: '按《关于{year}年部分节假日安排的通知》逐日填写；尚未发布则删除本文件',
  },
  // The site's build ---------------------------------------------------------------------------
  'LS-BLD-001': {
    message: '内容校验未通过（{count} 处错误），构建已停止',
    hint: '详见上方列表，或运行 npm run validate；改正后重新构建',
  },
  'LS-BLD-002': {
    message: '搜索索引生成失败（Pagefind）：{errors}',
    hint: '先运行 npm ci 重新安装依赖，再重新构建；仍失败请把以上信息交给网站维护人员',
  },
  'LS-BLD-003': {
    message: '找不到图表字体包 @fontsource-variable/noto-sans-sc（{dir}）',
    hint: '运行 npm ci 安装依赖后重新构建',
  },
  'LS-BLD-004': { message: '图表字体包不完整：缺少 {missing}（{dir}）', hint: '运行 npm ci 重新安装依赖后重新构建' },
  'LS-BLD-005': { message: '图表字体注册失败：{file}', hint: '运行 npm ci 重新安装依赖后重新构建' },
  'LS-BLD-006': {
    message: '图表绘制线程异常退出（退出码 {code}）',
    hint: '重新构建一次；仍失败请把构建日志交给网站维护人员',
  },
} as const satisfies Record<string, Entry>;

export type IssueCode = keyof typeof CATALOGUE;

/** The names in braces of a template: `'a {x} b {y}'` → `'x' | 'y'` (a brace around other text, `\\{ \\}`, is text). */
export type Placeholders<S> = S extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${string}${' ' | '\\' | '{'}${string}` | '' ? never : P) | Placeholders<Rest>
  : never;
type TemplatesOf<C extends IssueCode> = (typeof CATALOGUE)[C] extends { hint: infer H extends string }
  ? (typeof CATALOGUE)[C]['message'] | H
  : (typeof CATALOGUE)[C]['message'];
export type ParamName<C extends IssueCode> = Placeholders<TemplatesOf<C>>;
export type Params<C extends IssueCode> = Record<ParamName<C>, string | number>;
/** The parameters a code needs: none, or exactly its placeholders. */
export type ParamArgs<C extends IssueCode> = [ParamName<C>] extends [never] ? [] : [params: Params<C>];
export function areaOf(code: IssueCode): Area {
  return code.split('-')[1] as Area;
}

/**
 * Fill a template's placeholders. A placeholder without a value is a programming error (the
 * types prevent it where the code is known), never shown to the office as `{name}`.
 */
export function render(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) throw new LuoshiError(`error catalogue: no value for {${name}} in “${template}”`);
    return String(params[name]);
  });
}

export function renderEntry(code: IssueCode, params: Record<string, string | number>): { message: string; hint?: string } {
  const entry: Entry = CATALOGUE[code];
  return { message: render(entry.message, params), hint: entry.hint === undefined ? undefined : render(entry.hint, params) };
}

/** The problem `code` at `at` (a content file's line, a form's row, …), its message and hint from the catalogue. */
export function issueOf<C extends IssueCode, L extends object>(code: C, at: L, ...params: ParamArgs<C>): L & Coded {
  const { message, hint } = renderEntry(code, (params[0] ?? {}) as Record<string, string | number>);
  return { ...at, code, message, ...(hint === undefined ? {} : { hint }) };
}
