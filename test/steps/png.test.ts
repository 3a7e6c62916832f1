/**
 * The chart images' PNG encoder (src/steps/png.ts) is lossless: decoded, its PNG has exactly
 * the canvas's pixels and exactly the pixels of the canvas's own PNG, and it is smaller.
 */
import { createCanvas } from '@napi-rs/canvas';
import { pixels } from '../fixtures/images.ts';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILY, HEIGHT, registerFonts, renderPng, WIDTH } from '../../src/steps/chart-images.ts';
import { encodePng } from '../../src/steps/png.ts';
import { getChart } from '../../src/core/present/charts.ts';
import { loadContentOrThrow } from '../../src/core/content/load.ts';
import { TODAY, makeContent } from '../fixtures/content.ts';

/** A chart-like drawing: white ground, flat bars, a hatch, anti-aliased Chinese text and lines. */
function drawing(opaque: boolean) {
  const text = '2024年民生实事项目分类别完成情况 已完成 序时推进 滞后 未报送';
  registerFonts(text);
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext('2d');
  if (opaque) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
  }
  const colours = ['#1a7f37', '#0969da', '#bc4c00', '#57606a'];
  colours.forEach((c, i) => {
    ctx.fillStyle = c;
    ctx.fillRect(100 + i * 150, 120, 120, 250 - i * 40);
  });
  ctx.strokeStyle = 'rgba(255,255,255,0.85)';
  ctx.lineWidth = 2;
  for (let x = 100; x < 700; x += 10) {
    ctx.beginPath();
    ctx.moveTo(x, 370);
    ctx.lineTo(x + 10, 360);
    ctx.stroke();
  }
  ctx.fillStyle = '#1f2328';
  ctx.font = `24px ${FONT_FAMILY}`;
  ctx.fillText(text, 20, 60);
  ctx.font = `13px ${FONT_FAMILY}`;
  ctx.fillText(text, 33.3, 420.7);
  return canvas;
}

describe('encodePng', () => {
  it('an opaque image: RGB, exactly the canvas pixels, and smaller than the canvas PNG', async () => {
    const canvas = drawing(true);
    const data = canvas.getContext('2d').getImageData(0, 0, WIDTH, HEIGHT).data;
    const png = encodePng(WIDTH, HEIGHT, data);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png[25], 'colour type 2 (truecolour)').toBe(2);
    const own = canvas.toBuffer('image/png');
    const ours = await pixels(png);
    expect(Buffer.from(ours.data).equals(Buffer.from(data))).toBe(true);
    expect(Buffer.from(ours.data).equals(Buffer.from((await pixels(own)).data))).toBe(true);
    expect(png.length).toBeLessThan(own.length);
  });

  it('an image with transparent pixels keeps its alpha channel (RGBA), losslessly', async () => {
    const canvas = drawing(false);
    const data = canvas.getContext('2d').getImageData(0, 0, WIDTH, HEIGHT).data;
    const png = encodePng(WIDTH, HEIGHT, data);
    expect(png[25], 'colour type 6 (truecolour with alpha)').toBe(6);
    const own = canvas.toBuffer('image/png');
    const back = (await pixels(png)).data;
    expect(Buffer.from(back).equals(Buffer.from((await pixels(own)).data))).toBe(true);
    expect(Buffer.from(back).equals(Buffer.from(data))).toBe(true);
  });

  it('refuses a buffer of the wrong length', () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow(/2×2/);
  });

  it('a rendered chart is an opaque RGB PNG', () => {
    const dataset = loadContentOrThrow(makeContent(), { today: TODAY });
    const png = renderPng(getChart(dataset, 'tasks-completion-2020'));
    expect(png[25]).toBe(2);
  });
});
