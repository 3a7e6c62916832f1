/**
 * Phones first: every page type (tools/page-types.ts) at 390×844 (mobile emulation) and at
 * 1366×900, asserting layout facts rather than pixels: no page wider than the viewport, and at
 * 390 px in normal and elderly mode no element past its right edge outside the boxes that scroll
 * sideways on purpose (SIDEWAYS_SCROLLERS); no text
 * squeezed narrower than two characters of its font (the one-character-per-line columns); status
 * words inside the viewport; the first search result within a screen and a half; the month
 * page at most 3× its desktop height; in elderly mode (适老模式) every text at least 18 px, body
 * 20 px, line height 1.5, tap targets 44 px and primary buttons 60 px; the menu and the search
 * filters open without JavaScript; axe finds nothing on the phone layout and in elderly mode.
 * The figures the issue asks for are logged (month page heights, first result, smallest font).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { PAGE_TYPES } from '../../tools/page-types.ts';

const BASE = (process.env.LUOSHI_BASE ?? '/').replace(/\/?$/, '/');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const DESKTOP = { viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 };
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function open(
  browser: Browser,
  device: typeof PHONE | typeof DESKTOP,
  path: string,
  elder = false,
  javaScriptEnabled = true,
) {
  const context = await browser.newContext({ ...device, locale: 'zh-CN', javaScriptEnabled });
  if (javaScriptEnabled) await context.addInitScript((on) => localStorage.setItem('luoshi-elder', on ? '1' : '0'), elder);
  const page = await context.newPage();
  const url = `${BASE}${path}`;
  // Without JS elderly mode is the #elder target (the toggle link's own form).
  await page.goto(
    elder && !javaScriptEnabled ? `${url.split('?')[0]}?elder=1${url.includes('?') ? `&${url.split('?')[1]}` : ''}#elder` : url,
  );
  if (path.startsWith('search/?') && javaScriptEnabled) await expect(page.locator('#search-list > li').first()).toBeVisible();
  return { page, close: () => context.close() };
}

/**
 * Layout problems of the page as it is shown: sideways overflow, squeezed text, status words off-screen.
 * `vw` is the device's width (see widthProblems: window.innerWidth grows with a too-wide page).
 */
