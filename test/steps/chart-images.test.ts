/**
 * Static chart images: rendered with chart.js on @napi-rs/canvas from the fixture content.
 * Valid PNGs of the stated size, not blank, and Chinese text drawn with Noto Sans SC glyphs,
 * not tofu boxes (compared against reference renders of the same text).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { pixels } from '../fixtures/images.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartIds, getChart, hasImages } from '../../src/core/present/charts.ts';
import { loadContentOrThrow } from '../../src/core/content/load.ts';
import {
  compactSvg,
  FONT_FAMILY,
  HEIGHT,
  registerFonts,
  renderAll,
  renderPng,
  renderSvg,
  WIDTH,
  wrapFooter,
  chartThreadsBesidePages,
} from '../../src/steps/chart-images.ts';
import { TODAY, makeContent } from '../fixtures/content.ts';

const content = makeContent();
const dataset = loadContentOrThrow(content, { today: TODAY });

/** Width and height from the IHDR chunk, after checking the PNG signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

type Mask = { w: number; h: number; on: boolean[] };

/** Dark pixels of a region, cropped to their bounding box. */
function inkMask(img: { data: Uint8ClampedArray; width: number }, x0: number, y0: number, w: number, h: number): Mask {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -1, -1];
  const dark = (x: number, y: number) => {
    const i = ((y0 + y) * img.width + x0 + x) * 4;
    return img.data[i + 3] > 128 && (img.data[i] + img.data[i + 1] + img.data[i + 2]) / 3 < 128;
  };
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (dark(x, y)) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  if (maxX < 0) return { w: 0, h: 0, on: [] };
  const mw = maxX - minX + 1;
  const mh = maxY - minY + 1;
  const on: boolean[] = [];
  for (let y = 0; y < mh; y++) for (let x = 0; x < mw; x++) on.push(dark(minX + x, minY + y));
  return { w: mw, h: mh, on };
}

/** Intersection over union of two masks aligned at their top-left corners. */
function iou(a: Mask, b: Mask): number {
  let inter = 0;
  let union = 0;
  for (let y = 0; y < Math.max(a.h, b.h); y++)
    for (let x = 0; x < Math.max(a.w, b.w); x++) {
      const p = x < a.w && y < a.h && a.on[y * a.w + x];
      const q = x < b.w && y < b.h && b.on[y * b.w + x];
      if (p && q) inter++;
      if (p || q) union++;
    }
  return union ? inter / union : 0;
}

/** `text` drawn alone, as chart.js draws the title (bold 18px, dark text on white). */
function renderText(text: string, family: string, size = 18) {
  const c = createCanvas(WIDTH, 60);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, WIDTH, 60);
  ctx.fillStyle = '#1f2328';
  ctx.font = `bold ${size}px ${family}`;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, 10, 30);
  return ctx.getImageData(0, 0, WIDTH, 60);
}

const imageIds = () => chartIds(dataset).filter(hasImages);

