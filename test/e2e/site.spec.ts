/**
 * The public website in a browser: open a project, a task, a unit, a leader, a month and a
 * bulletin page, follow links between them, run axe (WCAG 2.1 A/AA) on each; every page works
 * with JavaScript disabled; the elderly-friendly mode works with and without JavaScript.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

/** Follow the first link in `scope` whose href matches, and wait for the page. */
async function follow(page: Page, selector: string) {
  const link = page.locator(selector).first();
  await expect(link).toBeVisible();
  const before = page.url();
  await Promise.all([page.waitForURL((u) => u.href !== before), link.click()]);
}

test('project → leader → unit → task → month → bulletin, each accessible', async ({ page }) => {
  // An axe run per page: on the shared 2-core machine under load these walks pass a minute.
  test.setTimeout(180_000);
  await page.goto('/2020/12100/5/');
  await expect(page).toHaveTitle(/“12100”民生工程第5项/);
  await expect(page.locator('h1')).toContainText('“12100”民生工程第5项');
  await expect(page.locator('main')).toContainText('当前状态');
  await expect(page.locator('main')).toContainText('每月落实情况');
  await expect(page.getByRole('note')).toContainText('示例数据');
  await axe(page);

  await follow(page, 'main .facts a[href*="/leaders/"]');
  await expect(page).toHaveURL(/\/leaders\/[a-z0-9-]+\/$/);
  await expect(page.locator('main')).toContainText('报送记录');
  await axe(page);

  await follow(page, 'main table a[href*="/2020/12100/"]');
  await expect(page).toHaveURL(/\/2020\/12100\/\d+\/$/);
  await follow(page, 'main .facts a[href*="/units/"]');
  await expect(page).toHaveURL(/\/units\/[a-z0-9-]+\/$/);
  await expect(page.locator('main')).toContainText('报送记录');
  await axe(page);

  await page.goto('/units/zhujianju/');
  await follow(page, 'main table a[href*="/2020/tasks/"]');
  await expect(page).toHaveURL(/\/2020\/tasks\/\d+\/$/);
  await expect(page.locator('h1')).toContainText('主要工作任务第');
  await axe(page);

  await follow(page, 'main .timeline a[href*="/months/"]');
  await expect(page).toHaveURL(/\/2020\/months\/2020-\d\d\/$/);
  await expect(page.locator('h1')).toContainText('落实情况');
  await axe(page);

  await follow(page, 'nav[aria-label="主导航"] a[href$="/bulletins/"]');
  await expect(page.locator('h1')).toHaveText('通报');
  await axe(page);
  await follow(page, 'main a[href*="-12100/"]');
  await expect(page.locator('h1')).toContainText('民生工程推进情况通报');
  await expect(page.locator('main')).toContainText('示例数据');
  await axe(page);
});

test('home, lists, category, section, about are accessible', async ({ page }) => {
  // An axe run per page: on the shared 2-core machine under load these walks pass a minute.
  test.setTimeout(180_000);
  for (const url of [
    '/',
    '/2020/12100/',
    '/2020/tasks/',
    '/2020/12100/category/1/',
    '/2020/tasks/section/2/',
    '/units/',
    '/leaders/',
    '/about/',
    '/bulletins/2020-02-17-lixiang/',
  ]) {
    await page.goto(url);
    await expect(page.locator('h1')).toBeVisible();
    await axe(page);
  }
});

test('keyboard: skip link reaches the main content', async ({ page }) => {
  await page.goto('/2020/tasks/1/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到主要内容' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('elderly mode is remembered across pages with JavaScript', async ({ page }) => {
  await page.goto('/2020/tasks/1/');
  const base = await page.locator('body').evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
  await page.getByRole('link', { name: '适老模式' }).click();
  await expect(page.locator('html')).toHaveClass(/elder/);
  await page.goto('/units/');
  await expect(page.locator('html')).toHaveClass(/elder/);
  const big = await page.locator('body').evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
  expect(big).toBeGreaterThan(base);
  const lh = await page
    .locator('body')
    .evaluate((b) => parseFloat(getComputedStyle(b).lineHeight) / parseFloat(getComputedStyle(b).fontSize));
  expect(lh).toBeGreaterThanOrEqual(1.3);
  await axe(page);
  await page.getByRole('link', { name: '退出适老模式' }).click();
  await expect(page.locator('html')).not.toHaveClass(/elder/);
  await page.goto('/');
  await expect(page.locator('html')).not.toHaveClass(/elder/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('elderly mode applies to the current page', async ({ page }) => {
    await page.goto('/2020/12100/1/');
    const base = await page.locator('body').evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
    await page.getByRole('link', { name: '适老模式' }).click();
    await expect(page).toHaveURL(/elder=1#elder$/);
    const big = await page.locator('body').evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
    expect(big).toBeGreaterThan(base);
    await expect(page.getByRole('link', { name: '退出适老模式' })).toBeVisible();
  });

  test('every page works', async ({ context }) => {
    test.setTimeout(600_000);
    const dist = path.resolve('dist');
    const urls: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name === 'index.html')
          urls.push(`/${path.relative(dist, dir).split(path.sep).join('/')}/`.replace(/^\/\/$/, '/'));
      }
    };
    walk(dist);
    expect(urls.length).toBeGreaterThan(300);
    const failures: string[] = [];
    const queue = [...urls];
    // Three tabs at a time: the site has several hundred pages.
    await Promise.all(
      [0, 1, 2].map(async () => {
        const page = await context.newPage();
        for (let url = queue.shift(); url; url = queue.shift()) {
          const res = await page.goto(url, { waitUntil: 'domcontentloaded' });
          if (!res?.ok()) {
            failures.push(`${url}: HTTP ${res?.status()}`);
            continue;
          }
          const main = page.locator('main#main');
          if ((await main.count()) === 0) continue; // not a site page (e.g. a chart embed)
          const h1 = await page.locator('main h1').first().textContent();
          if (!h1?.trim()) failures.push(`${url}: no h1`);
          const text = (await main.innerText()).trim();
          if (text.length < 20) failures.push(`${url}: main is empty`);
        }
        await page.close();
      }),
    );
    expect(failures).toEqual([]);
  });
});
