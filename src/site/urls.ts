/**
 * Every internal URL of the site, built in one place so the site can be deployed under a
 * sub-path (LUOSHI_BASE, e.g. /zt/luoshi/). Paths always end with a slash (trailingSlash: 'always').
 */
import { kindSlug, type Item } from '../core/index.ts';
import { getDataset } from './data.ts';

/** The programme's URL segment in a year (manifest.json programme.slug). */
function programmeSlug(year: number): string {
  const y = getDataset().years.find((d) => d.year === year);
  if (!y) throw new Error(`no year ${year} in the dataset`);
  return kindSlug(y, 'project');
}

const RAW_BASE: string = import.meta.env.BASE_URL ?? '/';
/** The base path, always with a trailing slash: "/" or "/zt/luoshi/". */
export const BASE = RAW_BASE.endsWith('/') ? RAW_BASE : `${RAW_BASE}/`;

/** Prefix a site-relative path ("2020/tasks/") with the base. */
export function url(path = ''): string {
  const p = path.replace(/^\/+/, '');
  return `${BASE}${p}`;
}

export const urls = {
  home: () => url(),
  about: () => url('about/'),
  data: () => url('data/'),
  search: () => url('search/'),
  projects: (year: number) => url(`${year}/${programmeSlug(year)}/`),
  project: (year: number, no: number) => url(`${year}/${programmeSlug(year)}/${no}/`),
  category: (year: number, no: number) => url(`${year}/${programmeSlug(year)}/category/${no}/`),
  tasks: (year: number) => url(`${year}/tasks/`),
  task: (year: number, no: number) => url(`${year}/tasks/${no}/`),
  section: (year: number, no: number) => url(`${year}/tasks/section/${no}/`),
  item: (item: Pick<Item, 'kind' | 'year' | 'no'>) => (item.kind === 'task' ? urls.task(item.year, item.no) : urls.project(item.year, item.no)),
  group: (item: Pick<Item, 'kind' | 'year' | 'group'>) => (item.kind === 'task' ? urls.section(item.year, item.group) : urls.category(item.year, item.group)),
  notice: (year: number) => url(`${year}/notice/`),
  months: (year: number) => url(`${year}/months/`),
  month: (month: string) => url(`${month.slice(0, 4)}/months/${month}/`),
  units: () => url('units/'),
  unit: (id: string) => url(`units/${id}/`),
  leaders: () => url('leaders/'),
  leader: (id: string) => url(`leaders/${id}/`),
  bulletins: () => url('bulletins/'),
  bulletin: (slug: string) => url(`bulletins/${slug}/`),
  asset: (file: string) => url(file),
};
