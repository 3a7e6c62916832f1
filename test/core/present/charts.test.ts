import { describe, expect, it } from 'vitest';
import { chartConfig } from '../../../src/core/present/chart-config.ts';
import { chartData, chartIds, ChartError, contrastRatio, getChart, STATUS_STYLE } from '../../../src/core/present/charts.ts';
import { loadContentOrThrow } from '../../../src/core/content/load.ts';
import type { Dataset } from '../../../src/core/model/types.ts';
import { STATUSES } from '../../../src/core/model/status.ts';
import { completionSeries, countStatuses, countsByGroup } from '../../../src/core/model/stats.ts';
import { TODAY, makeContent } from '../../fixtures/content.ts';

const dataset: Dataset = loadContentOrThrow(makeContent(), { today: TODAY });
const year = dataset.years[0];

describe('chart ids', () => {
  it('lists the year charts, their month variants, groups and units with items, and no per-item chart; all URL-safe and unique', () => {
    const ids = chartIds(dataset);
    expect(ids.slice(0, 4)).toEqual([
      '12100-by-category-2020',
      '12100-completion-2020',
      'tasks-by-section-2020',
      'tasks-completion-2020',
    ]);
    for (const m of year.months) expect(ids).toContain(`12100-by-category-${m}`);
    expect(ids).toContain('unit-zhujianju-2020');
    expect(ids).toContain('12100-category-2020-2');
    expect(ids).toContain('tasks-section-2020-1');
    // An item's months are an HTML strip on its page: no item-level chart or image exists.
    expect(ids.filter((id) => id.startsWith('item-'))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-zA-Z0-9-]+$/);
      expect(() => getChart(dataset, id), id).not.toThrow();
    }
  });
});

describe('descriptions agree with the statistics', () => {
  const month = year.months.at(-1)!;
  const label = `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

  it('12100 by category: totals, the table and the series are countStatuses', () => {
    const spec = getChart(dataset, '12100-by-category-2020');
    const c = countStatuses(year, year.projects);
    expect(spec.description).toBe(
      `截至${label}，${year.projects.length}项“12100”民生工程中已完成${c.已完成}项，序时推进${c.序时推进}项，滞后${c.滞后}项，未报送${c.未报送}项` +
        (c.滞后 ? spec.description.slice(spec.description.indexOf('，滞后最多')) : '，没有滞后的事项。'),
    );
    const groups = countsByGroup(year, 'project');
    for (const s of STATUSES) expect(spec.series.find((x) => x.status === s)!.values).toEqual(groups.map((g) => g.counts[s]));
    expect(spec.table.rows.at(-1)).toEqual(['合计', c.已完成, c.序时推进, c.滞后, c.未报送, year.projects.length]);
    expect(spec.kind).toBe('bar-stacked');
  });

  it('a chart as of a month counts that month', () => {
    const first = year.months[0];
    const spec = getChart(dataset, `tasks-by-section-${first}`);
    const c = countStatuses(year, year.tasks, first);
    expect(spec.description).toContain(`已完成${c.已完成}项，序时推进${c.序时推进}项，滞后${c.滞后}项，未报送${c.未报送}项`);
    expect(spec.month).toBe(first);
  });

  it('completion line: one measure, completed items per month out of all of them', () => {
    const spec = getChart(dataset, '12100-completion-2020');
    const series = completionSeries(year, 'project');
    expect(spec.kind).toBe('line');
    expect(spec.series).toHaveLength(1);
    expect(spec.series[0].values).toEqual(series.map((p) => p.completed));
    expect(spec.valueMax).toBe(year.projects.length);
    expect(spec.valueLabel).toBe(`已完成事项（项，共${year.projects.length}项）`);
    expect(spec.description).toContain(`已完成的由${series[0].completed}项增至${series.at(-1)!.completed}项`);
  });

  it('unit chart: the unit’s items by status, lead and shared', () => {
    const spec = getChart(dataset, 'unit-zhujianju-2020');
    const items = year.items.filter((i) => i.units.some((u) => u.type === 'unit' && u.id === 'zhujianju'));
    const c = countStatuses(year, items);
    expect(spec.description).toContain(`区住建局负责的${items.length}项事项`);
    expect(spec.description).toContain(`已完成${c.已完成}项，序时推进${c.序时推进}项，滞后${c.滞后}项，未报送${c.未报送}项`);
  });

  it('category and section charts: that group’s items by status per month', () => {
    const spec = getChart(dataset, '12100-category-2020-1');
    const g = countsByGroup(year, 'project').find((x) => x.no === 1)!;
    expect(spec.series.map((s) => s.values.at(-1))).toEqual(STATUSES.map((s) => g.counts[s]));
    expect(spec.description).toContain(`“一、居住舒心工程”的${g.items.length}项“12100”民生工程中已完成${g.counts.已完成}项`);
    expect(getChart(dataset, 'tasks-section-2020-2').title).toContain('二、聚焦民生');
  });
});

describe('citation, CSV and metadata', () => {
  it('cites in GB/T 7714 form with data date, access date and URL', () => {
    const spec = getChart(dataset, '12100-by-category-2020', { homeUrl: 'https://example.gov.cn/zt/', accessed: '2026-11-29' });
    expect(spec.citation).toBe(
      `测试区人民政府办公室. ${spec.title}[EB/OL]. (2020-04-10)[2026-11-29]. https://example.gov.cn/zt/embed/12100-by-category-2020/.`,
    );
    expect(spec.dataDate).toBe('2020-04-10');
    expect(spec.sample).toBe(true);
  });

  it('CSV has the table’s header and rows, quoted where needed', () => {
    const spec = getChart(dataset, 'unit-zhujianju-2020');
    const lines = spec.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(spec.table.columns.join(','));
    expect(lines).toHaveLength(spec.table.rows.length + 1);
  });
});

