/**
 * "Publish one month" for the benchmark: the synthetic dataset with the last month's reports of
 * one district and year left out (the month before), and the comparison of two built sites.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SyntheticParams } from './synthetic.ts';

/**
 * The last report file of the last year, with and without the rows of district 1 (its items are
 * numbered first: T1…T⌈n/2⌉ and P1…P⌊n/2⌋, tools/bench/synthetic.ts).
 */
export function withoutLastMonth(content: string, p: Required<SyntheticParams>): { file: string; with: string; without: string; rows: number; district: string } {
  const year = p.firstYear + p.years - 1;
  const dir = path.join(content, String(year), 'reports');
  const file = path.join(dir, readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().at(-1)!);
  const text = readFileSync(file, 'utf8');
  const tasks = Math.ceil(p.itemsPerYear / 2);
  const projects = p.itemsPerYear - tasks;
  const lines = text.split('\n');
  const keep = lines.filter((line, i) => {
    if (i === 0) return true;
    const m = /^([TP])(\d+),/.exec(line);
    if (!m) return true;
    return Number(m[2]) > (m[1] === 'T' ? tasks : projects);
  });
  return { file, with: text, without: keep.join('\n'), rows: lines.length - keep.length, district: `district 1 of ${p.districts}, ${year}` };
}

function tree(dir: string, rel = '', out = new Map<string, string>()): Map<string, string> {
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) tree(dir, p, out);
    else out.set(p, createHash('sha1').update(readFileSync(path.join(dir, p))).digest('hex'));
  }
  return out;
}

/** Files that differ between two site folders: other bytes, or on one side only. */
export function diffDirs(a: string, b: string): string[] {
  const ta = tree(a);
  const tb = tree(b);
  const out: string[] = [];
  for (const [k, v] of ta) if (tb.get(k) !== v) out.push(tb.has(k) ? `changed ${k}` : `only in the incremental build: ${k}`);
  for (const k of tb.keys()) if (!ta.has(k)) out.push(`only in the cold build: ${k}`);
  return out;
}
