/**
 * The bare-Astro floor: the least any Astro site can take to write the same number of pages
 * from the same text. A temporary Astro project (in the system temp folder, reusing this repo's
 * packages through symlinks, with private caches) with a single `[...slug].astro` page that renders each page
 * from a JSON file: a title, a heading and paragraphs. No data core, no layout, no CSS, no
 * integrations, no search index; same Astro version and build settings (directory format,
 * trailing slash) as the site.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Dataset } from '../../src/core/model/types.ts';
import { NODE, ROOT, type Step } from './build.ts';
import { linkModules } from './snapshot.ts';

export interface FloorPage {
  slug: string;
  title: string;
  paragraphs: string[];
}

/**
 * `count` pages of the dataset's own text: one per item (its text, plan and every monthly
 * report), one per month (every report of the month, one line each), then, to reach `count`,
 * the item pages again under other paths.
 */
export function floorPages(ds: Dataset, count: number): FloorPage[] {
  const pages: FloorPage[] = [];
  for (const year of ds.years) {
    for (const item of year.items) {
      const plan = year.planByItem.get(item.key);
      const reports = year.reportsByItem.get(item.key) ?? [];
      pages.push({
        slug: `${year.year}/${item.key.toLowerCase()}`,
        title: `${year.year} ${item.key}`,
        paragraphs: [item.text, ...(plan?.quarters ?? []), ...reports.map((r) => `${r.month}：${r.progress}${r.problems}${r.nextSteps}`)],
      });
    }
  }
  const byMonth: FloorPage[] = [];
  for (const year of ds.years) {
    for (const month of year.months) {
      const reports = year.reports.filter((r) => r.month === month);
      byMonth.push({ slug: `${month}`, title: month, paragraphs: reports.map((r) => `${r.item}：${r.progress}`) });
    }
  }
  const out = [...pages, ...byMonth].slice(0, count);
  // The site has more pages than items and months (units, leaders, bulletins, embeds…): the rest
  // repeat the item pages, whose size is typical, under other paths.
  for (let i = 0; out.length < count && pages.length > 0; i++) {
    const src = pages[i % pages.length];
    out.push({ ...src, slug: `extra/${i}/${src.slug}` });
  }
  return out;
}

// The pages are read at build time, not imported: an imported JSON file would go through the
// bundler, a cost the site (which reads its CSV files at build time) does not pay.
const page = (json: string) => `---
import { readFileSync } from 'node:fs';
export function getStaticPaths() {
  const pages = JSON.parse(readFileSync(${JSON.stringify(json)}, 'utf8'));
  return pages.map((page) => ({ params: { slug: page.slug }, props: { page } }));
}
const { page } = Astro.props;
---
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>{page.title}</title></head>
  <body>
    <h1>{page.title}</h1>
    {page.paragraphs.map((p) => <p>{p}</p>)}
  </body>
</html>
`;

/** Write the floor project and return its folder and its build step. */
export function writeFloor(pages: FloorPage[], outDir: string): { dir: string; step: Step } {
  const dir = path.join(tmpdir(), `luoshi-bench-floor-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src/pages'), { recursive: true });
  linkModules(ROOT, dir);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'luoshi-bench-floor', private: true, type: 'module' }));
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ site: 'https://example.gov.cn', trailingSlash: 'always', build: { format: 'directory' }, devToolbar: { enabled: false } });\n`,
  );
  const json = path.join(dir, 'pages.json');
  writeFileSync(json, JSON.stringify(pages));
  writeFileSync(path.join(dir, 'src/pages/[...slug].astro'), page(json));
  return { dir, step: { name: 'astro build (bare floor)', command: NODE, args: [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', dir, '--outDir', outDir] } };
}
