/**
 * node tools/screenshots.ts [site] [--out screenshots] [--only name,name]
 *
 * Screenshots of every page type (tools/page-types.ts) of a built site (default dist/; build
 * it first) at a phone (390×844, mobile emulation) and a desktop (1366×900), each in normal and
 * in elderly mode (适老模式): `<out>/<type>-<phone|desktop>-<normal|elder>.png` (the first
 * screen) and `…-full.png` (the whole page, cut at 8,000 px). For people to look at; the
 * folder is gitignored. Chinese needs a CJK font on the machine (fonts-wqy-microhei).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test/e2e/browser.ts';
import { serveStatic } from './bench/serve.ts';
import { PAGE_TYPES } from './page-types.ts';

export const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
} as const;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: 'screenshots' }, only: { type: 'string' }, help: { type: 'boolean' } },
});
if (values.help) {
  console.log('用法：npm run screenshots [-- dist --out screenshots --only home,month]');
  process.exit(0);
}
const site = path.resolve(positionals[0] ?? 'dist');
const out = path.resolve(values.out!);
const only = values.only?.split(',');
mkdirSync(out, { recursive: true });
const server = await serveStatic(site, '/');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
let shots = 0;
try {
  for (const [device, opts] of Object.entries(VIEWPORTS)) {
    for (const mode of ['normal', 'elder'] as const) {
      const context = await browser.newContext({ ...opts, locale: 'zh-CN' });
      // Elderly mode as a visitor turns it on: /mode.js remembers ?elder=1 in localStorage.
      await context.addInitScript((on) => localStorage.setItem('luoshi-elder', on ? '1' : '0'), mode === 'elder');
      const page = await context.newPage();
      for (const t of PAGE_TYPES) {
        if (only && !only.includes(t.name)) continue;
        await page.goto(server.url + t.path, { waitUntil: 'networkidle' });
        if (t.name === 'search')
          await page
            .locator('#search-list > li')
            .first()
            .waitFor({ timeout: 10_000 })
            .catch(() => {});
        const file = path.join(out, `${t.name}-${device}-${mode}`);
        await page.screenshot({ path: `${file}.png` });
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({
          path: `${file}-full.png`,
          fullPage: true,
          clip: { x: 0, y: 0, width: opts.viewport.width, height: Math.min(height, 8000) },
        });
        shots += 2;
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`截图 ${shots} 张 → ${path.relative(process.cwd(), out) || out}/`);
