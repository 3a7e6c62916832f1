/**
 * The built search index (dist/pagefind, as a first search on the search page reads it), queried
 * in Node through Pagefind's own script with the search page's query path: 加装电梯 finds 12100
 * 第5项 first and not 区人武部, and every listed result shows a query word.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAIN_SHARD, shardsLackingATerm, withoutShards } from '../../src/client/search-shards.ts';
import { browserTerms, queryWords, resultShowsQuery, searchQuery } from '../../src/core/present/search.ts';
import { loadPagefind } from '../../tools/search-report.ts';

const ENV = { ...process.env, PATH: `${path.resolve('node_modules/.bin')}${path.delimiter}${process.env.PATH}` };
let pf: Awaited<ReturnType<typeof loadPagefind>>['pf'];

beforeAll(async () => {
  execSync('node tools/ensure-build.ts', { stdio: 'inherit', env: ENV });
  ({ pf } = await loadPagefind(path.resolve('dist/pagefind')));
}, 600_000);

/** What the search page lists for `typed`, in order (src/client/search.ts). */
async function listed(typed: string): Promise<string[]> {
  const terms = browserTerms(searchQuery(typed, ['12100']));
  const lacking = await shardsLackingATerm(pf, terms, [MAIN_SHARD]);
  const search = await pf.search(terms, { filters: withoutShards({}, lacking) });
  const words = queryWords(typed, ['12100']);
  const out: string[] = [];
  for (const r of search?.results ?? []) {
    const d = await r.data();
    if (resultShowsQuery(d, words)) out.push(d.url);
  }
  return out;
}

describe('search relevance on the built index', () => {
  it('the newest year (the bundled site has one) is in the main bundle: a first search reads one index', () => {
    expect(JSON.parse(readFileSync('dist/pagefind/shards.json', 'utf8'))).toEqual({ shards: [], newest: '2020' });
  });

  it('加装电梯 lists 12100 第5项 first and never 区人武部', async () => {
    const urls = await listed('加装电梯');
    expect(urls[0]).toBe('/2020/12100/5/');
    expect(urls).not.toContain('/units/renwubu/');
  });

  it('a unit alias lists only results that show it; a number only its item', async () => {
    expect((await listed('发改局')).length).toBeLessThan(30);
    expect(await listed('12100 第5项')).toEqual(['/2020/12100/5/']);
    // A word of every kind of page stays whole: nothing a page shows is dropped.
    const raw = await pf.search(browserTerms('建设'));
    expect((await listed('建设')).length).toBe(raw!.results.length);
  });
});
