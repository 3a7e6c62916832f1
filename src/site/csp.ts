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
