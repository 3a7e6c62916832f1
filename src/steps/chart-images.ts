/**
 * node src/steps/chart-images.ts [--out dist/charts] [--content DIR] [--no-cache] [--only ID,ID]
 *
 * Renders every chart that has images (src/core/present/charts.ts, `hasImages`) as a static image with chart.js on @napi-rs/canvas,
 * using the same configuration as the browser (src/core/present/chart-config.ts): dist/charts/<id>.png
 * (800×450) and dist/charts/<id>.svg (text kept as editable text in a common CJK font stack:
 * converting it to glyph outlines made each SVG ~10× larger, 84 MB for the bundled site; the
 * PNG is the pixel-exact form). Chinese
 * text is drawn with Noto Sans SC from @fontsource-variable/noto-sans-sc (every .woff2 subset
 * registered under one family): no system font is assumed.
 *
 * Each chart is drawn twice: `<id>.png`/`<id>.svg` and, with every text at least 18 px for
 * elderly mode (适老模式), `<id>.elder.png`/`<id>.elder.svg` (the pages link to those in that mode).
 *
 * Run by the build (src/integrations/chart-images.ts) while the pages render, before
 * Pagefind; this CLI renders into an existing site folder. Images are cached by a
 * hash of what is drawn (and of this renderer's code) in node_modules/.cache/luoshi-charts/
 * (LUOSHI_CACHE_DIR/charts/ when that is set),
 * so an unchanged chart is copied, not re-rendered.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { collectGarbage } from './garbage-collection.ts';
import { parseArgs } from 'node:util';
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import { createCanvas, GlobalFonts, SvgExportFlag } from '@napi-rs/canvas';
import { Chart, registerables } from 'chart.js';
import { chartConfig, chartFontSizes } from '../core/present/chart-config.ts';
import { chartData, chartIds, getChart, hasImages, type ChartSpec } from '../core/present/charts.ts';
import { loadContentOrThrow } from '../core/content/load.ts';
import type { Dataset } from '../core/model/types.ts';
import { buildDate, contentRoot } from '../core/content/paths.ts';
import { encodePng } from './png.ts';
import { LuoshiError, coded } from '../core/errors/errors.ts';

export const WIDTH = 800;
export const HEIGHT = 450;
/** The family name every Noto Sans SC subset is registered under. */
export const FONT_FAMILY = 'Luoshi Noto Sans SC';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

Chart.register(...registerables);

const FONT_DIR = path.join(root, 'node_modules/@fontsource-variable/noto-sans-sc');

/** The font package's subsets, each with its unicode ranges (unicode.json: "[12]" → "U+4e00-4e3f,…"). */
let subsets: { file: string; ranges: [number, number][] }[] | undefined;
function fontSubsets() {
  if (subsets) return subsets;
  const dir = path.join(FONT_DIR, 'files');
  if (!existsSync(dir)) throw coded(LuoshiError, 'LS-BLD-003', { dir });
  const unicode = JSON.parse(readFileSync(path.join(FONT_DIR, 'unicode.json'), 'utf8')) as Record<string, string>;
  subsets = Object.entries(unicode).map(([key, list]) => ({
    file: path.join(dir, `noto-sans-sc-${key.replace(/^\[|\]$/g, '')}-wght-normal.woff2`),
    ranges: list.split(',').map((r) => {
      const [a, b = a] = r.trim().replace(/^U\+/i, '').split('-');
      return [Number.parseInt(a, 16), Number.parseInt(b, 16)] as [number, number];
    }),
  }));
  const missing = subsets.filter((s) => !existsSync(s.file));
  if (missing.length || subsets.length === 0)
    throw coded(LuoshiError, 'LS-BLD-004', {
      missing: missing.map((s) => path.basename(s.file)).join('、') || '.woff2 文件',
      dir,
    });
  return subsets;
}

const registered = new Set<string>();
const covered = new Set<number>();

