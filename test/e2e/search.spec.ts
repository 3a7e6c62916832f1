/**
 * Search in a browser, against the built site: real queries in the notice's words find the
 * right item among the first three results (two-character terms, numbers, unit aliases, leader
 * names); every filter narrows the results and its count is right; filter-only browsing and
 * sorting work; result entries show number, status and unit; without JavaScript the page
 * explains itself and offers the browse pages; the header form lands on /search/?q=…; the
 * page passes axe. Logs the bytes a first query downloads.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loadContentOrThrow } from '../../src/core/content/load.ts';
import { buildDate, contentRoot } from '../../src/core/content/paths.ts';
import { isHit, SEARCH_QUERIES } from '../../tools/search-queries.ts';

const ds = loadContentOrThrow(contentRoot(), { today: buildDate() });
const BASE = (process.env.LUOSHI_BASE ?? '/').replace(/\/?$/, '/');

/** Open the search page for `params` and wait until the results (or the no-result line) are shown. */
async function search(page: Page, params: Record<string, string | string[]>) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of [v].flat()) qs.append(k, x);
  await page.goto(`${BASE}search/?${qs}`);
  await expect(page.locator('#search-status')).toContainText(/找到|没有找到|请输入/);
}

async function total(page: Page): Promise<number> {
  const text = (await page.locator('#search-status').textContent()) ?? '';
  const m = text.match(/找到 (\d+) 条/);
  return m ? Number(m[1]) : 0;
}

