/**
 * In `astro dev`, watches the content folder: a CSV, JSON or Markdown edit validates the content
 * again (the same validate() as the content check, removed reports included), hands the new
 * dataset over (src/site/data.ts), drops every server-side module (their per-build caches go
 * with them) and reloads the browser. Invalid content is reported and the last valid data stays.
 */
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { formatIssues } from '../core/content/load.ts';
import { buildDate, contentRoot } from '../core/content/paths.ts';
import { validate } from '../core/content/validate.ts';
import { shareDataset } from '../site/data.ts';

export function luoshiDevReload(): AstroIntegration {
  let serving = false;
  return {
    name: 'luoshi:dev-reload',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const root = contentRoot();
        server.watcher.add(root);
        let timer: NodeJS.Timeout | undefined;
        const reload = () => {
          const started = performance.now();
          const today = buildDate();
          const { dataset, issues } = validate(root, { today });
          if (issues.length > 0 || !dataset) {
            logger.error(`内容校验未通过（${issues.length} 处错误），页面仍显示上一次有效的数据：\n${formatIssues(issues)}`);
            return;
          }
          shareDataset(dataset, root, today);
          for (const env of Object.values(server.environments)) env.moduleGraph.invalidateAll();
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
          logger.info(`内容已更新，重新载入（${Math.round(performance.now() - started)} ms）`);
        };
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
    },
  };
}
