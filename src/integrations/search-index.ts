/**
 * The search index (src/steps/search-index.ts: Pagefind over the written pages), last of the
 * steps before the output swap and after the chart images, not beside them: Pagefind's processes
 * and a chart thread on top of the build process took the process tree to 1.5-2.0 GB.
 *
 * Ends with the `[step post]` line: the build's time after the pages spent on chart images and
 * search, the benchmark's split of a build (tools/bench/build.ts).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getDataset } from '../site/data.ts';
import { LuoshiError, coded } from '../core/errors/errors.ts';

/** `chartsWaitedMs`: how long the build waited for the chart images (src/integrations/chart-images.ts). */
export function luoshiSearchIndex(options: { chartsWaitedMs: () => number }): AstroIntegration {
  return {
    name: 'luoshi:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        // Fault injection for the test of the atomic swap (test/integrations/build.test.ts):
        // a failure after every page has been written, as a Pagefind crash would be.
        if (process.env.LUOSHI_BUILD_FAULT === 'search')
          throw new LuoshiError('LUOSHI_BUILD_FAULT=search: injected failure before the search index');
        const { buildSearchIndex, closeSearch } = await import('../steps/search-index.ts');
        const r = await buildSearchIndex(fileURLToPath(dir), { dataset: getDataset() });
        await closeSearch();
        if (r.errors.length) throw coded(LuoshiError, 'LS-BLD-002', { errors: `\n${r.errors.join('\n')}` });
        logger.info(`Pagefind: indexed ${r.pages} pages in ${r.ms} ms [step search ${r.ms} ms]${r.detail ? ` ${r.detail}` : ''}`);
        const post = options.chartsWaitedMs() + Math.round(performance.now() - started);
        logger.info(`页面完成后，图表图片与搜索索引共用时 ${(post / 1000).toFixed(1)} 秒 [step post ${post} ms]`);
      },
    },
  };
}