async function layoutProblems(page: Page, vw: number) {
  return page.evaluate((vw) => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > vw + 1) problems.push(`page is ${doc.scrollWidth}px wide in a ${vw}px viewport`);
    const shown = (el: Element) => {
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'none') return false;
      if (
        el.closest(
          '.visually-hidden, [hidden], [aria-hidden="true"], .chart.is-drawn .chart-table:not(.is-open), details:not([open]) > :not(summary)',
        )
      )
        return false;
      // Visually hidden by a 1-px clipped box (the header row of a stacked table, for screen readers).
      for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
        const box = a.getBoundingClientRect();
        if (box.width <= 1 && getComputedStyle(a).overflow !== 'visible') return false;
      }
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1;
    };
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} “${(el.textContent ?? '').trim().slice(0, 16)}”`;
    // Text squeezed into a sliver: a line of a text run narrower than two characters while the run goes on.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let squeezed = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const el = node.parentElement;
      // Preformatted text (the notice's extracted text, one table cell a line) has short lines by design.
      if (!el || [...text].length < 3 || !shown(el) || el.closest('script, style, textarea, pre, .strip-scroll')) continue;
      const fs = parseFloat(getComputedStyle(el).fontSize);
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines = [...range.getClientRects()].filter((r) => r.width > 0);
      if (lines.length < 3) continue;
      // Every line but the last must hold at least two characters' width.
      const narrow = lines.slice(0, -1).filter((r) => r.width < 1.9 * fs);
      if (narrow.length >= 2 && squeezed++ < 5)
        problems.push(
          `${name(el)}: ${narrow.length} lines narrower than two characters (${Math.round(narrow[0].width)}px at ${fs}px)`,
        );
    }
    // Table cells narrower than two characters.
    for (const cell of document.querySelectorAll('main td, main th')) {
      if (!shown(cell) || !(cell.textContent ?? '').trim()) continue;
      const fs = parseFloat(getComputedStyle(cell).fontSize);
      const w = cell.getBoundingClientRect().width;
      // Short text on one line (a column name such as “no”) is not squeezed, only narrow.
      const range = document.createRange();
      range.selectNodeContents(cell);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (w < 2 * fs && lines.size > 1 && [...(cell.textContent ?? '').trim()].length >= 2)
        problems.push(`${name(cell)}: cell ${Math.round(w)}px wide at ${fs}px`);
    }
    // Status words inside the viewport (not cut off at the right, not behind a sideways scroll).
    for (const badge of document.querySelectorAll('.status')) {
      if (!shown(badge)) continue;
      if (badge.closest('.strip-scroll') && document.documentElement.classList.contains('elder')) continue; // the strip scrolls itself in elderly mode
      const r = badge.getBoundingClientRect();
      if (r.left < -1 || r.right > vw + 1)
        problems.push(
          `${name(badge)}: status word at x ${Math.round(r.left)}–${Math.round(r.right)} outside the ${vw}px viewport`,
        );
    }
    return problems;
  }, vw);
}

/**
 * Boxes that scroll sideways on purpose, inside their own region: the month strip (one line of
 * twelve months; in elderly mode it is wider than a phone) and a chart's data table (a grid read
 * across, shown without JavaScript or when asked for). Anything else must fit the viewport.
 */
const SIDEWAYS_SCROLLERS = '.strip-scroll, .chart-table';

/**
 * The page's scroll width and every shown element whose right edge passes the viewport's,
 * outermost first, leaving out what sits in a box that scrolls sideways on purpose (the box
 * itself must fit).
 */
async function widthProblems(page: Page) {
  // The device's width, not window.innerWidth: with mobile emulation a page wider than the screen
  // widens the layout viewport (the browser zooms out), so innerWidth grows with the overflow.
  return page.evaluate(
    ({ scrollers, vw }) => {
      const scrollWidth = document.documentElement.scrollWidth;
      const wide: Element[] = [];
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width < 1 || r.height < 1 || r.right + window.scrollX <= vw + 0.5) continue;
        if (getComputedStyle(el).visibility === 'hidden') continue;
        // Not shown: the content of a closed <details>, or a visually hidden 1-px clipped box.
        if (el.closest('details:not([open]) > :not(summary), .visually-hidden, [hidden]')) continue;
        let clipped = false;
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
          if (a.getBoundingClientRect().width <= 1 && getComputedStyle(a).overflow !== 'visible') clipped = true;
        }
        if (clipped) continue;
        const scroller = el.parentElement?.closest(scrollers);
        if (scroller && scroller.getBoundingClientRect().right + window.scrollX <= vw + 0.5) continue;
        wide.push(el);
      }
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} “${(el.textContent ?? '').trim().slice(0, 16)}”`;
      const problems = wide
        .filter((el) => !wide.some((o) => o !== el && o.contains(el)))
        .map(
          (el) =>
            `${name(el)}: ${Math.round(el.getBoundingClientRect().width)}px wide, right edge at ${Math.round(el.getBoundingClientRect().right + window.scrollX)}px`,
        );
      if (scrollWidth > vw) problems.unshift(`page is ${scrollWidth}px wide in a ${vw}px viewport`);
      return { scrollWidth, problems };
    },
    { scrollers: SIDEWAYS_SCROLLERS, vw: PHONE.viewport.width },
  );
}

