/**
 * The one translation of a chart definition into a chart.js configuration, used by the browser
 * script (src/client/chart.ts) and by the image renderer (src/steps/chart-images.ts), so the
 * drawn chart and the static PNG/SVG cannot drift apart. Imports only chart.js *types*: the
 * browser bundle registers just the controllers and elements it uses.
 *
 * Status is never conveyed by colour alone: each status has a fill pattern (solid, diagonal
 * lines, dots, horizontal lines), the legend names it, strips print it on each cell, and the
 * tooltip names it.
 */
import type { ChartConfiguration, Plugin } from 'chart.js';
import { PROGRESS_STYLE, STATUS_STYLE, type ChartData } from './chart-style.ts';
import type { Status } from '../model/types.ts';

/** Anything with a 2D context, big enough to paint a pattern tile (an HTML canvas, or @napi-rs/canvas). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TileCanvas = { getContext(type: '2d'): any };

export interface ChartEnv {
  /** Font family for all chart text (the page's font; in Node the registered Noto Sans SC). */
  fontFamily: string;
  /** Creates a small canvas for fill patterns. Without it, fills are plain colours (labels still name each status). */
  createCanvas?: (width: number, height: number) => TileCanvas;
  /** Draw the title and the source line inside the chart (static images, which stand alone). */
  title?: string;
  /** The source line; several lines when it is wider than the image. */
  footer?: string | string[];
  /** Static images: fixed size, no animation, one device pixel per CSS pixel. */
  static?: boolean;
  /** Width/height ratio when responsive. */
  aspectRatio?: number;
  /** Elderly mode (适老模式): every chart text at least 18 px. */
  elder?: boolean;
}

/** Chart text sizes in CSS pixels: axis and legend text never below 12 px, 18 px in elderly mode. */
export function chartFontSizes(elder = false) {
  return elder ? { text: 18, label: 18, title: 24, footer: 18 } : { text: 13, label: 12, title: 18, footer: 12 };
}

const TEXT = '#1f2328';
const GRID = '#d0d7de';
const TILE = 10;

const patternCache = new WeakMap<object, Map<Status, unknown>>();

/** A canvas pattern (or the plain colour) for a status. */
function statusFill(status: Status, env: ChartEnv): unknown {
  const style = STATUS_STYLE[status];
  if (!env.createCanvas || style.pattern === 'solid') return style.color;
  let cache = patternCache.get(env);
  if (!cache) patternCache.set(env, (cache = new Map()));
  const hit = cache.get(status);
  if (hit) return hit;
  const tile = env.createCanvas(TILE, TILE);
  const ctx = tile.getContext('2d');
  ctx.fillStyle = style.color;
  ctx.fillRect(0, 0, TILE, TILE);
  ctx.strokeStyle = 'rgba(255,255,255,0.85)';
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.lineWidth = 2;
  if (style.pattern === 'diagonal') {
    ctx.beginPath();
    for (const o of [-TILE, 0, TILE]) {
      ctx.moveTo(o, TILE);
      ctx.lineTo(o + TILE, 0);
    }
    ctx.stroke();
  } else if (style.pattern === 'dots') {
    ctx.beginPath();
    ctx.arc(TILE / 2, TILE / 2, 2, 0, Math.PI * 2);
    ctx.fill();
  } else {
    ctx.fillRect(0, TILE / 2 - 1, TILE, 2);
  }
  // The render context of the chart creates the pattern from the tile canvas.
  const pattern = ctx.createPattern(tile, 'repeat') ?? style.color;
  cache.set(status, pattern);
  return pattern;
}

