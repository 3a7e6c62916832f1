/**
 * Static checks over the built site (dist/): every page has lang="zh-CN" and a title, every
 * internal link resolves, no page is heavier than 30 KB gzip (HTML + its CSS) unless it lists
 * more than 100 items, no inline style attributes (CSP). And a second build against a content
 * copy with markup in a report proves that text from data files is escaped.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { edit, fixtureText, makeContent } from '../fixtures/content.ts';

const DIST = path.resolve('dist');
/** Node 24 from node_modules/.bin first, also when vitest is started outside npm scripts. */
const ENV = { ...process.env, PATH: `${path.resolve('node_modules/.bin')}${path.delimiter}${process.env.PATH}` };
const LIMIT = 30 * 1024;
/** Pages owned by other work in progress, linked from every page before they exist. Remove once built. */
const PENDING = new Set<string>([]);

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out;
}

/** The URL path of a dist file: dist/2020/tasks/1/index.html → /2020/tasks/1/. */
function urlOf(file: string): string {
  const rel = path.relative(DIST, file).split(path.sep).join('/');
  return `/${rel.replace(/index\.html$/, '')}`;
}

function attrs(html: string, re: RegExp): string[] {
  return [...html.matchAll(re)].map((m) => m[1].replace(/&amp;/g, '&'));
}

