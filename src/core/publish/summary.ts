/**
 * The site's summary for a portal that publishes many districts (issue 12, the province): who
 * publishes, the data date, and the items by status per year. Served as /data/summary.json;
 * scripts/portal.ts reads it from every district's build.
 */
import type { Dataset } from '../model/types.ts';
import { countStatuses } from '../model/stats.ts';

export interface SiteSummary {
  district: string;
  title: string;
  publisher: string;
  /** The latest year's data date. */
  dataDate: string;
  years: { year: number; dataDate: string; tasks: Record<string, number>; projects: Record<string, number> }[];
}

export function siteSummary(ds: Dataset): SiteSummary {
  const latest = ds.years.at(-1);
  return {
    district: ds.site.district,
    title: ds.site.title,
    publisher: ds.site.publisher,
    dataDate: latest?.manifest.data_date ?? '',
    years: ds.years.map((y) => ({
      year: y.year,
      dataDate: y.manifest.data_date,
      tasks: { ...countStatuses(y, y.tasks) },
      projects: { ...countStatuses(y, y.projects) },
    })),
  };
}
