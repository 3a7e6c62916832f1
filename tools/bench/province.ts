/**
 * `npm run bench -- --shards N`: a province on this machine. N districts, each its own content
 * folder (synthetic, 1 district each, own seed), each built as its own job into /<district>/
 * (what one matrix job of .github/workflows/province.yml does), then the portal
 * (scripts/portal.ts) over their output. Every job's time and memory are measured; the jobs run
 * one after another here (2 cores), so the parallel wall time is projected, not measured.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
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
  params: Required<SyntheticParams>;
  jobs: ProvinceJob[];
  portal?: ProvinceJob;
  portalSaid?: string;
}

export async function runProvince(shards: number, params: Required<SyntheticParams>, site: string, out: string, today: string, log: (s: string) => void): Promise<ProvinceData> {
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
