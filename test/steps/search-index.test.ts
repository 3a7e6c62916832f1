import { describe, expect, it } from 'vitest';
import { augment, shardOf } from '../../src/steps/search-index.ts';
import { loadContentOrThrow } from '../../src/core/content/load.ts';
import { buildDate } from '../../src/core/content/paths.ts';
import { searchRecords } from '../../src/core/present/search.ts';
import { SHIZHONG_2020 } from '../fixtures/bundled.ts';

const ds = loadContentOrThrow(SHIZHONG_2020, { today: buildDate() });
const records = searchRecords(ds);

const page = (body: string) =>
  `<!doctype html><html lang="zh-CN"><head><title>t</title></head><body><header>站点</header><main data-pagefind-body><div class="wrap">${body}</div></main><footer>页脚</footer></body></html>`;

/** The part of the search copy Pagefind indexes: inside the data-pagefind-body element. */
const indexed = (html: string) => html.slice(html.indexOf('<main data-pagefind-body>'), html.indexOf('</main>'));

describe('search copies of the pages (src/steps/search-index.ts)', () => {
  it('a year page and a bulletin of that year go to the year shard; units and leaders to the main bundle', () => {
    expect(shardOf('2020/tasks/5/')).toBe('2020');
    expect(shardOf('2020/12100/37/')).toBe('2020');
    expect(shardOf('bulletins/2024-12-minsheng/')).toBe('2024');
    expect(shardOf('bulletins/2020-02-17-lixiang/')).toBe('2020');
    expect(shardOf('bulletins/lixiang/')).toBe('');
    expect(shardOf('units/fagaiju/')).toBe('');
    expect(shardOf('leaders/chengwei/')).toBe('');
  });

  it("a unit's page is indexed without its tables and charts, and its filters stay inside the indexed element", () => {
    const unit = ds.units.find((u) => records.has(`units/${u.id}/`))!;
    const record = records.get(`units/${unit.id}/`)!;
    const html = page(
      `<h1>${unit.name}</h1><figure><table><tr><td>图表数据</td></tr></table></figure><table><caption>主要工作任务</caption><tr><td><a href="/leaders/x/">某领导</a></td><td>事项全文</td></tr></table><p>牵头1项</p>`,
    );
    const copy = augment(html, record)!;
    const body = indexed(copy);
    expect(body).toContain(unit.name);
    expect(body).toContain('牵头1项');
    expect(copy).not.toMatch(/<table|<figure|事项全文|图表数据|某领导/);
    // Every filter, sort and meta tag lands in the indexed element, none after it.
    expect(body).toContain(`data-pagefind-filter="unit[content]" content="${unit.name}"`);
    expect(copy.slice(copy.indexOf('</main>'))).not.toContain('data-pagefind');
  });

  it("an item's page keeps its tables (its plan) and gets its filters inside the indexed element", () => {
    const [path, record] = [...records].find(([p]) => /^\d{4}\/tasks\/\d+\/$/.test(p))!;
    const copy = augment(page(`<h1>${path}</h1><table><tr><td>一季度计划</td></tr></table>`), record)!;
    expect(indexed(copy)).toContain('一季度计划');
    expect(indexed(copy)).toContain('data-pagefind-filter="year[content]"');
    expect(copy.slice(copy.indexOf('</main>'))).not.toContain('data-pagefind');
  });
});