async function topPaths(page: Page, n = 3): Promise<string[]> {
  const hrefs = await page
    .locator('#search-list > li > a')
    .evaluateAll((as, n) => as.slice(0, n).map((a) => a.getAttribute('href') ?? ''), n);
  return hrefs.map((h) => (h.startsWith(BASE) ? h.slice(BASE.length) : h.replace(/^\//, '')));
}

test.describe('real queries find the right item in the first three', () => {
  for (const query of SEARCH_QUERIES) {
    test(`${query.q}（${query.note}）`, async ({ page }) => {
      await search(page, { q: query.q });
      const paths = await topPaths(page);
      expect(
        isHit(query, paths, ds),
        `${query.q} → ${paths.join(', ')}; expected ${query.expect?.join(' / ') ?? `an item led by ${query.ledBy}`}`,
      ).toBe(true);
    });
  }
});

test('a result shows the item number, status and lead unit; the page is accessible', async ({ page }) => {
  await search(page, { q: '电梯' });
  const first = page.locator('#search-list > li').filter({ has: page.locator(`a[href="${BASE}2020/12100/5/"]`) });
  await expect(first).toContainText('“12100”民生工程第5项');
  await expect(first.locator('.status')).toHaveText(/已完成|序时推进|滞后|未报送/);
  await expect(first).toContainText('区住建局');
  await expect(first.locator('mark').first()).toBeVisible();
  await expect(page.locator('#search-status')).toHaveAttribute('aria-live', 'polite');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
});

test('加装电梯 lists 12100 第5项 first and no 区人武部; each result shows a word of the query', async ({ page }) => {
  await search(page, { q: '加装电梯' });
  expect((await topPaths(page, 20))[0]).toBe('2020/12100/5/');
  await expect(page.locator(`#search-list a[href="${BASE}units/renwubu/"]`)).toHaveCount(0);
  await expect(page.locator('#search-status')).toHaveText('“加装电梯”：找到 1 条结果。');
  // A unit's short name: the browser splits 发改局 into 发 改 局; only results that show it are listed.
  await search(page, { q: '发改局' });
  const texts = await page.locator('#search-list > li').allTextContents();
  expect(texts.length).toBeGreaterThan(3);
  for (const t of texts) expect(t).toMatch(/发改/);
});

/** Open the 筛选 panel (folded until used: its options load when it opens) and wait for its options. */
async function openFilters(page: Page) {
  const panel = page.locator('details#search-filters-panel');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  await expect(page.locator('#search-filters fieldset').first()).toBeVisible();
}

test('the filter index is fetched only when the 筛选 panel opens', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pagefind/')) fetched.push(r.url());
  });
  await search(page, { q: '建设' });
  await expect(page.locator('#search-list > li').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const panel = page.locator('details#search-filters-panel');
  await expect(panel).not.toHaveAttribute('open');
  expect(
    fetched.filter((u) => u.endsWith('.pf_filter')),
    'filter chunks before the panel opens',
  ).toEqual([]);
  await openFilters(page);
  expect(fetched.filter((u) => u.endsWith('.pf_filter')).length, 'filter chunks once it opens').toBeGreaterThan(0);
  // Counts are those of the current query, not of the whole site.
  const all = await total(page);
  const counts = await page.locator('#search-filters input[name="kind"] + label .count').allTextContents();
  expect(counts.length).toBeGreaterThan(0);
  for (const c of counts) expect(Number(c.replace(/\D/g, ''))).toBeLessThanOrEqual(all);
});

test('every filter narrows the results, to the count it shows', async ({ page }) => {
  // A broad query matching items of every kind, category, section, unit, leader and status.
  await search(page, { q: '建设' });
  await openFilters(page);
  const all = await total(page);
  expect(all).toBeGreaterThan(20);
  const names = ['kind', 'category', 'section', 'lead', 'unit', 'leader', 'status'];
  for (const name of names) {
    const boxes = page.locator(`#search-filters input[name="${name}"]:not(:disabled)`);
    expect(await boxes.count(), `filter ${name} has values`).toBeGreaterThan(0);
    // The first value whose count is below the total.
    const counts = await boxes.evaluateAll((els) =>
      els.map((e) => Number(e.parentElement?.querySelector('.count')?.textContent?.replace(/\D/g, '') ?? 0)),
    );
    const i = counts.findIndex((c) => c > 0 && c < all);
    expect(i, `filter ${name}: a value narrows (counts ${counts.join(',')} of ${all})`).toBeGreaterThanOrEqual(0);
    // Long lists (units) are folded: unfold. The list is redrawn after each change: click, then wait.
    const folded = page.locator('#search-filters details:not([open])').filter({ has: page.locator(`input[name="${name}"]`) });
    if (await folded.count()) await folded.locator('summary').click();
    await boxes.nth(i).click();
    await expect.poll(() => total(page), { message: `filter ${name}` }).toBe(counts[i]);
    expect(new URL(page.url()).searchParams.getAll(name)).toHaveLength(1);
    await page.locator(`#search-filters input[name="${name}"]:checked`).click();
    await expect.poll(() => total(page)).toBe(all);
  }
  // Year: the data has one year; units without items in any year have none, so browsing units narrows.
  await search(page, { kind: '责任单位' });
  await expect(page.locator('details#search-filters-panel'), 'a URL with filters opens the panel').toHaveAttribute('open');
  const units = await total(page);
  await page.locator('#search-filters input[name="year"][value="2020"]').click();
  await expect.poll(() => total(page)).toBeLessThan(units);
  expect(await total(page)).toBeGreaterThan(0);
});

test('filter-only browsing and sorting by number and by latest update', async ({ page }) => {
  await search(page, { category: '一、居住舒心工程' });
  expect(await total(page)).toBe(ds.years[0].projects.filter((p) => p.group === 1).length);
  // Browsing sorts by number by default.
  expect(await topPaths(page, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `2020/12100/${n}/`));

  await search(page, { q: '公园', sort: 'number:asc' });
  const byNumber = await topPaths(page, 10);
  const rank = (p: string) => {
    const m = p.match(/^\d{4}\/(12100|tasks)\/(\d+)\/$/);
    return m ? (m[1] === '12100' ? 0 : 1000) + Number(m[2]) : 1e9;
  };
  expect(byNumber.map(rank)).toEqual([...byNumber.map(rank)].sort((a, b) => a - b));

  await page.locator('#search-sort').selectOption('updated:desc');
  await expect(page).toHaveURL(/sort=updated%3Adesc/);
  await expect(page.locator('#search-list > li').first()).toBeVisible();
});

test('the header form lands on /search/?q= and searches instantly', async ({ page }) => {
  await page.goto(`${BASE}2020/tasks/37/`);
  await page.locator('#site-q').fill('口袋公园');
  await page.locator('#site-q').press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
  await expect(page.locator('#search-q')).toHaveValue('口袋公园');
  await expect(page.locator('#search-list > li').first()).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search page explains and offers the browse pages; the header form still lands on it', async ({ page }) => {
    await page.goto(`${BASE}2020/12100/5/`);
    await page.locator('#site-q').fill('电梯');
    await Promise.all([
      page.waitForURL(/\/search\/\?q=%E7%94%B5%E6%A2%AF/),
      page.locator('.site-header .tools form button').click(),
    ]);
    const nojs = page.locator('#search-nojs');
    await expect(nojs).toBeVisible();
    await expect(nojs).toContainText('需要启用 JavaScript');
    for (const href of ['2020/12100/', '2020/tasks/', 'units/', 'leaders/'])
      await expect(nojs.locator(`a[href="${BASE}${href}"]`)).toBeVisible();
    await expect(page.locator('#search-app')).toBeHidden();
  });
});

test('bytes a first query downloads', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bytes = new Map<string, number>();
  page.on('response', async (r) => {
    if (!r.url().includes('/pagefind/')) return;
    try {
      bytes.set(new URL(r.url()).pathname, (await r.body()).length);
    } catch {
      /* redirects have no body */
    }
  });
  await search(page, { q: '加装电梯' });
  await expect(page.locator('#search-list > li').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const sum = [...bytes.values()].reduce((a, b) => a + b, 0);
  console.log(
    `first query 加装电梯: ${sum} bytes in ${bytes.size} requests under /pagefind/ (${[...bytes].map(([p, n]) => `${p.split('/').pop()} ${n}`).join(', ')})`,
  );
  expect(sum).toBeLessThan(600_000);
  await context.close();
});
