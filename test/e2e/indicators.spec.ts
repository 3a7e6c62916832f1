/**
 * Progress measured by numbers (issue 22) in the browser: 12100 item 5's page at 390 px, in
 * normal and elderly mode, shows its lifts as "N / 60 部（R%）" with a bar and the expected-by-now
 * mark that fit the screen, the month strip carries each month's rate and the timeline each month's
 * values, every text of both is at
 * least 18 px in elderly mode, and axe finds nothing; a list's 完成率 column sorts and filters
 * with JavaScript and still shows without it.
 *
 * It runs on the bundled site: the sample reports carry cumulative values (content/2020/actuals/,
 * written by npm run sample).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser } from '@playwright/test';

const BASE = (process.env.LUOSHI_BASE ?? '/').replace(/\/?$/, '/');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function open(browser: Browser, path: string, elder: boolean, javaScriptEnabled = true) {
  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN', javaScriptEnabled });
  if (javaScriptEnabled) await context.addInitScript((on) => localStorage.setItem('luoshi-elder', on ? '1' : '0'), elder);
  const page = await context.newPage();
  await page.goto(`${BASE}${path}`);
  return { page, close: () => context.close() };
}

async function axe(page: import('@playwright/test').Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
}

for (const elder of [false, true]) {
  test(`an item page shows its numbers at 390 px${elder ? ' in elderly mode' : ''}`, async ({ browser }) => {
    const { page, close } = await open(browser, '2020/12100/5/', elder);
    const indicator = page.locator('.ind-list li').first();
    await expect(indicator.locator('strong')).toHaveText(/^\d[\d,]* \/ 60 部（[\d.]+%(，超额)?）$/);
    await expect(indicator.locator('.status')).toHaveText(/^(已达目标|超前|序时推进|低于序时进度)$/);
    await expect(indicator.locator('.ind-bar')).toHaveAttribute('aria-hidden', 'true');
    await expect(indicator.locator('.ind-mark')).toHaveCount(1);
    await expect(page.locator('.month-strip .v').first()).toHaveText(/^([\d.]+%|—无数字)$/);
    // Each month's report in the timeline states the values it gave.
    await expect(page.locator('.timeline dt', { hasText: '累计完成' }).first()).toBeVisible();
    await expect(page.locator('.timeline dt:text-is("累计完成") + dd').first()).toHaveText(
      /^\d[\d,]* \/ 60 部（[\d.]+%(，超额)?），\S+$/,
    );
    const facts = await page.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      const list = document.querySelector('.ind-list')!.getBoundingClientRect();
      const texts = [...document.querySelectorAll('.indicators *, .month-strip .v, .basis')].filter(
        (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()) && !el.closest('.visually-hidden'),
      );
      return {
        overflow: list.right - vw,
        smallest: Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize))),
        pageWidth: document.documentElement.scrollWidth - vw,
      };
    });
    expect(facts.overflow).toBeLessThanOrEqual(0);
    expect(facts.pageWidth).toBeLessThanOrEqual(0);
    if (elder) expect(facts.smallest).toBeGreaterThanOrEqual(18);
    expect(await axe(page)).toEqual([]);
    await close();
  });
}

test('a list sorts and filters by 完成率 with JavaScript, in elderly mode at 390 px', async ({ browser }) => {
  // The programme's page: its 100 items have some behind and some at their targets.
  const { page, close } = await open(browser, '2020/12100/', true);
  const rates = page.locator('table.items tbody tr:not([hidden]) td.rate');
  await expect(page.locator('.rate-tools')).toBeVisible();
  const numbers = page.locator('table.items tbody td.no');
  const itemOrder = await numbers.allTextContents();
  await page.getByLabel('完成率从低到高').check();
  // Each list is sorted on its own (the summary of items needing attention, then one per category).
  const lists = await page
    .locator('table.items')
    .evaluateAll((tables) =>
      tables.map((t) =>
        [...t.querySelectorAll<HTMLElement>('tbody td.rate')].flatMap((c) =>
          c.dataset.rate === undefined ? [] : [Number(c.dataset.rate)],
        ),
      ),
    );
  expect(lists.flat().length).toBeGreaterThan(1);
  for (const values of lists) expect(values).toEqual([...values].sort((a, b) => a - b));
  await page.getByLabel('低于序时进度').check();
  const marks = await rates.evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset.f));
  expect(marks.length).toBeGreaterThan(0);
  expect(new Set(marks)).toEqual(new Set(['behind']));
  await expect(page.locator('.rate-count')).toHaveText(`筛选后列出${marks.length}项`);
  expect(await axe(page)).toEqual([]);
  await page.getByLabel('全部').check();
  await page.getByLabel('按编号').check();
  expect(await numbers.allTextContents()).toEqual(itemOrder);
  await close();
});

test('without JavaScript the 完成率 column shows and the controls do not', async ({ browser }) => {
  const { page, close } = await open(browser, '2020/12100/category/1/', false, false);
  await expect(page.locator('.rate-tools')).toBeHidden();
  await expect(page.locator('table.items td.rate').first()).toBeVisible();
  await expect(page.locator('table.items td.rate').first()).toHaveText(/^([\d.]+%|尚未报送|—)/);
  await close();
});
