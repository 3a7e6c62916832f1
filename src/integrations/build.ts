/**
 * The whole build as one Astro integration: `astro build` writes the pages, then, in
 * `astro:build:done`, the chart images (src/steps/chart-images.ts) and the search index
 * (src/steps/pagefind.ts) are made from the dataset the pages were rendered from (loaded once,
 * by the content-check integration), and the finished site replaces the previous one.
 *
 * Atomic output: Astro writes into a staging folder next to the configured outDir
 * (`dist.next/` for `dist/`). Only when every step has succeeded is the old `dist/` moved
 * aside and the staging folder renamed to `dist/` (two renames on the same file system), so a
 * build that fails at any point, in a page, in a chart or in the search index, leaves the
 * previous `dist/` exactly as it was, and a deploy never picks up half a site. The staging
 * folder of a failed build is left for inspection and emptied by the next build.
 *
 * In `astro dev` it watches the content folder: a CSV, JSON or Markdown edit reloads and
 * re-validates the dataset, drops every server-side module (their per-build caches go with
 * them) and reloads the browser. Invalid content is reported and the last valid data stays.
 *
 * Feeds and chart CSVs are written here too, straight from the core (src/steps/site-files.ts),
 * and served from the same functions in `astro dev`.
 *
 * Must be the last integration: the others (sitemap) write into the staging folder in their
 * own `astro:build:done` before this one swaps it in.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatIssues, loadContent, loadContentOrThrow } from '../core/content/load.ts';
import type { Dataset } from '../core/model/types.ts';
import { buildDate, contentRoot } from '../core/content/paths.ts';
import { withTrailingSlash } from '../core/present/urls.ts';
import { collectGarbage } from '../steps/memory.ts';
import { siteFiles, writeSiteFiles, type SiteFile } from '../steps/site-files.ts';

const SHARED = Symbol.for('luoshi.dataset');

/** The staging folder for an output folder: `dist` → `dist.next`. */
export function stagingDir(outDir: string): string {
  return `${outDir.replace(/[\\/]+$/, '')}.next`;
}

/**
 * Put `staged` in the place of `target`: the old target is renamed aside, the staged folder
 * renamed in, the old one deleted. Between the two renames (microseconds) there is no `target`
 * at all, never a partial one.
 */
