/**
 * Charts in the browser (built site, served by astro preview): drawn on a canvas with
 * JavaScript, a visible data table without it, and an embed that resizes its iframe on a
 * host page of another origin.
 */
import { expect, test, type Page } from '@playwright/test';
import { hasImages } from '../../src/core/present/charts.ts';

/** Non-white, non-transparent pixels of a canvas (the chart's background is white). */
async function inkedPixels(page: Page, selector: string): Promise<number[]> {
  return page.$$eval(selector, (canvases) =>
    (canvases as HTMLCanvasElement[]).map((c) => {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) n++;
      return n;
    }),
  );
}

/** Embed page paths linked from the gallery: one unit, one category and one indicator chart if any (items have none: their months are an HTML strip). */
async function samplePaths(page: Page): Promise<string[]> {
  await page.goto('/embed/');
  const hrefs = await page.$$eval('a[href*="/embed/"]', (as) => as.map((a) => a.getAttribute('href')!));
  const unit = hrefs.find((h) => /\/embed\/unit-/.test(h));
  const group = hrefs.find((h) => /\/embed\/12100-category-/.test(h));
  expect(unit, 'gallery links a unit chart').toBeTruthy();
  expect(group, 'gallery links a category chart').toBeTruthy();
  expect(
    hrefs.filter((h) => /\/embed\/item-/.test(h)),
    'no item-level charts',
  ).toEqual([]);
  // An indicator's chart (its cumulative value, expected line and target), where the data has values.
  const indicator = hrefs.find((h) => /\/embed\/indicator-/.test(h));
  return [unit!, group!, ...(indicator ? [indicator] : [])];
}

