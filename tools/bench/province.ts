/**
 * `npm run bench -- --shards N`: a province on this machine. N districts, each its own content
 * folder (synthetic, 1 district each, own seed), each built as its own job into /<district>/
 * (what one matrix job of .github/workflows/province.yml does), then the portal
 * (scripts/portal.ts) over their output. Every job's time and memory are measured; the jobs run
 * one after another here (2 cores), so the parallel wall time is projected, not measured.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadContentOrThrow } from '../../src/core/content/load.ts';
import { searchRecords } from '../../src/core/present/search.ts';
import { siteSummary } from '../../src/core/publish/summary.ts';
import { CATALOGUE_FILE, catalogueEntry, itemYear } from '../../src/steps/search-catalogue.ts';
import { writeSyntheticContent, type SyntheticParams } from './synthetic.ts';
import { NODE, buildEnv, buildSteps, runBuild } from './build.ts';
import { runMeasured } from './measure.ts';

export interface ProvinceJob {
  name: string;
  ms: number;
  peak: number;
  ok: boolean;
}

export interface ProvinceData {
  shards: number;
  /** Districts added as published catalogue data only (no site), to make the province's catalogue full size. */
  catalogueOnly?: number;
  catalogueMs?: number;
  params: Required<SyntheticParams>;
  jobs: ProvinceJob[];
  portal?: ProvinceJob;
  portalSaid?: string;
}

/**
 * Districts `from`…`to` as a portal job receives them from their matrix jobs, but without the
 * site: each one's published catalogue (pagefind/catalogue.json.gz, as src/steps/search-index.ts
 * writes it) and /data/summary.json, from its own synthetic content folder (seed + n). The
 * province's first search reads the catalogue of all of them.
 */
export function writeCatalogueOnlyDistricts(dist: string, from: number, to: number, params: Required<SyntheticParams>): void {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'luoshi-province-'));
  try {
    for (let n = from; n <= to; n++) {
      const content = path.join(tmp, `d${n}`);
      const { today } = writeSyntheticContent(content, { ...params, districts: 1, seed: params.seed + n });
      const ds = loadContentOrThrow(content, { today });
      const out = path.join(dist, `d${n}`);
      mkdirSync(path.join(out, 'pagefind'), { recursive: true });
      mkdirSync(path.join(out, 'data'), { recursive: true });
      const entries = [...searchRecords(ds).values()].filter((r) => itemYear(r.path)).map(catalogueEntry);
      writeFileSync(path.join(out, 'pagefind', CATALOGUE_FILE), gzipSync(JSON.stringify(entries)));
      writeFileSync(path.join(out, 'data/summary.json'), JSON.stringify({ ...siteSummary(ds), district: `合成区${n}` }));
      rmSync(content, { recursive: true, force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export async function runProvince(shards: number, params: Required<SyntheticParams>, site: string, out: string, today: string, log: (s: string) => void, total = 136): Promise<ProvinceData> {
  const p = { ...params, districts: 1 };
  const root = path.join(out, 'province');
  rmSync(root, { recursive: true, force: true });
  const dist = path.join(root, 'dist');
  const data: ProvinceData = { shards, params: p, jobs: [] };
  for (let i = 1; i <= shards; i++) {
    const name = `d${i}`;
    const content = path.join(root, 'content', name);
    writeSyntheticContent(content, { ...p, seed: p.seed + i });
    const outDir = path.join(dist, name);
    // A fresh CI runner: no cache.
    const cache = path.join(root, 'cache', name);
    const env = { ...buildEnv(content, today, outDir, cache), LUOSHI_BASE: `/${name}/` };
    const b = await runBuild(buildSteps(outDir, site), site, env);
    data.jobs.push({ name: `district ${name}`, ms: b.ms, peak: b.peak, ok: b.ok });
    log(`  province job ${name}: ${(b.ms / 1000).toFixed(1)} s, peak ${(b.peak / 1e6).toFixed(0)} MB${b.ok ? '' : ' FAILED'}`);
    if (!b.ok) return data;
  }
  if (total > shards) {
    const started = performance.now();
    // One month reported: of a catalogue entry only the status depends on the months, and loading
    // twelve months of 133 districts took 15 min on this machine against 4 for one.
    writeCatalogueOnlyDistricts(dist, shards + 1, total, { ...p, months: 1 });
    data.catalogueOnly = total - shards;
    data.catalogueMs = performance.now() - started;
    log(`  ${total - shards} more districts' catalogues (data only): ${(data.catalogueMs / 1000).toFixed(1)} s`);
  }
  const r = await runMeasured('portal', NODE, ['scripts/portal.ts', dist], { cwd: site });
  data.portal = { name: 'portal', ms: r.ms, peak: r.treePeak, ok: r.code === 0 };
  data.portalSaid = r.stdout.trim().split('\n').at(-1) ?? r.stderr.slice(-300);
  log(`  portal: ${(r.ms / 1000).toFixed(1)} s — ${data.portalSaid}`);
  return data;
}

/** Wall time for `districts` jobs on `runners` parallel runners: waves of jobs, then the portal. */
export function projectWall(jobMs: number, setupMs: number, portalMs: number, districts: number, runners: number): number {
  return Math.ceil(districts / runners) * (jobMs + setupMs) + portalMs + setupMs;
}
