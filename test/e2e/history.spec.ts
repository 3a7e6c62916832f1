/**
 * Revision history in the browser.
 *
 * The site in dist/ is built from this repository, whose content/ history may be one commit
 * (or none in a shallow CI clone), so it cannot prove that a later edit shows. This test
 * therefore builds a second, small site from a temporary git repository — the test fixture,
 * committed, then a past month's report edited in a later commit — serves it, and reads the
 * item page and the month page as a visitor would. It costs one extra build (~20 s on the
 * fixture). A second test checks the real dist/ against `git log` of the real repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TODAY, fixtureText, makeContent } from '../fixtures/content.ts';

const NODE = path.resolve('node_modules/.bin/node');
const ASTRO = path.resolve('node_modules/astro/bin/astro.mjs');

function git(cwd: string, args: string[], date?: string): string {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: '督查室',
    GIT_AUTHOR_EMAIL: 'ducha@example.gov.cn',
    GIT_COMMITTER_NAME: '督查室',
    GIT_COMMITTER_EMAIL: 'ducha@example.gov.cn',
    ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
  };
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
}

/** The first built page whose HTML contains `marker`, as a URL path. */
function findPage(dist: string, marker: string): string | undefined {
  const walk = (dir: string): string | undefined => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) {
        const found = walk(p);
        if (found) return found;
      } else if (name === 'index.html' && readFileSync(p, 'utf8').includes(marker)) {
        return `/${path.relative(dist, path.dirname(p)).split(path.sep).join('/')}/`.replace(/^\/\/$/, '/');
      }
    }
    return undefined;
  };
  return walk(dist);
}

function serve(dist: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(dist, pathname);
    if (!file.startsWith(dist)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    const type = file.endsWith('.html')
      ? 'text/html; charset=utf-8'
      : file.endsWith('.css')
        ? 'text/css'
        : file.endsWith('.js')
          ? 'text/javascript'
          : file.endsWith('.xml')
            ? 'application/atom+xml'
            : 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` }),
    ),
  );
}

test.describe('revision history of a site built from a repository with a later correction', () => {
  test.describe.configure({ mode: 'serial', timeout: 600_000 });
  let work: string;
  let dist: string;
  let server: Server;
  let origin: string;
  let correction: string;

  test.beforeAll(async () => {
    const root = makeContent();
    const repo = path.dirname(root);
    git(repo, ['init', '-q', '-b', 'main']);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', '发布 2020 年 1—2 月数据'], '2020-03-06T10:00:00+08:00');
    writeFileSync(
      path.join(root, '2020/reports/2020-01.csv'),
      fixtureText('2020/reports/2020-01.csv').replace(
        'T1,2020-01,区发改局,目标,进展,',
        'T1,2020-01,区发改局,目标,进展（已核实）,',
      ),
    );
    git(repo, ['commit', '-q', '-am', '更正 1 月月报'], '2020-05-20T16:30:00+08:00');
    correction = git(repo, ['rev-parse', '--short', 'HEAD']);
    work = mkdtempSync(path.join(tmpdir(), 'luoshi-history-site-'));
    dist = path.join(work, 'dist');
    execFileSync(NODE, [ASTRO, 'build', '--outDir', dist], {
      env: { ...process.env, LUOSHI_CONTENT: root, LUOSHI_TODAY: TODAY, LUOSHI_SITE: 'https://example.gov.cn' },
      stdio: 'pipe',
      timeout: 540_000,
    });
    ({ server, origin } = await serve(dist));
  });

  test.afterAll(() => {
    server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('the item page lists the later edit of a past report: date, field, old → new, commit', async ({ page }) => {
    const itemPath = findPage(dist, 'data-history-for="2020-T1"');
    expect(itemPath, 'an item page with <HistoryList year={2020} item="T1" />').toBeDefined();
    await page.goto(`${origin}${itemPath}`);
    const history = page.locator('[data-history-for="2020-T1"]');
    await expect(history).toHaveAttribute('data-history-available', 'true');
    const row = history.locator('tr[data-kind="changed"]');
    await expect(row).toHaveCount(1);
    await expect(row.locator('td').nth(0)).toHaveText('2020年5月20日');
    await expect(row.locator('td').nth(1)).toHaveText('更正2020年1月月报');
    await expect(row.locator('td').nth(2)).toHaveText('完成情况：进展 → 进展（已核实）');
    await expect(row.locator('td').nth(2).locator('del')).toHaveText('进展');
    await expect(row.locator('td').nth(2).locator('ins')).toHaveText('进展（已核实）');
    await expect(row.locator('td').nth(3)).toHaveText(correction);
    // Commit messages (English) are never shown to users, not even as tooltips.
    await expect(history.locator('[title]')).toHaveCount(0);
    // The first publication is listed too, older, below it.
    await expect(history.locator('tr[data-kind="added"]')).toContainText('公开任务');
    // The page offers its own feed, and the feed carries the correction.
    const feedHref = await page.locator('link[rel="alternate"][type="application/atom+xml"]').first().getAttribute('href');
    expect(feedHref).toBe('/feeds/items/2020-T1.xml');
    const feed = readFileSync(path.join(dist, 'feeds/items/2020-T1.xml'), 'utf8');
    expect(feed).toContain('更正：主要工作任务第1项2020年1月月报已修改');
  });

  test('the month page shows the correction made after publication', async ({ page }) => {
    const monthPath = findPage(dist, 'data-corrections-for="2020-01"');
    expect(monthPath, 'a month page with <Corrections year={2020} month="2020-01" />').toBeDefined();
    await page.goto(`${origin}${monthPath}`);
    const section = page.locator('section[data-corrections-for="2020-01"]');
    await expect(section).toContainText('更正');
    const row = section.locator('tbody tr');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('完成情况');
    await expect(row.locator('del')).toHaveText('进展');
    await expect(row.locator('ins')).toHaveText('进展（已核实）');
    await expect(row).toContainText(correction);
    // February had no correction: no section.
    expect(findPage(dist, 'data-corrections-for="2020-02"')).toBeUndefined();
  });
});

test('the built site’s history agrees with git log of this repository', async ({ page }) => {
  const shallow = (() => {
    try {
      return git('content', ['rev-parse', '--is-shallow-repository']) === 'true';
    } catch {
      return undefined; // not a repository
    }
  })();
  const itemPath = findPage(path.resolve('dist'), 'data-history-for="2020-T1"');
  expect(itemPath, 'an item page with <HistoryList year={2020} item="T1" />').toBeDefined();
  await page.goto(itemPath!);
  const history = page.locator('[data-history-for="2020-T1"]');
  if (shallow !== false) {
    await expect(history).toHaveAttribute('data-history-available', 'false');
    await expect(history).toContainText('历史记录不可用');
    return;
  }
  const first = git('.', ['log', '--reverse', '--format=%h', '--', 'content/2020/tasks.csv']).split('\n')[0];
  if (!first) {
    await expect(history).toContainText('历史记录不可用');
    return;
  }
  // T1 was first published in the first commit that added tasks.csv.
  await expect(history.locator('tr[data-kind="added"]').last()).toContainText('公开任务');
  await expect(history.locator('tr[data-kind="added"]').last().locator('code')).toHaveText(first);
});
