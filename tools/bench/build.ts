/**
 * The site's build, step by step, as `npm run build` runs it, but into another output folder
 * and from another content folder. The steps are read from package.json at bench time, so a
 * step added later (chart images, data exports) is measured without changing this file:
 * - `astro build …`            → astro build … --outDir OUT
 * - `node scripts/x.ts …`      → node scripts/x.ts … OUT   (the convention of src/steps/search-index.ts:
 *                                 the site folder is the last argument)
 * - `npm run x`                → the steps of script x, recursively
 * - anything else              → sh -c, with LUOSHI_OUT_DIR=OUT in the environment
 * Every step also gets LUOSHI_CONTENT, LUOSHI_TODAY and LUOSHI_OUT_DIR.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { runMeasured, type StepResult } from './measure.ts';
import { LuoshiError } from '../../src/core/errors/errors.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** Node 24 from the project's devDependencies (system node may be older than Astro needs). */
export const NODE = path.join(ROOT, 'node_modules/.bin/node');
const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

export interface Step {
  name: string;
  command: string;
  args: string[];
  /** Variables the script sets for the step (`cross-env A=1 astro build`, `A=1 astro build`). */
  env?: Record<string, string>;
}

function scripts(site: string): Record<string, string> {
  return JSON.parse(readFileSync(path.join(site, 'package.json'), 'utf8')).scripts ?? {};
}

/** The build's steps for an output folder, as the site at `site` (a snapshot of the repo) defines them. */
export function buildSteps(outDir: string, site: string, script = 'build'): Step[] {
  const line = scripts(site)[script];
  if (!line) throw new LuoshiError(`package.json has no "${script}" script`);
  const steps: Step[] = [];
  for (const part of line.split('&&').map((s) => s.trim()).filter(Boolean)) {
    let words = part.split(/\s+/);
    const env: Record<string, string> = {};
    if (words[0] === 'cross-env') words = words.slice(1);
    while (words.length > 1 && /^[A-Za-z_]\w*=/.test(words[0])) {
      const [name, ...value] = words[0].split('=');
      env[name] = value.join('=');
      words = words.slice(1);
    }
    if (words[0] === 'astro') {
      const args = [ASTRO, ...words.slice(1)];
      if (words[1] === 'build' && !words.includes('--outDir')) args.push('--outDir', outDir);
      steps.push({ name: part, command: NODE, args, env });
    } else if (words[0] === 'node') {
      steps.push({ name: part, command: NODE, args: nodeArgs(words.slice(1), outDir, site), env });
    } else if (words[0] === 'npm' && words[1] === 'run' && words[2]) {
      steps.push(...buildSteps(outDir, site, words[2]));
    } else {
      steps.push({ name: part, command: 'sh', args: ['-c', part] });
    }
  }
  return steps;
}

