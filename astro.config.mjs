// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { luoshiBuild } from './src/integrations/build.ts';
import { luoshiContent } from './src/integrations/content-check.ts';
import { luoshiSitemap } from './src/integrations/sitemap.ts';

// Deploying under a sub-path (e.g. /zt/luoshi/) and the public origin are settings of the
// deployment, not of the code: LUOSHI_BASE and LUOSHI_SITE.
const base = process.env.LUOSHI_BASE ?? '/';

export default defineConfig({
  site: process.env.LUOSHI_SITE ?? 'https://example.gov.cn',
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Strict CSP as a <meta> tag: Astro hashes every script and style it emits.
  // directives add a default of 'self' for everything else (images, fonts, fetches, forms).
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
  // luoshiBuild last: chart images, search index and the swap of the finished dist/ (src/integrations/build.ts).
  integrations: [luoshiContent(), mdx(), luoshiSitemap(), luoshiBuild()],
  // Shiki highlights with inline styles, which the CSP forbids; bulletins need no code highlighting.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
});