describe('chart images', () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'luoshi-charts-'));
    const r = await renderAll({ out, content, cache: false });
    expect(r.rendered).toBe(imageIds().length);
  }, 180_000); // every chart in four forms (normal and elderly, PNG and SVG), on a busy machine

  it('writes a PNG of 800×450 and an SVG for every chart with images, and none for a unit chart', () => {
    const units = chartIds(dataset).filter((id) => id.startsWith('unit-'));
    expect(units.length).toBeGreaterThan(0);
    expect(imageIds().length).toBe(chartIds(dataset).length - units.length);
    for (const id of units) expect(existsSync(path.join(out, `${id}.png`)), `${id}: no image`).toBe(false);
    for (const id of imageIds()) {
      const png = readFileSync(path.join(out, `${id}.png`));
      expect(pngSize(png), id).toEqual({ width: WIDTH, height: HEIGHT });
      const svg = readFileSync(path.join(out, `${id}.svg`), 'utf8');
      expect(svg, id).toMatch(/<svg[^>]*width="800"[^>]*height="450"/);
      // Text stays text, in the CJK font stack (not the registered variable font's "Thin" instance).
      expect(svg, `${id}: the font stack, once`).toMatch(/<svg [^>]*font-family="'Noto Sans SC', [^"]*sans-serif"/);
      expect(svg.match(/font-family=/g), id).toHaveLength(1);
      expect(svg, `${id}: has its text`).toMatch(/<text[^>]*>[^<]*[\u4e00-\u9fff]/);
      expect(svg, id).not.toMatch(/Thin/);
    }
  });

  it('PNGs are not blank: many inked pixels, and the status colours appear', async () => {
    const img = await pixels(readFileSync(path.join(out, '12100-by-category-2020.png')));
    let inked = 0;
    const colours = new Set<string>();
    for (let i = 0; i < img.data.length; i += 4) {
      const [r, g, b] = [img.data[i], img.data[i + 1], img.data[i + 2]];
      if (r < 240 || g < 240 || b < 240) inked++;
      colours.add(`${r},${g},${b}`);
    }
    expect(inked).toBeGreaterThan(10_000);
    expect(colours.has('26,127,55'), 'the 已完成 green is drawn').toBe(true);
  });

  it('the registered font has real glyphs for Chinese text (not the missing-glyph box)', () => {
    expect(registerFonts()).toBeGreaterThan(50);
    const chars = [...'民生工程已完成序时推进滞后未报送截至年月'];
    const tofu = inkMask(renderText('\uE000', FONT_FAMILY), 0, 0, WIDTH, 60); // a private-use code point: no glyph
    const masks = chars.map((ch) => inkMask(renderText(ch, FONT_FAMILY), 0, 0, WIDTH, 60));
    for (const [i, m] of masks.entries()) {
      expect(m.on.filter(Boolean).length, chars[i]).toBeGreaterThan(20);
      expect(iou(m, tofu), `${chars[i]} is not the missing-glyph box`).toBeLessThan(0.5);
    }
    // All different glyphs (tofu would make them identical).
    for (let i = 1; i < masks.length; i++) expect(iou(masks[i], masks[0]), chars[i]).toBeLessThan(0.8);
  });

  it('the chart title in the PNG matches the same text rendered with the font, not with a missing font', async () => {
    for (const id of ['12100-by-category-2020', 'tasks-completion-2020']) {
      const spec = getChart(dataset, id);
      const img = await pixels(readFileSync(path.join(out, `${id}.png`)));
      const title = inkMask(img, 0, 0, WIDTH, 42);
      const reference = inkMask(renderText(spec.title, FONT_FAMILY), 0, 0, WIDTH, 60);
      const withoutFont = inkMask(renderText(spec.title, 'No Such Font Family 123'), 0, 0, WIDTH, 60);
      expect(Math.abs(title.w - reference.w), `${id}: title width`).toBeLessThanOrEqual(3);
      expect(iou(title, reference), `${id}: title glyphs match the Noto Sans SC render`).toBeGreaterThan(0.7);
      expect(iou(title, withoutFont), `${id}: and not a render without the font`).toBeLessThan(0.5);
    }
  });

  it('elderly-mode images: the same chart with every text at least 18 px (title 24 px)', async () => {
    for (const id of imageIds()) {
      expect(existsSync(path.join(out, `${id}.elder.png`)), id).toBe(true);
      const svg = readFileSync(path.join(out, `${id}.elder.svg`), 'utf8');
      const sizes = [...svg.matchAll(/<text[^>]*font-size="([\d.]+)(?:px)?"/g)].map((m) => Number(m[1]));
      expect(sizes.length, `${id}: text in the SVG`).toBeGreaterThan(3);
      expect(Math.min(...sizes), `${id}: smallest text`).toBeGreaterThanOrEqual(18);
      const normal = [
        ...readFileSync(path.join(out, `${id}.svg`), 'utf8').matchAll(/<text[^>]*font-size="([\d.]+)(?:px)?"/g),
      ].map((m) => Number(m[1]));
      expect(Math.min(...normal), `${id}: smallest text of the normal image`).toBeGreaterThanOrEqual(12);
    }
    const spec = getChart(dataset, 'tasks-completion-2020');
    const img = await pixels(readFileSync(path.join(out, 'tasks-completion-2020.elder.png')));
    const title = inkMask(img, 0, 0, WIDTH, 50);
    const reference = inkMask(renderText(spec.title, FONT_FAMILY, 24), 0, 0, WIDTH, 60);
    expect(Math.abs(title.w - reference.w), 'elderly title width').toBeLessThanOrEqual(4);
  });

  it('re-uses cached images when nothing changed', async () => {
    const again = mkdtempSync(path.join(tmpdir(), 'luoshi-charts-'));
    await renderAll({ out: again, content }); // fills the cache
    const r = await renderAll({ out: again, content });
    expect(r.rendered).toBe(0);
    expect(r.cached).toBe(imageIds().length);
    expect(existsSync(path.join(again, '12100-by-category-2020.elder.png'))).toBe(true);
    expect(existsSync(path.join(again, 'item-2020-P1.png')), 'no item-level images').toBe(false);
  });

  it('renders one PNG directly too', () => {
    expect(pngSize(renderPng(getChart(dataset, 'tasks-completion-2020')))).toEqual({ width: WIDTH, height: HEIGHT });
  });
});

