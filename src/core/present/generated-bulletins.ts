/**
 * Bulletins computed from the data, as the notice asks: the livelihood programme monthly, overall
 * progress quarterly, and every completed item at once (通报). Office-written bulletins live in
 * content/bulletins/; these are derived, so they can never disagree with the data.
 */
import type { Dataset, YearData } from '../model/types.ts';
import { completedInMonth, countStatuses, reportOf } from '../model/stats.ts';
import { completionSlug } from './urls.ts';
import { formatMonth, formatQuarter, itemLabel } from './vocabulary.ts';

export type GeneratedKind = 'monthly' | 'quarterly' | 'completion';

export interface GeneratedBulletin {
  slug: string;
  title: string;
  /** Publication date: YYYY-MM-DD. */
  date: string;
  kind: GeneratedKind;
  year: number;
  summary: string;
  /** Monthly and completion: the month reported on. Quarterly: the last month of the quarter. */
  month: string;
  quarter?: number;
  itemKey?: string;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** Covered quarters: those whose last month is covered by the data. */
export function coveredQuarters(year: YearData): { quarter: number; months: string[]; last: string }[] {
  const out = [];
  for (let q = 1; q <= 4; q++) {
    const months = [0, 1, 2].map((i) => `${year.year}-${String((q - 1) * 3 + i + 1).padStart(2, '0')}`);
    const last = months[2];
    if (year.months.includes(last)) out.push({ quarter: q, months, last });
  }
  return out;
}

/**
 * Bulletins computed from the data, as the notice asks: the livelihood programme monthly, overall
 * progress quarterly, and every completed item at once. Newest first.
 */
export function generatedBulletins(ds: Dataset): GeneratedBulletin[] {
  let cached = generatedCache.get(ds);
  if (!cached) generatedCache.set(ds, (cached = computeGeneratedBulletins(ds)));
  return cached;
}

/** Every item page asks for the bulletins: they are computed once per dataset. */
const generatedCache = new WeakMap<Dataset, GeneratedBulletin[]>();

function computeGeneratedBulletins(ds: Dataset): GeneratedBulletin[] {
  const out: GeneratedBulletin[] = [];
  for (const year of ds.years) {
    const dataDate = year.manifest.data_date;
    const programme = year.programme;
    for (const month of year.months) {
      if (programme) {
        const c = countStatuses(year, year.projects, month);
        out.push({
          slug: `${month}-${programme.slug}`,
          title: `${formatMonth(month)}${programme.name}推进情况通报`,
          date: minDate(ds.calendar.reportDeadline(month), dataDate),
          kind: 'monthly',
          year: year.year,
          month,
          summary: `${year.projects.length}项${programme.name}：已完成${c.已完成}项，序时推进${c.序时推进}项，滞后${c.滞后}项，未报送${c.未报送}项。`,
        });
      }
      for (const item of completedInMonth(year, month)) {
        const report = reportOf(year, item.key, month);
        const label = itemLabel(item);
        out.push({
          slug: completionSlug(item, month),
          title: `关于${label}已完成的通报`,
          date: minDate(report?.filed ?? ds.calendar.reportDeadline(month), dataDate),
          kind: 'completion',
          year: year.year,
          month,
          itemKey: item.key,
          summary: `${label}于${formatMonth(month)}报告全部完成。`,
        });
      }
    }
    for (const { quarter, last } of coveredQuarters(year)) {
      const t = countStatuses(year, year.tasks, last);
      const p = countStatuses(year, year.projects, last);
      const what = [year.mainTasks && '政府工作报告主要任务', programme?.name].filter(Boolean).join('和');
      const parts = [
        year.mainTasks && `${year.mainTasks.name}${t.total}项中已完成${t.已完成}项、滞后${t.滞后}项、未报送${t.未报送}项`,
        programme && `${programme.name}${p.total}项中已完成${p.已完成}项、滞后${p.滞后}项、未报送${p.未报送}项`,
      ].filter(Boolean);
      out.push({
        slug: `${year.year}-q${quarter}`,
        title: `${year.year}年${formatQuarter(quarter)}${what}推进情况通报`,
        date: minDate(ds.calendar.reportDeadline(last), dataDate),
        kind: 'quarterly',
        year: year.year,
        month: last,
        quarter,
        summary: `${parts.join('；')}。`,
      });
    }
  }
  return out.sort((a, b) => (a.date === b.date ? b.slug.localeCompare(a.slug) : b.date.localeCompare(a.date)));
}
