/**
 * The rehype plugins of office-written Markdown bulletins (astro.config.mjs), here so tests
 * render with exactly the site's pipeline. rehype-raw parses raw HTML first (Astro's own raw
 * pass runs after user plugins, which would leave the sanitiser nothing but opaque strings),
 * then rehype-sanitize keeps GitHub's allow-list: <script>, on* attributes, javascript: links,
 * <iframe>, <style> and the like are dropped.
 */
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';

export const BULLETIN_REHYPE_PLUGINS = [rehypeRaw, rehypeSanitize];