/** Prints a white-boxed text label on bar segments: the status on strips, the count on stacked bars. */
const labelPlugin: Plugin = {
  id: 'luoshiLabels',
  afterDatasetsDraw(chart) {
    const ctx = chart.ctx;
    const kind = (chart.options.plugins as { luoshiLabels?: { kind?: string } }).luoshiLabels?.kind;
    if (kind !== 'strip' && kind !== 'bar-stacked') return;
    const family = String(chart.options.font?.family ?? 'sans-serif');
    const size = (chart.options.plugins as { luoshiLabels?: { size?: number } }).luoshiLabels?.size ?? 12;
    ctx.save();
    ctx.font = `600 ${size}px ${family}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    chart.data.datasets.forEach((ds, di) => {
      const meta = chart.getDatasetMeta(di);
      if (meta.hidden) return;
      meta.data.forEach((el, i) => {
        const value = Number(ds.data[i]);
        if (!value) return;
        const { x, y, base, width, height } = el.getProps(['x', 'y', 'base', 'width', 'height'], true) as Record<string, number>;
        const horizontal = chart.options.indexAxis === 'y';
        const cx = horizontal ? (x + base) / 2 : x;
        const cy = horizontal ? y : (y + base) / 2;
        const along = Math.abs(horizontal ? x - base : y - base);
        const across = Math.abs(horizontal ? height : width);
        const text = kind === 'strip' ? String(ds.label) : String(value);
        const w = ctx.measureText(text).width + 6;
        const h = size + 4;
        if ((horizontal ? along : across) < w || (horizontal ? across : along) < h) return;
        ctx.fillStyle = 'rgba(255,255,255,0.92)';
        ctx.fillRect(cx - w / 2, cy - h / 2, w, h);
        ctx.fillStyle = TEXT;
        ctx.fillText(text, cx, cy + 0.5);
      });
    });
    ctx.restore();
  },
};

/** Paints a white background, so PNGs are not transparent. */
const backgroundPlugin: Plugin = {
  id: 'luoshiBackground',
  beforeDraw(chart) {
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

export function chartConfig(data: ChartData, env: ChartEnv): ChartConfiguration {
  const sizes = chartFontSizes(env.elder);
  const font = { family: env.fontFamily, size: sizes.text };
  const common = {
    responsive: !env.static,
    maintainAspectRatio: true,
    aspectRatio: env.aspectRatio ?? 16 / 9,
    animation: env.static ? (false as const) : undefined,
    devicePixelRatio: env.static ? 1 : undefined,
    color: TEXT,
    font,
    layout: { padding: env.static ? 12 : 4 },
  };
  const titlePlugins = {
    title: env.title
      ? {
          display: true,
          text: env.title,
          color: TEXT,
          font: { family: env.fontFamily, size: sizes.title, weight: 'bold' as const },
          padding: { top: 4, bottom: 8 },
        }
      : { display: false },
    subtitle: env.footer
      ? {
          display: true,
          position: 'bottom' as const,
          text: env.footer,
          color: '#57606a',
          font: { family: env.fontFamily, size: sizes.footer },
          padding: { top: 8 },
        }
      : { display: false },
  };
  const legend = {
    position: 'top' as const,
    labels: { color: TEXT, font, boxWidth: 18, boxHeight: 12 },
  };
  const tick = { color: TEXT, font };

  if (data.kind === 'progress') {
    // One indicator in its own unit, on one axis: the reported cumulative value, the expected
    // line and the target. The axis is not capped at the target: above it is 超额.
    return {
      type: 'line',
      data: {
        labels: data.labels,
        datasets: data.series.map((s) => {
          const style = PROGRESS_STYLE[s.role ?? 'actual'];
          const actual = s.role === 'actual' || s.role === undefined;
          return {
            label: s.name,
            data: s.values,
            borderColor: style.color,
            backgroundColor: style.color,
            borderWidth: actual ? 2.5 : 2,
            borderDash: style.dash,
            pointStyle: style.point,
            pointRadius: actual ? 5 : s.role === 'expected' ? 4 : 0,
            pointHoverRadius: actual ? 6 : 4,
            // A month without a reported value is a gap in the data: the line joins the months around it.
            spanGaps: true,
            tension: 0,
          };
        }),
      },
      options: {
        ...common,
        plugins: {
          ...titlePlugins,
          legend: { ...legend, labels: { ...legend.labels, usePointStyle: true } },
          tooltip: { bodyFont: font, titleFont: font },
        },
        scales: {
          x: { ticks: tick, grid: { color: GRID } },
          y: {
            type: 'linear',
            position: 'left',
            beginAtZero: true,
            // Room above the target line, so that it does not sit on the frame.
            grace: '5%',
            ticks: tick,
            grid: { color: GRID },
            title: { display: true, text: data.valueLabel ?? '', color: TEXT, font },
          },
        },
      },
      plugins: [backgroundPlugin],
    };
  }

  if (data.kind === 'line') {
    // One measure, one axis: a count out of the total (the axis top), never a second scale.
    return {
      type: 'line',
      data: {
        labels: data.labels,
        datasets: data.series.map((s) => {
          const color = STATUS_STYLE[s.status ?? '已完成'].color;
          return {
            label: s.name,
            data: s.values,
            borderColor: color,
            backgroundColor: color,
            borderWidth: 2.5,
            pointStyle: 'circle',
            pointRadius: 5,
            tension: 0,
          };
        }),
      },
      options: {
        ...common,
        plugins: {
          ...titlePlugins,
          legend: { ...legend, labels: { ...legend.labels, usePointStyle: true } },
          tooltip: { bodyFont: font, titleFont: font },
        },
        scales: {
          x: { ticks: tick, grid: { color: GRID } },
          y: {
            type: 'linear',
            position: 'left',
            beginAtZero: true,
            max: data.valueMax,
            ticks: { ...tick, precision: 0 },
            grid: { color: GRID },
            title: { display: true, text: data.valueLabel ?? '事项数（项）', color: TEXT, font },
          },
        },
      },
      plugins: [backgroundPlugin],
    };
  }

  const strip = data.kind === 'strip';
  const horizontal = data.orientation === 'horizontal';
  const valueAxis = {
    stacked: true,
    beginAtZero: true,
    display: !strip,
    ticks: { ...tick, precision: 0 },
    grid: { color: GRID },
    title: { display: !strip, text: data.valueLabel ?? '事项数（项）', color: TEXT, font },
    max: strip ? 1 : data.valueMax,
  };
  const indexAxis = { stacked: true, ticks: { ...tick, autoSkip: false }, grid: { display: false } };
  return {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.series.map((s) => ({
        label: s.name,
        data: s.values,
        // chart.js accepts CanvasPattern wherever it accepts a colour.
        backgroundColor: (s.status ? statusFill(s.status, env) : '#57606a') as string,
        borderColor: '#ffffff',
        borderWidth: strip ? 2 : 1,
        borderSkipped: false,
        barPercentage: strip ? 1 : 0.8,
        categoryPercentage: strip ? 1 : 0.8,
      })),
    },
    options: {
      ...common,
      indexAxis: horizontal ? 'y' : 'x',
      plugins: {
        ...titlePlugins,
        legend,
        tooltip: {
          bodyFont: font,
          titleFont: font,
          filter: (item: { raw: unknown }) => Number(item.raw) > 0,
          callbacks: strip ? { label: (item: { dataset: { label?: string } }) => String(item.dataset.label) } : {},
        },
        luoshiLabels: { kind: data.kind, size: sizes.label },
      } as never,
      scales: horizontal ? { x: valueAxis, y: indexAxis } : { x: indexAxis, y: valueAxis },
    },
    plugins: [backgroundPlugin, labelPlugin],
  };
}