test.describe('with JavaScript', () => {
  test('every chart on the gallery and on embed pages draws on its canvas', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    const paths = await samplePaths(page);
    for (const path of ['/embed/', ...paths]) {
      await page.goto(path);
      const figures = page.locator('figure.chart');
      const n = await figures.count();
      expect(n, path).toBeGreaterThan(0);
      // chart.js loads when a figure nears the viewport: bring each into view.
      for (const figure of await figures.all()) await figure.scrollIntoViewIfNeeded();
      await expect(page.locator('figure.chart.is-drawn')).toHaveCount(n);
      await page.waitForTimeout(1200); // chart.js animation
      const inked = await inkedPixels(page, 'figure.chart canvas');
      for (const [i, count] of inked.entries()) expect(count, `${path} chart ${i} has drawn pixels`).toBeGreaterThan(2000);
      // The table stays for assistive technology; the canvas is hidden from it.
      await expect(page.locator('figure.chart canvas').first()).toHaveAttribute('aria-hidden', 'true');
      await expect(page.locator('figure.chart table').first()).toBeAttached();
      const toggle = page.locator('.chart-table-toggle').first();
      await toggle.click();
      await expect(page.locator('figure.chart table').first()).toBeVisible();
    }
    expect(errors, 'no console errors (CSP, chart.js)').toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('each figure shows its data table and no empty canvas', async ({ page }) => {
    for (const path of ['/embed/', '/embed/12100-by-category-2020/']) {
      await page.goto(path);
      const figures = page.locator('figure.chart');
      expect(await figures.count()).toBeGreaterThan(0);
      for (const fig of await figures.all()) {
        await expect(fig.locator('table')).toBeVisible();
        await expect(fig.locator('table tbody tr').first()).toBeVisible();
        await expect(fig.locator('.chart-canvas')).toBeHidden();
        await expect(fig.locator('figcaption .chart-desc')).not.toBeEmpty();
      }
    }
  });
});

test('an embed in an iframe on another site resizes to its content', async ({ page, baseURL }) => {
  const embed = `${baseURL}/embed/12100-by-category-2020/`;
  // The host page is another origin (localhost vs 127.0.0.1), faked with a route. Chromium's
  // local network access checks treat the routed page as public and the chart site (served
  // from loopback) as local: grant that permission. A public government site needs none.
  await page.context().grantPermissions(['local-network-access']);
  const host = new URL(baseURL!);
  host.hostname = host.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  host.pathname = '/__host-page-test/news.html';
  await page.route(`${host.origin}/__host-page-test/**`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html><body><h1>新闻</h1>
        <iframe id="f" src="${embed}" title="图表" loading="lazy" width="100%" height="150" style="width:100%;max-width:880px;border:0" data-luoshi-embed="12100-by-category-2020"></iframe>
        <p>正文</p><script src="${baseURL}/embed.js" async></script></body></html>`,
    }),
  );
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(host.href);
  const iframe = page.locator('#f');
  const frame = page.frameLocator('#f');
  await expect(frame.locator('figure.chart.is-drawn')).toBeVisible();
  const contentHeight = async () =>
    (await page.frame({ url: embed }))!.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await expect.poll(async () => (await iframe.boundingBox())!.height).toBeGreaterThan(300);
  await expect.poll(async () => Math.abs((await iframe.boundingBox())!.height - (await contentHeight()))).toBeLessThanOrEqual(2);
  // No scroll bar inside: the frame's document fits its box.
  const wide = (await iframe.boundingBox())!.height;
  // Narrower host: the chart and table re-flow; the iframe follows.
  await page.setViewportSize({ width: 420, height: 800 });
  await expect.poll(async () => Math.abs((await iframe.boundingBox())!.height - (await contentHeight()))).toBeLessThanOrEqual(2);
  expect((await iframe.boundingBox())!.height).not.toBe(wide);
});

test('CSV, PNG and SVG links of a chart resolve', async ({ page, request }) => {
  await page.goto('/embed/');
  const fig = page.locator('figure.chart').first();
  for (const [label, type] of [
    ['数据（CSV）', 'text/csv'],
    ['图片（PNG）', 'image/png'],
    ['图片（SVG）', 'image/svg+xml'],
  ]) {
    const href = await fig.getByRole('link', { name: label }).getAttribute('href');
    const res = await request.get(href!);
    expect(res.status(), href!).toBe(200);
    expect(res.headers()['content-type'], href!).toContain(type);
    if (type === 'text/csv') expect((await res.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  }
});

test('every district-wide chart in the gallery has a PNG of 800×450 on the built site; a unit chart has none', async ({
  page,
  request,
}) => {
  await page.goto('/embed/');
  const ids = await page.$$eval('a[href*="/embed/"]', (as) => [
    ...new Set(as.map((a) => a.getAttribute('href')!.match(/\/embed\/([^/]+)\/$/)?.[1]).filter(Boolean)),
  ]);
  const drawn = await page.$$eval('figure.chart', (fs) => fs.map((f) => f.getAttribute('data-chart-id')!));
  const all = [...new Set([...ids, ...drawn])] as string[];
  expect(all.length).toBeGreaterThan(10);
  const units = all.filter((id) => !hasImages(id));
  expect(units.length, 'the gallery lists unit charts').toBeGreaterThan(0);
  for (const id of units) expect((await request.get(`charts/${id}.png`)).status(), id).toBe(404);
  // …and its page offers no image link or image snippet, only CSV and the embed page.
  const unit = /^unit-(.+)-\d{4}$/.exec(units[0])![1];
  await page.goto(`units/${unit}/`);
  const figure = page.locator(`figure[data-chart-id="${units[0]}"]`);
  await expect(figure.locator('a', { hasText: '数据（CSV）' })).toHaveCount(1);
  await expect(figure.locator('a[href$=".png"], a[href$=".svg"]')).toHaveCount(0);
  await expect(figure.locator('textarea')).toHaveCount(2);
  for (const id of all.filter(hasImages)) {
    const res = await request.get(`charts/${id}.png`);
    expect(res.status(), id).toBe(200);
    const png = await res.body();
    expect(png.subarray(1, 4).toString('latin1'), id).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], id).toEqual([800, 450]);
  }
});
