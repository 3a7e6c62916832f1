/**
 * node scripts/portal.ts SITE_DIR
 *
 * The province portal (issue 12): SITE_DIR holds one built district site per folder (each built
 * with LUOSHI_BASE=/<district>/, e.g. by the matrix jobs of .github/workflows/province.yml).
 * Reads each district's published /data/summary.json (counts by status, data date) and writes
 * SITE_DIR/index.html, an overview of every district, and SITE_DIR/search/, one search over all
 * districts: a province-wide catalogue of every item of every district and year, indexed here from
 * each district's published catalogue (pagefind/catalogue.json.gz); a district's own index is merged
 * only when the visitor picks that district (src/steps/portal-search.ts). Each result links into its
 * district's site.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { STATUSES } from '../src/core/model/status.ts';
import type { SiteSummary } from '../src/core/publish/summary.ts';
import { LuoshiError, UsageError, coded } from '../src/core/errors/errors.ts';
import { cli } from './lib/cli.ts';
import { writePortalSearch } from '../src/steps/portal-search.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface PortalResult {
  districts: number;
  /** Items in the province-wide catalogue, and the catalogue pages they were indexed as. */
  entries: number;
  pages: number;
}

export async function buildPortal(site: string): Promise<PortalResult> {
  const districts = readdirSync(site, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(site, e.name, 'data/summary.json')))
    .map((e) => ({
      dir: e.name,
      summary: JSON.parse(readFileSync(path.join(site, e.name, 'data/summary.json'), 'utf8')) as SiteSummary,
    }))
    .sort((a, b) => a.dir.localeCompare(b.dir));
  if (districts.length === 0) throw new LuoshiError(`${site}: no district site (no */data/summary.json)`);
  // Pagefind searches with WebAssembly: 'wasm-unsafe-eval', as on a district's search page.
  const head = (title: string) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'"><title>${esc(title)}</title></head><body>`;
  const rows = districts.map(({ dir, summary: s }) => {
    const y = s.years.at(-1);
    const cells = STATUSES.map((st) => `<td>${(y?.tasks[st] ?? 0) + (y?.projects[st] ?? 0)}</td>`).join('');
    return `<tr><th scope="row"><a href="/${esc(dir)}/">${esc(s.district)}</a></th><td>${y?.year ?? ''}</td>${cells}<td><time datetime="${esc(s.dataDate)}">${esc(s.dataDate)}</time></td></tr>`;
  });
  writeFileSync(
    path.join(site, 'index.html'),
    `${head('各区政府工作报告任务落实情况')}<main><h1>各区政府工作报告任务落实情况</h1><p><a href="/search/">搜索全部区</a></p><table><caption>各区最新年度全部事项的落实状态（项）</caption><thead><tr><th scope="col">区</th><th scope="col">年度</th>${STATUSES.map((s) => `<th scope="col">${s}</th>`).join('')}<th scope="col">数据日期</th></tr></thead><tbody>${rows.join('')}</tbody></table></main></body></html>\n`,
  );
  const search = await writePortalSearch(
    site,
    districts.map((d) => ({ dir: d.dir, name: d.summary.district })),
    head,
  );
  if (search.errors.length) throw new LuoshiError(`portal search: ${search.errors.slice(0, 5).join('; ')}`);
  return { districts: districts.length, entries: search.entries, pages: search.pages };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { positionals } = cli('用法：node scripts/portal.ts SITE_DIR（每个区一个子目录）', {}, { positionals: true });
  if (positionals.length !== 1) throw coded(UsageError, 'LS-CLI-013');
  const site = positionals[0];
  const started = performance.now();
  const r = await buildPortal(path.resolve(site));
  console.log(
    `门户：${r.districts} 个区，全省事项目录 ${r.entries} 项（${r.pages} 个目录页），用时 ${Math.round(performance.now() - started)} ms [step portal]`,
  );
}
