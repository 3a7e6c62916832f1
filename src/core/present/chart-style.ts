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

export type ChartKind = 'bar-stacked' | 'line' | 'strip';

export interface ChartSeries {
  name: string;
  values: number[];
  status?: Status;
  /** For line charts: which axis the values belong to. */
  axis?: 'count' | 'share';
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