/**
 * Registers the Noto Sans SC subsets under FONT_FAMILY: those that cover a character of `text`,
 * or all of them without `text`. Returns how many are registered in all.
 *
 * Why not all at once: with the package's 101 subsets in one family, Skia searches them for
 * every glyph, and drawing a chart took 37 ms; with the dozen subsets its text needs, 8 ms
 * (measured on the bundled dataset's unit charts). The drawn glyphs are the same: each
 * character comes from the one subset whose unicode range holds it.
 */
export function registerFonts(text?: string): number {
  const wanted = new Set<string>();
  const all = fontSubsets();
  if (text === undefined) for (const s of all) wanted.add(s.file);
  else {
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (covered.has(c)) continue;
      covered.add(c);
      for (const s of all) if (s.ranges.some(([a, b]) => c >= a && c <= b)) wanted.add(s.file);
    }
  }
  for (const file of wanted) {
    if (registered.has(file)) continue;
    if (!GlobalFonts.registerFromPath(file, FONT_FAMILY)) throw coded(LuoshiError, 'LS-BLD-005', { file });
    registered.add(file);
  }
  return registered.size;
}

/** Text the static chart configuration may draw besides the data (axis titles, legends). */
let configText: string | undefined;

/** Every character a chart's image can draw: its data, title and footer, and the configuration's own words. */
export function chartText(spec: ChartSpec): string {
  configText ??= readFileSync(path.join(root, 'src/core/present/chart-config.ts'), 'utf8');
  return `${JSON.stringify(chartData(spec))}${spec.title}${footerOf(spec)}${configText}`;
}

/** The footer line drawn under every static image. */
export function footerOf(spec: ChartSpec): string {
  return `来源：${spec.source}。数据截至${spec.dataDate}。`;
}

/**
 * `text` broken into lines no wider than `width` at the footer's size, measured with the
 * registered font; a break goes after punctuation where one fits. The source line ran past the
 * right edge of wide charts in elderly mode (18 px), cutting off the data date.
 */
