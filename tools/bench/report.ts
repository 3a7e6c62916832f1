/** The benchmark's Markdown report and its budget checks. */
import type { SyntheticParams, SyntheticStats } from './synthetic.ts';
import { subSteps, type BuildResult, type SiteStats } from './build.ts';
import { projectWall, type ProvinceData } from './province.ts';
import type { LighthouseResult } from './lighthouse.ts';
import { median, type StepResult } from './measure.ts';
import type { ProfileSummary } from './profile.ts';
import { hugoFigures, type HugoData } from './hugo.ts';
import type { SearchResult } from './search.ts';

/** The build's time after the pages: search and charts (`post`, their wall time), else their sum. */
function postOf(p: ReturnType<typeof subSteps>): number {
  return p.post ?? (p.charts ?? 0) + (p.search ?? 0);
}

export interface Machine {
  date: string;
  cpus: string;
  nproc: number;
  memory: number;
  node: string;
  astro: string;
  pagefind: string;
  os: string;
  loadBefore: number[];
  loadAfter?: number[];
  memoryTool: string;
}

export interface BenchData {
  machine: Machine;
  /** The copy of the site that was built, when not a snapshot of the work tree (--site). */
  builtFrom?: string;
  /** A diff applied to the copy before building (--patch). */
  patch?: string;
  quick: boolean;
  runs: number;
  params: Required<SyntheticParams>;
  synthetic: SyntheticStats & { today: string; generateMs: number };
  validate: (StepResult & { internalMs?: number })[];
  builds: BuildResult[];
  floors: StepResult[];
  /** Pagefind's CLI over the floor's pages, after each floor build. */
  floorSearch: StepResult[];
  floorPages: number;
  /** The Hugo peer: the floor's pages as a hand-made Hugo site, then Pagefind, after each floor build. */
  hugo?: HugoData;
  /** A rebuild with nothing changed, caches of the last cold run. */
  warm?: BuildResult;
  /** Publish one month: `before` builds the month before (cold, caches emptied first), `build` adds the month with its caches. */
  publish?: { before: BuildResult; build: BuildResult; rows: number; district: string; file: string; diff: string[] };
  /** --shards N: the province. */
  province?: ProvinceData;
  site?: SiteStats;
  search?: SearchResult;
  /** A first search for words of the newest year's reports only (none in any item's title). */
  searchText?: SearchResult;
  /** A first search on the province portal, over the province-wide catalogue (--shards). */
  provinceSearch?: SearchResult;
  /** The same with the report-text query (a budget too: issue 26 asks both queries of the portal). */
  provinceSearchText?: SearchResult;
  bundled: BuildResult[];
  bundledSite?: SiteStats;
  lighthouse?: LighthouseResult[] | string;
  profile?: { astroMs: number; summary: ProfileSummary; loadCalls?: string };
  steps: string[];
}

export interface Budget {
  name: string;
  limit: string;
  value: string;
  ok: boolean | undefined;
  note?: string;
}

export const GB = 1e9;
export const mb = (b: number) => `${(b / 1e6).toFixed(b < 10e6 ? 2 : 1)} MB`;
export const kb = (b: number) => `${(b / 1e3).toFixed(1)} kB`;
export const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The figures the budgets and the verbatim report lines rest on. */
export function figures(d: BenchData) {
  const ok = d.builds.filter((b) => b.ok);
  const build = median(ok.map((b) => b.ms));
  const astroFloor = median(d.floors.filter((f) => f.code === 0).map((f) => f.ms));
  const searchFloor = median(d.floorSearch.filter((f) => f.code === 0).map((f) => f.ms));
  const floor = astroFloor + searchFloor;
  const parts = ok.map((b) => subSteps(b.steps[0]?.stdout ?? ''));
  const astro = median(ok.map((b, i) => b.ms - postOf(parts[i])));
  const publish = d.publish?.build.ok ? d.publish.build.ms : NaN;
  const peak = Math.max(0, ...d.builds.map((b) => b.peak), ...d.validate.map((v) => v.treePeak), ...(d.warm ? [d.warm.peak] : []), ...(d.publish ? [d.publish.before.peak, d.publish.build.peak] : []), ...(d.province?.jobs.map((j: { peak: number }) => j.peak) ?? []));
  const hugo = hugoFigures(d.hugo);
  return { build, astroFloor, searchFloor, floor, astro, ratio: build / floor, astroRatio: astro / astroFloor, publish, publishShare: publish / build, hugo, publishHugo: publish / hugo.total, peak, output: d.site?.bytes ?? NaN, charts: median(parts.map((x) => x.charts ?? NaN)), search: median(parts.map((x) => x.search ?? NaN)) };
}

