/**
 * Draws one <Chart> figure's `canvas[data-chart]` with chart.js. Loaded by chart.ts only when a
 * figure comes near the viewport. With the chart drawn, the table is hidden visually (it stays
 * the accessible form: the canvas is aria-hidden) and a button shows it again. Only the
 * chart.js parts the charts use are imported and registered.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { chartConfig, chartFontSizes } from '../core/present/chart-config.ts';
import type { ChartData } from '../core/present/chart-style.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

function makeCanvas(width: number, height: number) {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return c;
}

export function enhance(figure: HTMLElement) {
  if (figure.dataset.chartState) return;
  const canvas = figure.querySelector<HTMLCanvasElement>('canvas[data-chart]');
  const holder = figure.querySelector<HTMLElement>('.chart-canvas');
  const tableWrap = figure.querySelector<HTMLElement>('.chart-table');
  if (!canvas || !holder || !tableWrap) return;
  let data: ChartData;
  try {
    data = JSON.parse(canvas.dataset.chart ?? '');
  } catch {
    return; // the table is still there
  }
  holder.hidden = false;
  const narrow = holder.clientWidth < 560;
  const aspectRatio = !narrow ? 16 / 9 : data.orientation === 'horizontal' ? 0.8 : 1.2;
  const fontFamily = getComputedStyle(figure).fontFamily || 'sans-serif';
  // Elderly mode (class set by /mode.js, or the no-JS #elder target): chart text follows it.
  const root = document.documentElement;
  const elder = root.classList.contains('elder') || !!document.querySelector('#elder:target');
  try {
    new Chart(
      canvas,
      chartConfig(data, {
        fontFamily,
        createCanvas: makeCanvas,
        aspectRatio: elder && narrow ? aspectRatio * 0.8 : aspectRatio,
        elder,
      }),
    );
  } catch (error) {
    holder.hidden = true;
    console.error(`chart ${data.id}:`, error);
    return;
  }
  figure.dataset.chartState = 'drawn';
  // The smallest chart text size drawn, for the tests (12 px, 18 px in elderly mode).
  figure.dataset.chartFont = String(Math.min(...Object.values(chartFontSizes(elder))));
  // Hidden visually until asked for: out of the tab order meanwhile.
  tableWrap.tabIndex = -1;
  figure.classList.add('is-drawn');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'chart-table-toggle';
  button.setAttribute('aria-expanded', 'false');
  button.textContent = '显示数据表';
  button.addEventListener('click', () => {
    const open = tableWrap.classList.toggle('is-open');
    tableWrap.tabIndex = open ? 0 : -1;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? '隐藏数据表' : '显示数据表';
  });
  tableWrap.before(button);
}