export function swapIn(staged: string, target: string): void {
  const old = `${target.replace(/[\\/]+$/, '')}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, old);
  renameSync(staged, target);
  rmSync(old, { recursive: true, force: true });
}

function sharedDataset(): Dataset {
  const shared = (globalThis as Record<symbol, { key: string; dataset: Dataset } | undefined>)[SHARED];
  if (shared?.key === `${contentRoot()}|${buildDate()}`) return shared.dataset;
  return loadContentOrThrow(contentRoot(), { today: buildDate() });
}

const mb = (bytes: number) => Math.round(bytes / 1e6);

/**
 * The chart images, drawn in one worker thread while the pages render: they need only the
 * dataset, and rendering keeps one core busy while the other waits on the pages' file writes.
 * Drawn into a folder beside the staging folder (Astro owns that one until the pages are
 * written), then moved into its `charts/` in `astro:build:done`.
 */
interface ChartsInBackground {
  dir: string;
  done: Promise<{ result?: Awaited<ReturnType<typeof import('../steps/chart-images.ts').renderAll>>; error?: unknown }>;
}

export function luoshiBuild(options: { charts?: boolean; search?: boolean } = {}): AstroIntegration {
  let target: string | undefined;
  let staging: string | undefined;
  let charts: ChartsInBackground | undefined;
  let serving = false;
  let base = '/';
  let site: string | undefined;
  return {
    name: 'luoshi:build',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        base = config.base;
        site = config.site;
        if (command !== 'build') return;
        target = fileURLToPath(config.outDir);
        staging = stagingDir(target);
        if (path.resolve(staging) === path.resolve(fileURLToPath(config.root)))
          throw new Error('outDir must not be the project root');
        rmSync(staging, { recursive: true, force: true });
        updateConfig({ outDir: pathToFileURL(`${staging}${path.sep}`) });
        logger.info(
          `building into ${path.relative(process.cwd(), staging) || staging}; ${path.relative(process.cwd(), target) || target} is replaced only when every step succeeds`,
        );
      },
      'astro:server:setup': ({ server, logger }) => {
        const root = contentRoot();
        server.watcher.add(root);
        let timer: NodeJS.Timeout | undefined;
        const reload = () => {
          const started = performance.now();
          const result = loadContent(root, { today: buildDate() });
          if (result.issues.length > 0 || !result.dataset) {
            logger.error(
              `内容校验未通过（${result.issues.length} 处错误），页面仍显示上一次有效的数据：\n${formatIssues(result.issues)}`,
            );
            return;
          }
          (globalThis as Record<symbol, unknown>)[SHARED] = { key: `${root}|${buildDate()}`, dataset: result.dataset };
          for (const env of Object.values(server.environments)) env.moduleGraph.invalidateAll();
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
          logger.info(`内容已更新，重新载入（${Math.round(performance.now() - started)} ms）`);
        };
        // The feeds and chart CSVs (src/steps/site-files.ts), answered from the current dataset.
        let served: { dataset: Dataset; byPath: Map<string, SiteFile> } | undefined;
        server.middlewares.use((req, res, next) => {
          const root = withTrailingSlash(base);
          const url = decodeURIComponent((req.url ?? '').split('?')[0]);
          if (!url.startsWith(root) || !/\.(xml|csv)$/.test(url)) return next();
          const ds = sharedDataset();
          if (served?.dataset !== ds)
            served = { dataset: ds, byPath: new Map(siteFiles(ds, base, site).map((f) => [f.path, f])) };
          const file = served.byPath.get(url.slice(root.length));
          if (!file) return next();
          res.setHeader('Content-Type', file.contentType);
          res.end(file.body());
        });
        server.watcher.on('all', (_event, file) => {
          // Adding the folder reports every file in it once ('add'): not an edit. Reloading
          // while the server starts would race its own module loading.
          if (!serving || !path.resolve(file).startsWith(`${root}${path.sep}`)) return;
          clearTimeout(timer);
          timer = setTimeout(reload, 150);
        });
      },
      'astro:server:start': () => {
        serving = true;
      },
      'astro:build:start': () => {
        if (options.charts === false || !staging) return;
        const dir = `${staging}.charts`;
        rmSync(dir, { recursive: true, force: true });
        const ds = sharedDataset();
        charts = {
          dir,
          // Settled, never rejected: a failure is reported in astro:build:done, after the pages.
          done: import('../steps/chart-images.ts')
            .then(({ renderAll }) => renderAll({ out: dir, dataset: ds, threads: 1 }))
            .then(
              (result) => ({ result }),
              (error: unknown) => ({ error }),
            ),
        };
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const ds = sharedDataset();
        let chartsWaited = 0;
        // The chart images first: drawn while the pages rendered (astro:build:start), they are
        // usually done; their thread's memory is gone before the search index starts.
        if (options.charts !== false) {
          const started = performance.now();
          const { renderAll } = await import('../steps/chart-images.ts');
          const chartsDir = path.join(out, 'charts');
          const drawn = charts
            ? await charts.done
            : await renderAll({ out: chartsDir, dataset: ds }).then(
                (result) => ({ result, error: undefined }),
                (error: unknown) => ({ result: undefined, error }),
              );
          if (drawn.error || !drawn.result) throw drawn.error ?? new Error('chart images: no result');
          if (charts) {
            mkdirSync(chartsDir, { recursive: true });
            for (const f of readdirSync(charts.dir)) renameSync(path.join(charts.dir, f), path.join(chartsDir, f));
            rmSync(charts.dir, { recursive: true, force: true });
          }
          const r = drawn.result;
          const waited = Math.round(performance.now() - started);
          chartsWaited = waited;
          logger.info(
            `图表图片：${r.ids} 张（新绘制 ${r.rendered}，缓存 ${r.cached}），用时 ${(r.ms / 1000).toFixed(1)} 秒，与页面同时绘制，页面完成后等待 ${(waited / 1000).toFixed(1)} 秒 [step charts ${waited} ms] [charts drawn ${r.ms} ms] [rss ${mb(process.memoryUsage().rss)} MB]`,
          );
        }
        // What rendering left behind is garbage now: collect it before the memory-hungry steps,
        // so that the process tree's peak is the larger of the steps, not their sum.
        const before = process.memoryUsage().rss;
        collectGarbage({ releasePages: true });
        const m = process.memoryUsage();
        logger.info(
          `[rss pages ${mb(before)} → ${mb(m.rss)} MB after GC; V8 heap ${mb(m.heapUsed)} MB, external ${mb(m.external)} MB]`,
        );
        const filesStarted = performance.now();
        const written = writeSiteFiles(out, siteFiles(ds, base, site));
        const filesMs = Math.round(performance.now() - filesStarted);
        logger.info(
          `订阅源与图表数据：${written.files} 个文件，${mb(written.bytes)} MB，用时 ${(filesMs / 1000).toFixed(1)} 秒 [step files ${filesMs} ms]`,
        );
        collectGarbage({ releasePages: true }); // the feeds' strings
        // The search index after the chart images, not beside them: Pagefind's processes and a
        // chart thread on top of this one took the process tree to 1.5-2.0 GB.
        const postStarted = performance.now();
        // Fault injection for the test of the atomic swap (test/integrations/build.test.ts):
        // a failure after every page has been written, as a Pagefind crash would be.
        if (process.env.LUOSHI_BUILD_FAULT === 'search')
          throw new Error('LUOSHI_BUILD_FAULT=search: injected failure before the search index');
        if (options.search !== false) {
          const { buildSearchIndex, closeSearch } = await import('../steps/pagefind.ts');
          const r = await buildSearchIndex(out, { dataset: ds });
          await closeSearch();
          if (r.errors.length) throw new Error(`搜索索引生成失败 (Pagefind):\n${r.errors.join('\n')}`);
          logger.info(
            `Pagefind: indexed ${r.pages} pages in ${r.ms} ms [step search ${r.ms} ms]${r.detail ? ` ${r.detail}` : ''}`,
          );
        }
        // `post`: the build's time after the pages spent on images and search (the benchmark's
        // split of a build: tools/bench/build.ts).
        const post = chartsWaited + Math.round(performance.now() - postStarted);
        logger.info(`页面完成后，图表图片与搜索索引共用时 ${(post / 1000).toFixed(1)} 秒 [step post ${post} ms]`);
        if (target && staging && path.resolve(out) === path.resolve(staging)) {
          swapIn(staging, target);
          logger.info(`published → ${path.relative(process.cwd(), target) || target}`);
        }
      },
    },
  };
}
