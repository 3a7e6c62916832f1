/**
 * Progressive enhancement of <Chart> figures: draws each `canvas[data-chart]` with chart.js.
 * Without JavaScript the figure shows its data table; with it, the chart is drawn, the table is
 * hidden visually (it stays the accessible form: the canvas is aria-hidden) and a button shows
 * it again. Only the chart.js parts the charts use are imported and registered.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { chartConfig } from '../core/chart-config.ts';
import type { ChartData } from '../core/chart-style.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

function makeCanvas(width: number, height: number) {
  const c = document.createElement('canvas');
  c.width = width;
  c.height = height;
  return c;
}

function enhance(figure: HTMLElement) {
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
  try {
    new Chart(canvas, chartConfig(data, { fontFamily, createCanvas: makeCanvas, aspectRatio }));
  } catch (error) {
    holder.hidden = true;
    console.error(`chart ${data.id}:`, error);
    return;
  }
  figure.dataset.chartState = 'drawn';
  figure.classList.add('is-drawn');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'chart-table-toggle';
  button.setAttribute('aria-expanded', 'false');
  button.textContent = '显示数据表';
  button.addEventListener('click', () => {
    const open = tableWrap.classList.toggle('is-open');
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? '隐藏数据表' : '显示数据表';
  });
  tableWrap.before(button);
}

function copyButtons(root: ParentNode) {
  for (const area of root.querySelectorAll<HTMLTextAreaElement>('textarea[data-copy]')) {
    if (area.dataset.copyReady) continue;
    area.dataset.copyReady = '1';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'chart-copy';
    button.textContent = '复制';
    button.addEventListener('click', async () => {
      area.select();
      try {
        await navigator.clipboard.writeText(area.value);
        button.textContent = '已复制';
      } catch {
        button.textContent = '请按 Ctrl+C 复制';
      }
      setTimeout(() => (button.textContent = '复制'), 2000);
    });
    area.after(button);
  }
}

function run() {
  document.querySelectorAll<HTMLElement>('figure.chart').forEach(enhance);
  copyButtons(document);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
else run();