describe('compactSvg', () => {
  const glyph = (x: number, ch: string, y = 67.037498) =>
    `<text fill="#1F2328" font-size="13" font-family="Noto Sans SC Thin" x="${x}, " y="${y}, ">${ch}</text>`;
  const pattern = (n: number, png: string) =>
    `<defs><pattern id="pattern_${n}" width="10" height="10"><image id="img_${n}" width="10" xlink:href="data:image/png;base64,${png}"/></pattern></defs>`;

  it('merges a run of glyphs on one baseline into one text with an x per glyph', () => {
    const svg = `<svg width="800">${glyph(282.49991, '已')}${glyph(295.49994, '完')}${glyph(308.49994, '成')}${glyph(10, '月', 90)}</svg>`;
    const out = compactSvg(svg);
    expect(out).toContain('<text fill="#1F2328" font-size="13" x="282.5 295.5 308.5" y="67.04">已完成</text>');
    expect(out).toContain('x="10" y="90">月</text>');
    expect(out).toMatch(/^<svg font-family="'Noto Sans SC', [^"]*" width="800">/);
  });

  it('keeps glyphs apart when something is drawn between them, or their attributes differ', () => {
    const svg = `<svg>${glyph(1, 'a')}<path d="M0 0"/>${glyph(2, 'b')}${glyph(3, 'c').replace('13', '14')}</svg>`;
    expect(compactSvg(svg).match(/<text/g)).toHaveLength(3);
  });

  it('defines an identical hatch pattern once and points every use at it', () => {
    const svg = `<svg>${pattern(0, 'AAA')}<path fill="url(#pattern_0)"/>${pattern(1, 'AAA')}<path fill="url(#pattern_1)"/>${pattern(2, 'BBB')}<path fill="url(#pattern_2)"/></svg>`;
    const out = compactSvg(svg);
    expect(out.match(/<pattern /g)).toHaveLength(2);
    expect(out.match(/url\(#pattern_0\)/g)).toHaveLength(2);
    expect(out).toContain('url(#pattern_2)');
  });

  it('numbers clip paths in order, so a chart is the same bytes whatever was drawn before it', () => {
    const a = '<svg><clipPath id="cl_e3"/><g clip-path="url(#cl_e3)"/><clipPath id="cl_e4"/><g clip-path="url(#cl_e4)"/></svg>';
    const b = a.replaceAll('cl_e3', 'cl_cf').replaceAll('cl_e4', 'cl_d0');
    expect(compactSvg(a)).toBe(compactSvg(b));
    expect(compactSvg(a)).toContain('<clipPath id="c0"/><g clip-path="url(#c0)"/>');
  });

  it('a chart drawn twice, with other charts drawn between, gives the same SVG', () => {
    const [first, second] = imageIdsOf(dataset);
    const once = renderSvg(getChart(dataset, first)).toString();
    renderSvg(getChart(dataset, second));
    expect(renderSvg(getChart(dataset, first)).toString()).toBe(once);
  });
});

function imageIdsOf(ds: typeof dataset): string[] {
  return chartIds(ds).filter((id) => hasImages(id));
}

describe('wrapFooter', () => {
  const source =
    '来源：济南市市中区人民政府办公室（区政府办公室督查室）据市中政办发〔2020〕1号及各责任单位月度落实情况整理；计划和月报为示例数据。数据截至2021-01-20。';

  it('breaks a source line wider than the image into lines that fit, losing no character', () => {
    registerFonts(source);
    for (const elder of [false, true]) {
      const lines = wrapFooter(source, elder);
      expect(lines.join(''), `elder ${elder}`).toBe(source);
      const ctx = createCanvas(1, 1).getContext('2d');
      ctx.font = `${elder ? 18 : 12}px ${FONT_FAMILY}`;
      for (const line of lines) expect(ctx.measureText(line).width, line).toBeLessThanOrEqual(WIDTH - 24);
    }
    // At 18 px the line is ~1,300 px wide: it needs two lines, and the date stays whole.
    const elderLines = wrapFooter(source, true);
    expect(elderLines.length).toBeGreaterThan(1);
    expect(elderLines.at(-1)).toContain('数据截至2021-01-20。');
  });

  it('leaves a short line alone', () => {
    expect(wrapFooter('来源：示例。', true)).toEqual(['来源：示例。']);
  });
});

describe('chartThreadsBesidePages', () => {
  it('draws in one thread while the pages are the larger work, in two when the charts are', () => {
    // The large benchmark dataset: 360 charts, 5,000 items; the bundled one: 149 charts, 202 items.
    expect(chartThreadsBesidePages(360, 5000, 2)).toBe(1);
    expect(chartThreadsBesidePages(149, 202, 2)).toBe(2);
    // One core: a second thread would only take turns with the pages.
    expect(chartThreadsBesidePages(149, 202, 1)).toBe(1);
    expect(chartThreadsBesidePages(0, 202, 2)).toBe(1);
  });
});
