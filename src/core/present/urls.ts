/**
 * Every internal path and URL of the site, built in one place: pages (through src/site/urls.ts,
 * which binds the base and the dataset), feeds, charts, search and the build steps all use it.
 * Paths are site-relative, without the base and without a leading slash, and always end with a
 * slash for pages (trailingSlash: 'always'); the site can be deployed under a sub-path
 * (LUOSHI_BASE, e.g. /zt/luoshi/). Pure, imports only naming.ts: the browser code uses it too.
 */
import type { Item, YearData } from '../model/types.ts';
import { kindSlug } from './naming.ts';

type YearNames = Pick<YearData, 'year' | 'programme' | 'mainTasks'>;

/** A base path or URL with exactly one trailing slash: "/zt/luoshi" → "/zt/luoshi/". */
export function withTrailingSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** An item's page: `2020/tasks/37/`, `2020/<programme slug>/5/`. */
export function itemPath(year: YearNames, item: Pick<Item, 'kind' | 'no'>): string {
  return `${year.year}/${kindSlug(year, item.kind)}/${item.no}/`;
}

export const unitPath = (id: string): string => `units/${id}/`;
export const leaderPath = (id: string): string => `leaders/${id}/`;
export const embedPath = (chartId: string): string => `embed/${chartId}/`;

/** The slug of an item's completion notice in `month` (generated-bulletins.ts, the feeds). */
export function completionSlug(item: Pick<Item, 'key'>, month: string): string {
  return `${month}-complete-${item.key.toLowerCase()}`;
}

/** The chart's files: its data, its images (normal and elderly mode) and its embed page. */
export const CHART_FILES = ['csv', 'png', 'svg', 'elderPng', 'elderSvg'] as const;
const CHART_SUFFIX: Record<(typeof CHART_FILES)[number], string> = {
  csv: '.csv',
  png: '.png',
  svg: '.svg',
  elderPng: '.elder.png',
  elderSvg: '.elder.svg',
};
export function chartPath(chartId: string, file: (typeof CHART_FILES)[number]): string {
  return `charts/${chartId}${CHART_SUFFIX[file]}`;
}

/**
 * Every path of the site relative to its base (`2020/tasks/37/`: what the build steps write
 * files under); `yearOf` gives a year's names (the programme's slug lives in its manifest.json).
 */
export function relativePaths(yearOf: (year: number) => YearNames) {
  const programme = (year: number) => `${year}/${kindSlug(yearOf(year), 'project')}/`;
  return {
    home: () => '',
    about: () => 'about/',
    data: () => 'data/',
    /** A download under /data/ by its path there (`2020/projects.csv`, `units.json`). */
    download: (file: string) => `data/${file}`,
    search: () => 'search/',
    projects: (year: number) => programme(year),
    project: (year: number, no: number) => `${programme(year)}${no}/`,
    category: (year: number, no: number) => `${programme(year)}category/${no}/`,
    tasks: (year: number) => `${year}/tasks/`,
    task: (year: number, no: number) => `${year}/tasks/${no}/`,
    section: (year: number, no: number) => `${year}/tasks/section/${no}/`,
    item: (item: Pick<Item, 'kind' | 'year' | 'no'>) => itemPath(yearOf(item.year), item),
    group: (item: Pick<Item, 'kind' | 'year' | 'group'>) =>
      item.kind === 'task' ? `${item.year}/tasks/section/${item.group}/` : `${programme(item.year)}category/${item.group}/`,
    notice: (year: number) => `${year}/notice/`,
    months: (year: number) => `${year}/months/`,
    month: (month: string) => `${month.slice(0, 4)}/months/${month}/`,
    units: () => 'units/',
    unit: unitPath,
    leaders: () => 'leaders/',
    leader: leaderPath,
    street: (id: string) => `streets/${id}/`,
    bulletins: () => 'bulletins/',
    bulletin: (slug: string) => `bulletins/${slug}/`,
    embeds: () => 'embed/',
    embed: embedPath,
    chart: chartPath,
    embedScript: () => 'embed.js',
    feedAll: () => 'feeds/all.xml',
    feedCategory: (year: number, no: number) => `feeds/${kindSlug(yearOf(year), 'project')}/${year}-${no}.xml`,
    feedUnit: (id: string) => `feeds/units/${id}.xml`,
    feedItem: (year: number, key: string) => `feeds/items/${year}-${key}.xml`,
    /** Any other file by its site-relative path (`sitemap-index.xml`, `data/units.csv`). */
    asset: (file: string) => file.replace(/^\/+/, ''),
  };
}

export type PathBuilders = ReturnType<typeof relativePaths>;

/**
 * The same builders, each returning the path pages link with: prefixed with `base` ("/" or
 * "/zt/luoshi/"), so `/zt/luoshi/2020/tasks/37/`. (An absolute address is `homeUrl` + a relative path.)
 */
export function linkPaths(base: string, yearOf: (year: number) => YearNames): PathBuilders {
  const root = withTrailingSlash(base);
  const paths = relativePaths(yearOf);
  return Object.fromEntries(
    Object.entries(paths).map(([name, build]) => [
      name,
      (...args: never[]) => `${root}${(build as (...a: never[]) => string)(...args)}`,
    ]),
  ) as PathBuilders;
}