/** Elderly mode: font sizes, line heights and target sizes of everything shown. */
async function elderProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const shown = (el: Element) => {
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'none') return false;
      if (
        el.closest(
          '.visually-hidden, [hidden], [aria-hidden="true"], .chart.is-drawn .chart-table:not(.is-open), details:not([open]) > :not(summary)',
        )
      )
        return false;
      // Visually hidden by a 1-px clipped box (the header row of a stacked table, for screen readers).
      for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
        const box = a.getBoundingClientRect();
        if (box.width <= 1 && getComputedStyle(a).overflow !== 'visible') return false;
      }
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1;
    };
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} “${(el.textContent ?? (el as HTMLInputElement).value ?? '').trim().slice(0, 16)}”`;
    let smallest = Infinity;
    const bodySize = parseFloat(getComputedStyle(document.body).fontSize);
    if (bodySize < 20) problems.push(`body text ${bodySize}px (needs 20)`);
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || seen.has(el) || !(node.textContent ?? '').trim() || el.closest('script, style') || !shown(el)) continue;
      seen.add(el);
      const s = getComputedStyle(el);
      const fs = parseFloat(s.fontSize);
      smallest = Math.min(smallest, fs);
      if (fs < 18) problems.push(`${name(el)}: text ${fs}px (needs 18)`);
      const lh = s.lineHeight === 'normal' ? 1.2 * fs : parseFloat(s.lineHeight);
      // Headings and one-line controls may be tighter; running text needs 1.5.
      if (
        lh < 1.5 * fs - 0.5 &&
        !el.closest('h1, h2, h3, button, summary, .status, .site-title, label, select') &&
        problems.length < 40
      )
        problems.push(`${name(el)}: line height ${lh}px at ${fs}px (needs 1.5)`);
    }
    for (const el of document.querySelectorAll('a, button, summary, input, select, textarea')) {
      if (!shown(el) || (el as HTMLInputElement).type === 'hidden') continue;
      if (el.closest('.skip')) continue; // the skip link is off-screen until focused
      let rects = [...el.getClientRects()].filter((r) => r.width > 0);
      // A checkbox's or radio button's target is its label's row.
      if (['checkbox', 'radio'].includes((el as HTMLInputElement).type)) rects = [el.parentElement!.getBoundingClientRect()];
      const h = Math.min(...rects.map((r) => r.height));
      const w = rects.reduce((n, r) => n + r.width, 0);
      const primary = el.matches('button[type="submit"]');
      const need = primary ? 60 : 44;
      if (h < need - 0.5) problems.push(`${name(el)}: target ${Math.round(w)}×${Math.round(h)}px (needs ${need} high)`);
      if (w < 44 - 0.5 && !el.closest('main p, main li, main dd, main td'))
        problems.push(`${name(el)}: target ${Math.round(w)}px wide (needs 44)`);
    }
    return { problems: problems.slice(0, 40), smallest };
  });
}

async function axe(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`);
}

for (const t of PAGE_TYPES) {
  test(`${t.name}: phone layout (390×844), axe`, async ({ browser }) => {
    const { page, close } = await open(browser, PHONE, t.path);
    expect(await layoutProblems(page, PHONE.viewport.width), `${t.path} at 390 px`).toEqual([]);
    expect(await axe(page), `axe on ${t.path} at 390 px`).toEqual([]);
    await close();
  });

  test(`${t.name}: desktop layout (1366×900)`, async ({ browser }) => {
    const { page, close } = await open(browser, DESKTOP, t.path);
    expect(await layoutProblems(page, DESKTOP.viewport.width), `${t.path} at 1366 px`).toEqual([]);
    await close();
  });

  // Embed pages live in other sites' iframes: they have no elderly mode of their own.
  if (!t.path.startsWith('embed/')) {
    test(`${t.name}: elderly mode on a phone: sizes, targets, layout, axe`, async ({ browser }) => {
      const { page, close } = await open(browser, PHONE, t.path, true);
      await expect(page.locator('html')).toHaveClass(/elder/);
      const { problems, smallest } = await elderProblems(page);
      expect(problems, `${t.path} in elderly mode`).toEqual([]);
      console.log(`elderly mode ${t.path}: smallest text ${smallest}px`);
      expect(await layoutProblems(page, PHONE.viewport.width), `${t.path} in elderly mode at 390 px`).toEqual([]);
      expect(await axe(page), `axe on ${t.path} in elderly mode`).toEqual([]);
      await close();
    });
  }
}

// Every page type, and the item pages whose revision tables were widest (12100 item 5, task 5)
// and one whose text has a lead-in (task 24), in normal and in elderly mode.
for (const t of [...PAGE_TYPES, { name: 'task 5', path: '2020/tasks/5/' }, { name: 'task 24', path: '2020/tasks/24/' }]) {
  test(`${t.name}: nothing wider than 390 px, normal and elderly mode`, async ({ browser }) => {
    // Embed pages live in other sites' iframes: they have no elderly mode of their own.
    for (const elder of t.path.startsWith('embed/') ? [false] : [false, true]) {
      const { page, close } = await open(browser, PHONE, t.path, elder);
      const { scrollWidth, problems } = await widthProblems(page);
      console.log(`${t.path} at 390 px${elder ? ' in elderly mode' : ''}: ${scrollWidth}px wide`);
      expect(problems, `${t.path} at 390 px${elder ? ' in elderly mode' : ''}`).toEqual([]);
      await close();
    }
  });
}

test('elderly mode without JS (the #elder target) sizes text the same way', async ({ browser }) => {
  const { page, close } = await open(browser, PHONE, '2020/12100/5/', true, false);
  const { problems } = await elderProblems(page);
  expect(problems).toEqual([]);
  await close();
});

