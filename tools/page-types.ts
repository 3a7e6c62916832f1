/**
 * One page of each type of the built site, for the screenshots (tools/screenshots.ts), the
 * Lighthouse run (tools/lighthouse.ts) and the phone layout tests (test/e2e/phone.spec.ts).
 * Site-relative paths without the base; search pages carry their query. The programme's URL
 * segment is the bundled year's slug from its manifest (no programme name is written in code).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentRoot } from '../src/core/content/paths.ts';

const slug: string = JSON.parse(readFileSync(path.join(contentRoot(), '2020', 'manifest.json'), 'utf8')).programme.slug;
export interface PageType {
  /** File-name-safe name of the type. */
  name: string;
  path: string;
}

export const PAGE_TYPES: PageType[] = [
  { name: 'home', path: '' },
  { name: 'projects', path: `2020/${slug}/` },
  { name: 'category', path: `2020/${slug}/category/1/` },
  { name: 'project', path: `2020/${slug}/5/` },
  { name: 'tasks', path: '2020/tasks/' },
  { name: 'section', path: '2020/tasks/section/2/' },
  { name: 'task', path: '2020/tasks/37/' },
  { name: 'months', path: '2020/months/' },
  { name: 'month', path: '2020/months/2020-04/' },
  { name: 'units', path: 'units/' },
  { name: 'unit', path: 'units/zhujianju/' },
  { name: 'street', path: 'streets/shiliulihe/' },
  { name: 'leaders', path: 'leaders/' },
  { name: 'leader', path: 'leaders/mengqingshun/' },
  { name: 'bulletins', path: 'bulletins/' },
  { name: 'bulletin', path: `bulletins/2020-02-${slug}/` },
  { name: 'about', path: 'about/' },
  { name: 'notice', path: '2020/notice/' },
  { name: 'data', path: 'data/' },
  { name: 'search', path: 'search/?q=加装电梯' },
  { name: 'embeds', path: 'embed/' },
  { name: 'embed', path: 'embed/tasks-completion-2020/' },
];

/** The five pages Lighthouse scores: home, a list, an item, a month and the search page. */
export const LIGHTHOUSE_PAGES = ['/', `/2020/${slug}/`, `/2020/${slug}/5/`, '/2020/months/2020-04/', '/search/'];
