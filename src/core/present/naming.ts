/**
 * What the year's lists are called and the URL segment of their pages: all from the year's
 * data (manifest.json's programme and tasks), never from code (paths: urls.ts). Pure, and
 * importing nothing but the error base (errors/base.ts): the browser's search script bundles it.
 */
import type { ItemKind, YearData } from '../model/types.ts';
import { LuoshiError } from '../errors/base.ts';

type YearNames = Pick<YearData, 'year' | 'programme' | 'mainTasks'>;

/** The URL segment of a kind's pages in a year: `tasks`, or the programme's slug. */
export function kindSlug(year: YearNames, kind: ItemKind): string {
  if (kind === 'task') return 'tasks';
  if (!year.programme) throw new LuoshiError(`kindSlug: year ${year.year} has no programme`);
  return year.programme.slug;
}

/** The name of a kind's list in a year: 主要工作任务, or the programme's name. */
export function kindName(year: YearNames, kind: ItemKind): string {
  return (kind === 'task' ? year.mainTasks?.name : year.programme?.name) ?? '';
}

/** Whether a kind's items are grouped (sections of tasks, categories of the programme). */
export function kindGrouped(year: YearNames, kind: ItemKind): boolean {
  return kind === 'task' ? !!year.mainTasks?.sections : !!year.programme?.categories;
}