describe('unknown ids and bad options fail clearly', () => {
  it.each([
    ['no-such-chart', '格式不符'],
    ['item-2020-P1', '事项不再有单独的图表'],
    ['tasks-completion-2019', '没有 2019 年度的数据'],
    ['unit-nobody-2020', '没有编号为 nobody 的责任单位'],
    ['12100-category-2020-13', '没有第13类'],
    ['12100-by-category-2020-12', '不在已发布的月份中'],
  ])('%s', (id, why) => {
    expect(() => getChart(dataset, id)).toThrow(ChartError);
    expect(() => getChart(dataset, id)).toThrow(why);
    expect(() => getChart(dataset, id)).toThrow(`[LS-BUL-023] 未知的图表编号「${id}」`);
  });

  it('rejects unknown or malformed options', () => {
    expect(() => getChart(dataset, '12100-by-category-2020', { colour: 'red' } as never)).toThrow(
      'unknown chart option "colour"',
    );
    expect(() => getChart(dataset, '12100-by-category-2020', { homeUrl: 'example.gov.cn' })).toThrow('homeUrl');
    expect(() => getChart(dataset, '12100-by-category-2020', { accessed: '29/11/2026' })).toThrow('accessed');
  });
});

describe('palette and configuration', () => {
  it('every status colour has at least 3:1 contrast against white, and a distinct pattern', () => {
    for (const [status, style] of Object.entries(STATUS_STYLE))
      expect(contrastRatio(style.color, '#ffffff'), status).toBeGreaterThanOrEqual(3);
    expect(new Set(Object.values(STATUS_STYLE).map((s) => s.pattern)).size).toBe(4);
  });

  it('one configuration function for every chart kind: stacked bars, a line on one axis; static and elderly forms', () => {
    const env = { fontFamily: 'Test' };
    const bar = chartConfig(chartData(getChart(dataset, '12100-by-category-2020')), env);
    expect(bar.type).toBe('bar');
    expect(bar.options?.indexAxis).toBe('y');
    expect(bar.data.datasets.map((d) => d.label)).toEqual([...STATUSES]);
    const line = chartConfig(chartData(getChart(dataset, 'tasks-completion-2020')), env);
    expect(line.type).toBe('line');
    // No second value axis on another scale: one y axis, running to the number of items.
    expect(Object.keys(line.options?.scales ?? {})).toEqual(['x', 'y']);
    expect((line.options?.scales as Record<string, { max?: number }>).y.max).toBe(year.tasks.length);
    const still = chartConfig(chartData(getChart(dataset, 'unit-zhujianju-2020')), { ...env, static: true });
    expect(still.options?.animation).toBe(false);
    expect(still.options?.responsive).toBe(false);
    expect(still.plugins?.map((p) => p.id)).toContain('luoshiLabels');
    // Axis text at least 12 px; in elderly mode every chart text at least 18 px.
    const sizes = (c: typeof bar) => {
      const o = c.options as {
        font: { size: number };
        plugins: Record<string, { font?: { size: number }; size?: number }>;
        scales: Record<string, { ticks: { font: { size: number } } }>;
      };
      return [o.font.size, ...Object.values(o.scales).map((a) => a.ticks.font.size), o.plugins.luoshiLabels?.size ?? o.font.size];
    };
    for (const size of sizes(bar)) expect(size).toBeGreaterThanOrEqual(12);
    const elder = chartConfig(chartData(getChart(dataset, '12100-by-category-2020')), {
      ...env,
      elder: true,
      title: 't',
      footer: 'f',
    });
    for (const size of sizes(elder)) expect(size).toBeGreaterThanOrEqual(18);
    const plugins = elder.options?.plugins as { title: { font: { size: number } }; subtitle: { font: { size: number } } };
    expect(plugins.title.font.size).toBeGreaterThanOrEqual(18);
    expect(plugins.subtitle.font.size).toBeGreaterThanOrEqual(18);
  });
});

