/**
 * npm run bench [-- --quick] [--check] [--runs N] [--districts N --years N --items N --months N]
 *
 * Build benchmark (issue 8): generates a synthetic content folder (tools/bench/synthetic.ts),
 * then measures validate, the full build (every step of package.json's build script), the same
 * number of pages built by a bare Astro site (the floor) and by a hand-made Hugo site (the peer,
 * tools/bench/hugo.ts), each with Pagefind over it, a month published, the output, the first
 * searches, the province portal (--shards), the bundled dataset's build and Lighthouse, and writes
 * bench/REPORT.md. Data and builds go to bench/out/ (gitignored). `--check` exits 1 when a budget
 * fails (issue 26's budgets: tools/bench/report.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContentOrThrow } from '../src/core/content/load.ts';
import { buildDate } from '../src/core/content/paths.ts';
import { DEFAULT_SYNTHETIC, writeSyntheticContent, type SyntheticParams } from './bench/synthetic.ts';
import { NODE, ROOT, buildEnv, buildSteps, runBuild, siteStats, subSteps } from './bench/build.ts';
import { diffDirs, withoutLastMonth } from './bench/publish.ts';
import { runProvince } from './bench/province.ts';
import { floorPages, writeFloor, type FloorPage } from './bench/floor.ts';
import { hugoVersion, runHugoPeer, writeHugoSite } from './bench/hugo.ts';
import { findItemPage, runLighthouse, type LighthouseResult } from './bench/lighthouse.ts';
import { hasTime, runMeasured, type StepResult } from './bench/measure.ts';
import { summarizeProfiles } from './bench/profile.ts';
import { snapshotSite } from './bench/snapshot.ts';
import { budgets, renderReport, type BenchData } from './bench/report.ts';
import { measureFirstQuery, measurePortalQuery } from './bench/search.ts';
import { LuoshiError } from '../src/core/errors/errors.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    runs: { type: 'string' },
    districts: { type: 'string' },
    years: { type: 'string' },
    items: { type: 'string' },
    months: { type: 'string' },
    seed: { type: 'string' },
    query: { type: 'string', default: '加装电梯' },
    'text-query': { type: 'string', default: '管线迁改' },
    'no-floor': { type: 'boolean', default: false },
    'no-hugo': { type: 'boolean', default: false },
    'no-bundled': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-publish': { type: 'boolean', default: false },
    shards: { type: 'string' },
    profile: { type: 'boolean', default: false },
    report: { type: 'string' },
    site: { type: 'string' },
    patch: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`npm run bench [-- options]
  --quick            small dataset (2 districts × 1 year × 40 items × 3 months), 1 run; report to bench/out/REPORT.md
  --check            exit 1 when a budget fails (issue 26: cold build ≤ 1.5× the floor, astro step ≤ 2.5× bare Astro,
                     publish one month ≤ 20 % of cold and ≤ 1× the Hugo peer's cold build, peak memory < 1.2 GB,
                     output ≤ 400 MB, bundled site cold < 15 s, every first search ≤ 300 kB)
  --runs N           runs of each timed step (default 3; quick 1)
  --districts N --years N --items N --months N --seed N   dataset size (default ${DEFAULT_SYNTHETIC.districts} × ${DEFAULT_SYNTHETIC.years} × ${DEFAULT_SYNTHETIC.itemsPerYear} × ${DEFAULT_SYNTHETIC.months})
  --shards N         the province: N district sites (1 district each, the dataset's years and items), each built
                     as its own job into /<district>/, 136 − N more districts' catalogues (data only), then the portal
                     (scripts/portal.ts) and its first searches (both queries, budgets); wall time for 136 projected
  --query Q --text-query Q   the first searches: a title query (default 加装电梯) and a query of report text (管线迁改)
  --no-publish       skip the warm rebuild and "publish one month"
  --no-hugo          skip the Hugo peer: the floor's pages as a hand-made Hugo site (Debian's hugo, one plain
                     template), built after each floor build, then pagefind --site over it; the budget
                     "publish one month ÷ Hugo + Pagefind cold build" then fails as not measured (as it does
                     when hugo is not installed)
  --profile          one more build of the large dataset under node --cpu-prof, summarized in the report
  --no-floor --no-bundled --no-search --no-lighthouse   skip a part (--no-floor keeps the Hugo peer)
  --report FILE      where to write the report (default bench/REPORT.md; quick: bench/out/REPORT.md)
  --site DIR         build this copy of the site instead of a fresh snapshot of the work tree
  --patch FILE       apply this diff (a/src/… b/src/…) to the copy before building: measure a fix first`);
  process.exit(0);
}

const quick = values.quick!;
const int = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number.parseInt(v, 10));
const params: Required<SyntheticParams> = quick
  ? { ...DEFAULT_SYNTHETIC, districts: 2, years: 1, itemsPerYear: 40, months: 3 }
  : { ...DEFAULT_SYNTHETIC };
params.districts = int(values.districts, params.districts);
params.years = int(values.years, params.years);
params.itemsPerYear = int(values.items, params.itemsPerYear);
params.months = int(values.months, params.months);
params.seed = int(values.seed, params.seed);
const runs = int(values.runs, quick ? 1 : 3);
const OUT = path.join(ROOT, 'bench/out');
const reportFile = path.resolve(values.report ?? (quick ? path.join(OUT, 'REPORT.md') : path.join(ROOT, 'bench/REPORT.md')));
const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

mkdirSync(OUT, { recursive: true });
const version = (pkg: string) =>
  JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version as string;
const cpus = os.cpus();
const data: BenchData = {
  machine: {
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    cpus: `${cpus[0]?.model ?? 'unknown'}`,
    nproc: os.availableParallelism(),
    memory: os.totalmem(),
    node: execFileSync(NODE, ['--version'], { encoding: 'utf8' }).trim(),
    astro: version('astro'),
    pagefind: version('pagefind'),
    os: `${os.type()} ${os.release()}`,
    loadBefore: os.loadavg(),
    memoryTool: hasTime
      ? 'peak RSS of the whole process tree, sampled from /proc every 100 ms (the budget); the largest single process from /usr/bin/time (getrusage, exact)'
      : 'peak RSS of the whole process tree and of its largest process, sampled from /proc every 100 ms (/usr/bin/time not installed)',
  },
  builtFrom: values.site ? path.relative(ROOT, path.resolve(values.site)) : undefined,
  patch: values.patch ? path.relative(ROOT, path.resolve(values.patch)) : undefined,
  quick,
  runs,
  params,
  synthetic: undefined as unknown as BenchData['synthetic'],
  validate: [],
  builds: [],
  floors: [],
  floorSearch: [],
  floorPages: 0,
  hugo: { pages: 0, builds: [], search: [] },
  bundled: [],
  steps: [],
};

/** Write the report as it stands: a long run that is stopped still leaves what it measured. */
function flush(stage: string) {
  const list = budgets(data);
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  mkdirSync(path.dirname(reportFile), { recursive: true });
  const partial = stage === 'complete' ? '' : `> **Partial report**: written after ${stage}; the run was still going.\n\n`;
  const text = renderReport(data, list, command);
  writeFileSync(reportFile, text.replace(/\n## Budgets/, `\n${partial}## Budgets`));
  writeFileSync(
    path.join(OUT, quick ? 'bench-quick.json' : 'bench.json'),
    JSON.stringify(data, (k, v) => (k === 'stdout' || k === 'stderr' ? undefined : v), 2),
  );
  return list;
}

// 0. A private copy of the site: builds in the work tree would collide with developers' builds.
// `--site DIR` builds another copy instead (e.g. one with a fix applied, to measure its gain).
const SITE = values.site ? path.resolve(values.site) : snapshotSite(ROOT, path.join(OUT, 'site'));
log(values.site ? `site: ${SITE} (--site)` : `site snapshot → ${path.relative(ROOT, SITE)}`);
// `--patch FILE` applies a diff (paths a/src/…, b/src/…) to the copy: the gain of a fix, measured
// before it is made in the work tree.
if (values.patch) {
  const diff = path.resolve(values.patch);
  try {
    execFileSync('patch', ['-p1', '--forward', '--batch', '-d', SITE, '-i', diff], { stdio: 'pipe' });
  } catch (error) {
    console.error(String((error as { stdout?: Buffer }).stdout ?? error));
    throw new LuoshiError(`--patch ${values.patch} does not apply to the work tree any more`, { cause: error });
  }
  log(`applied ${path.relative(ROOT, diff)} to the copy`);
}

// 1. The dataset.
const contentDir = path.join(OUT, 'content');
rmSync(contentDir, { recursive: true, force: true });
log(
  `generating ${params.districts} districts × ${params.years} years × ${params.itemsPerYear} items × ${params.months} months → ${path.relative(ROOT, contentDir)}`,
);
const t = performance.now();
const synthetic = writeSyntheticContent(contentDir, params);
data.synthetic = { ...synthetic.stats, today: synthetic.today, generateMs: performance.now() - t };
log(`${synthetic.stats.items} items, ${synthetic.stats.reports} report rows, ${(synthetic.stats.bytes / 1e6).toFixed(1)} MB`);

// 2. Validate.
for (let i = 0; i < runs; i++) {
  const r = await runMeasured('validate', NODE, ['scripts/validate.ts', '--content', contentDir, '--today', synthetic.today], {
    cwd: SITE,
  });
  if (r.code !== 0) {
    console.error(r.stdout.slice(-2000), r.stderr.slice(-4000));
    throw new LuoshiError('validate failed on the synthetic dataset');
  }
  const internal = /（(\d+) ms）/.exec(r.stdout)?.[1];
  data.validate.push({ ...r, internalMs: internal ? Number(internal) : undefined });
  log(`validate run ${i + 1}: ${(r.ms / 1000).toFixed(2)} s, ${(r.treePeak / 1e6).toFixed(0)} MB`);
}
flush('validate');

// 3. The large build, the floor and the Hugo peer, interleaved so that all three see the same
// load on the machine. Every large run is cold, as on a fresh CI machine: the build caches
// (LUOSHI_CACHE_DIR: Astro's incremental cache, chart images, search shards) are emptied first.
// The floor is bare Astro plus Pagefind (its CLI, every page) over the floor's pages; the peer is
// the same pages as a hand-made Hugo site plus the same Pagefind, in the same minutes.
const dist = path.join(OUT, 'dist');
const floorDist = path.join(OUT, 'floor-dist');
const hugoDist = path.join(OUT, 'hugo-dist');
const cacheDir = path.join(OUT, 'cache');
const steps = buildSteps(dist, SITE);
data.steps = steps.map((s) => s.name);
const env = buildEnv(contentDir, synthetic.today, dist, cacheDir);
const hugo = data.hugo!;
if (values['no-hugo']) hugo.skipped = '--no-hugo';
else {
  hugo.version = hugoVersion();
  if (!hugo.version) {
    hugo.skipped = 'hugo is not installed (apt-get install hugo)';
    log(`the Hugo peer is skipped: ${hugo.skipped}; its budget fails as not measured`);
  }
}
let pages: FloorPage[] | undefined;
let floor: ReturnType<typeof writeFloor> | undefined;
let hugoSite: string | undefined;
for (let i = 0; i < runs; i++) {
  rmSync(cacheDir, { recursive: true, force: true });
  log(`cold build run ${i + 1}/${runs}: ${steps.map((s) => s.name).join(' → ')}`);
  const b = await runBuild(steps, SITE, env);
  data.builds.push(b);
  log(
    `  ${(b.ms / 1000).toFixed(1)} s (${JSON.stringify(subSteps(b.steps[0]?.stdout ?? ''))}), peak ${(b.peak / 1e6).toFixed(0)} MB${b.ok ? '' : ' FAILED'}`,
  );
  if (!b.ok) break;
  if (i === 0) data.site = siteStats(dist);
  flush(`large build run ${i + 1}`);
  if (values['no-floor'] && hugo.skipped) continue;
  if (!pages) {
    const ds = loadContentOrThrow(contentDir, { today: synthetic.today });
    pages = floorPages(ds, data.site!.pages);
    data.floorPages = pages.length;
  }
  if (!values['no-floor']) {
    floor ??= writeFloor(pages, floorDist);
    const floorEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
    const f = await runMeasured(floor.step.name, floor.step.command, floor.step.args, { cwd: floor.dir, env: floorEnv });
    if (f.code !== 0) {
      console.error(f.stdout.slice(-2000), f.stderr.slice(-2000));
      throw new LuoshiError('the bare-Astro floor build failed');
    }
    data.floors.push(f);
    const fs = await runMeasured(
      'pagefind --site (floor)',
      NODE,
      [path.join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', floorDist],
      { cwd: floor.dir, env: floorEnv },
    );
    if (fs.code !== 0) {
      console.error(fs.stdout.slice(-2000), fs.stderr.slice(-2000));
      throw new LuoshiError('Pagefind over the floor failed');
    }
    data.floorSearch.push(fs);
    log(
      `  floor: astro ${(f.ms / 1000).toFixed(1)} s + pagefind ${(fs.ms / 1000).toFixed(1)} s for ${data.floorPages} pages, peak ${(Math.max(f.treePeak, fs.treePeak) / 1e6).toFixed(0)} MB`,
    );
  }
  if (!hugo.skipped) {
    hugoSite ??= writeHugoSite(pages);
    hugo.pages = pages.length;
    const h = await runHugoPeer(hugoSite, hugoDist);
    hugo.builds.push(h.build);
    hugo.search.push(h.search);
    if (h.build.code !== 0 || h.search.code !== 0) console.error(h.build.stderr.slice(-2000), h.search.stderr.slice(-2000));
    log(
      `  Hugo peer: hugo ${(h.build.ms / 1000).toFixed(1)} s${h.build.code ? ' FAILED' : ''} + pagefind ${(h.search.ms / 1000).toFixed(1)} s${h.search.code ? ' FAILED' : ''} for ${pages.length} pages, peak ${(Math.max(h.build.treePeak, h.search.treePeak) / 1e6).toFixed(0)} MB`,
    );
  }
}
if (floor) rmSync(floor.dir, { recursive: true, force: true });
if (hugoSite) rmSync(hugoSite, { recursive: true, force: true });
rmSync(hugoDist, { recursive: true, force: true });
flush('the large builds');

// 3b. Warm: the same content again with the caches of the last cold run (nothing changed).
// 3c. Publish one month: the caches as CI restores them, the next month's reports of one district
// and year added, built into a fresh folder; its output must equal the cold build's (same content).
if (data.builds.at(-1)?.ok && !values['no-publish']) {
  // Into another folder: dist/ keeps the cold build, the reference for the comparison below.
  const warmDist = path.join(OUT, 'dist-warm');
  const warmSteps = buildSteps(warmDist, SITE);
  const warmEnv = buildEnv(contentDir, synthetic.today, warmDist, cacheDir);
  const w = await runBuild(warmSteps, SITE, warmEnv);
  data.warm = w;
  log(`warm (nothing changed): ${(w.ms / 1000).toFixed(1)} s ${JSON.stringify(subSteps(w.steps[0]?.stdout ?? ''))}`);
  const month = withoutLastMonth(contentDir, params);
  writeFileSync(month.file, month.without);
  // The month before, built cold: its caches are what CI restores for the publish, and they must
  // not hold anything of the published state (the chart and search caches are keyed by content:
  // left from the cold runs above, they would hand the publish the shards and images it is
  // meant to make).
  rmSync(cacheDir, { recursive: true, force: true });
  const before = await runBuild(warmSteps, SITE, warmEnv);
  rmSync(warmDist, { recursive: true, force: true });
  log(
    `  the month before (${month.rows} rows of ${month.district} left out of ${path.relative(contentDir, month.file)}): ${(before.ms / 1000).toFixed(1)} s`,
  );
  writeFileSync(month.file, month.with);
  const publishDist = path.join(OUT, 'dist-publish');
  rmSync(publishDist, { recursive: true, force: true });
  const pub = await runBuild(buildSteps(publishDist, SITE), SITE, buildEnv(contentDir, synthetic.today, publishDist, cacheDir));
  const diff = pub.ok ? diffDirs(publishDist, dist) : ['the publish build failed'];
  data.publish = {
    before,
    build: pub,
    rows: month.rows,
    district: month.district,
    file: path.relative(contentDir, month.file),
    diff,
  };
  log(
    `  publish one month: ${(pub.ms / 1000).toFixed(1)} s ${JSON.stringify(subSteps(pub.steps[0]?.stdout ?? ''))}; differences from the cold build: ${diff.length}`,
  );
  rmSync(publishDist, { recursive: true, force: true });
  flush('publish one month');
}

// 3d. The province: --shards N districts, each its own build, and the portal.
if (values.shards) {
  log(`province: ${values.shards} district shards and the portal`);
  data.province = await runProvince(Number(values.shards), params, SITE, OUT, synthetic.today, log);
  if (data.province.portal?.ok && !values['no-search']) {
    data.provinceSearch = await measurePortalQuery(path.join(OUT, 'province/dist'), values.query!);
    data.provinceSearchText = await measurePortalQuery(path.join(OUT, 'province/dist'), values['text-query']!);
    log(
      `  portal first search: ${data.provinceSearch.error ?? `${(data.provinceSearch.bytes / 1e3).toFixed(1)} kB in ${data.provinceSearch.requests} requests`}`,
    );
  }
  flush('the province');
}

// 4. The first search on the large site.
if (!values['no-search'] && data.builds.at(-1)?.ok) {
  for (const [key, query] of [
    ['search', values.query!],
    ['searchText', values['text-query']!],
  ] as const) {
    log(`first search: 「${query}」`);
    const r = await measureFirstQuery(dist, query);
    data[key] = r;
    log(r.error ? `  failed: ${r.error}` : `  ${r.results} results, ${(r.bytes / 1e3).toFixed(1)} kB in ${r.requests} requests`);
  }
}
flush('the first search');

// 5. The bundled dataset.
const bundledDist = path.join(OUT, 'dist-bundled');
if (!values['no-bundled']) {
  const bundledSteps = buildSteps(bundledDist, SITE);
  // The work tree's content/, not the copy's: it is in git, so the build computes its revision
  // history as a real build does.
  const bundledCache = path.join(OUT, 'cache-bundled');
  const bundledEnv = buildEnv(path.join(ROOT, 'content'), buildDate(), bundledDist, bundledCache);
  for (let i = 0; i < runs; i++) {
    rmSync(bundledCache, { recursive: true, force: true });
    const b = await runBuild(bundledSteps, SITE, bundledEnv);
    data.bundled.push(b);
    log(
      `bundled build run ${i + 1}: ${(b.ms / 1000).toFixed(1)} s, peak ${(b.peak / 1e6).toFixed(0)} MB${b.ok ? '' : ' FAILED'}`,
    );
    if (!b.ok) break;
  }
  if (data.bundled.at(-1)?.ok) data.bundledSite = siteStats(bundledDist);
}
flush('the bundled builds');

// 6. Lighthouse on both sites: home, an item page, search.
if (!values['no-lighthouse']) {
  const results: LighthouseResult[] = [];
  for (const [label, site, ok] of [
    ['bundled', bundledDist, data.bundled.at(-1)?.ok],
    ['large', dist, data.builds.at(-1)?.ok],
  ] as const) {
    if (!ok) continue;
    const item = findItemPage(site);
    const pages = ['/', ...(item ? [item] : []), '/search/'];
    log(`lighthouse (${label}): ${pages.join(' ')}`);
    const r = await runLighthouse(site, pages);
    if (typeof r === 'string') {
      data.lighthouse = r;
      break;
    }
    results.push(...r.map((x) => ({ ...x, page: `${label} ${x.page}` })));
    data.lighthouse = results;
  }
}

// 7. Profile (optional, last: it is the least needed): the astro step once more under --cpu-prof.
if (values.profile && data.builds.at(-1)?.ok) {
  const profDir = path.join(OUT, 'profile');
  rmSync(profDir, { recursive: true, force: true });
  log('profiling the astro build step');
  const profDist = path.join(OUT, 'dist-profile');
  const astroStep = buildSteps(profDist, SITE)[0];
  const r: StepResult = await runMeasured(astroStep.name, NODE, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, ...astroStep.args], {
    cwd: SITE,
    env: { ...buildEnv(contentDir, synthetic.today, profDist), ...astroStep.env },
  });
  rmSync(profDist, { recursive: true, force: true });
  data.profile = { astroMs: r.ms, summary: summarizeProfiles(profDir, SITE) };
  flush('the profile');
}

data.machine.loadAfter = os.loadavg();
const list = flush('complete');
log(`report → ${path.relative(ROOT, reportFile)}`);
for (const b of list)
  console.log(
    `  ${b.ok === undefined ? '–' : b.ok ? '✓' : '✗'} ${b.name}: ${b.value} (${b.limit})${b.note ? ` — ${b.note}` : ''}`,
  );
if (values.check && list.some((b) => b.ok === false)) {
  console.error('bench --check: a budget failed');
  process.exit(1);
}
