/**
 * The search catalogue (issue 26): every item of every year by the words people search for —
 * number, title, units, leaders, status, category or section — without its monthly reports.
 *
 * A first search reads one Pagefind bundle, the main one (src/steps/search-index.ts): the newest
 * year's pages in full, the unit and leader pages, and a catalogue copy of every item of the
 * older years. An older year's full text (its item pages with twelve months of reports, its
 * bulletins) is a shard of its own, merged in the browser only when the visitor asks for it
 * (「在往年月报全文中继续搜索」, or an older year chosen in the filter; src/client/search.ts).
 * A catalogue copy carries the filter `catalogue` (its year), so that once its year's shard is
 * merged the copy is left out (`catalogue: { none: [years] }`) and the item is listed once.
 *
 * Each district also publishes its catalogue as data (`pagefind/catalogue.json.gz`), from which the
 * province portal (scripts/portal.ts) builds one province-wide catalogue.
 */
import { escapeHtml as esc } from '../core/present/vocabulary.ts';
import type { SearchRecord } from '../core/present/search.ts';

/** The filter that marks a catalogue copy, by its year. */
export const CATALOGUE_FILTER = 'catalogue';

/** The published catalogue of a site, beside its search index: `pagefind/catalogue.json.gz` (CatalogueEntry[], gzip). */
export const CATALOGUE_FILE = 'catalogue.json.gz';

/** An item's page path (`2024/tasks/5/`) gives its year; units, leaders and bulletins have none. */
export function itemYear(path: string): string {
  return /^(\d{4})\/[^/]+\/\d+\/$/.exec(path)?.[1] ?? '';
}

/**
 * The page Pagefind reads for an item's catalogue copy: its title and facts as visible text
 * (a result's excerpt may be cut from them), the `catalogue` filter; src/steps/search-index.ts
 * then adds the record's filters, sort keys, metadata and index-only text (number forms, unit
 * aliases, leaders) as it does to the item's own page.
 */
export function cataloguePage(record: SearchRecord): string {
  const m = record.meta;
  const facts = [m.number, m.group, m.unit ? `牵头单位：${m.unit}` : '', m.status].filter(Boolean).join(' · ');
  const year = itemYear(record.path);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(m.title ?? '')}</title></head><body><main data-pagefind-body><h1>${esc(m.title ?? '')}</h1><p>${esc(facts)}</p><meta data-pagefind-filter="${CATALOGUE_FILTER}[content]" content="${esc(year)}"></main></body></html>`;
}

/** One item of a published catalogue: what the portal needs to index it and to show it as a result. */
export interface CatalogueEntry {
  /** Site-relative path of the item's page, without the base. */
  path: string;
  year: string;
  title: string;
  number: string;
  kind: string;
  status: string;
  /** Lead units, as the page shows them. */
  unit: string;
  group: string;
  /** The index-only words: number forms, the item's words, every unit and leader by each of their names. */
  words: string;
}

export function catalogueEntry(record: SearchRecord): CatalogueEntry {
  const m = record.meta;
  return {
    path: record.path,
    year: itemYear(record.path),
    title: m.title ?? '',
    number: m.number ?? '',
    kind: m.kind ?? '',
    status: m.status ?? '',
    unit: m.unit ?? '',
    group: m.group ?? '',
    words: [record.names, record.aliases].filter(Boolean).join(' '),
  };
}
