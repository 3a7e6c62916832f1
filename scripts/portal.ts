/**
 * node scripts/portal.ts SITE_DIR
 *
 * The province portal (issue 12): SITE_DIR holds one built district site per folder (each built
 * with LUOSHI_BASE=/<district>/, e.g. by the matrix jobs of .github/workflows/province.yml).
 * Reads each district's published /data/summary.json (counts by status, data date) and writes
 * SITE_DIR/index.html, an overview of every district, and SITE_DIR/search/, one search over all
 * districts: the first district's Pagefind bundle merges every other bundle and every year
 * shard (multisite `mergeIndex`), each result linking into its district's site.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { STATUSES } from '../src/core/model/status.ts';
import type { SiteSummary } from '../src/core/publish/summary.ts';
import { LuoshiError, UsageError, coded } from '../src/core/errors/errors.ts';
import { cli } from './lib/cli.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface PortalResult {
  districts: number;
  bundles: number;
}

export function buildPortal(site: string): PortalResult {
  const districts = readdirSync(site, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(site, e.name, 'data/summary.json')))
    .map((e) => ({
      dir: e.name,
      summary: JSON.parse(readFileSync(path.join(site, e.name, 'data/summary.json'), 'utf8')) as SiteSummary,
    }))
    .sort((a, b) => a.dir.localeCompare(b.dir));
  if (districts.length === 0) throw new LuoshiError(`${site}: no district site (no */data/summary.json)`);
  const bundles: { bundle: string; base: string }[] = [];
  for (const d of districts) {
    const pf = path.join(site, d.dir, 'pagefind');
    if (!existsSync(path.join(pf, 'pagefind.js'))) throw new LuoshiError(`${d.dir}: no search index (pagefind/pagefind.js)`);
    const shards = existsSync(path.join(pf, 'shards.json'))
      ? (JSON.parse(readFileSync(path.join(pf, 'shards.json'), 'utf8')) as { shards: string[] }).shards
      : [];
    bundles.push(
      { bundle: `/${d.dir}/pagefind/`, base: `/${d.dir}/` },
      ...shards.map((s) => ({ bundle: `/${d.dir}/pagefind/${s}/`, base: `/${d.dir}/` })),
    );
  }
  const head = (title: string) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="content-security-policy" content="default-src 'self'; object-src 'none'; base-uri 'self'"><title>${esc(title)}</title></head><body>`;
  const rows = districts.map(({ dir, summary: s }) => {
    const y = s.years.at(-1);
    const cells = STATUSES.map((st) => `<td>${(y?.tasks[st] ?? 0) + (y?.projects[st] ?? 0)}</td>`).join('');
    return `<tr><th scope="row"><a href="/${esc(dir)}/">${esc(s.district)}</a></th><td>${y?.year ?? ''}</td>${cells}<td><time datetime="${esc(s.dataDate)}">${esc(s.dataDate)}</time></td></tr>`;
  });
  writeFileSync(
    path.join(site, 'index.html'),
    `${head('各区政府工作报告任务落实情况')}<main><h1>各区政府工作报告任务落实情况</h1><p><a href="/search/">搜索全部区</a></p><table><caption>各区最新年度全部事项的落实状态（项）</caption><thead><tr><th scope="col">区</th><th scope="col">年度</th>${STATUSES.map((s) => `<th scope="col">${s}</th>`).join('')}<th scope="col">数据日期</th></tr></thead><tbody>${rows.join('')}</tbody></table></main></body></html>\n`,
  );
  mkdirSync(path.join(site, 'search'), { recursive: true });
  writeFileSync(path.join(site, 'search/bundles.json'), JSON.stringify(bundles));
  writeFileSync(
    path.join(site, 'search/portal-search.js'),
    `const bundles = await (await fetch('/search/bundles.json')).json();
const [first, ...rest] = bundles;
const pf = await import(first.bundle + 'pagefind.js');
await pf.options({ baseUrl: first.base });
for (const b of rest) await pf.mergeIndex(b.bundle, { baseUrl: b.base });
await pf.init();
const form = document.getElementById('q-form'), input = document.getElementById('q'), list = document.getElementById('results'), status = document.getElementById('status');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const s = await pf.search(input.value);
  const data = await Promise.all(s.results.slice(0, 20).map((r) => r.data()));
  status.textContent = '找到 ' + s.results.length + ' 条结果。';
  list.replaceChildren(...data.map((d) => { const li = document.createElement('li'); const a = document.createElement('a'); a.href = d.url; a.textContent = d.meta.title || d.url; li.append(a); return li; }));
});
document.body.dataset.ready = 'true';
`,
  );
  writeFileSync(
    path.join(site, 'search/index.html'),
    `${head('搜索全部区')}<main><h1>搜索全部区</h1><form id="q-form" role="search"><label for="q">搜索词</label> <input id="q" type="search"> <button>搜索</button></form><p id="status" role="status"></p><ol id="results"></ol></main><script type="module" src="/search/portal-search.js"></script></body></html>\n`,
  );
  return { districts: districts.length, bundles: bundles.length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { positionals } = cli('用法：node scripts/portal.ts SITE_DIR（每个区一个子目录）', {}, { positionals: true });
  if (positionals.length !== 1) throw coded(UsageError, 'LS-CLI-013');
  const site = positionals[0];
  const started = performance.now();
  const r = buildPortal(path.resolve(site));
  console.log(
    `门户：${r.districts} 个区，合并 ${r.bundles} 个搜索索引，用时 ${Math.round(performance.now() - started)} ms [step portal]`,
  );
}
