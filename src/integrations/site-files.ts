/**
 * The feeds and chart CSVs (src/steps/site-files.ts): written straight from the dataset in
 * `astro:build:done`, and answered by the dev server from the same functions, so that `astro dev`
 * and the built site agree.
 *
 * In a build they come after the chart images, from the cache when what they show is unchanged
 * (src/steps/site-files.ts). When many are made (a cold build), with a garbage collection on each
 * side: what rendering left behind is garbage by then, and so are the feeds' strings once written,
 * so that the process tree's peak is the larger of the steps, not their sum
 * (src/steps/garbage-collection.ts).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { withTrailingSlash } from '../core/present/urls.ts';
import type { Dataset } from '../core/model/types.ts';
import { getDataset } from '../site/data.ts';
import { keys } from '../site/keys.ts';
import { buildCacheDir, FileCache } from '../steps/file-cache.ts';
import { collectGarbage } from '../steps/garbage-collection.ts';
import { siteFiles, writeSiteFiles, type SiteFile } from '../steps/site-files.ts';

const mb = (bytes: number) => Math.round(bytes / 1e6);

/** Files to make above which the step collects garbage around making them. */
const GC_ABOVE = 1000;

export function luoshiSiteFiles(): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'luoshi:site-files',
    hooks: {
      'astro:config:setup': ({ config }) => {
        base = config.base;
        site = config.site;
      },
      'astro:server:setup': ({ server }) => {
        // Answered from the current dataset: the files of the one they were last made from.
        let served: { dataset: Dataset; byPath: Map<string, SiteFile> } | undefined;
        server.middlewares.use((req, res, next) => {
          const root = withTrailingSlash(base);
          const url = decodeURIComponent((req.url ?? '').split('?')[0]);
          if (!url.startsWith(root) || !/\.(xml|csv)$/.test(url)) return next();
          const ds = getDataset();
          if (served?.dataset !== ds)
            served = { dataset: ds, byPath: new Map(siteFiles(ds, base, site).map((f) => [f.path, f])) };
          const file = served.byPath.get(url.slice(root.length));
          if (!file) return next();
          res.setHeader('Content-Type', file.contentType);
          res.end(file.body());
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        // Cached under the page keys of what each shows (the pages' own, computed once: src/site/keys.ts).
        const files = new FileCache(buildCacheDir('files'));
        let collected = false;
        const written = writeSiteFiles(fileURLToPath(dir), siteFiles(getDataset(), base, site, keys()), {
          files,
          base,
          site,
          // Many to make (a cold build): what rendering left is collected first, and the feeds'
          // strings after. A few (a month's publish): not worth two full collections (~1 s); the
          // search index collects before each Pagefind process anyway.
          beforeMaking: (count) => {
            if (count < GC_ABOVE) return;
            const before = process.memoryUsage().rss;
            collectGarbage({ releasePages: true });
            collected = true;
            const m = process.memoryUsage();
            logger.info(
              `[rss pages ${mb(before)} → ${mb(m.rss)} MB after GC; V8 heap ${mb(m.heapUsed)} MB, external ${mb(m.external)} MB]`,
            );
          },
        });
        const pruned = files.prune();
        const ms = Math.round(performance.now() - started);
        logger.info(
          `订阅源与图表数据：${written.files} 个文件（新生成 ${written.made}，${mb(written.bytes)} MB；其余取自缓存，清理 ${pruned} 个旧缓存），用时 ${(ms / 1000).toFixed(1)} 秒 [step files ${ms} ms]`,
        );
        if (collected) collectGarbage({ releasePages: true }); // the feeds' strings
      },
    },
  };
}
