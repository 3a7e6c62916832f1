/**
 * Merging Pagefind bundles (src/steps/pagefind-merge.ts): a bundle indexed in parts and merged is
 * the bundle one Pagefind run over all the pages writes (same pages, words and locations, filters,
 * sorts, metadata fields and index chunks), and Pagefind's own search script finds the same in it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePagefindFile, encodePagefindFile, readPagefindFile, type Cbor } from '../../src/steps/pagefind-files.ts';
import { byBytes, chunkBounds, mergeBundles, SORT_VALUES_FILE } from '../../src/steps/pagefind-merge.ts';
import { indexPart, partOf } from '../../src/steps/search-parts.ts';
import { loadPagefind } from '../../tools/search-report.ts';

/** Deterministic Chinese text: words drawn from a list by a linear congruential sequence. */
const WORDS = [
  '加装',
  '电梯',
  '老旧',
  '小区',
  '改造',
  '管线',
  '迁改',
  '道路',
  '学校',
  '新建',
  '供暖',
  '完成',
  '推进',
  '验收',
  '社区',
  '医院',
  '绿化',
  '停车',
  '充电',
  '排水',
];
function text(seed: number, n: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[x % WORDS.length] + (x % 7 === 0 ? `${x % 1000}号` : ''));
  }
  return out.join('，');
}

interface Fixture {
  url: string;
  html: string;
}

/** Pages with filters, sort keys, metadata (one part's pages have a field the others lack) and weighted text. */
function fixturePages(): Fixture[] {
  return Array.from({ length: 48 }, (_, i) => {
    const no = i + 1;
    const extra = i >= 32 ? `<meta data-pagefind-meta="note[content]" content="备注${no} 加装">` : '';
    const sort = `n2${String(no % 17).padStart(4, '0')}`;
    return {
      url: `/2024/tasks/${no}/`,
      html: `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><main data-pagefind-body><h1>第${no}项：${text(no, 6)}</h1><p>${text(no * 31, 400)}</p><div data-pagefind-weight="8">t${no} n${no}</div><meta data-pagefind-filter="status[content]" content="${['滞后', '序时推进', '已完成'][no % 3]}"><meta data-pagefind-filter="unit[content]" content="区住建局"><meta data-pagefind-sort="number[content]" content="${sort}"><meta data-pagefind-meta="sort_number[content]" content="${sort}"><meta data-pagefind-meta="title[content]" content="第${no}项 ${text(no, 3)}">${extra}</main></body></html>`,
    };
  });
}

async function index(root: string, name: string, pages: Fixture[]): Promise<string> {
  const src = path.join(root, `pages-${name}`);
  for (const p of pages) {
    mkdirSync(path.join(src, p.url), { recursive: true });
    writeFileSync(path.join(src, p.url, 'index.html'), p.html);
  }
  const out = path.join(root, name);
  expect(await indexPart(src, pages.length, out)).toEqual([]);
  return out;
}

/** A bundle as data keyed by URL, independent of page numbers and file names. */
function contents(dir: string) {
  const meta = readPagefindFile(
    path.join(
      dir,
      readdirSync(dir).find((f) => f.endsWith('.pf_meta'))!,
    ),
  ) as Cbor[][];
  const pages = meta[1] as [string, number, string][];
  const urls = pages.map(
    ([hash]) =>
      JSON.parse(
        gunzipSync(readFileSync(path.join(dir, 'fragment', `${hash}.pf_fragment`)))
          .subarray(12)
          .toString(),
      ).url as string,
  );
  const fields = meta[5] as string[];
  const words: Record<string, unknown[]> = {};
  for (const [, , hash] of meta[2] as string[][]) {
    const [list] = readPagefindFile(path.join(dir, 'index', `${hash}.pf_index`)) as [
      [string, [number, number[], number[]][], Cbor[]][],
    ];
    for (const [word, entries] of list) {
      let page = 0;
      words[word] = entries
        .map(([delta, locs, metaLocs]) => [urls[(page += delta)], locs, metaLocs.map((v) => (v < 0 ? fields[-v - 1] : v))])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    }
  }
  const filters: Record<string, string[]> = {};
  for (const [name, hash] of meta[3] as string[][])
    for (const [value, list] of (
      readPagefindFile(path.join(dir, 'filter', `${hash}.pf_filter`)) as [string, [string, number[]][]]
    )[1])
      filters[`${name}=${value}`] = list.map((p) => urls[p]).sort();
  const sorts = Object.fromEntries((meta[4] as [string, number[]][]).map(([name, list]) => [name, list.map((p) => urls[p])]));
  return {
    pages: Object.fromEntries(pages.map(([, words], i) => [urls[i], words])),
    words,
    filters,
    sorts,
    fields,
    chunks: (meta[2] as string[][]).map(([from, to]) => [from, to]),
  };
}