function resolves(target: string): boolean {
  const clean = decodeURIComponent(target.split(/[?#]/)[0]);
  const p = path.join(DIST, clean);
  if (clean.endsWith('/')) return existsSync(path.join(p, 'index.html'));
  return existsSync(p) && statSync(p).isFile();
}

let pages: { file: string; url: string; html: string }[] = [];

beforeAll(() => {
  execSync('node tools/ensure-build.ts', { stdio: 'inherit', env: ENV });
  pages = htmlFiles(DIST).map((file) => ({ file, url: urlOf(file), html: readFileSync(file, 'utf8') }));
}, 600_000);

describe('built site', () => {
  it('has every URL of the issue', () => {
    const urls = new Set(pages.map((p) => p.url));
    const must = ['/', '/2020/12100/', '/2020/tasks/', '/units/', '/leaders/', '/bulletins/', '/about/', '/2020/months/'];
    for (let n = 1; n <= 100; n++) must.push(`/2020/12100/${n}/`);
    for (let n = 1; n <= 102; n++) must.push(`/2020/tasks/${n}/`);
    for (let n = 1; n <= 12; n++) must.push(`/2020/12100/category/${n}/`);
    for (let n = 1; n <= 8; n++) must.push(`/2020/tasks/section/${n}/`);
    must.push('/bulletins/2020-02-17-lixiang/', '/2020/notice/');
    for (const u of must) expect(urls.has(u), u).toBe(true);
    expect([...urls].filter((u) => /^\/units\/[^/]+\/$/.test(u)).length).toBeGreaterThan(50);
    expect([...urls].filter((u) => /^\/leaders\/[^/]+\/$/.test(u)).length).toBeGreaterThanOrEqual(8);
    expect([...urls].filter((u) => /^\/2020\/months\/\d{4}-\d{2}\/$/.test(u)).length).toBeGreaterThan(0);
  });

  it("shows the notice text and links every item page's 立项依据 to it", () => {
    const notice = pages.find((p) => p.url === '/2020/notice/')!;
    const text = readFileSync('content/2020/notice.txt', 'utf8');
    // The text is there as written (escaped HTML): a line from 附件2 with its padded leader.
    expect(notice.html).toContain('市中政办发〔2020〕1号');
    expect(text).toContain('钅广村水库');
    expect(notice.html).toContain('钅广村水库');
    const items = pages.filter((p) => /^\/2020\/(tasks|12100)\/\d+\/$/.test(p.url));
    expect(items.length).toBe(202);
    for (const p of items)
      expect(p.html, p.url).toMatch(/<dt>立项依据<\/dt><dd><a href="\/2020\/notice\/">市中政办发〔2020〕1号<\/a>/);
  });

  it('every page has lang zh-CN and a non-empty title', () => {
    for (const p of pages) {
      expect(p.html, p.url).toMatch(/<html[^>]*\blang="zh-CN"/);
      expect(p.html, p.url).toMatch(/<title>[^<]+<\/title>/);
    }
  });

  it('every internal link resolves', () => {
    const broken: string[] = [];
    for (const p of pages) {
      const ids = new Set(attrs(p.html, /\sid="([^"]+)"/g));
      const targets = [
        ...attrs(p.html, /<a\s[^>]*?href="([^"]*)"/g),
        ...attrs(p.html, /<link\s[^>]*?href="([^"]*)"/g),
        ...attrs(p.html, /<script\s[^>]*?src="([^"]*)"/g),
        ...attrs(p.html, /<form\s[^>]*?action="([^"]*)"/g),
      ];
      for (const t of targets) {
        if (/^(https?:|mailto:|tel:|data:)/.test(t) || t.startsWith('//')) continue;
        if (t.startsWith('#')) {
          if (t.length > 1 && !ids.has(decodeURIComponent(t.slice(1)))) broken.push(`${p.url} → ${t}`);
          continue;
        }
        if (t.startsWith('?')) continue; // same page with a query (适老模式)
        const abs = t.startsWith('/') ? t : new URL(t, `http://x${p.url}`).pathname;
        if (PENDING.has(abs.split(/[?#]/)[0])) continue;
        if (!resolves(abs)) broken.push(`${p.url} → ${t}`);
      }
    }
    expect(broken.length, broken.slice(0, 30).join('\n')).toBe(0);
  });

  it('no page is over 30 KB gzip (HTML + CSS) unless it lists more than 100 items', () => {
    const cssSize = new Map<string, number>();
    const heavy: string[] = [];
    let max = { url: '', size: 0 };
    for (const p of pages) {
      let size = gzipSync(p.html).length;
      for (const href of attrs(p.html, /<link\s[^>]*?rel="stylesheet"[^>]*?href="([^"]*)"/g)) {
        if (!cssSize.has(href)) cssSize.set(href, gzipSync(readFileSync(path.join(DIST, href))).length);
        size += cssSize.get(href)!;
      }
      if (size > max.size) max = { url: p.url, size };
      if (size <= LIMIT) continue;
      const items = new Set(attrs(p.html, /href="(\/\d{4}\/(?:tasks|12100)\/\d+\/)"/g)).size;
      if (items <= 100) heavy.push(`${p.url}: ${(size / 1024).toFixed(1)} KB, ${items} items`);
    }
    console.log(`heaviest page: ${max.url} ${(max.size / 1024).toFixed(1)} KB gzip (HTML + CSS), ${pages.length} pages`);
    expect(heavy).toEqual([]);
  });

  it('uses no inline style attributes and carries a CSP meta tag', () => {
    for (const p of pages) {
      expect(p.html, p.url).not.toMatch(/<[a-z][^>]*\sstyle="/i);
      expect(p.html, p.url).toMatch(/<meta http-equiv="content-security-policy"/i);
    }
  });

  it('puts the CSP meta first in <head>, right after <meta charset>, on every page', () => {
    for (const p of pages) {
      expect(p.html, p.url).toMatch(
        /^<!DOCTYPE html><html[^>]*><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="[^"]+">/i,
      );
    }
  });

  it("lists in each page's CSP exactly the hashes of its own inline scripts and styles", () => {
    let inline = 0;
    for (const p of pages) {
      const policy = /<meta http-equiv="content-security-policy" content="([^"]+)">/i.exec(p.html)![1];
      const listed = new Set(policy.match(/'sha256-[A-Za-z0-9+/=]+'/g) ?? []);
      const own = new Set<string>();
      for (const [, , attrs, text] of p.html.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi)) {
        if (/\bsrc=/i.test(attrs)) continue;
        own.add(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
        inline++;
      }
      // Every inline script and style is allowed, and no hash allows anything else.
      expect([...listed].sort(), p.url).toEqual([...own].sort());
      expect(policy, p.url).toMatch(/script-src 'self'/);
      expect(policy, p.url).toMatch(/style-src 'self'/);
    }
    // No page has one (the next test): the pruning above leaves every page's policy without hashes.
    expect(inline).toBe(0);
  });

  it("has no inline script or style, so that scripts/deploy/nginx.conf's CSP header (no hashes) blocks nothing", () => {
    const nginx = readFileSync(path.resolve('scripts/deploy/nginx.conf'), 'utf8');
    const headers = [...nginx.matchAll(/Content-Security-Policy "([^"]+)"/g)].map((m) => m[1]);
    expect(headers.length).toBeGreaterThan(0);
    for (const h of headers) {
      expect(h).toMatch(/script-src 'self'/);
      expect(h).not.toMatch(/'sha256-|'unsafe-inline'/);
    }
    for (const p of pages) expect(p.html.match(/<(script|style)\b(?![^>]*\bsrc=)[^>]*>/gi) ?? [], p.url).toEqual([]);
  });

  it("labels each stacked table cell with its column's header on phones (stacked-tables.css, not a data-label on every cell)", () => {
    const css = readFileSync('src/styles/stacked-tables.css', 'utf8');
    const label = (selector: string) => {
      const m = new RegExp(`${selector.replace(/[.()]/g, '\\$&')}::before \\{\\s*content: '([^']*)：';`).exec(css);
      return m?.[1];
    };
    const headers = (table: string) => [...table.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    let checked = 0;
    for (const p of pages) {
      for (const [table, kind] of p.html.matchAll(
        /<table class="stack counts (status-counts|reporting-counts)">[\s\S]*?<\/table>/g,
      )) {
        // The first column is the row's own header; each later one is labelled by position.
        const cols = headers(table).slice(1);
        expect(table, p.url).not.toContain('data-label');
        expect(
          cols.map((_, i) => label(`table.${kind} td:nth-of-type(${i + 1})`)),
          `${p.url} ${kind}`,
        ).toEqual(cols);
        for (const row of table.match(/<tr>[\s\S]*?<\/tr>/g)!.slice(1))
          expect((row.match(/<td/g) ?? []).length, p.url).toBe(cols.length);
        checked++;
      }
      for (const [table] of p.html.matchAll(/<table class="items stack">[\s\S]*?<\/table>/g)) {
        const cols = headers(table);
        expect(table, p.url).not.toContain('data-label');
        const firstRow = /<tbody><tr>([\s\S]*?)<\/tr>/.exec(table)?.[1];
        if (!firstRow) continue;
        const cells = [...firstRow.matchAll(/<td class="([^"]*)"/g)].map((m) => m[1]);
        expect(cells.length, p.url).toBe(cols.length);
        cells.forEach((cls, i) => {
          const own = cls.split(' ').find((c) => ['grp', 'ldr', 'lu', 'role', 'rep', 'rate'].includes(c));
          // Number, status and text lead the stacked row unlabelled; every later cell has its label.
          if (i < 3) expect(own, `${p.url} column ${cols[i]}`).toBeUndefined();
          else expect(label(`table.stack td.${own}`), `${p.url} column ${cols[i]}`).toBe(cols[i].replace(/情况$/, ''));
        });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('the status page states the numbers rule in the words of docs/FORMATS.md (公开状态如何计算)', () => {
    const formats = readFileSync('docs/FORMATS.md', 'utf8');
    const section = formats.slice(formats.indexOf('## 公开状态如何计算'), formats.indexOf('## 示例'));
    const rule = section.slice(section.indexOf('有指标（indicators.csv）'));
    // Each sentence of the rule, as the Markdown writes it across lines, without its emphasis and list marks.
    const sentences = rule
      .replace(/\*\*/g, '')
      .replace(/`/g, '')
      .split(/\n- |\n(?! {2})/)
      .map((t) => t.replace(/\n\s*/g, '').replace(/^- /, '').trim())
      .filter(Boolean);
    expect(sentences.length).toBeGreaterThanOrEqual(6);
    const about = pages
      .find((p) => p.url === '/about/')!
      .html.replace(/<[^>]+>/g, '')
      .replace(/\s*\n\s*/g, '');
    for (const sentence of sentences) expect(about, sentence).toContain(sentence);
  });

  it('the data page says that CSV cells starting with = + - @ get a leading quote, and JSON does not', () => {
    const page = pages.find((p) => p.url === '/data/')!;
    expect(page.html).toContain('CSV 中以 = + - @ 或制表符、回车开头的单元格，前面加了一个英文单引号');
    expect(page.html).toContain('JSON 中保持原样');
  });

  it('marks every page as sample data while the dataset is sample, and none when it is not', () => {
    const manifest = JSON.parse(readFileSync('content/2020/manifest.json', 'utf8'));
    const main = pages.filter((p) => p.html.includes('id="main"'));
    expect(main.length).toBeGreaterThan(0);
    for (const p of main) {
      if (manifest.sample) expect(p.html, p.url).toContain('示例数据');
      else expect(p.html, p.url).not.toContain('class="sample-notice"');
    }
  });
});

describe('escaping', () => {
  it('shows markup in a report as text', () => {
    const payload = '<script>alert(1)</script>';
    const root = makeContent({
      ...edit('2020/reports/2020-01.csv', 'T1,2020-01,区发改局,目标,进展,', `T1,2020-01,区发改局,目标,${payload} & 进展,`),
      // Raw HTML that validation lets through is still sanitised: the style attribute goes.
      // A withdrawn report: shown with its reason on the item page and the month page.
      '2020/reports/2020-02.csv': fixtureText('2020/reports/2020-02.csv').replace(
        '\nT2,2020-02,区教体局,目标,进展,无,计划,完成,否,2020-03-05,',
        '',
      ),
      '2020/withdrawals.csv': 'item,month,withdrawn,reason\nT2,2020-02,2020-03-20,报送单位有误，待重新报送\n',
      'bulletins/2020-03-01-test.md':
        '---\ntitle: 测试通报\ndate: 2020-03-01\nkind: notice\n---\n\n正文<span style="color:red" class="x">红字</span>。\n',
    });
    const out = mkdtempSync(path.join(tmpdir(), 'luoshi-dist-'));
    try {
      execSync(`astro build --outDir ${out}`, { env: { ...ENV, LUOSHI_CONTENT: root }, stdio: 'pipe' });
      const page = readFileSync(path.join(out, '2020/tasks/1/index.html'), 'utf8');
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      for (const f of htmlFiles(out)) expect(readFileSync(f, 'utf8'), f).not.toContain(payload);
      const task2 = readFileSync(path.join(out, '2020/tasks/2/index.html'), 'utf8');
      expect(task2).toMatch(
        /<strong>月报已撤回<\/strong>（<time datetime="2020-03-20">[^<]+<\/time>）：报送单位有误，待重新报送/,
      );
      const feb = readFileSync(path.join(out, '2020/months/2020-02/index.html'), 'utf8');
      expect(feb).toContain('撤回的月报');
      expect(feb).toContain('报送单位有误，待重新报送');
      const bulletin = readFileSync(path.join(out, 'bulletins/2020-03-01-test/index.html'), 'utf8');
      expect(bulletin).toContain('正文<span>红字</span>。');
      expect(bulletin).toMatch(/<head><meta charset="utf-8"><meta http-equiv="content-security-policy"/);
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(path.dirname(root), { recursive: true, force: true });
    }
  }, 300_000);
});
