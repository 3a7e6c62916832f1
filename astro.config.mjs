// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { luoshi } from './src/integrations/index.ts';
import { BULLETIN_REHYPE_PLUGINS } from './src/site/markdown.ts';

// Deploying under a sub-path (e.g. /zt/luoshi/) and the public origin are settings of the
// deployment, not of the code: LUOSHI_BASE and LUOSHI_SITE.
const base = process.env.LUOSHI_BASE ?? '/';

export default defineConfig({
  // LUOSHI_CACHE_DIR moves every build cache (Astro's incremental cache, chart images) to one
  // folder: CI restores it with actions/cache; tests and the benchmark use private ones.
  ...(process.env.LUOSHI_CACHE_DIR ? { cacheDir: process.env.LUOSHI_CACHE_DIR } : {}),
  site: process.env.LUOSHI_SITE ?? 'https://example.gov.cn',
  base,
  trailingSlash: 'always',
  // concurrency: pages render while earlier pages' files are written (Astro awaits a mkdir and two
  // writes per page, its own and its incremental-cache copy). On the large benchmark dataset the
  // pages step went from 45 s to 28-30 s at 4; 8 gained nothing more and held more memory.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Strict CSP: a <meta> first in every page's <head>, written by the layouts (src/site/csp.ts says
  // why not Astro's security.csp: every page's policy is the same string).
  // MDX bulletins (npm run bulletin drafts, with <Chart />) compile to code and would lose their
  // components to the sanitiser: they keep a plain unified processor, and `npm run validate`
  // (src/core/content/bulletin-files.ts) allows them nothing but text, Markdown and <Chart id="…" />.
  // luoshi(): the content check, the sitemap, chart images, feeds, search index and the swap of the
  // finished dist/, in the order their hooks must run (src/integrations/index.ts).
  integrations: [mdx({ processor: unified() }), luoshi({ base })],
  markdown: {
    // Shiki highlights with inline styles, which the CSP forbids; bulletins need no code highlighting.
    syntaxHighlight: false,
    // Office-written Markdown is sanitised to GitHub's allow-list (src/site/markdown.ts).
    processor: unified({ rehypePlugins: BULLETIN_REHYPE_PLUGINS }),
  },
  devToolbar: { enabled: false },
  // No script is inlined into a page (Astro inlines those under Vite's assetsInlineLimit): the
  // CSP header of scripts/deploy/nginx.conf allows scripts from 'self' only, and the embed pages'
  // inline height script was blocked behind it (test/site/dist.test.ts checks both).
  vite: { build: { assetsInlineLimit: 0 } },
  // Pages return a cacheKey (src/core/publish/page-keys.ts): an unchanged page is reused from the
  // cache (node_modules/.astro/) instead of rendered again. See README, "Incremental builds".
  experimental: { incrementalBuild: true },
  server: { host: '127.0.0.1' },
});