test('chart text follows elderly mode in the browser: 12 px and more normally, 18 px and more in elderly mode', async ({
  browser,
}) => {
  for (const [elder, min] of [
    [false, 12],
    [true, 18],
  ] as const) {
    const { page, close } = await open(browser, PHONE, '2020/tasks/', elder);
    const figure = page.locator('figure.chart').first();
    await figure.scrollIntoViewIfNeeded();
    await expect(figure).toHaveClass(/is-drawn/);
    expect(Number(await figure.getAttribute('data-chart-font'))).toBeGreaterThanOrEqual(min);
    if (elder) await expect(figure.locator('a.when-elder').first()).toHaveAttribute('href', /\.elder\.png$/);
    await close();
  }
});

test('an item’s months are one HTML strip at most 60 px tall (80 with the rates of an item measured by numbers), status word and symbol in every cell; no chart of its statuses', async ({
  browser,
}) => {
  for (const device of [PHONE, DESKTOP]) {
    const { page, close } = await open(browser, device, '2020/12100/5/');
    const strip = page.locator('ol.month-strip');
    await expect(strip).toBeVisible();
    // An item with a quantity indicator carries a third line per month: the rate reported that month (issue 22).
    const measured = (await strip.locator('.v').count()) > 0;
    expect((await strip.boundingBox())!.height).toBeLessThanOrEqual(measured ? 80 : 60);
    // The year is named once, by the region; each cell says its month and status.
    await expect(page.locator('.strip-scroll')).toHaveAttribute('aria-label', '2020年各月状态');
    const cells = strip.locator('li');
    expect(await cells.count()).toBeGreaterThan(0);
    for (const cell of await cells.all()) {
      await expect(cell).toHaveText(/^(1[0-2]|[1-9])月 (已完成|序时推进|滞后|未报送)([\d.]+%|—无数字)?$/);
      await expect(cell.locator('.w')).toHaveText(/^(已完成|序时推进|滞后|未报送)$/);
      const symbol = await cell.locator('.m').evaluate((el) => getComputedStyle(el, '::after').content);
      expect(symbol).toMatch(/[✓→!○]/);
    }
    // No chart of the item's statuses; its indicators' charts (their values, not its months) may follow.
    await expect(page.locator('figure.chart:not([data-chart-id^="indicator-"])')).toHaveCount(0);
    await close();
  }
});

test('on a phone every stacked table cell is labelled with its column header (month, unit, list and street pages)', async ({
  browser,
}) => {
  for (const path of ['2020/months/2020-04/', 'units/zhujianju/', '2020/tasks/', 'streets/shiliulihe/']) {
    const { page, close } = await open(browser, PHONE, path);
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      let checked = 0;
      for (const table of document.querySelectorAll('table.stack')) {
        const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
        for (const row of table.querySelectorAll('tbody tr, tfoot tr')) {
          [...row.children].forEach((cell, i) => {
            const content = getComputedStyle(cell, '::before').content;
            // The number, status and text of an item lead the row unlabelled; a row's own header too.
            const unlabelled = cell.tagName === 'TH' || cell.matches('.first, .st, .text');
            const want = unlabelled ? 'none' : `"${headers[i].replace(/情况$/, '')}："`;
            if (content !== want)
              out.push(`${table.querySelector('caption')?.textContent}: column ${headers[i]} labelled ${content}, not ${want}`);
            checked++;
          });
        }
      }
      return { out: [...new Set(out)], checked };
    });
    expect(problems.checked, path).toBeGreaterThan(10);
    expect(problems.out, path).toEqual([]);
    await close();
  }
});

test('the month page on a phone is at most 3× its desktop height; list pages lead with the summary', async ({ browser }) => {
  const path = '2020/months/2020-04/';
  const phone = await open(browser, PHONE, path);
  const desktop = await open(browser, DESKTOP, path);
  const h = async (p: Page) => p.evaluate(() => document.documentElement.scrollHeight);
  const [hp, hd] = [await h(phone.page), await h(desktop.page)];
  console.log(`month page ${path}: ${hp}px at 390×844, ${hd}px at 1366×900, ratio ${(hp / hd).toFixed(2)}`);
  expect(hp / hd).toBeLessThanOrEqual(3);
  // The summary (counts, then 滞后 and 未报送 items) comes before the full lists.
  const order = await phone.page.evaluate(() => {
    const main = document.querySelector('main')!;
    const summary = main.querySelector('.summary');
    const firstFull = [...main.querySelectorAll('table.items caption')].find(
      (c) => /主要工作任务（\d+项）/.test(c.textContent ?? '') && !/需要关注/.test(c.textContent ?? ''),
    );
    return {
      summary: !!summary,
      before: !!summary && !!firstFull && !!(summary.compareDocumentPosition(firstFull) & Node.DOCUMENT_POSITION_FOLLOWING),
      attention: summary?.querySelectorAll('tbody tr').length ?? 0,
      firstStatus: summary?.querySelector('tbody .status')?.textContent,
    };
  });
  expect(order.summary && order.before).toBe(true);
  expect(order.attention).toBeGreaterThan(0);
  expect(order.firstStatus).toBe('滞后');
  await phone.close();
  await desktop.close();
});

