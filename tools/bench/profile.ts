/**
 * A summary of V8 CPU profiles (`node --cpu-prof`): self and inclusive time per function, and
 * self time per origin (our data core, our pages, Astro, Vite/Rolldown, zod, csv-parse, …).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface ProfileSummary {
  totalMs: number;
  self: [string, number][];
  inclusive: [string, number][];
  byOrigin: [string, number][];
}

function shortUrl(url: string, root: string): string {
  return url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\/(\.pnpm\/)?/, '~/')
    .replace(`${root}/`, '')
    .replace(/\?.*$/, '');
}

export function originOf(url: string, root: string): string {
  const u = shortUrl(url, root);
  if (u === '') return '(native, gc, idle)';
  if (u.startsWith('node:')) return 'node internals';
  if (u.startsWith('~/')) {
    const parts = u.slice(2).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (u.startsWith('src/core/')) return 'src/core';
  if (u.startsWith('src/')) return u.split('/').slice(0, 2).join('/');
  if (u.includes('/.prerender/') || u.includes('/chunks/') || u.includes('/entry.mjs') || u.includes('/pages/')) return 'built site chunks (pages, components, bundled src/core)';
  return u.split('/').slice(0, 2).join('/');
}

export function summarizeProfiles(dir: string, root: string, top = 25): ProfileSummary {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const byOrigin = new Map<string, number>();
  let totalMs = 0;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.cpuprofile'))) {
    const p = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const time = new Map<number, number>();
    p.samples.forEach((s, i) => time.set(s, (time.get(s) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
    const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}  ${shortUrl(n.callFrame.url, root)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    for (const [id, ms] of time) {
      const n = byId.get(id)!;
      totalMs += ms;
      if (n.callFrame.functionName === '(idle)') continue;
      self.set(key(n), (self.get(key(n)) ?? 0) + ms);
      const origin = originOf(n.callFrame.url, root);
      byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + ms);
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const k = key(byId.get(cur)!);
        if (seen.has(k)) continue;
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
      }
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { totalMs, self: sorted(self), inclusive: sorted(inclusive).filter(([k]) => !/^\((root|program)\)/.test(k)), byOrigin: sorted(byOrigin) };
}
