/**
 * The year's indicators with their monthly values, target and value side by side (issue 22,
 * item 7): one row per reported value (content/YYYY/actuals/), with the indicator it measures,
 * the value and the target as plain numbers in the indicator's unit, the completion rate of a
 * quantity or money (empty for a standard or a bound, which have none), the value expected by
 * then and where the value stands, all as the site shows them (the item's status of that month,
 * src/core/model/progress.ts).
 *
 * Unlike every other download this table is computed, not a content file: its columns are the
 * content files' columns where they mean the same (labels from FILES in schema.ts), plus the
 * computed ones, each with its meaning for the data dictionary.
 */
import { FILES, type ColumnSpec } from '../content/schema.ts';
import { indicatorProgress, isCounted } from '../model/progress.ts';
import type { Actual, Indicator, IndicatorProgress, YearData } from '../model/types.ts';
import { formatAmount, KIND_NAME, positionWord, ratePercent } from '../present/indicator-text.ts';

/** The table's name: /data/<year>/indicator-progress.csv and .json. */
export const PROGRESS_TABLE = 'indicator-progress';

/** A column of the table: its spec, and its type and allowed values for the data dictionary. */
export interface DerivedColumn extends ColumnSpec {
  type: string;
  allowed: string;
}

const indicators = FILES.indicators.columns;
const actuals = FILES.actuals.columns;
const NUMBER = '数字（小数点，不带单位、逗号或万），按计量单位计';

export const PROGRESS_SPEC: { title: string; columns: Record<string, DerivedColumn> } = {
  title: '指标完成情况（目标与累计完成数，计算所得）',
  columns: {
    item: { ...indicators.item, type: '事项编号', allowed: 'T 或 P 加序号，如 T37、P5' },
    no: { ...indicators.no, type: '整数', allowed: 'indicators 中该事项的指标序号' },
    name: { ...indicators.name, type: '文本', allowed: 'indicators 中的指标名称' },
    kind: { ...indicators.kind, type: '枚举', allowed: Object.values(KIND_NAME).join('、') },
    measure: { ...indicators.measure, type: '文本', allowed: 'indicators 中的计量单位' },
    goal: { ...indicators.goal, meaning: '目标数，按计量单位计，折算为数字（1.11万 写作 11100）', type: '数值', allowed: NUMBER },
    comparison: { ...indicators.comparison, type: '枚举（可空）', allowed: '不低于、不高于、左右；数量和金额为空' },
    month: { ...actuals.month, type: '月份', allowed: 'YYYY-MM，如 2020-03' },
    actual: { ...actuals.actual, meaning: `${actuals.actual.meaning}；折算为数字`, type: '数值', allowed: NUMBER },
    rate: {
      label: '完成率（%）',
      meaning: '数量和金额：累计完成 ÷ 目标值 × 100，保留一位小数，可超过 100（超额）；标准和幅度不算完成率，为空',
      hint: '',
      required: false,
      type: '数值（可空）',
      allowed: '数字，如 31.7；标准和幅度为空',
    },
    expected: {
      label: '序时进度',
      meaning: '数量和金额：到本月末应完成的数（按附件3的季度计划数，或从1月到完成时限直线推算），按计量单位计；标准和幅度为空',
      hint: '',
      required: false,
      type: '数值（可空）',
      allowed: `${NUMBER}，保留两位小数；标准和幅度为空`,
    },
    position: {
      label: '进度',
      meaning: '本月末的完成情况与序时进度或目标相比（规则见网站“关于”页面）',
      hint: '',
      required: true,
      type: '枚举',
      allowed: '已达目标、超额完成、超前于序时进度、序时推进、低于序时进度、达到目标、未达到目标',
    },
  },
};

/** A number exactly as the model holds it (no rounding, no grouping): 11100, 1.2. */
const plain = (value: number) => String(value);

/** The progress of `indicator` with `actual` as its latest value: the item's status of that month, as the site shows it. */
function progressAt(year: YearData, indicator: Indicator, actual: Actual): IndicatorProgress {
  const month = year.status.get(indicator.item)?.months.find((m) => m.month === actual.month);
  return month?.indicators.find((p) => p.indicator.no === indicator.no) ?? indicatorProgress(indicator, actual.month);
}

/** The rows: items in the year's order, each indicator's values oldest month first. */
export function progressRows(year: YearData): Record<string, string>[] {
  return year.items.flatMap((item) =>
    item.indicators.flatMap((indicator) =>
      indicator.actuals.map((actual) => {
        const p = progressAt(year, indicator, actual);
        const counted = isCounted(indicator);
        return {
          item: indicator.item,
          no: String(indicator.no),
          name: indicator.name,
          kind: KIND_NAME[indicator.kind],
          measure: indicator.target.unit,
          goal: plain(indicator.target.value),
          comparison: indicator.comparison ?? '',
          month: actual.month,
          actual: plain(actual.value.value),
          rate: counted ? ratePercent(actual.value.value / indicator.target.value) : '',
          expected: counted && p.expected !== undefined ? formatAmount(p.expected) : '',
          position: positionWord(p),
        };
      }),
    ),
  );
}
