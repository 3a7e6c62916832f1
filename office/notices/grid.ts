/**
 * A notice's table as every reader gives it (a Grid: title, header, rows of cell texts with their
 * place in the file), and which column is which: header texts mapped to the fields the importer
 * reads (序号, 工作任务, 牵头领导, 责任单位, …), with the office's own mapping (--map) first.
 */
/** One table as read: where it came from, its title (text above the header) and its rows of cell texts. */
export interface Grid {
  /** 表 1 / sheet name / 附件1: named in every message. */
  source: string;
  title: string;
  rows: { line: number; cells: string[] }[];
  /** What the front end inferred in making the grid (paragraphs.ts), for the review list. */
  notes?: string[];
  /** Made from numbered paragraphs, not a table (import-notice says which front end read the notice). */
  paragraphs?: true;
}

export type Field =
  'no' | 'group' | 'sub' | 'lead_in' | 'text' | 'goal' | 'leaders' | 'units' | 'lead_units' | 'co_units' | 'deadline' | 'ignore';

export const FIELD_LABELS: Record<Field, string> = {
  no: '序号',
  group: '类别',
  sub: '小标题',
  lead_in: '引题',
  text: '任务/内容',
  goal: '目标值',
  leaders: '牵头领导',
  units: '责任单位',
  lead_units: '牵头单位',
  co_units: '配合单位',
  deadline: '完成时限',
  ignore: '（不导入）',
};

/** Header text → field, tried in order (the text column last: 任务 also appears in other headers). */
const HEADER_RULES: [RegExp, Field][] = [
  [/^(序号|编号|分解序号|项目序号|编码)$/, 'no'],
  [/^(类别|分类|类型|领域|板块|工程类别)$/, 'group'],
  [/^(小标题|分项|子类|类别名称)$/, 'sub'],
  [/^引题$/, 'lead_in'],
  [/领导/, 'leaders'],
  [/^(牵头单位|牵头部门|主责单位|主办单位)/, 'lead_units'],
  [/^(配合单位|配合部门|协办单位|协同单位|参与单位)/, 'co_units'],
  [/(责任单位|责任部门|承办单位|实施单位)/, 'units'],
  [/(完成时限|时限|完成时间|完成期限)/, 'deadline'],
  // A target column (numbers the import proposes as indicators); the text when the table has no other.
  [/^(目标任务|年度目标|年度目标任务|目标|目标值|任务指标)$/, 'goal'],
  [/(任务|目标|内容|事项|实事|项目名称)/, 'text'],
];

export function fieldOfHeader(header: string, overrides: Record<string, Field> = {}): Field | undefined {
  const h = header.replace(/\s+/g, '');
  if (overrides[h]) return overrides[h];
  return HEADER_RULES.find(([re]) => re.test(h))?.[1];
}

/**
 * The fields of a header row. A target header (目标任务, 年度目标 …) is the item's text when no
 * other column is: a table whose only wording column is called 目标任务 is read as before.
 */
export function fieldsOfHeader(headers: string[], overrides: Record<string, Field> = {}): (Field | undefined)[] {
  const fields = headers.map((h) => fieldOfHeader(h, overrides));
  const goals = fields.filter((f) => f === 'goal').length;
  if (!fields.includes('text') && goals === 1) return fields.map((f) => (f === 'goal' ? 'text' : f));
  return fields;
}