export function budgets(d: BenchData): Budget[] {
  const out: Budget[] = [];
  const f = figures(d);
  const fin = Number.isFinite;
  out.push({ name: 'large dataset, cold: full build ÷ floor (bare Astro + Pagefind on the same pages)', limit: '≤ 1.5×', value: fin(f.ratio) ? `${f.ratio.toFixed(2)}×` : 'not measured', ok: fin(f.ratio) ? f.ratio <= 1.5 : undefined });
  out.push({ name: 'large dataset, cold: astro step (pages) ÷ bare-Astro build', limit: '≤ 2.5×', value: fin(f.astroRatio) ? `${f.astroRatio.toFixed(2)}×` : 'not measured', ok: fin(f.astroRatio) ? f.astroRatio <= 2.5 : undefined });
  out.push({ name: 'publish one month (caches restored) ÷ cold full build', limit: '≤ 20 %', value: fin(f.publishShare) ? `${(f.publishShare * 100).toFixed(1)} %` : 'not measured', ok: fin(f.publishShare) ? f.publishShare <= 0.2 : undefined });
  out.push(publishAgainstHugo(d, f.publish, f.hugo.total));
  if (d.publish) out.push({ name: 'publish one month: output equals the cold build of the same content', limit: '0 files differ', value: `${d.publish.diff.length} differ`, ok: d.publish.diff.length === 0 });
  out.push({ name: 'peak memory of any step (process tree)', limit: '< 1.2 GB', value: mb(f.peak), ok: f.peak < 1.2 * GB });
  out.push({ name: 'large dataset: output', limit: '≤ 400 MB', value: fin(f.output) ? mb(f.output) : 'not measured', ok: fin(f.output) ? f.output <= 400e6 : undefined });
  for (const [what, q] of [['a title query', d.search], ['a report-text query of the newest year', d.searchText]] as const)
    out.push(searchBudget(`large site: first search, bytes transferred (${what}${q ? `, 「${q.query}」` : ''})`, q));
  const districts = d.province ? `${d.province.shards + (d.province.catalogueOnly ?? 0)} districts` : '136 districts (--shards)';
  const pq = d.provinceSearch;
  out.push(searchBudget(`province portal, ${districts}: first search, bytes transferred (${pq ? `「${pq.query}」` : 'a title query'})`, pq));
  const pt = d.provinceSearchText;
  out.push(searchBudget(`province portal, ${districts}: first search, bytes transferred (a report-text query${pt ? `, 「${pt.query}」` : ''})`, pt));
  const rows = d.synthetic.reports;
  const allRows = d.synthetic.units + d.synthetic.leaders + d.synthetic.items + d.synthetic.plans + d.synthetic.reports;
  const validate = median(d.validate.map((v) => v.ms));
  out.push({
    name: `validate ${allRows.toLocaleString('en')} rows, ${rows.toLocaleString('en')} of them monthly reports (npm run validate, whole process)`,
    limit: '< 3 s',
    value: sec(validate),
    ok: rows >= 60_000 * 0.95 ? validate < 3000 : undefined,
    note: rows >= 60_000 * 0.95 ? undefined : 'quick run: fewer rows than the budget is for',
  });
  const bundled = median(d.bundled.filter((b) => b.ok).map((b) => b.ms));
  out.push({ name: 'bundled dataset (content/): full build, cold', limit: '< 15 s', value: Number.isFinite(bundled) ? sec(bundled) : 'not measured', ok: Number.isFinite(bundled) ? bundled < 15_000 : undefined });
  if (Array.isArray(d.lighthouse)) {
    for (const l of d.lighthouse) {
      const ok = l.error === 'no such page in the build' ? undefined : l.performance !== undefined && l.accessibility !== undefined ? l.performance >= 0.95 && l.accessibility >= 0.95 : false;
      out.push({ name: `Lighthouse ${l.page}: performance, accessibility`, limit: '≥ 0.95 each', value: l.error ? `error: ${l.error}` : `${l.performance?.toFixed(2)}, ${l.accessibility?.toFixed(2)}`, ok });
    }
  } else if (d.lighthouse) {
    out.push({ name: 'Lighthouse (home, item, search)', limit: '≥ 0.95 each', value: d.lighthouse, ok: undefined });
  }
  if (d.builds.some((b) => !b.ok) || d.bundled.some((b) => !b.ok)) out.push({ name: 'every build succeeded', limit: 'exit 0', value: 'a build failed', ok: false });
  return out;
}

