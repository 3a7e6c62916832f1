/**
 * What the year's lists are called and the URL segment of their pages: all from the year's
 * data (manifest.json's programme and tasks), never from code (paths: urls.ts). Pure, no
 * imports: the browser's search script uses it too.
 */
import type { ItemKind, YearData } from '../model/types.ts';

type YearNames = Pick<YearData, 'year' | 'programme' | 'mainTasks'>;

/** The URL segment of a kind's pages in a year: `tasks`, or the programme's slug. */
export function kindSlug(year: YearNames, kind: ItemKind): string {
  if (kind === 'task') return 'tasks';
  if (!year.programme) throw new Error(`${year.year} 年度没有民生实事项目（manifest.json 无 programme）`);
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
