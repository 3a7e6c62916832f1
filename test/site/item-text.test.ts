/**
 * An item's page gives its text in the notice's order: the lead-in (引题, a merged cell the notice
 * prints before the items under it, e.g. 举全区之力推进“一带一城”建设。 before tasks 24 and 25) first,
 * then the item's own text, as the paragraph under the page's heading and before the month
 * strip; the lead-in is not repeated further down. Checked over the built site (dist/) for every
 * item of the content that has a lead-in.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../src/core/content/load.ts';
import { buildDate, contentRoot } from '../../src/core/content/paths.ts';
import type { Dataset } from '../../src/core/model/types.ts';
import { linkPaths } from '../../src/core/present/urls.ts';

const DIST = path.resolve('dist');
/** Node 24 from node_modules/.bin first, also when vitest is started outside npm scripts. */
const ENV = { ...process.env, PATH: `${path.resolve('node_modules/.bin')}${path.delimiter}${process.env.PATH}` };

/** The text a reader sees in a piece of HTML: tags dropped, the entities Astro writes decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

let ds: Dataset;

beforeAll(() => {
  execSync('node tools/ensure-build.ts', { stdio: 'inherit', env: ENV });
  ds = loadContentOrThrow(contentRoot(), { today: buildDate() });
}, 600_000);

describe('item pages', () => {
  it('open with the lead-in, then the item’s text, in the notice’s order', () => {
    const urls = linkPaths('/', (y) => ds.years.find((d) => d.year === y)!);
    const items = ds.years.flatMap((y) => [...y.tasks, ...y.projects]).filter((item) => item.leadIn);
    // The bundled notice has one lead-in, shared by tasks 24 and 25.
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const item of items) {
      const where = urls.item(item);
      const html = readFileSync(path.join(DIST, where, 'index.html'), 'utf8');
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      const h1 = main.indexOf('</h1>');
      const first = /<p class="fulltext">([\s\S]*?)<\/p>/.exec(main);
      expect(first, where).not.toBeNull();
      expect(textOf(first![1]), where).toBe(`${item.leadIn}${item.text}`);
      // Right under the heading, before the status and the month strip.
      expect(first!.index, where).toBeGreaterThan(h1);
      expect(main.slice(h1 + 5, first!.index).trim(), where).toBe('');
      expect(first!.index, where).toBeLessThan(main.indexOf('month-strip'));
      // Said once: not again after the month strip.
      expect(textOf(main.slice(first!.index + first![0].length)), where).not.toContain(item.leadIn);
    }
  });
});