export function wrapFooter(text: string, elder: boolean, width = WIDTH - 24): string[] {
  const key = `${elder ? 1 : 0}|${width}|${text}`;
  const known = wrappedFooters.get(key);
  if (known) return known;
  const ctx = createCanvas(1, 1).getContext('2d');
  ctx.font = `${chartFontSizes(elder).footer}px ${FONT_FAMILY}`;
  const fits = (s: string) => ctx.measureText(s).width <= width;
  const lines: string[] = [];
  let rest = text;
  while (!fits(rest)) {
    // The longest prefix that fits (at least one character), found by halving: a prefix's width
    // grows with its length. Measured one character longer at a time it was a quarter of the
    // drawing time of the bundled dataset's charts (measureText of ever longer CJK strings).
    let fit = 1;
    for (let lo = 1, hi = rest.length - 1; lo <= hi;) {
      const mid = (lo + hi) >> 1;
      if (fits(rest.slice(0, mid))) {
        fit = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const punct = Math.max(...['；', '。', '，', '）', '、'].map((p) => rest.lastIndexOf(p, fit - 1)));
    const cut = punct >= fit / 2 ? punct + 1 : fit;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  const wrapped = [...lines, rest];
  wrappedFooters.set(key, wrapped);
  return wrapped;
}

/** wrapFooter's answers: a chart's PNG and SVG draw the same footer, and many charts share one source. */
const wrappedFooters = new Map<string, string[]>();

function config(spec: ChartSpec, makeCanvas: (w: number, h: number) => unknown, elder = false) {
  return chartConfig(chartData(spec), {
    elder,
    fontFamily: FONT_FAMILY,
    static: true,
    title: spec.title,
    footer: wrapFooter(footerOf(spec), elder),
    createCanvas: (w, h) => makeCanvas(w, h) as never,
  });
}

function draw(ctx: unknown, spec: ChartSpec, elder = false) {
  const chart = new Chart(
    ctx as never,
    config(spec, (w, h) => createCanvas(w, h), elder),
  );
  return chart;
}

/** The chart as an 800×450 PNG (encoded by src/steps/png.ts: the canvas's pixels, a third smaller than its own PNG). */
export function renderPng(spec: ChartSpec, elder = false): Buffer {
  registerFonts(chartText(spec));
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext('2d');
  const chart = draw(ctx, spec, elder);
  const png = encodePng(WIDTH, HEIGHT, ctx.getImageData(0, 0, WIDTH, HEIGHT).data);
  chart.destroy();
  return png;
}

/** Fonts a reader's machine is likely to have for Chinese, after the one the PNG uses. */
export const SVG_FONT_STACK = "'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/** The chart as SVG with its text as text (small, editable), in a CJK font stack. */
export function renderSvg(spec: ChartSpec, elder = false): Buffer {
  registerFonts(chartText(spec));
  const canvas = createCanvas(WIDTH, HEIGHT, SvgExportFlag.NoPrettyXML);
  const chart = draw(canvas.getContext('2d'), spec, elder);
  chart.destroy();
  return Buffer.from(compactSvg(canvas.getContent().toString('utf8')));
}

const TEXT_RUN = /<text ([^>]*?)x="([^"]*)" y="([^"]*)">([^<]*)<\/text>/g;
const numbers = (list: string) => list.split(/[\s,]+/).filter(Boolean);

/**
 * Skia's SVG, smaller and the same from run to run; what it draws does not change.
 * - The font is named once, on the root (text inherits it), and as the CJK font stack: the
 *   canvas names the registered variable font's first instance ("… Thin") on every glyph.
 * - Skia writes one `<text>` per glyph; neighbours with the same attributes and baseline become
 *   one `<text>` with a list of x positions (SVG places the n-th glyph at the n-th x).
 * - Coordinates keep two decimals (1/100 px of an 800 px chart).
 * - Identical hatch patterns (each an embedded PNG) are defined once.
 * - Clip-path ids are numbered in order: Skia numbers them across everything a thread has
 *   drawn, so the same chart got other ids in another build.
 * The large dataset's SVGs went from 84 kB to ~30 kB each.
 */
export function compactSvg(svg: string): string {
  let out = svg.replace(/ font-family="[^"]*"/g, '').replace('<svg ', `<svg font-family="${SVG_FONT_STACK}" `);
  out = out.replace(/(-?\d+\.\d{3,})/g, (n) => String(Math.round(Number(n) * 100) / 100));
  // Merge runs of glyphs.
  const merged: string[] = [];
  let run: { attrs: string; y: string; xs: string[]; text: string } | undefined;
  let last = 0;
  const flush = () => {
    if (run) merged.push(`<text ${run.attrs}x="${run.xs.join(' ')}" y="${run.y}">${run.text}</text>`);
    run = undefined;
  };
  for (const m of out.matchAll(TEXT_RUN)) {
    const [whole, attrs, x, y, text] = m;
    const between = out.slice(last, m.index);
    const xs = numbers(x);
    const ys = numbers(y);
    const simple = ys.length === 1 && xs.length === [...text.replace(/&[^;]+;/g, '_')].length;
    if (between !== '' || !simple || !run || run.attrs !== attrs || run.y !== ys[0]) {
      flush();
      merged.push(between);
      if (simple) run = { attrs, y: ys[0], xs, text };
      else merged.push(whole);
    } else {
      run.xs.push(...xs);
      run.text += text;
    }
    last = m.index + whole.length;
  }
  flush();
  merged.push(out.slice(last));
  out = merged.join('');
  // One definition per distinct hatch pattern.
  const patternOf = new Map<string, string>();
  const alias = new Map<string, string>();
  out = out.replace(
    /<defs><pattern id="(pattern_\d+)"([^>]*)><image id="img_\d+"([^>]*)\/><\/pattern><\/defs>/g,
    (whole, id: string, attrs: string, image: string) => {
      const key = `${attrs}|${image}`;
      const first = patternOf.get(key);
      if (first) {
        alias.set(id, first);
        return '';
      }
      patternOf.set(key, id);
      return whole;
    },
  );
  out = out.replace(/url\(#(pattern_\d+)\)/g, (whole, id: string) => (alias.has(id) ? `url(#${alias.get(id)})` : whole));
  // Clip-path ids in order of first appearance.
  const clips = new Map<string, string>();
  return out.replace(/\bcl_[0-9a-f]+\b/g, (id) => {
    if (!clips.has(id)) clips.set(id, `c${clips.size}`);
    return clips.get(id)!;
  });
}

/** Hash of the renderer's own code: a change to it invalidates every cached image. */
function codeHash(): string {
  const h = createHash('sha256');
  for (const f of [
    'src/steps/chart-images.ts',
    'src/steps/png.ts',
    'src/core/present/chart-config.ts',
    'node_modules/chart.js/package.json',
    'node_modules/@napi-rs/canvas/package.json',
  ]) {
    h.update(readFileSync(path.join(root, f)));
  }
  return h.digest('hex');
}

/** The cache key of a chart: everything that is drawn. */
export function imageHash(spec: ChartSpec, code = codeHash()): string {
  return createHash('sha256')
    .update(code)
    .update(JSON.stringify({ data: chartData(spec), title: spec.title, footer: footerOf(spec), w: WIDTH, h: HEIGHT }))
    .digest('hex')
    .slice(0, 32);
}

export interface RenderResult {
  ids: number;
  rendered: number;
  cached: number;
  ms: number;
}

/**
 * Chart threads for a build, which draws while the main thread renders the pages. A chart's four
 * images take ~90 ms of a core, an item's pages ~20 ms (two pages, ~10 ms each: the bundled
 * dataset's 578 pages in ~6 s). While the pages are the larger work (the large benchmark
 * dataset: 360 charts, 5,000 items), one thread draws on the core rendering leaves free and is
 * done first. When the charts are (the bundled dataset: 149 charts, 202 items: 13.9 s of drawing
 * against ~6 s of pages), a second thread shares the main thread's core while the pages render
 * and has both once they are done.
 */
export function chartThreadsBesidePages(charts: number, items: number, cores = availableParallelism()): number {
  return cores >= 2 && charts * 90 > items * 20 ? 2 : 1;
}

export async function renderAll(opts: {
  out: string;
  content?: string;
  cache?: boolean;
  only?: string[];
  dataset?: Dataset;
  /**
   * Worker threads to draw in; default one per core (none for a few dozen charts). The build
   * passes a function of the number of charts to draw (chartThreadsBesidePages): it draws while
   * the pages render in the main thread (src/integrations/chart-images.ts).
   */
  threads?: number | ((charts: number) => number);
}): Promise<RenderResult> {
  const started = performance.now();
  // The build integration passes the dataset the pages were rendered from: loaded once per build.
  const dataset = opts.dataset ?? loadContentOrThrow(contentRoot(opts.content), { today: buildDate() });
  const ids = opts.only ?? chartIds(dataset).filter(hasImages);
  const cacheDir = process.env.LUOSHI_CACHE_DIR
    ? path.resolve(process.env.LUOSHI_CACHE_DIR, 'charts')
    : path.join(root, 'node_modules/.cache/luoshi-charts');
  mkdirSync(opts.out, { recursive: true });
  if (opts.cache !== false) mkdirSync(cacheDir, { recursive: true });
  const code = codeHash();
  let cached = 0;
  const todo: Job[] = [];
  for (const id of ids) {
    const spec = getChart(dataset, id);
    const hash = imageHash(spec, code);
    const files = IMAGE_FORMS.map((f) => ({ cache: path.join(cacheDir, `${hash}${f}`), out: path.join(opts.out, `${id}${f}`) }));
    if (opts.cache !== false && files.every((f) => existsSync(f.cache))) {
      for (const f of files) copyFileSync(f.cache, f.out);
      cached++;
    } else todo.push({ id, hash, spec });
  }
  // Drawing is CPU-bound and serial in Chart.js: the cache misses are shared among worker
  // threads, one per core, each handed the specs of its charts (plain data: the dataset is not
  // loaded again); a few dozen charts are not worth a thread.
  const cache = opts.cache !== false ? cacheDir : undefined;
  // Asked for threads (the build, drawing beside the pages): always in workers, never blocking
  // the main thread.
  const asked = typeof opts.threads === 'function' ? opts.threads(todo.length) : opts.threads;
  const threads =
    asked !== undefined ? Math.min(asked, todo.length) : Math.min(availableParallelism(), Math.floor(todo.length / 32));
  if (todo.length === 0) {
    // Every chart came from the cache.
  } else if (threads <= 1 && asked === undefined) await renderJobs(todo, opts.out, cache);
  else {
    await Promise.all(
      Array.from({ length: threads }, (_, t) => {
        const jobs = todo.filter((_, i) => i % threads === t);
        return new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), {
            workerData: { jobs, out: opts.out, cache } satisfies WorkerInput,
            // A chart thread's heap holds its charts' specs and one chart's drawing at a time; left to
            // the main thread's limit it grew to ~225 MB a thread before collecting (the large
            // dataset's 360 charts in 2 threads: 820 MB for the process, 535-542 MB with 64 or
            // 128 MB, same drawing time within the machine's noise). 128 leaves room for a site
            // with several times the charts.
            resourceLimits: { maxOldGenerationSizeMb: 128 },
          });
          worker.once('error', reject);
          worker.once('exit', (exit) => (exit === 0 ? resolve() : reject(coded(LuoshiError, 'LS-BLD-006', { code: exit }))));
        });
      }),
    );
  }
  return { ids: ids.length, rendered: todo.length, cached, ms: Math.round(performance.now() - started) };
}

/** The files of one chart: normal and elderly-mode text, PNG and SVG. */
export const IMAGE_FORMS = ['.png', '.svg', '.elder.png', '.elder.svg'] as const;

interface Job {
  id: string;
  hash: string;
  spec: ChartSpec;
}

interface WorkerInput {
  jobs: Job[];
  out: string;
  cache?: string;
}

async function renderJobs(jobs: Job[], out: string, cacheDir: string | undefined): Promise<void> {
  for (const [n, { id, hash, spec }] of jobs.entries()) {
    // The canvases' native memory is freed by finalizers that run on the event loop: a loop
    // that never yields holds every canvas it drew until it ends (gigabytes for a large site).
    if (n > 0) await new Promise((resolve) => setImmediate(resolve));
    // And a full collection now and then: drawing the large dataset's charts in one thread
    // added 94 MB to the process with one every 8 charts, 131 MB without; a scavenge alone
    // did not help. Every 16: a full collection beside a large heap takes ~0.1 s.
    if (n % 16 === 15) collectGarbage();
    const images: Record<(typeof IMAGE_FORMS)[number], Buffer> = {
      '.png': renderPng(spec),
      '.svg': renderSvg(spec),
      '.elder.png': renderPng(spec, true),
      '.elder.svg': renderSvg(spec, true),
    };
    for (const form of IMAGE_FORMS) {
      writeFileSync(path.join(out, `${id}${form}`), images[form]);
      if (cacheDir) writeFileSync(path.join(cacheDir, `${hash}${form}`), images[form]);
    }
  }
}

if (!isMainThread && (workerData as WorkerInput | undefined)?.jobs) {
  const input = workerData as WorkerInput;
  await renderJobs(input.jobs, input.out, input.cache);
}

if (isMainThread && process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'dist/charts' },
      content: { type: 'string' },
      'no-cache': { type: 'boolean' },
      only: { type: 'string' },
    },
  });
  const r = await renderAll({
    out: path.resolve(values.out!),
    content: values.content,
    cache: !values['no-cache'],
    only: values.only?.split(','),
  });
  console.log(
    `图表图片：${r.ids} 张（新绘制 ${r.rendered}，缓存 ${r.cached}），用时 ${(r.ms / 1000).toFixed(1)} 秒 → ${values.out}`,
  );
}