describe('merging Pagefind bundles (src/steps/pagefind-merge.ts)', () => {
  it('orders strings by their UTF-8 bytes, as Pagefind orders words', () => {
    const strings = ['a', 'ab', 'b', '加装', '加', '电梯', '\uE000', '\uFFFD', '😀', '𠀀', 'Z', '1', '10', '2', ''];
    for (const a of strings)
      for (const b of strings) expect(Math.sign(byBytes(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
  });

  it("cuts index chunks as Pagefind does: prefixes that tell neighbours apart, a `to` before its chunk's `from` kept whole", () => {
    expect(
      chunkBounds([
        { first: '0', last: '2024' },
        { first: '20241201', last: '20250120' },
        { first: '203', last: '序' },
        { first: '序时', last: '序时推进' },
        { first: '应急', last: '治理' },
      ]),
    ).toEqual([
      { from: '0', to: '2024' },
      { from: '20241', to: '20250120' },
      { from: '203', to: '序' },
      { from: '序时', to: '序时推进' },
      { from: '应', to: '治理' },
    ]);
  });

  it('a bundle indexed in parts and merged is the bundle one Pagefind run writes, and searches the same', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'luoshi-merge-'));
    const pages = fixturePages();
    const whole = await index(root, 'whole', pages);
    const parts = [
      await index(root, 'a', pages.slice(0, 16)),
      await index(root, 'b', pages.slice(16, 32)),
      await index(root, 'c', pages.slice(32)),
    ];
    // The files Pagefind wrote decode and encode to the same bytes.
    for (const f of ['index', 'filter'].flatMap((d) => readdirSync(path.join(whole, d)).map((n) => path.join(whole, d, n)))) {
      const raw = readFileSync(f);
      expect(gunzipSync(encodePagefindFile(decodePagefindFile(raw))).equals(gunzipSync(raw))).toBe(true);
    }
    const merged = path.join(root, 'merged');
    const result = mergeBundles(parts, merged, parts[0]);
    expect(result.pages).toBe(pages.length);

    const a = contents(whole);
    const b = contents(merged);
    expect(a.chunks.length).toBeGreaterThan(1);
    expect(b.pages).toEqual(a.pages);
    expect(b.fields).toEqual(a.fields);
    expect(b.fields).toContain('note');
    expect(b.words).toEqual(a.words);
    expect(b.filters).toEqual(a.filters);
    expect(b.chunks).toEqual(a.chunks);
    // Sorted alike (pages of equal values in either order: Pagefind keeps their page order).
    const key = (url: string) => pages.find((p) => p.url === url)!.html.match(/sort_number\[content\]" content="([^"]+)"/)![1];
    expect(b.sorts.number.map(key)).toEqual(a.sorts.number.map(key));
    expect([...b.sorts.number].sort()).toEqual([...a.sorts.number].sort());
    // The same from the values search-index.ts writes beside each part, without reading fragments.
    parts.forEach((dir, i) =>
      writeFileSync(
        path.join(dir, SORT_VALUES_FILE),
        JSON.stringify({
          number: pages
            .slice(i * 16, i * 16 + 16)
            .map((p) => key(p.url))
            .reverse(),
        }),
      ),
    );
    mergeBundles(parts, path.join(root, 'merged-values'), parts[0]);
    expect(contents(path.join(root, 'merged-values')).sorts).toEqual(b.sorts);

    const search = async (dir: string) => {
      const { pf } = await loadPagefind(dir);
      const run = async (q: string, o: object = {}) => {
        const s = await pf.search(q, o);
        return Promise.all(
          (s?.results ?? []).map(async (r) => [(await r.data()).url, (r as { score?: number }).score?.toFixed(4)]),
        );
      };
      return [
        await run('加装 电梯'),
        await run('迁改', { filters: { status: { any: ['滞后'] } } }),
        await run('备注33'),
        await run('t7'),
      ];
    };
    const [x, y] = [await search(whole), await search(merged)];
    expect(x[0].length).toBeGreaterThan(0);
    expect(x[2]).toEqual([['/2024/tasks/33/', expect.any(String)]]);
    // The same results with the same scores; pages of equal score in any order.
    for (let i = 0; i < x.length; i++) expect([...y[i]].sort()).toEqual([...x[i]].sort());
  }, 60_000);

  it('each page has its part by its path alone: items by year, list and number, bulletins by quarter', () => {
    expect(partOf('2024/tasks/1/')).toBe('2024/tasks/000');
    expect(partOf('2024/tasks/100/')).toBe('2024/tasks/000');
    expect(partOf('2024/tasks/101/')).toBe('2024/tasks/001');
    expect(partOf('2024/minsheng/250/', true)).toBe('catalogue/2024/minsheng/000');
    expect(partOf('bulletins/2024-07-minsheng/')).toBe('bulletins/2024-q3');
    expect(partOf('bulletins/2020-02-17-lixiang/')).toBe('bulletins/2020-q1');
    expect(partOf('bulletins/2020-q1-overall/')).toBe('bulletins/2020');
    expect(partOf('units/fagaiju/')).toBe('site');
    expect(partOf('bulletins/lixiang/')).toBe('site');
  });
});