/** A first search within 300 kB; not run is open (–), a search that failed to measure fails. */
function searchBudget(name: string, q: SearchResult | undefined): Budget {
  if (!q) return { name, limit: '≤ 300 kB', value: 'not measured', ok: undefined };
  if (q.error) return { name, limit: '≤ 300 kB', value: `error: ${q.error}`, ok: false };
  return { name, limit: '≤ 300 kB', value: kb(q.bytes), ok: q.bytes <= 300e3 };
}

/**
 * Publish one month against the Hugo peer's cold build of the same pages, in the same run. A peer
 * that did not run (hugo not installed, --no-hugo) or failed fails the budget: it must not pass
 * unmeasured. Without a publish (--no-publish) it is open, like the publish share.
 */
function publishAgainstHugo(d: BenchData, publish: number, hugo: number): Budget {
  const name = 'publish one month (caches restored) ÷ Hugo + Pagefind cold build of the same pages (same run)';
  const limit = '≤ 1×';
  if (!Number.isFinite(hugo)) {
    const why = d.hugo?.skipped ?? (d.hugo?.builds.length ? 'the Hugo peer failed' : 'the Hugo peer did not run');
    return { name, limit, value: `not measured (${why})`, ok: false };
  }
  if (!Number.isFinite(publish)) return { name, limit, value: 'not measured', ok: undefined };
  const ratio = publish / hugo;
  return { name, limit, value: `${ratio.toFixed(2)}× (${sec(publish)} ÷ ${sec(hugo)})`, ok: ratio <= 1 };
}

const mark = (ok: boolean | undefined) => (ok === undefined ? '–' : ok ? '✓' : '✗');

function stepTable(builds: BuildResult[], pages: number): string[] {
  const names = [...new Set(builds.flatMap((b) => b.steps.map((s) => s.name)))];
  const lines = ['| step | median | runs | peak memory (tree) | largest process |', '|---|---:|---|---:|---:|'];
  const notes: string[] = [];
  for (const name of names) {
    const runs = builds.map((b) => b.steps.find((s) => s.name === name)).filter((s): s is StepResult => !!s);
    lines.push(`| \`${name}\` | ${sec(median(runs.map((s) => s.ms)))} | ${runs.map((s) => (s.ms / 1000).toFixed(2)).join(', ')} | ${mb(Math.max(...runs.map((s) => s.treePeak)))} | ${mb(Math.max(...runs.map((s) => s.maxRss)))} |`);
  }
  for (const name of names.slice(1)) {
    const lines = builds.map((b) => b.steps.find((s) => s.name === name)?.stdout.trim().split('\n').at(-1) ?? '').filter(Boolean);
    if (lines.length > 0) notes.push(`\`${name}\` said: ${lines.map((l, i) => `run ${i + 1} 「${l.slice(0, 160)}」`).join('; ')}`);
  }
  const total = median(builds.map((b) => b.ms));
  lines.push(`| **full build** | **${sec(total)}** | ${builds.map((b) => (b.ms / 1000).toFixed(2)).join(', ')} | ${mb(Math.max(...builds.map((b) => b.peak)))} | |`);
  if (pages) lines.push('', `Pages per second (full build): **${(pages / (total / 1000)).toFixed(1)}**; astro build step alone: ${(pages / (median(builds.map((b) => b.steps[0]?.ms ?? NaN)) / 1000)).toFixed(1)}.`);
  if (notes.length > 0) lines.push('', ...notes.map((n) => `- ${n}`));
  const failed = builds.flatMap((b) => b.steps.filter((s) => s.code !== 0).map((s) => `- \`${s.name}\` failed (exit ${s.code}): ${(s.stderr.trim().split('\n').at(-1) ?? '').slice(0, 200)}`));
  if (failed.length > 0) lines.push('', ...failed);
  return lines;
}