export function buildEnv(content: string, today: string, outDir: string, cacheDir?: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...(cacheDir ? { LUOSHI_CACHE_DIR: cacheDir } : {}),
    PATH: `${path.join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
    LUOSHI_CONTENT: content,
    LUOSHI_TODAY: today,
    LUOSHI_OUT_DIR: outDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
  };
}

/**
 * Arguments of a `node script …` step for another output folder: `dist` and `dist/…` become
 * OUT and OUT/…; a script that reads its site folder from argv[2] (src/steps/search-index.ts) gets OUT
 * appended; a script with an `out` option defaulting to dist/… (src/steps/chart-images.ts) gets
 * `--out OUT/…`.
 */
export function nodeArgs(args: string[], outDir: string, site: string): string[] {
  const out = args.map((a) => (a === 'dist' ? outDir : a.startsWith('dist/') ? path.join(outDir, a.slice(5)) : a));
  const script = out.find((a) => /\.(ts|js|mjs)$/.test(a));
  if (!script || out.some((a) => a.startsWith(outDir))) return out;
  let source: string;
  try {
    source = readFileSync(path.join(site, script), 'utf8');
  } catch {
    return out;
  }
  const outOption = /\bout:\s*\{[^}]*default:\s*'dist(\/[^']*)?'/.exec(source);
  if (outOption && !out.includes('--out')) return [...out, '--out', path.join(outDir, outOption[1] ?? '')];
  const positional = out.slice(out.indexOf(script) + 1).filter((a) => !a.startsWith('-'));
  if (/process\.argv\[2\]/.test(source) && positional.length === 0) return [...out, outDir];
  return out;
}

export interface BuildResult {
  steps: StepResult[];
  ms: number;
  /** Largest tree peak over the steps (they run one after another). */
  peak: number;
  ok: boolean;
}

/**
 * The parts of a one-process build, from what the build's integrations log
 * (src/integrations/: chart-images.ts, site-files.ts, search-index.ts): `[step charts N ms]`,
 * `[step files N ms]`, `[step search N ms]`, `[step post N ms]`; the rest is Astro's
 * (config, bundling, pages). Also the pages Astro reused from its incremental cache.
 */
export function subSteps(stdout: string): { files?: number; charts?: number; search?: number; post?: number; reused: number; rendered: number } {
  const n = (name: string) => {
    const m = new RegExp(`\\[step ${name} (\\d+) ms\\]`).exec(stdout);
    return m ? Number(m[1]) : undefined;
  };
  // `post`: the time after the pages spent waiting for the chart images (drawn beside the pages)
  // and building the search index, as the build logs it. `rendered`: pages logged with a render
  // time; with build.concurrency their log lines interleave, so the times are counted, not lines.
  return { files: n('files'), charts: n('charts'), search: n('search'), post: n('post'), reused: (stdout.match(/\((cached|restored)\)/g) ?? []).length, rendered: (stdout.match(/\(\+[\d.]+m?s\)/g) ?? []).length };
}

export async function runBuild(steps: Step[], site: string, env: NodeJS.ProcessEnv): Promise<BuildResult> {
  const results: StepResult[] = [];
  for (const step of steps) {
    const r = await runMeasured(step.name, step.command, step.args, { cwd: site, env: { ...env, ...step.env } });
    results.push(r);
    if (r.code !== 0) {
      process.stderr.write(`\n✗ ${step.name} exited ${r.code}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}\n`);
      return { steps: results, ms: results.reduce((n, s) => n + s.ms, 0), peak: Math.max(...results.map((s) => s.treePeak)), ok: false };
    }
  }
  return { steps: results, ms: results.reduce((n, s) => n + s.ms, 0), peak: Math.max(...results.map((s) => s.treePeak)), ok: true };
}

// ---------------------------------------------------------------- the built site

export interface SiteStats {
  pages: number;
  files: number;
  bytes: number;
  /** Bytes by top-level kind: html, pagefind, images, js/css, other. */
  byKind: Record<string, number>;
  heaviest: { page: string; bytes: number; html: number; assets: number }[];
  searchIndex: number;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function kindOf(rel: string): string {
  if (rel.startsWith('pagefind/')) return 'search index';
  if (rel.endsWith('.html')) return 'html';
  if (/\.(png|jpe?g|webp|avif|svg|gif)$/.test(rel)) return 'images';
  if (/\.(js|mjs|css)$/.test(rel)) return 'js/css';
  if (/\.(woff2?|ttf|otf)$/.test(rel)) return 'fonts';
  return 'other';
}

/**
 * A page's weight: its HTML plus every same-site file it references (stylesheets, scripts,
 * module preloads, images, icons, fonts in its own stylesheets are not followed). That is what a
 * first visit downloads before any interaction, without HTTP compression.
 */
export function siteStats(dist: string, base = '/'): SiteStats {
  const files = walk(dist);
  const size = new Map(files.map((f) => [path.relative(dist, f).split(path.sep).join('/'), statSync(f).size]));
  const byKind: Record<string, number> = {};
  let bytes = 0;
  for (const [rel, n] of size) {
    bytes += n;
    byKind[kindOf(rel)] = (byKind[kindOf(rel)] ?? 0) + n;
  }
  const pages = [...size.keys()].filter((rel) => rel.endsWith('.html'));
  const weights = pages.map((rel) => {
    const html = readFileSync(path.join(dist, rel), 'utf8');
    const refs = new Set<string>();
    for (const m of html.matchAll(/\s(?:src|href|srcset)="([^"]+)"/g)) {
      for (const candidate of m[1].split(',').map((s) => s.trim().split(/\s+/)[0])) {
        if (!candidate.startsWith(base) || candidate.startsWith('//')) continue;
        const target = decodeURIComponent(candidate.slice(base.length).split(/[?#]/)[0]);
        if (size.has(target) && !target.endsWith('.html') && isAsset(html, m.index!)) refs.add(target);
      }
    }
    const assets = [...refs].reduce((n, r) => n + (size.get(r) ?? 0), 0);
    const htmlBytes = size.get(rel)!;
    return { page: `/${rel.replace(/index\.html$/, '')}`, bytes: htmlBytes + assets, html: htmlBytes, assets };
  });
  weights.sort((a, b) => b.bytes - a.bytes);
  return { pages: pages.length, files: files.length, bytes, byKind, heaviest: weights.slice(0, 5), searchIndex: byKind['search index'] ?? 0 };
}

/**
 * A URL the browser fetches on load: a script, an image, or a <link> that loads something
 * (stylesheet, icon, preload); not an <a>, nor a <link rel="alternate"> to a feed.
 */
function isAsset(html: string, at: number): boolean {
  const open = html.lastIndexOf('<', at);
  const tag = html.slice(open, html.indexOf('>', at) + 1);
  if (/^<(script|img|source|image|use)\b/i.test(tag)) return true;
  return /^<link\b/i.test(tag) && /\brel="[^"]*\b(stylesheet|icon|preload|modulepreload|manifest)\b/i.test(tag);
}