describe('a year with no report due yet', () => {
  it('still has every chart, saying that no report is due', () => {
    const early = loadContentOrThrow(
      makeContent({
        '2020/manifest.json': JSON.stringify({
          year: 2020,
          notice: { doc_no: '测政办发〔2020〕1号', title: '测试通知', date: '2020-02-17', publicity: '此件公开发布' },
          data_date: '2020-01-20',
          sample: true,
          sample_note: '测试数据',
          programme: { name: '“12100”民生工程', slug: '12100', item_label: '民生', categories: true },
        }),
        '2020/reports/2020-01.csv': null,
        '2020/reports/2020-02.csv': null,
      }),
      { today: TODAY },
    );
    expect(early.years[0].months).toEqual([]);
    for (const id of chartIds(early)) {
      const spec = getChart(early, id);
      expect(spec.description, id).toContain('尚无到期的月报');
      expect(spec.month).toBeUndefined();
    }
  });
});

describe('completion rate by category (issue 22)', () => {
  const measured = loadContentOrThrow(
    makeContent({
      '2020/indicators.csv': [
        'item,no,name,kind,measure,goal,comparison,source,confirmed',
        'P1,1,加装电梯,数量,部,60,,加装电梯60部,是',
        'P2,1,新建学校,数量,所,3,,新建学校3所,是',
      ].join('\n'),
      '2020/actuals/2020-01.csv': ['item,no,month,actual', 'P1,1,2020-01,60', 'P2,1,2020-01,1'].join('\n'),
    }),
    { today: TODAY },
  );

  it('exists only for a kind with quantity or money indicators, with its month variants', () => {
    expect(chartIds(dataset).filter((id) => id.includes('rate-by'))).toEqual([]);
    const ids = chartIds(measured).filter((id) => id.includes('rate-by'));
    expect(ids).toEqual(['12100-rate-by-category-2020', ...measured.years[0].months.map((m) => `12100-rate-by-category-${m}`)]);
    expect(() => getChart(measured, 'tasks-rate-by-section-2020')).toThrow(ChartError);
  });

  it('draws one measure on one axis, 0–100 %, and its table says what each bar stands for', () => {
    const spec = getChart(measured, '12100-rate-by-category-2020');
    expect(spec.series).toEqual([{ name: '平均完成率（%）', values: [100, 33.3] }]);
    expect(spec).toMatchObject({ kind: 'bar-stacked', orientation: 'horizontal', valueMax: 100 });
    expect(spec.table.columns).toEqual(['类别', '数量和金额指标（个）', '已报送（个）', '平均完成率']);
    expect(spec.table.rows).toEqual([
      ['一、居住舒心工程', 1, 1, '100%'],
      ['二、教育惠民工程', 1, 1, '33.3%'],
    ]);
    expect(spec.description).toContain('最低的是“二、教育惠民工程”（33.3%），最高的是“一、居住舒心工程”（100%）');
    const config = chartConfig(chartData(spec), { fontFamily: 'sans-serif' }) as unknown as {
      options: { scales: { x: { max?: number; title: { text: string } } } };
    };
    expect(config.options.scales.x.max).toBe(100);
    expect(config.options.scales.x.title.text).toBe('平均完成率（%，超过100%的按100%计）');
  });
});