/** The Hugo peer, beside the floor: its runs, then the pipelines side by side as issue 26 compares them. */
function hugoLines(h: HugoData | undefined, hf: ReturnType<typeof hugoFigures>): string[] {
  const L: string[] = ['', '### The Hugo peer', ''];
  if (!h || h.skipped || h.builds.length === 0) {
    L.push(`Not measured: ${h?.skipped ?? 'the Hugo peer did not run'}. The budget "publish one month ÷ Hugo + Pagefind cold build" fails without it.`);
    return L;
  }
  L.push(`The same ${h.pages.toLocaleString('en')} pages as the floor, same text and paths, as a hand-made Hugo site (tools/bench/hugo.ts: content files of HTML with front matter, one plain \`layouts/_default/single.html\`, no theme, every other kind of page turned off), built cold by \`hugo\` (${h.version ?? 'version unknown'}), then the same Pagefind CLI over its output (\`pagefind --site\`), after each floor build.`, '');
  L.push('| | median | runs | peak memory |', '|---|---:|---|---:|');
  L.push(`| \`hugo\` | ${sec(hf.hugo)} | ${h.builds.map((x) => (x.code === 0 ? (x.ms / 1000).toFixed(2) : 'failed')).join(', ')} | ${mb(Math.max(0, ...h.builds.map((x) => x.treePeak)))} |`);
  L.push(`| Hugo's \`pagefind --site\` | ${sec(hf.search)} | ${h.search.map((x) => (x.code === 0 ? (x.ms / 1000).toFixed(2) : 'failed')).join(', ')} | ${mb(Math.max(0, ...h.search.map((x) => x.treePeak)))} |`);
  L.push(`| **Hugo + Pagefind** | **${sec(hf.total)}** | | |`);
  const failed = [...h.builds, ...h.search].filter((x) => x.code !== 0);
  if (failed.length > 0) L.push('', ...failed.map((x) => `- \`${x.name}\` failed (exit ${x.code}): ${(x.stderr.trim().split('\n').at(-1) ?? '').slice(0, 200)}`));
  L.push('', `Hugo + Pagefind, plain pages (a hand-made site): hugo ${sec(hf.hugo)} + pagefind ${sec(hf.search)} = **${sec(hf.total)}**, peak ${mb(hf.peak)}`);
  return L;
}

/** The pipelines of the same pages side by side, cold, medians (the table of issue 26). */
function pipelineTable(d: BenchData, f: ReturnType<typeof figures>): string[] {
  const floorPeak = Math.max(0, ...d.floors.map((x) => x.treePeak), ...d.floorSearch.map((x) => x.treePeak));
  const luoshiPeak = Math.max(0, ...d.builds.map((b) => b.peak));
  const L = ['', '### Side by side', '', '| pipeline | cold build | first search | peak |', '|---|---|---|---:|'];
  if (Number.isFinite(f.hugo.total)) L.push(`| Hugo + Pagefind, plain pages (a hand-made site) | ${sec(f.hugo.hugo)} + ${sec(f.hugo.search)} = **${sec(f.hugo.total)}** | – | ${mb(f.hugo.peak)} |`);
  if (Number.isFinite(f.floor)) L.push(`| bare Astro + Pagefind (the floor) | ${sec(f.astroFloor)} + ${sec(f.searchFloor)} = ${sec(f.floor)} | – | ${mb(floorPeak)} |`);
  const first = d.search && !d.search.error ? `**${kb(d.search.bytes)}**` : '–';
  L.push(`| luoshi | ${sec(f.build)} (pages ${sec(f.astro)} = ${f.astroRatio.toFixed(2)}× bare Astro; search ${sec(f.search)}) | ${first} | ${mb(luoshiPeak)} |`);
  if (d.publish?.build.ok) L.push(`| luoshi, a month published (caches restored) | **${sec(f.publish)}** (${(f.publishShare * 100).toFixed(1)} % of cold${d.warm ? `; ${sec(d.warm.ms)} with nothing changed` : ''}) | | ${mb(d.publish.build.peak)} |`);
  return L;
}

