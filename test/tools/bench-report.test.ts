import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../../tools/bench/build.ts';
import { hugoVersion, writeHugoSite, type HugoData } from '../../tools/bench/hugo.ts';
import type { StepResult } from '../../tools/bench/measure.ts';
import { budgets, renderReport, type BenchData } from '../../tools/bench/report.ts';
import type { SearchResult } from '../../tools/bench/search.ts';
import { DEFAULT_SYNTHETIC } from '../../tools/bench/synthetic.ts';

const step = (name: string, ms: number, treePeak = 500e6, stdout = ''): StepResult => ({
  name,
  ms,
  treePeak,
  maxRss: treePeak,
  code: 0,
  stdout,
  stderr: '',
});
/** A cold build of `ms`, of which `post` ms after the pages (chart wait and search index). */
const build = (ms: number, post: number, peak = 1.0e9): BuildResult => ({
  steps: [step('astro build', ms, peak, `[step search ${post} ms]\n[step post ${post} ms]`)],
  ms,
  peak,
  ok: true,
});
const search = (query: string, bytes: number): SearchResult => ({
  page: '/search/',
  query,
  results: 3,
  firstTitles: [],
  bytes,
  bytesGzip: bytes,
  byKind: {},
  requests: 5,
  ms: 100,
});
const hugo = (hugoMs: number, pagefindMs: number): HugoData => ({
  version: 'hugo v0.111.3',
  pages: 100,
  builds: [step('hugo (plain pages)', hugoMs, 3e9)],
  search: [step('pagefind --site (hugo)', pagefindMs, 3e9)],
});

/** A run that meets every budget of issue 26: figures in ms and bytes. */
function data(over: Partial<BenchData> = {}): BenchData {
  const cold = build(30_000, 10_000);
  return {
    machine: {
      date: '2026-12-07 22:00 UTC',
      cpus: 'cpu',
      nproc: 2,
      memory: 8e9,
      node: 'v24',
      astro: '7',
      pagefind: '1.6',
      os: 'Linux',
      loadBefore: [0, 0, 0],
      memoryTool: 'sampled',
    },
    quick: false,
    runs: 1,
    params: { ...DEFAULT_SYNTHETIC },
    synthetic: {
      units: 1,
      leaders: 1,
      items: 1,
      plans: 1,
      reports: 60_000,
      files: 1,
      bytes: 1,
      today: '2026-12-01',
      generateMs: 1,
    },
    validate: [step('validate', 2000)],
    builds: [cold],
    floors: [step('astro build (bare floor)', 10_000)],
    floorSearch: [step('pagefind --site (floor)', 12_000)],
    floorPages: 100,
    hugo: hugo(3000, 15_000),
    publish: { before: cold, build: build(5000, 1000), rows: 10, district: 'd', file: 'f.csv', diff: [] },
    site: { pages: 100, files: 200, bytes: 390e6, byKind: {}, heaviest: [], searchIndex: 1e6 },
    search: search('加装电梯', 250e3),
    searchText: search('管线迁改', 290e3),
    province: {
      shards: 3,
      catalogueOnly: 133,
      params: { ...DEFAULT_SYNTHETIC },
      jobs: [],
      portal: undefined,
    } as unknown as BenchData['province'],
    provinceSearch: search('加装电梯', 260e3),
    provinceSearchText: search('管线迁改', 280e3),
    bundled: [build(12_000, 3000)],
    steps: ['astro build'],
    ...over,
  };
}

const find = (d: BenchData, name: string) => {
  const b = budgets(d).filter((x) => x.name.includes(name));
  expect(b, name).toHaveLength(1);
  return b[0];
};
const HUGO = 'publish one month (caches restored) ÷ Hugo + Pagefind cold build';

