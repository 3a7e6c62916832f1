/**
 * The chart images (src/steps/chart-images.ts), drawn in a worker thread (two when drawing is the
 * larger work: chartThreadsBesidePages) while the pages render: they need only the dataset, and drawing keeps one core busy while the other waits on
 * the pages' file writes. Drawn into a folder beside the output folder (Astro owns that one until
 * the pages are written), then moved into its `charts/` in `astro:build:done`, first of the
 * steps after the pages: usually done by then, and their thread's memory is gone before the
 * search index starts.
 */
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getDataset } from '../site/data.ts';
import type { Dataset } from '../core/model/types.ts';
import type { RenderResult } from '../steps/chart-images.ts';
import { LuoshiError } from '../core/errors/errors.ts';

const mb = (bytes: number) => Math.round(bytes / 1e6);

/** Every item of every year: what the pages' work grows with. */
const itemCount = (dataset: Dataset) => dataset.years.reduce((n, y) => n + y.items.length, 0);

/** `waited`: told how long the build waited for the images after the pages (for the `[step post]` line). */
export function luoshiChartImages(options: { waited: (ms: number) => void }): AstroIntegration {
  let outDir: string | undefined;
  let building = false;
  // Settled, never rejected: a failure is reported in astro:build:done, after the pages.
  let drawing: Promise<{ result?: RenderResult; error?: unknown }> | undefined;
  const drawnDir = () => `${outDir!.replace(/[\\/]+$/, '')}.charts`;
  return {
    name: 'luoshi:chart-images',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      // Drawing starts as soon as the output folder is known: as every integration's
      // astro:config:setup left it, in a build the staging folder (src/integrations/output-swap.ts).
      // Not at astro:build:start: Astro's content sync, type generation and build info came before
      // that, ~2 s of the bundled dataset's build during which the chart thread would wait.
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        if (!building) return;
        const dir = drawnDir();
        rmSync(dir, { recursive: true, force: true });
        const dataset = getDataset();
        drawing = import('../steps/chart-images.ts')
          .then(({ renderAll, chartThreadsBesidePages }) =>
            renderAll({ out: dir, dataset, threads: (charts) => chartThreadsBesidePages(charts, itemCount(dataset)) }),
          )
          .then(
            (result) => ({ result }),
            (error: unknown) => ({ error }),
          );
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const drawn = await drawing!;
        if (drawn.error || !drawn.result) throw drawn.error ?? new LuoshiError('chart images: the worker gave no result');
        const chartsDir = path.join(fileURLToPath(dir), 'charts');
        mkdirSync(chartsDir, { recursive: true });
        for (const f of readdirSync(drawnDir())) renameSync(path.join(drawnDir(), f), path.join(chartsDir, f));
        rmSync(drawnDir(), { recursive: true, force: true });
        const r = drawn.result;
        const waited = Math.round(performance.now() - started);
        options.waited(waited);
        logger.info(
          `图表图片：${r.ids} 张（新绘制 ${r.rendered}，缓存 ${r.cached}），用时 ${(r.ms / 1000).toFixed(1)} 秒，与页面同时绘制，页面完成后等待 ${(waited / 1000).toFixed(1)} 秒 [step charts ${waited} ms] [charts drawn ${r.ms} ms] [rss ${mb(process.memoryUsage().rss)} MB]`,
        );
      },
    },
  };
}