function provinceLines(pv: ProvinceData): string[] {
  const L: string[] = ['', '## The province (`--shards`)', ''];
  const p = pv.params;
  L.push(`${pv.shards} district sites, each its own content folder (synthetic, 1 district × ${p.years} years × ${p.itemsPerYear} items × ${p.months} months, seeds ${p.seed + 1}…${p.seed + pv.shards}), each built cold as its own job into \`/<district>/\` (\`LUOSHI_BASE\`), then${pv.catalogueOnly ? ` ${pv.catalogueOnly} more districts as their published catalogues only (data, no site; written in ${sec(pv.catalogueMs ?? NaN)}),` : ''} the portal (scripts/portal.ts: an overview from each district's \`/data/summary.json\`, one province-wide search catalogue indexed from each district's \`pagefind/catalogue.json.gz\`; a district's own index merged only when the visitor picks it). On GitHub Actions this is .github/workflows/province.yml: one matrix job per district, then the portal job.`, '');
  L.push('| job | time | peak memory | |', '|---|---:|---:|---|');
  for (const j of [...pv.jobs, ...(pv.portal ? [pv.portal] : [])]) L.push(`| ${j.name} | ${sec(j.ms)} | ${mb(j.peak)} | ${j.ok ? '✓' : '✗'} |`);
  if (pv.portalSaid) L.push('', `The portal said: 「${pv.portalSaid.replace(/ \[step portal\]/, '')}」`);
  const job = median(pv.jobs.map((j) => j.ms));
  const setup = 90_000;
  L.push('', `Projected wall time for 136 districts (on paper: the jobs above ran one after another on this machine). Per job: the median district build here, ${sec(job)}, plus ${sec(setup)} for a runner's checkout, \`npm ci\` and artifact upload (an estimate, not measured here); the jobs run in waves of N; then one portal job. A GitHub-hosted runner has 4 cores, this machine 2 shared, so these are upper bounds.`, '');
  L.push('| parallel runners N | wall time |', '|---:|---:|');
  for (const n of [1, 10, 20, 40, 136]) L.push(`| ${n} | ${(projectWall(job, setup, pv.portal?.ms ?? 0, 136, n) / 60000).toFixed(1)} min |`);
  return L;
}

