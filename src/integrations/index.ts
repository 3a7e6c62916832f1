/**
 * The site's Astro integrations, one concern each. Astro calls every hook on the integrations in
 * the order `luoshi()` lists them, so that order is the build's:
 *
 * - page-restore: starts copying the incremental cache's pages beside the output folder (in a
 *   thread, while the content is validated), moves them into the staging folder when the build
 *   starts, and deletes those the build did not write first thing in `astro:build:done`;
 * - content-check: validates the content before any page renders and shares the dataset;
 * - dev-reload: in `astro dev`, validates again and reloads on an edit under content/;
 * - sitemap, chart-images, site-files, search-index: in `astro:build:done`, each writes into the
 *   staging folder in turn (the chart images first, the search index last: the memory peak);
 * - output-swap: last, so that its `astro:build:done` swaps in a folder every other one has
 *   finished; its `astro:config:setup` points Astro's outDir at that staging folder.
 */
import type { AstroIntegration } from 'astro';
import { luoshiChartImages } from './chart-images.ts';
import { luoshiContentCheck } from './content-check.ts';
import { luoshiDevReload } from './dev-reload.ts';
import { luoshiOutputSwap } from './output-swap.ts';
import { luoshiPageRestore } from './page-restore.ts';
import { luoshiSearchIndex } from './search-index.ts';
import { luoshiSiteFiles } from './site-files.ts';
import { luoshiSitemap } from './sitemap.ts';

/** `base`: the site's base path, as given to Astro (the sitemap leaves out noindex pages below it). */
export function luoshi(options: { base: string }): AstroIntegration[] {
  let chartsWaitedMs = 0;
  return [
    luoshiPageRestore(),
    luoshiContentCheck(),
    luoshiDevReload(),
    luoshiSitemap(options.base),
    luoshiChartImages({ waited: (ms) => (chartsWaitedMs = ms) }),
    luoshiSiteFiles(),
    luoshiSearchIndex({ chartsWaitedMs: () => chartsWaitedMs }),
    luoshiOutputSwap(),
  ];
}
