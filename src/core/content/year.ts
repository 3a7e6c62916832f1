/**
 * A year's manifest (manifest.json) and layout: which lists the year holds (main tasks with or
 * without sections, a livelihood programme with or without categories), and the notice text.
 * Without a valid manifest, what the folder holds decides, so one error does not echo through
 * every row of the year.
 */
import path from 'node:path';
import { issueOf } from '../errors/catalogue.ts';
import type { MainTasks, Manifest, Programme } from '../model/types.ts';
import type { LoadContext } from './context.ts';
import { exists, readText } from './files.ts';
import { manifestSchema } from './schema.ts';

/** Which files the year holds. */
export interface YearLayout {
  hasTasks: boolean;
  withSections: boolean;
  hasProgramme: boolean;
  withCategories: boolean;
}

export interface YearManifest {
  manifest?: Manifest;
  /** The data date: the manifest's, or the build date without one. */
  dataDate: string;
  noticeText?: string;
  layout: YearLayout;
  programme?: Programme;
  mainTasks?: MainTasks;
}

export function loadYearManifest(ctx: LoadContext, dir: string, year: number): YearManifest {
  const at = (name: string) => path.join(dir, name);
  const manifestFile = ctx.display(at('manifest.json'));
  const manifest: Manifest | undefined = ctx.json(at('manifest.json'), manifestSchema);
  if (manifest && manifest.year !== year) {
    ctx.issue(issueOf('LS-SITE-007', { file: manifestFile, line: 0, field: 'year', value: String(manifest.year) }, { year }));
  }
  if (manifest && manifest.data_date > ctx.today) {
    ctx.issue(
      issueOf('LS-SITE-008', { file: manifestFile, line: 0, field: 'data_date', value: manifest.data_date }, { today: ctx.today }),
    );
  }
  const dataDate = manifest?.data_date ?? ctx.today;
  let noticeText: string | undefined;
  if (manifest?.notice.text) {
    const abs = at(manifest.notice.text);
    if (!exists(abs))
      ctx.issue(
        issueOf(
          'LS-SITE-009',
          { file: manifestFile, line: 0, field: 'notice.text', value: manifest.notice.text },
          { path: ctx.display(abs) },
        ),
      );
    else
      noticeText = readText(abs)
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n');
  }

  const layout = yearLayout(manifest, (name) => exists(at(name)));
  const unexpected = (name: string, code: 'LS-SITE-010' | 'LS-SITE-011' | 'LS-SITE-012' | 'LS-SITE-013') => {
    if (exists(at(name))) ctx.issue(issueOf(code, { file: ctx.display(at(name)), line: 0 }));
  };
  if (manifest) {
    if (!layout.hasTasks) unexpected('tasks.csv', 'LS-SITE-010');
    if (layout.hasTasks && !layout.withSections) unexpected('sections.csv', 'LS-SITE-011');
    if (!layout.hasProgramme) unexpected('projects.csv', 'LS-SITE-012');
    if (layout.hasProgramme && !layout.withCategories) unexpected('categories.csv', 'LS-SITE-013');
    if (!layout.hasTasks && !layout.hasProgramme) {
      ctx.issue(issueOf('LS-SITE-014', { file: manifestFile, line: 0, field: 'programme' }));
    }
  }

  const programme: Programme | undefined = manifest?.programme
    ? {
        name: manifest.programme.name,
        slug: manifest.programme.slug,
        itemLabel: manifest.programme.item_label,
        categories: manifest.programme.categories,
        attachment: manifest.programme.attachment,
      }
    : undefined;
  const taskSpec = manifest?.tasks || undefined;
  const mainTasks: MainTasks | undefined = layout.hasTasks
    ? {
        name: taskSpec?.name ?? '主要工作任务',
        itemLabel: taskSpec?.item_label ?? '任务',
        sections: layout.withSections,
        attachment: taskSpec?.attachment ?? '',
      }
    : undefined;
  return { manifest, dataDate, noticeText, layout, programme, mainTasks };
}

/**
 * What the year holds is the year's data: main tasks (with or without sections) and/or a
 * livelihood programme (its name, slug and whether it has categories), as manifest.json says;
 * without a valid manifest, the files present.
 */
export function yearLayout(manifest: Manifest | undefined, has: (file: string) => boolean): YearLayout {
  const hasTasks = manifest ? manifest.tasks !== false : has('tasks.csv');
  const withSections = hasTasks && (manifest ? (manifest.tasks ? manifest.tasks.sections : true) : has('sections.csv'));
  const hasProgramme = manifest ? !!manifest.programme : has('projects.csv');
  const withCategories = hasProgramme && (manifest ? !!manifest.programme?.categories : has('categories.csv'));
  return { hasTasks, withSections, hasProgramme, withCategories };
}
