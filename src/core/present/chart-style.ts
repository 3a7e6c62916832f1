/**
 * Status colours and fill patterns shared by every chart form. No imports beyond types, so the
 * browser bundle that draws charts stays small (chart-config.ts imports only this).
 */
import type { Status } from '../model/types.ts';

/**
 * One colour per status, each at least 3:1 against white (WCAG 1.4.11), always paired with a
 * fill pattern and a text label so that status is never conveyed by colour alone.
 */
export const STATUS_STYLE: Record<
  Status,
  { color: string; pattern: 'solid' | 'diagonal' | 'dots' | 'horizontal'; patternLabel: string }
> = {
  已完成: { color: '#1a7f37', pattern: 'solid', patternLabel: '实心' },
  序时推进: { color: '#0b5cad', pattern: 'diagonal', patternLabel: '斜线' },
  滞后: { color: '#b93a0c', pattern: 'dots', patternLabel: '圆点' },
  未报送: { color: '#5f6673', pattern: 'horizontal', patternLabel: '横线' },
};

/**
 * bar-stacked: items by status; line: completed items over months; strip: one row of cells;
 * progress: one indicator's cumulative actual against its expected line and its target, in its unit.
 */
export type ChartKind = 'bar-stacked' | 'line' | 'strip' | 'progress';

/** A line of a progress chart: what was reported, what was expected by then, the target. */
export type ProgressRole = 'actual' | 'expected' | 'target';

/**
 * How each line of a progress chart is drawn: a colour at least 3:1 against white, and a point
 * shape and dash of its own (the legend shows the shape), so no line is told by colour alone.
 */
export const PROGRESS_STYLE: Record<ProgressRole, { color: string; point: 'circle' | 'triangle' | 'line'; dash: number[] }> = {
  actual: { color: '#0b5cad', point: 'circle', dash: [] },
  expected: { color: '#8a4600', point: 'triangle', dash: [6, 4] },
  target: { color: '#1a7f37', point: 'line', dash: [2, 3] },
};

export interface ChartSeries {
  name: string;
  /** null: no value that month (a month without a reported value on a progress chart). */
  values: (number | null)[];
  status?: Status;
  /** For line charts: which axis the values belong to. */
  axis?: 'count' | 'share';
  /** For progress charts: which line this is. */
  role?: ProgressRole;
}

/** What the browser and the image renderer need to draw a chart (the `data-chart` attribute). */
export interface ChartData {
  id: string;
  kind: ChartKind;
  /** Bars along the y axis (long Chinese category labels), or along x. */
  orientation: 'horizontal' | 'vertical';
  labels: string[];
  series: ChartSeries[];
  /** The top of the value axis (a count out of this total). */
  valueMax?: number;
  /** The value axis title (default 事项数（项）). */
  valueLabel?: string;
}