export function renderReport(d: BenchData, budgetList: Budget[], command: string): string {
  const L: string[] = [];
  const m = d.machine;
  L.push(`# luoshi build benchmark${d.quick ? ' (quick run)' : ''}`, '');
  L.push(`Written by \`${command}\` on ${m.date}. Medians of ${d.runs} run${d.runs > 1 ? 's' : ''}; every run is listed. Regenerate with \`npm run bench\` (\`-- --check\` fails on a budget, \`-- --quick\` for a small run).`, '');
  if (d.builtFrom) L.push(`**Built from \`${d.builtFrom}\`, not from a snapshot of the work tree.**`, '');
  if (d.patch) L.push(`**Built from a snapshot of the work tree with \`${d.patch}\` applied** (fixes proposed by the benchmark, not yet in the work tree; see that file).`, '');
  L.push('## Budgets', '', '| budget | limit | measured | |', '|---|---|---|---|');
  for (const b of budgetList) L.push(`| ${b.name} | ${b.limit} | ${b.value}${b.note ? ` (${b.note})` : ''} | ${mark(b.ok)} |`);
  L.push('', '## Machine', '');
  L.push(`- CPU: ${m.cpus}, \`nproc\` = ${m.nproc}; memory ${(m.memory / 2 ** 30).toFixed(1)} GiB; ${m.os}`);
  L.push(`- Node ${m.node} (the project's \`node\` devDependency), Astro ${m.astro}, Pagefind ${m.pagefind}`);
  L.push(`- Load average (1, 5, 15 min) before: ${m.loadBefore.map((x) => x.toFixed(2)).join(', ')}${m.loadAfter ? `; after: ${m.loadAfter.map((x) => x.toFixed(2)).join(', ')}` : ''}. The machine is shared: other processes were running during the runs, so single runs vary; compare medians and the ratio to the floor, which was measured in the same minutes.`);
  L.push(`- Memory: ${m.memoryTool}`);
  L.push('', '## Dataset', '');
  const p = d.params;
  L.push(`Synthetic (tools/bench/synthetic.ts, seed ${p.seed}): **${p.districts} districts × ${p.years} years × ${p.itemsPerYear} items per district-year, ${p.months} months reported a year**, all in one content folder, i.e. one site build (a city site publishing all its districts: each district brings its own departments, streets and deputy heads to the registries, and its own tasks and projects to every year).`, '');
  const s = d.synthetic;
  L.push(`| units | leaders | items | plans | report rows | files | size | generate |`, '|---:|---:|---:|---:|---:|---:|---:|---:|');
  L.push(`| ${s.units} | ${s.leaders} | ${s.items.toLocaleString('en')} | ${s.plans.toLocaleString('en')} | ${s.reports.toLocaleString('en')} | ${s.files} | ${mb(s.bytes)} | ${sec(s.generateMs)} |`);
  L.push('', `Build date pinned: \`LUOSHI_TODAY=${s.today}\`. Build steps, read from package.json: ${d.steps.map((x) => `\`${x}\``).join(' → ')}.`);

  L.push('', '## Validate', '', '`node scripts/validate.ts --content … --today …` (what `npm run validate` runs), whole process: start-up, reading, checking.', '');
  L.push('| run | wall time | of which loadContent | peak memory |', '|---:|---:|---:|---:|');
  d.validate.forEach((v, i) => L.push(`| ${i + 1} | ${sec(v.ms)} | ${v.internalMs !== undefined ? sec(v.internalMs) : '–'} | ${mb(v.treePeak)} |`));
  L.push(`| **median** | **${sec(median(d.validate.map((v) => v.ms)))}** | ${sec(median(d.validate.map((v) => v.internalMs ?? NaN)))} | |`);

  L.push('', '## Build of the large dataset', '');
  if (d.builds.length === 0) {
    L.push('Not run yet.', '');
    return L.join('\n');
  }
  const f = figures(d);
  L.push('All runs cold: the build caches (Astro\'s incremental cache, chart images, search shards; `LUOSHI_CACHE_DIR`) emptied before each, as on a fresh CI machine. `npm run build` is one process (`astro build`; the feeds and chart CSVs, the search index and the chart images are written in its `astro:build:done`), so its parts are read from its log.', '');
  L.push(...stepTable(d.builds, d.site?.pages ?? 0));
  const part = (b: BuildResult) => subSteps(b.steps[0]?.stdout ?? '');
  L.push('', '| part of the cold build | median | runs |', '|---|---:|---|');
  L.push(`| pages (Astro: config, bundling, rendering, with the chart images drawn beside them in a worker; and the feeds and chart CSVs) | ${sec(f.astro)} | ${d.builds.map((b) => ((b.ms - postOf(part(b))) / 1000).toFixed(2)).join(', ')} |`);
  if (d.builds.some((b) => part(b).files !== undefined))
    L.push(`| of which feeds and chart CSVs (written from the core) | ${sec(median(d.builds.map((b) => part(b).files ?? NaN)))} | ${d.builds.map((b) => ((part(b).files ?? NaN) / 1000).toFixed(2)).join(', ')} |`);
  L.push(`| chart images, still to wait for when the pages are done | ${sec(f.charts)} | ${d.builds.map((b) => ((part(b).charts ?? NaN) / 1000).toFixed(2)).join(', ')} |`);
  L.push(`| search index (year shards) | ${sec(f.search)} | ${d.builds.map((b) => ((part(b).search ?? NaN) / 1000).toFixed(2)).join(', ')} |`);
  if (d.builds.some((b) => part(b).post !== undefined))
    L.push(`| after the pages: that wait and the search index (wall) | ${sec(median(d.builds.map((b) => part(b).post ?? NaN)))} | ${d.builds.map((b) => ((part(b).post ?? NaN) / 1000).toFixed(2)).join(', ')} |`);
  L.push('', '### The floor', '');
  L.push(`A bare Astro project with one \`[...slug].astro\` page and no layout, CSS or integrations, writing **${d.floorPages.toLocaleString('en')} pages** (as many as the site has) from the same text (tools/bench/floor.ts), then Pagefind's CLI over all of them (\`pagefind --site\`), in the same minutes as the site's builds.`, '');
  L.push(`| | median | runs | peak memory |`, '|---|---:|---|---:|');
  L.push(`| floor \`astro build\` | ${sec(f.astroFloor)} | ${d.floors.map((x) => (x.ms / 1000).toFixed(2)).join(', ')} | ${mb(Math.max(0, ...d.floors.map((x) => x.treePeak)))} |`);
  L.push(`| floor \`pagefind --site\` | ${sec(f.searchFloor)} | ${d.floorSearch.map((x) => (x.ms / 1000).toFixed(2)).join(', ')} | ${mb(Math.max(0, ...d.floorSearch.map((x) => x.treePeak)))} |`);
  L.push(`| **floor** | **${sec(f.floor)}** | | |`);
  L.push(...hugoLines(d.hugo, f.hugo));
  L.push('', `Ratio to the floor (cold): full build ${f.ratio.toFixed(2)}×`, '', `Astro step (pages) ÷ bare-Astro build: ${f.astroRatio.toFixed(2)}×.`);
  if (d.warm) {
    const w = part(d.warm);
    L.push('', '### Warm and incremental', '');
    L.push(`- Rebuild with nothing changed (caches of the last cold run): **${sec(d.warm.ms)}**, ${w.reused.toLocaleString('en')} pages reused, ${w.rendered.toLocaleString('en')} rendered; chart images ${sec(w.charts ?? NaN)}, search ${sec(w.search ?? NaN)}; peak ${mb(d.warm.peak)}.`);
  }
  if (d.publish) {
    const pb = d.publish;
    const x = part(pb.build);
    L.push(`- The month before (${pb.rows} report rows of ${pb.district} left out of \`${pb.file}\`), built cold (caches emptied, so they hold nothing of the published state): ${sec(pb.before.ms)}.`);
    L.push(`- Publish one month: those ${pb.rows} rows added back, built into a fresh output folder with the caches as CI restores them (actions/cache, \`LUOSHI_CACHE_DIR\`): **${sec(pb.build.ms)}**, ${x.reused.toLocaleString('en')} pages reused, ${x.rendered.toLocaleString('en')} rendered; chart images ${sec(x.charts ?? NaN)}, search ${sec(x.search ?? NaN)}; peak ${mb(pb.build.peak)}.`);
    L.push(`- Its output against the cold build of the same content: ${pb.diff.length === 0 ? '**identical** (every file, byte for byte)' : `${pb.diff.length} files differ: ${pb.diff.slice(0, 10).map((z) => `\`${z}\``).join(', ')}`}.`);
    L.push('', `Publish one month: ${(pb.build.ms / 1000).toFixed(1)} s, ${(f.publishShare * 100).toFixed(1)} % of the cold build`);
    L.push('', `Publish one month ÷ Hugo + Pagefind cold build of the same pages: ${Number.isFinite(f.publishHugo) ? `${f.publishHugo.toFixed(2)}×` : 'not measured'}`);
  }
  L.push(...pipelineTable(d, f));
  L.push('', `Peak memory of any step: ${Math.round(f.peak / 1e6)} MB`);
  if (d.site) L.push('', `Output: ${Math.round(d.site.bytes / 1e6)} MB`);
  if (d.province) L.push(...provinceLines(d.province));

  if (d.site) {
    const st = d.site;
    L.push('', '### Output', '');
    L.push(`${st.pages.toLocaleString('en')} HTML pages, ${st.files.toLocaleString('en')} files, **${mb(st.bytes)}** in all: ${Object.entries(st.byKind).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${mb(v)}`).join(', ')}.`, '');
    L.push('Heaviest pages (HTML plus the stylesheets, scripts and images it loads, uncompressed):', '', '| page | weight | HTML | assets |', '|---|---:|---:|---:|');
    for (const h of st.heaviest) L.push(`| \`${h.page}\` | ${kb(h.bytes)} | ${kb(h.html)} | ${kb(h.assets)} |`);
    L.push('', `Search index (\`pagefind/\`): **${mb(st.searchIndex)}**.`);
  }
  const searches = [d.search, d.searchText].filter((q): q is SearchResult => !!q);
  if (searches.length) L.push('', '### First search', '');
  for (const q of searches) {
    if (q.error) L.push(`Not measured (「${q.query}」): ${q.error}`, '');
    else {
      L.push(`Fresh browser (Chromium, empty cache, 390×844) opens \`${q.page}?q=${q.query}\`; the site's own search UI reads the main bundle (every year's items as a catalogue, the newest year's full text), runs the query and shows the first results (${q.results.toLocaleString('en')} found): **${kb(q.bytes)}** in ${q.requests} requests under /pagefind/ as stored, i.e. as served without HTTP compression (index chunks, metadata and fragments are gzip files; ${kb(q.bytesGzip)} with HTTP gzip on the script and WASM), ${Math.round(q.ms)} ms on localhost.${q.filterBytes === undefined ? '' : ` Opening the 筛选 panel then fetches the filter index: ${kb(q.filterBytes)} more.`}`);
      L.push('', `By kind: ${Object.entries(q.byKind).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}. First titles: ${q.firstTitles.map((t) => `「${t}」`).join(' ')}`, '');
    }
  }
  const pq = d.provinceSearch;
  if (pq) {
    L.push('', '### First search on the province portal', '');
    if (pq.error) L.push(`Not measured: ${pq.error}`);
    else {
      L.push(`The portal of the ${d.province?.shards ?? 0} built districts and ${d.province?.catalogueOnly ?? 0} more districts' catalogues (data only: synthetic, 1 district × 5 years × 100 items each, one month reported); a fresh browser opens \`/search/?q=${pq.query}\` and the portal's script reads the province-wide catalogue (src/steps/portal-search.ts) and lists the first ${pq.results} results: **${kb(pq.bytes)}** in ${pq.requests} requests under …/pagefind/ as stored (${kb(pq.bytesGzip)} with HTTP gzip on the script and WASM), ${Math.round(pq.ms)} ms on localhost.`);
      L.push('', `By kind: ${Object.entries(pq.byKind).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}. First titles: ${pq.firstTitles.map((t) => `「${t}」`).join(' ')}`);
    }
    const pt = d.provinceSearchText;
    if (pt && !pt.error) L.push('', `The report-text query \`${pt.query}\` on the portal (whose catalogue holds no report text): **${kb(pt.bytes)}** in ${pt.requests} requests (${kb(pt.bytesGzip)} with HTTP gzip on the script and WASM); by kind: ${Object.entries(pt.byKind).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}.`);
  }

  L.push('', '## Build of the bundled dataset (content/)', '');
  if (d.bundled.length === 0) L.push('Not run.');
  else {
    L.push(...stepTable(d.bundled, d.bundledSite?.pages ?? 0));
    if (d.bundledSite) L.push('', `${d.bundledSite.pages} pages, ${mb(d.bundledSite.bytes)}; heaviest page \`${d.bundledSite.heaviest[0]?.page}\` ${kb(d.bundledSite.heaviest[0]?.bytes ?? 0)}; search index ${mb(d.bundledSite.searchIndex)}.`);
  }

  L.push('', '## Lighthouse', '');
  if (!d.lighthouse) L.push('Not run (`--no-lighthouse`).');
  else if (typeof d.lighthouse === 'string') L.push(d.lighthouse);
  else {
    L.push('Lighthouse defaults (mobile, simulated slow 4G and 4× CPU slowdown), Debian Chromium, served from localhost without compression; on the bundled site (content/) and on the large synthetic site.', '', '| page | performance | accessibility | notes |', '|---|---:|---:|---|');
    for (const l of d.lighthouse) L.push(`| \`${l.page}\` | ${l.performance?.toFixed(2) ?? '–'} | ${l.accessibility?.toFixed(2) ?? '–'} | ${l.error ?? l.notes.join('; ')} |`);
  }

  if (d.profile) {
    const pr = d.profile;
    L.push('', '## Profile of the astro build step (large dataset)', '');
    L.push(`One extra run of the astro build step under \`node --cpu-prof\` (${sec(pr.astroMs)} with the profiler on; ${sec(pr.summary.totalMs)} of samples on the main thread). Worker threads and native code (Rolldown, esbuild) show as native.`, '');
    L.push('Self time by origin:', '', '| origin | ms |', '|---|---:|');
    for (const [k, v] of pr.summary.byOrigin.slice(0, 15)) L.push(`| ${k} | ${Math.round(v)} |`);
    L.push('', 'Top functions by inclusive time:', '', '| function | ms |', '|---|---:|');
    for (const [k, v] of pr.summary.inclusive.slice(0, 25)) L.push(`| \`${k.replace(/\|/g, '\\|')}\` | ${Math.round(v)} |`);
    L.push('', 'Top functions by self time:', '', '| function | ms |', '|---|---:|');
    for (const [k, v] of pr.summary.self.slice(0, 20)) L.push(`| \`${k.replace(/\|/g, '\\|')}\` | ${Math.round(v)} |`);
    if (pr.loadCalls) L.push('', pr.loadCalls);
  }
  L.push('');
  return L.join('\n');
}
