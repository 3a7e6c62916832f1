import { createHash } from 'node:crypto';

/**
 * Moves the CSP <meta http-equiv="content-security-policy"> to the start of <head> (after
 * <meta charset>, which must stay in the first 1024 bytes), so that every element of the head
 * is under the policy. Pure string work, used by src/middleware.ts and tested on built pages.
 */
const CSP_META = /<meta\s+http-equiv="content-security-policy"[^>]*>/i;

export function cspFirst(html: string): string {
  const m = CSP_META.exec(html);
  if (!m) return html;
  const without = html.slice(0, m.index) + html.slice(m.index + m[0].length);
  const charset = /<meta\s+charset=[^>]*>/i.exec(without);
  const head = /<head[^>]*>/i.exec(without);
  const at = charset ? charset.index + charset[0].length : head ? head.index + head[0].length : -1;
  if (at < 0) return html;
  return without.slice(0, at) + m[0] + without.slice(at);
}

const HASH_SOURCE = /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/;
const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;

/**
 * The CSP <meta> with only the hashes of the page's own inline scripts and styles.
 *
 * Astro lists, on every page, the hash of every script and style of the whole site (eight
 * scripts and two styles here: 570 bytes a page, 5.5 MB over the large benchmark site), though
 * most pages have no inline script at all. A hash-source allows only an inline element with
 * exactly that content (an external script is allowed by 'self'; a hash would match it only
 * through an `integrity` attribute, which Astro does not write), and no script of the site
 * inserts an inline script or style, so a hash that matches nothing on the page allows nothing:
 * dropping it changes what the page may run by nothing. Each kept hash is recomputed here from
 * the element's text (SHA-256, as Astro writes them) and kept only if Astro listed it, so a
 * policy is never widened.
 */
export function cspOwnHashes(html: string): string {
  const m = CSP_META.exec(html);
  if (!m) return html;
  const content = /\bcontent="([^"]*)"/i.exec(m[0]);
  if (!content) return html;
  const own = new Set<string>();
  for (const [, , attrs, text] of html.matchAll(INLINE)) {
    if (/\bsrc\s*=/i.test(attrs)) continue;
    own.add(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  const policy = content[1]
    .split(';')
    .map((directive) =>
      directive
        .split(' ')
        .filter((source) => !HASH_SOURCE.test(source) || own.has(source))
        .join(' '),
    )
    .join(';');
  const meta = m[0].replace(content[0], `content="${policy}"`);
  return html.slice(0, m.index) + meta + html.slice(m.index + m[0].length);
}