describe('the bench report: issue 26 budgets', () => {
  it('passes a run that meets every budget', () => {
    expect(budgets(data()).filter((b) => b.ok !== true)).toEqual([]);
  });

  it('holds the full build to 1.5× the floor and the astro step to 2.5× bare Astro', () => {
    // Floor 22 s: 33 s is 1.5×, 34 s is more.
    expect(find(data({ builds: [build(33_000, 8000)] }), 'full build ÷ floor')).toMatchObject({ limit: '≤ 1.5×', ok: true });
    expect(find(data({ builds: [build(34_000, 8000)] }), 'full build ÷ floor')).toMatchObject({ value: '1.55×', ok: false });
    // Bare Astro 10 s: pages 25 s is 2.5×, 26 s is more.
    expect(find(data({ builds: [build(31_000, 6000)] }), 'astro step (pages)')).toMatchObject({ limit: '≤ 2.5×', ok: true });
    expect(find(data({ builds: [build(32_000, 6000)] }), 'astro step (pages)')).toMatchObject({ value: '2.60×', ok: false });
  });

  it('holds peak memory under 1.2 GB and the bundled site under 15 s', () => {
    expect(find(data({ builds: [build(30_000, 10_000, 1.21e9)] }), 'peak memory')).toMatchObject({
      limit: '< 1.2 GB',
      ok: false,
    });
    expect(find(data({ bundled: [build(15_500, 3000)] }), 'bundled dataset')).toMatchObject({ limit: '< 15 s', ok: false });
    expect(find(data(), 'large dataset: output')).toMatchObject({ limit: '≤ 400 MB', ok: true });
  });

  it('holds the publish to the Hugo peer of the same run', () => {
    expect(find(data(), HUGO)).toMatchObject({ limit: '≤ 1×', value: '0.28× (5.00 s ÷ 18.00 s)', ok: true });
    expect(find(data({ hugo: hugo(1000, 3000) }), HUGO)).toMatchObject({ value: '1.25× (5.00 s ÷ 4.00 s)', ok: false });
  });

  it('fails the Hugo budget when the peer was not measured, never passes it', () => {
    for (const skipped of ['hugo is not installed (apt-get install hugo)', '--no-hugo']) {
      const b = find(data({ hugo: { skipped, pages: 0, builds: [], search: [] } }), HUGO);
      expect(b).toMatchObject({ value: `not measured (${skipped})`, ok: false });
    }
    const failed = hugo(3000, 15_000);
    failed.builds[0].code = 255;
    expect(find(data({ hugo: failed }), HUGO)).toMatchObject({ value: 'not measured (the Hugo peer failed)', ok: false });
    expect(find(data({ hugo: undefined }), HUGO).ok).toBe(false);
  });

  it('makes both first searches of the large site and of the 136-district portal budget lines', () => {
    const d = data({ searchText: search('管线迁改', 301e3), provinceSearchText: search('管线迁改', 301e3) });
    expect(find(d, 'large site: first search, bytes transferred (a title query, 「加装电梯」)')).toMatchObject({
      limit: '≤ 300 kB',
      ok: true,
    });
    expect(
      find(d, 'large site: first search, bytes transferred (a report-text query of the newest year, 「管线迁改」)'),
    ).toMatchObject({ ok: false });
    expect(find(d, 'province portal, 136 districts: first search, bytes transferred (「加装电梯」)')).toMatchObject({
      limit: '≤ 300 kB',
      ok: true,
    });
    expect(
      find(d, 'province portal, 136 districts: first search, bytes transferred (a report-text query, 「管线迁改」)'),
    ).toMatchObject({ value: '301.0 kB', ok: false });
  });

  it('fails a first search that could not be measured', () => {
    const d = data({ provinceSearchText: { ...search('管线迁改', 0), error: 'timeout' } });
    expect(find(d, 'a report-text query, 「管线迁改」')).toMatchObject({ value: 'error: timeout', ok: false });
  });

  it('reports the Hugo peer beside the floor, and says when it is missing', () => {
    const text = renderReport(data(), budgets(data()), 'npm run bench');
    expect(text).toContain(
      'Hugo + Pagefind, plain pages (a hand-made site): hugo 3.00 s + pagefind 15.00 s = **18.00 s**, peak 3000.0 MB',
    );
    expect(text).toContain(
      '| publish one month (caches restored) ÷ Hugo + Pagefind cold build of the same pages (same run) | ≤ 1× | 0.28× (5.00 s ÷ 18.00 s) | ✓ |',
    );
    const missing = data({ hugo: { skipped: 'hugo is not installed (apt-get install hugo)', pages: 0, builds: [], search: [] } });
    const text2 = renderReport(missing, budgets(missing), 'npm run bench');
    expect(text2).toContain('Not measured: hugo is not installed');
    expect(text2).toContain('| not measured (hugo is not installed (apt-get install hugo)) | ✗ |');
  });
});

describe('the Hugo peer site (tools/bench/hugo.ts)', () => {
  it.skipIf(!hugoVersion())('renders the floor pages with the same text under the same paths, and nothing else', () => {
    const pages = [
      { slug: '2024/s01-001', title: '2024 S01-001', paragraphs: ['加装电梯 a*b_c_ <x> & "q"', '第二段'] },
      { slug: '2024-01', title: '2024-01', paragraphs: ['S01-001：完成'] },
      { slug: 'extra/0/2024/s01-001', title: '2024 S01-001', paragraphs: ['再一次'] },
    ];
    const dir = writeHugoSite(pages);
    const out = mkdtempSync(path.join(tmpdir(), 'luoshi-hugo-out-'));
    try {
      execFileSync('hugo', ['--source', dir, '--destination', out, '--noBuildLock', '--quiet']);
      const html = readFileSync(path.join(out, '2024/s01-001/index.html'), 'utf8');
      expect(html).toContain('<title>2024 S01-001</title>');
      expect(html).toContain('<h1>2024 S01-001</h1>');
      expect(html).toContain('<p>加装电梯 a*b_c_ &lt;x&gt; &amp; &quot;q&quot;</p><p>第二段</p>');
      const files = execFileSync('find', [out, '-type', 'f'], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map((f) => path.relative(out, f))
        .sort();
      expect(files).toEqual(['2024-01/index.html', '2024/s01-001/index.html', 'extra/0/2024/s01-001/index.html']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    }
  });
});
