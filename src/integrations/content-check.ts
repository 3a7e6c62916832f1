/**
 * Fails `astro build` and `astro dev` on invalid content before any page renders, printing
 * every problem in the same form as `npm run validate`.
 */
import type { AstroIntegration } from 'astro';
import { formatIssues, loadContent } from '../core/content/load.ts';
import { buildDate, contentRoot } from '../core/content/paths.ts';
import { removedReports } from '../core/content/removed.ts';

export function luoshiContent(): AstroIntegration {
  return {
    name: 'luoshi:content-check',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const result = loadContent(contentRoot(), { today: buildDate() });
        // Published reports removed since the last commit without a withdrawal stop the build too.
        const removed = result.dataset ? removedReports(contentRoot(), result.dataset) : undefined;
        const issues = [...result.issues, ...(removed?.checked ? removed.issues : [])];
        if (issues.length > 0) {
          const report = formatIssues(issues);
          logger.error(`\n${report}`);
          throw new Error(`内容校验未通过（${issues.length} 处错误），构建已停止。详见上方列表，或运行 npm run validate。`);
        }
        // Handed to src/site/data.ts: the pages render in this process and need not load it again.
        (globalThis as Record<symbol, unknown>)[Symbol.for('luoshi.dataset')] = {
          key: `${contentRoot()}|${buildDate()}`,
          dataset: result.dataset,
        };
        const rows = result.dataset!.rowCounts.reduce((n, c) => n + c.read, 0);
        logger.info(`内容校验通过：${rows} 行`);
      },
    },
  };
}
