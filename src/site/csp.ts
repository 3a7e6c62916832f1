/**
 * The Content-Security-Policy of every page, as a <meta> first in <head> (right after
 * <meta charset>, which must stay in the first 1024 bytes), so that every element of the head
 * is under the policy. Written by the layouts (src/layouts/Base.astro, the embed layout).
 *
 * Why not Astro's `security.csp`: the site has no inline script or style (test/site/dist.test.ts
 * checks every page; an external script is allowed by 'self'), so every page's policy is the
 * same string. Astro computed it per page all the same: SHA-256 digests of every script and
 * style of the site on each page, then a rewrite of each page's HTML to move its <meta> first
 * and drop hashes that matched nothing: 6.8 s of the large benchmark dataset's 50 s of pages
 * (`node --cpu-prof`: generateCspDigest 3.4 s, the rewriting middleware 3.4 s), for a constant.
 * An inline script added by mistake is blocked by this policy (no hash allows it), never allowed.
 */
const DIRECTIVES = ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"];

/**
 * The policy. `wasm`: also 'wasm-unsafe-eval' for scripts: Pagefind searches with WebAssembly,
 * on the search page only.
 */
export function contentSecurityPolicy(options: { wasm?: boolean } = {}): string {
  return `${DIRECTIVES.join(';')}; script-src 'self'${options.wasm ? " 'wasm-unsafe-eval'" : ''}; style-src 'self';`;
}
