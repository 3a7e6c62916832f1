/**
 * Lighthouse (performance and accessibility) on the home page, an item page and the search
 * page of a built site, with Debian's Chromium. Lighthouse's default configuration: a mobile
 * device with simulated slow 4G and 4x CPU slowdown, the stricter of its two presets.
 * `lighthouse` is optional: when it is not installed the benchmark says so and goes on.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM } from './search.ts';
import { serveStatic } from './serve.ts';

export interface LighthouseResult {
  page: string;
  performance?: number;
  accessibility?: number;
  bestPractices?: number;
  /** The failing accessibility audits and the slowest metrics, for the report. */
  notes: string[];
  error?: string;
}

/** From the project, else from LIGHTHOUSE_DIR (a folder where `npm i lighthouse` was run). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a package found at run time (maybe outside the project), without its types
async function importPackage(name: string): Promise<any> {
  try {
    return await import(name);
  } catch (error) {
    const dir = process.env.LIGHTHOUSE_DIR;
    if (!dir) throw error;
    const pkgDir = path.join(dir, 'node_modules', name);
    const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    const exp = pkg.exports?.['.'];
    const entry = typeof exp === 'string' ? exp : exp?.import ?? exp?.default ?? pkg.main ?? 'index.js';
    return import(pathToFileURL(path.join(pkgDir, typeof entry === 'string' ? entry : entry.default)).href);
  }
}

/** An item page of the built site: the first task (…/2020/tasks/1/), else a folder named like t1/p1. */
export function findItemPage(dist: string): string | undefined {
  for (const year of readdirSync(dist).filter((n) => /^\d{4}$/.test(n)).sort()) {
    if (existsSync(path.join(dist, year, 'tasks/1/index.html'))) return `/${year}/tasks/1/`;
  }
  const found: string[] = [];
  const walk = (dir: string, rel: string, depth: number) => {
    if (depth > 4 || found.length > 0) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))) {
      if (!e.isDirectory() || e.name === 'pagefind' || e.name.startsWith('_')) continue;
      const r = `${rel}${e.name}/`;
      if (/^(t|p)\d+$/i.test(e.name) && existsSync(path.join(dir, e.name, 'index.html'))) {
        found.push(r);
        return;
      }
      walk(path.join(dir, e.name), r, depth + 1);
    }
  };
  walk(dist, '', 0);
  return found[0] ? `/${found[0]}` : undefined;
}

export async function runLighthouse(dist: string, pages: string[], base = '/'): Promise<LighthouseResult[] | string> {
  let lighthouse: (url: string, flags: object) => Promise<{ lhr: LhResult } | undefined>;
  let launch: (opts: object) => Promise<{ port: number; kill: () => void }>;
  try {
    lighthouse = (await importPackage('lighthouse')).default;
    launch = (await importPackage('chrome-launcher')).launch;
  } catch {
    return 'not run: the npm package `lighthouse` is not installed (npm i -D lighthouse, or install it elsewhere and set LIGHTHOUSE_DIR to that folder)';
  }
  const server = await serveStatic(dist, base);
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const results: LighthouseResult[] = [];
  try {
    for (const page of pages) {
      if (!existsSync(path.join(dist, page, 'index.html'))) {
        results.push({ page, notes: [], error: 'no such page in the build' });
        continue;
      }
      try {
        const run = await lighthouse(server.url + page.replace(/^\//, ''), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] });
        const lhr = run!.lhr;
        const notes: string[] = [];
        for (const [id, audit] of Object.entries(lhr.audits)) {
          if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary' && lhr.categories.accessibility.auditRefs.some((a) => a.id === id)) notes.push(`a11y: ${id}`);
          if (audit.score !== null && audit.score < 1 && lhr.categories['best-practices']?.auditRefs.some((a) => a.id === id)) notes.push(`best-practices: ${id}`);
        }
        for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
          const a = lhr.audits[id];
          if (a) notes.push(`${id} ${a.displayValue ?? ''} (${a.score ?? '–'})`);
        }
        results.push({ page, performance: lhr.categories.performance.score ?? undefined, accessibility: lhr.categories.accessibility.score ?? undefined, bestPractices: lhr.categories['best-practices']?.score ?? undefined, notes });
      } catch (error) {
        results.push({ page, notes: [], error: (error as Error).message.split('\n')[0] });
      }
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  return results;
}

interface LhResult {
  categories: Record<string, { score: number | null; auditRefs: { id: string }[] }>;
  audits: Record<string, { score: number | null; scoreDisplayMode: string; displayValue?: string }>;
}
