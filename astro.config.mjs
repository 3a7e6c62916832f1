// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { luoshiContent } from './src/integrations/content-check.ts';
import { luoshiSitemap } from './src/integrations/sitemap.ts';
import { BULLETIN_REHYPE_PLUGINS } from './src/site/markdown.ts';

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
  // MDX bulletins (npm run bulletin drafts, with <Chart />) compile to code and would lose their
  // components to the sanitiser: they keep a plain unified processor, and `npm run validate`
  // (src/core/bulletin-files.ts) allows them nothing but text, Markdown and <Chart id="…" />.
  integrations: [luoshiContent(), mdx({ processor: unified() }), luoshiSitemap(base)],
  markdown: {
    // Shiki highlights with inline styles, which the CSP forbids; bulletins need no code highlighting.
    syntaxHighlight: false,
    // Office-written Markdown is sanitised to GitHub's allow-list (src/site/markdown.ts).
    processor: unified({ rehypePlugins: BULLETIN_REHYPE_PLUGINS }),
  },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
});
