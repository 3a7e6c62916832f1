/**
 * Fails `astro build` and `astro dev` on invalid content before any page renders, printing
 * every problem in the same form as `npm run validate`; on valid content, hands the dataset to
 * the pages and the other integrations (src/site/data.ts), so that nothing loads it again.
 */
import type { AstroIntegration } from 'astro';
import { formatIssues } from '../core/content/load.ts';
import { buildDate, contentRoot } from '../core/content/paths.ts';
import { validate } from '../core/content/validate.ts';
import { shareDataset } from '../site/data.ts';
import { tableCache } from '../steps/table-cache.ts';
import { LuoshiError, coded } from '../core/errors/errors.ts';

export function luoshiContentCheck(): AstroIntegration {
  return {
    name: 'luoshi:content-check',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const root = contentRoot();
        const today = buildDate();
        // Published reports removed since the last commit without a withdrawal stop the build too.
        // Files unchanged since an earlier build are not parsed and checked again: their rows and
        // problems come from the cache (src/steps/table-cache.ts); everything between files is checked.
        const tables = tableCache();
        const { dataset, issues } = validate(root, { today, tables });
        const cached = tables.done();
        logger.info(`内容表格：${cached.hits} 个未改动，检查结果取自缓存；${cached.misses} 个已重新检查`);
        if (issues.length > 0 || !dataset) {
          logger.error(`\n${formatIssues(issues)}`);
          throw coded(LuoshiError, 'LS-BLD-001', { count: issues.length });
        }
        shareDataset(dataset, root, today);
        const rows = dataset.rowCounts.reduce((n, c) => n + c.read, 0);
        logger.info(`内容校验通过：${rows} 行`);
      },
    },
  };
}