test('search on a phone: the first result within a screen and a half, filters in a folded 筛选 panel, a count line, clean excerpts', async ({
  browser,
}) => {
  const { page, close } = await open(browser, PHONE, 'search/?q=加装电梯');
  const first = page.locator('#search-list > li').first();
  const top = await first.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  console.log(`search 加装电梯 at 390×844: first result at ${Math.round(top)}px (limit ${844 * 1.5}px)`);
  expect(top).toBeLessThanOrEqual(844 * 1.5);
  await expect(page.locator('#search-status')).toHaveText(/找到 \d+ 条结果/);
  const panel = page.locator('details#search-filters-panel');
  await expect(panel).not.toHaveAttribute('open');
  await panel.locator('summary').click();
  await expect(panel).toHaveAttribute('open');
  // Its options load when it first opens.
  await expect(page.locator('#search-filters .count').first()).toBeVisible();
  // Zero-count options are not offered.
  const counts = await page.locator('#search-filters .count').allTextContents();
  expect(counts.length).toBeGreaterThan(0);
  for (const c of counts) expect(Number(c.replace(/\D/g, ''))).toBeGreaterThan(0);
  // Excerpts: the page's own words with the query marked, never the index-only tokens.
  const excerpts = await page.locator('.result-excerpt').allTextContents();
  expect(excerpts.length).toBeGreaterThan(0);
  for (const e of excerpts) {
    expect(e).not.toMatch(/\b[pnt]\d+\b/);
    expect(e, 'no text split into single characters').not.toMatch(/(?:^|\s)[\u4e00-\u9fff](?:\s[\u4e00-\u9fff]){2,}(?:\s|$)/);
  }
  await expect(first.locator('.result-excerpt mark').first()).toHaveText(/加装电梯|电梯|加装/);
  await close();
});

test.describe('without JavaScript on a phone', () => {
  test('the menu opens and its links work', async ({ browser }) => {
    const { page, close } = await open(browser, PHONE, '2020/12100/5/', false, false);
    const menu = page.locator('details.menu');
    await expect(menu.locator('summary')).toBeVisible();
    await expect(page.locator('nav[aria-label="主导航"]')).toBeHidden();
    await expect(menu.locator('a[href$="/2020/tasks/"]')).toBeHidden();
    await menu.locator('summary').click();
    const link = menu.locator('a[href$="/2020/tasks/"]');
    await expect(link).toBeVisible();
    await expect(menu.locator('input[type="search"]')).toBeVisible();
    await Promise.all([page.waitForURL(/\/2020\/tasks\/$/), link.click()]);
    await close();
  });

  test('the search filter panel is a native <details> in the page, not built by script', async ({ browser }) => {
    const { page, close } = await open(browser, PHONE, 'search/', false, false);
    const panel = page.locator('details#search-filters-panel');
    await expect(panel).toHaveCount(1);
    await expect(panel.locator('summary')).toHaveText('筛选');
    await close();
  });

  test('every item page has the 我要留言/纠错 link from site.json, and “my street” is a list of links', async ({ browser }) => {
    const { page, close } = await open(browser, PHONE, '2020/tasks/37/', false, false);
    const fb = page.locator('a.feedback');
    await expect(fb).toHaveText('我要留言/纠错');
    const href = (await fb.getAttribute('href')) ?? '';
    expect(href).toMatch(/^(https?:|mailto:)/);
    expect(decodeURIComponent(href)).toContain('2020年主要工作任务第37项');
    await page.goto(`${BASE}`);
    const street = page.locator('#street ~ ul a').first();
    await Promise.all([page.waitForURL(/\/streets\/[a-z0-9-]+\/$/), street.click()]);
    await expect(page.locator('h1')).toContainText('街道承担的事项');
    await expect(page.locator('main table.items .status').first()).toBeVisible();
    await close();
  });
});
