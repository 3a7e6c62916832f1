import { describe, expect, it } from 'vitest';
import { robotsTxt } from '../../../src/core/publish/robots.ts';

describe('robots.txt', () => {
  it('allows crawling and gives the sitemap index under the site and its base', () => {
    expect(robotsTxt('https://example.gov.cn', '/')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.gov.cn/sitemap-index.xml\n',
    );
    expect(robotsTxt(new URL('https://www.jnsz.gov.cn/'), '/zt/luoshi')).toContain(
      '\nSitemap: https://www.jnsz.gov.cn/zt/luoshi/sitemap-index.xml\n',
    );
  });
});
