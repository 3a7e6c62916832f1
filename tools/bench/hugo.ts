/**
 * The Hugo peer (issue 26): the floor's pages as a hand-made Hugo site, then Pagefind's CLI over
 * them, in the same minutes as the floor and the site's builds. What a government could do
 * without luoshi: one plain template, no theme, no data core, Debian's `hugo`.
 *
 * The pages are content files in HTML with JSON front matter (a title and the page's path), so
 * Hugo copies their text into the template as it is (Markdown would rewrite `*`, `_` and line
 * breaks): the same title, heading and paragraphs as the floor's pages, under the same paths.
 * Every other kind of page (home, sections, taxonomies, RSS, sitemap, 404) is turned off, so
 * Hugo writes exactly as many pages as the floor and Pagefind indexes the same set.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NODE, ROOT } from './build.ts';
import type { FloorPage } from './floor.ts';
import { median, runMeasured, type StepResult } from './measure.ts';

export interface HugoData {
  /** `hugo version`, when the peer ran. */
  version?: string;
  /** Why the peer did not run (hugo not installed, --no-hugo, the floor's pages not written). */
  skipped?: string;
  pages: number;
  /** `hugo` over the hand-made site, one per run. */
  builds: StepResult[];
  /** Pagefind's CLI over Hugo's output, after each Hugo build. */
  search: StepResult[];
}

/** The Hugo peer's cold build, median of its runs: hugo + pagefind; NaN when it did not run. */
export function hugoFigures(h: HugoData | undefined): { hugo: number; search: number; total: number; peak: number } {
  const hugo = median((h?.builds ?? []).filter((r) => r.code === 0).map((r) => r.ms));
  const search = median((h?.search ?? []).filter((r) => r.code === 0).map((r) => r.ms));
  const peak = Math.max(0, ...(h?.builds ?? []).map((r) => r.treePeak), ...(h?.search ?? []).map((r) => r.treePeak));
  return { hugo, search, total: hugo + search, peak };
}

/** `hugo version`'s line, or undefined when there is no `hugo` on the PATH. */
export function hugoVersion(command = 'hugo'): string | undefined {
  try {
    return execFileSync(command, ['version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// The floor's page (tools/bench/floor.ts) as a Go template.
const SINGLE = `<!DOCTYPE html>
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>{{ .Title }}</title></head>
  <body>
    <h1>{{ .Title }}</h1>
    {{ .Content }}
  </body>
</html>
`;

const CONFIG = `baseURL = "https://example.gov.cn/"
languageCode = "zh-CN"
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
`;

/** Write the Hugo site (in the system temp folder) and return its folder. */
export function writeHugoSite(pages: FloorPage[]): string {
  const dir = path.join(tmpdir(), `luoshi-bench-hugo-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'layouts/_default'), { recursive: true });
  writeFileSync(path.join(dir, 'hugo.toml'), CONFIG);
  writeFileSync(path.join(dir, 'layouts/_default/single.html'), SINGLE);
  const made = new Set<string>();
  for (const page of pages) {
    const file = path.join(dir, 'content', `${page.slug}.html`);
    const folder = path.dirname(file);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const front = JSON.stringify({ title: page.title, url: `/${page.slug}/` });
    writeFileSync(file, `${front}\n${page.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}\n`);
  }
  return dir;
}

/** One cold run of the peer: `hugo` into `outDir` (emptied first), then `pagefind --site outDir`. */
export async function runHugoPeer(dir: string, outDir: string, command = 'hugo'): Promise<{ build: StepResult; search: StepResult }> {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(path.join(dir, 'cache'), { recursive: true, force: true });
  const env = { ...process.env, NO_COLOR: '1' };
  const build = await runMeasured('hugo (plain pages)', command, ['--source', dir, '--destination', outDir, '--cacheDir', path.join(dir, 'cache'), '--noBuildLock'], { cwd: dir, env });
  const search =
    build.code === 0
      ? await runMeasured('pagefind --site (hugo)', NODE, [path.join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', outDir], { cwd: dir, env })
      : { ...build, name: 'pagefind --site (hugo)', ms: NaN, code: 1, stdout: '', stderr: 'not run: hugo failed' };
  return { build, search };
}
