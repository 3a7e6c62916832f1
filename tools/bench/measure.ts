/**
 * Running one step of the benchmark as a child process and measuring it: wall time, and peak
 * memory two ways.
 * - tree peak: the child and all its descendants (astro's worker threads live in the node
 *   process; pagefind runs a native binary as a child) sampled from /proc every 100 ms and
 *   summed (children found through /proc/<pid>/task/<tid>/children, so a sample reads a few
 *   files, not all of /proc). This is what the machine has to have free; the peak-memory budget
 *   (tools/bench/report.ts) is checked on it.
 * - max RSS: the largest single process of the tree, from `/usr/bin/time -v` (getrusage
 *   RUSAGE_CHILDREN, exact, not sampled). Used when /usr/bin/time exists; otherwise the
 *   largest single process seen by the sampler.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface StepResult {
  name: string;
  ms: number;
  /** Peak of the summed RSS of the process tree (sampled), bytes. */
  treePeak: number;
  /** Peak RSS of the largest single process, bytes. */
  maxRss: number;
  code: number;
  stdout: string;
  stderr: string;
  /** Killed for passing the memory cap. */
  killed?: boolean;
}

const TIME = '/usr/bin/time';
const PAGE = 4096;
const SAMPLE_MS = 100;

/** pid → ppid of every process, from /proc/<pid>/stat. */
function processTable(): Map<number, number> {
  const table = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may contain spaces and parentheses.
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), Number(after[1]));
    } catch {
      // The process ended between readdir and read.
    }
  }
  return table;
}

function rssOf(pid: number): number {
  try {
    const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(statm[1]) * PAGE;
  } catch {
    return 0;
  }
}

const hasChildrenFiles = existsSync(`/proc/${process.pid}/task/${process.pid}/children`);

/** Children of `pid` from /proc/<pid>/task/<tid>/children (cheap), across all its threads. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) out.push(...text.split(' ').map(Number));
    }
  } catch {
    // The process ended.
  }
  return out;
}

function treeOf(root: number): number[] {
  if (hasChildrenFiles) {
    const out: number[] = [];
    const stack = [root];
    while (stack.length > 0) {
      const pid = stack.pop()!;
      out.push(pid);
      stack.push(...childrenOf(pid));
    }
    return out;
  }
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Echo the child's output as it runs. */
  echo?: boolean;
  /**
   * Kill the process tree when its memory passes this many bytes (default 8 GB, or
   * LUOSHI_BENCH_MEM_CAP): the machine is shared, and a step that leaks must fail, not take it down.
   */
  memCap?: number;
}

export const DEFAULT_MEM_CAP = Number(process.env.LUOSHI_BENCH_MEM_CAP ?? 8e9);

export const hasTime = existsSync(TIME);

/** Run `command args` and measure it. Never throws on a non-zero exit: the caller decides. */
export function runMeasured(name: string, command: string, args: string[], options: RunOptions = {}): Promise<StepResult> {
  const timeFile = path.join(tmpdir(), `luoshi-bench-time-${process.pid}-${Date.now()}`);
  const [cmd, argv] = hasTime ? [TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d;
    if (options.echo) process.stdout.write(d);
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d;
    if (options.echo) process.stderr.write(d);
  });
  let treePeak = 0;
  let largest = 0;
  let killed = false;
  const memCap = options.memCap ?? DEFAULT_MEM_CAP;
  const sample = () => {
    if (child.pid === undefined) return;
    let sum = 0;
    for (const pid of treeOf(child.pid)) {
      // /usr/bin/time itself is tiny but is part of the tree; count it, it is honest.
      const rss = rssOf(pid);
      sum += rss;
      largest = Math.max(largest, rss);
    }
    treePeak = Math.max(treePeak, sum);
    if (sum > memCap && !killed) {
      killed = true;
      stderr += `\n[bench] killed: the process tree used ${(sum / 1e9).toFixed(1)} GB, over the ${(memCap / 1e9).toFixed(1)} GB cap\n`;
      for (const pid of treeOf(child.pid).reverse()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  };
  const timer = setInterval(sample, SAMPLE_MS);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = performance.now() - started;
      let maxRss = largest;
      if (hasTime && existsSync(timeFile)) {
        const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
        if (Number.isFinite(kb) && kb > 0) maxRss = kb * 1024;
        rmSync(timeFile, { force: true });
      }
      resolve({ name, ms, treePeak: Math.max(treePeak, maxRss), maxRss, code: killed ? 137 : code ?? 1, stdout, stderr, killed });
    });
  });
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
