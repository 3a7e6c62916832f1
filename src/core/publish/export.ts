/**
 * Open data: the published record as downloadable tables. Every download holds exactly the
 * content rows (same columns in the canonical order of FILES, same cell text), so anyone can
 * check the site against the files it was built from. Also the data dictionary (from the zod
 * schemas and column specs in schema.ts) and a zip of everything.
 *
 * Records that came from a CSV row (items, plans, reports) are exported from that row as the
 * loader read it (`raw`): the resolved model drops how a unit was written (an alias) and
 * whether lead_units was left empty, and the download must not rewrite the record. The
 * registries and section/category lists are rebuilt losslessly from their fields. Built from
 * the dataset alone: nothing here reads a file.
 *
 * One table is computed rather than copied: `indicator-progress` (indicator-table.ts), each
 * indicator's target and monthly values side by side with the rate, as the site shows them.
 */
import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';
import { LuoshiError } from '../errors/errors.ts';
import { writeCsv } from '../content/csv.ts';
import type { Dataset, RawRow, YearData } from '../model/types.ts';
import { FILES, type ColumnSpec, type FileKind } from '../content/schema.ts';
import { PROGRESS_SPEC, PROGRESS_TABLE, progressRows } from './indicator-table.ts';

/** Tables published once for all years. */
export const REGISTRY_TABLES = ['units', 'leaders', 'collectives'] as const;
/** Tables published per year. */
export const YEAR_TABLES = [
  'tasks',
  'projects',
  'plans',
  'reports',
  'sections',
  'categories',
  'indicators',
  'actuals',
  PROGRESS_TABLE,
] as const;
export type RegistryTable = (typeof REGISTRY_TABLES)[number];
export type YearTable = (typeof YEAR_TABLES)[number];
/** A published table: a content file's, or the computed indicator-progress. */
export type TableName = FileKind | typeof PROGRESS_TABLE;

/** Whether a table is computed from the record rather than a copy of content files. */
export function isComputed(name: TableName): name is typeof PROGRESS_TABLE {
  return name === PROGRESS_TABLE;
}

/** A table's title and columns (each with its Chinese label and meaning). */
export function tableSpec(name: TableName): { title: string; columns: Record<string, ColumnSpec> } {
  return isComputed(name) ? PROGRESS_SPEC : FILES[name];
}

/** Licence of the downloads: a decision of the publisher, in site.json (identity.licence); shown on /data/ and in the zip. */
export function dataLicence(dataset: Pick<Dataset, 'site'>): { name: string; url: string; text: string } {
  return dataset.site.identity.licence;
}

/** A table's rows: every value a string exactly as written in the content file. */
export interface ExportTable {
  name: TableName;
  title: string;
  year?: number;
  columns: string[];
  rows: Record<string, string>[];
}

/** What the downloads say about the formula prefix (the data page and the zip's README). */
export const FORMULA_NOTE =
  "CSV 中以 = + - @ 或制表符、回车开头的单元格，前面加了一个英文单引号（'），以免 Excel、WPS 把它当作公式执行（OWASP 关于 CSV 注入的建议）；JSON 中保持原样，不加单引号。";

export function columnsOf(kind: TableName): string[] {
  return Object.keys(tableSpec(kind).columns);
}

/** A record's row as read, in the canonical columns (a column the file leaves out is empty). */
function pick(kind: FileKind, raw: RawRow): Record<string, string> {
  return Object.fromEntries(
    columnsOf(kind).map((c) => {
      const i = raw.header.indexOf(c);
      return [c, i < 0 ? '' : raw.cells[i]];
    }),
  );
}

function table(name: TableName, rows: Record<string, string>[], year?: number): ExportTable {
  return { name, title: tableSpec(name).title, year, columns: columnsOf(name), rows };
}

export function registryTable(dataset: Dataset, name: RegistryTable): ExportTable {
  switch (name) {
    case 'units':
      return table(
        name,
        dataset.units.map((u) => ({
          id: u.id,
          name: u.name,
          full_name: u.fullName,
          kind: u.kind,
          aliases: u.aliases.join('、'),
        })),
      );
    case 'leaders':
      return table(
        name,
        dataset.leaders.map((l) => ({ id: l.id, name: l.name, title: l.title, collective: l.collective ? '是' : '否' })),
      );
    case 'collectives':
      return table(
        name,
        dataset.collectives.map((c) => ({ name: c.name, meaning: c.meaning })),
      );
  }
}

export function yearTable(year: YearData, name: YearTable): ExportTable {
  switch (name) {
    case 'tasks':
    case 'projects':
      return table(
        name,
        year[name].map((i) => pick(name, i.raw)),
        year.year,
      );
    case 'plans':
      return table(
        name,
        year.plans.map((p) => pick(name, p.raw)),
        year.year,
      );
    case 'reports': {
      // Oldest month first, then in file order: the order of the monthly files.
      const sorted = [...year.reports].sort((a, b) => a.month.localeCompare(b.month) || a.source.line - b.source.line);
      return table(
        name,
        sorted.map((r) => pick(name, r.raw)),
        year.year,
      );
    }
    case 'sections':
      return table(
        name,
        year.sections.map((s) => ({ no: String(s.no), name: s.name })),
        year.year,
      );
    case 'categories':
      return table(
        name,
        year.categories.map((c) => ({ no: String(c.no), numeral: c.numeral, name: c.name })),
        year.year,
      );
    case 'indicators': {
      // In file order: the items hold them, each list in the file's order.
      const rows = year.items.flatMap((i) => i.indicators).sort((a, b) => a.source.line - b.source.line);
      return table(
        name,
        rows.map((r) => pick(name, r.raw)),
        year.year,
      );
    }
    case 'actuals': {
      // Oldest month first, then in file order: the order of the monthly files (as reports).
      const sorted = [...year.actuals].sort((a, b) => a.month.localeCompare(b.month) || a.source.line - b.source.line);
      return table(
        name,
        sorted.map((a) => pick(name, a.raw)),
        year.year,
      );
    }
    case PROGRESS_TABLE:
      return table(name, progressRows(year), year.year);
  }
}

// ---------------------------------------------------------------------------------------------
// Formats

/**
 * CSV with a UTF-8 byte order mark (so Excel on Chinese Windows opens it as UTF-8) and CRLF
 * line ends. A cell that starts with = + - @ tab or CR gets a leading `'` (OWASP's advice
 * against CSV injection: Excel and WPS would otherwise run `=HYPERLINK(…)` or `+cmd|…` as a
 * formula); the JSON downloads keep every value exactly as written.
 */
export function toCsv(columns: string[], rows: Record<string, string>[]): string {
  return writeCsv(columns, rows, { bom: true, eol: '\r\n', neutraliseFormulas: true }).text;
}

export interface ExportMeta {
  /** The data date (manifest data_date) of the table's year, or of the newest year. */
  dataDate: string;
  publisher: string;
  licence: { name: string; url: string };
  /** Absolute URL of the CSV of the same table. */
  url?: string;
}

/** JSON: the table's description and its rows; `rows` holds the same strings as the CSV. */
export function toJson(t: ExportTable, meta: ExportMeta): string {
  const doc = {
    name: t.name,
    title: t.title,
    ...(t.year !== undefined ? { year: t.year } : {}),
    data_date: meta.dataDate,
    publisher: meta.publisher,
    licence: { name: meta.licence.name, url: meta.licence.url },
    ...(meta.url ? { csv: meta.url } : {}),
    columns: t.columns.map((name) => ({ name, label: tableSpec(t.name).columns[name].label })),
  };
  // The description indented, each row on one line of its own: as readable line by line as
  // indented JSON, and a fifth smaller (a year's reports: 5.4 MB indented, 4.4 MB like this).
  const head = JSON.stringify(doc, null, 2).replace(/\n\}$/, '');
  const rows = t.rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  return `${head},\n  "rows": [${rows ? `\n${rows}\n  ` : ''}]\n}\n`;
}

// ---------------------------------------------------------------------------------------------
// Data dictionary

export interface DictionaryColumn {
  file: TableName;
  fileTitle: string;
  column: string;
  type: string;
  label: string;
  meaning: string;
  required: boolean;
  /** Allowed values or the format, in words. */
  allowed: string;
}

/** Column types by what the schema does with them (checked against the schemas by a test). */
const TYPE_BY_COLUMN: Record<string, { type: string; allowed?: string }> = {
  id: { type: '编号', allowed: '小写字母、数字和连字符，如 fagaiju' },
  no: { type: '整数', allowed: '从 1 起的正整数' },
  section: { type: '整数', allowed: 'sections 中的序号' },
  category: { type: '整数', allowed: 'categories 中的序号' },
  task: { type: '整数（可空）', allowed: 'tasks 中的序号，或留空' },
  item: { type: '事项编号', allowed: 'T 或 P 加序号，如 T37、P5' },
  month: { type: '月份', allowed: 'YYYY-MM，如 2020-03' },
  filed: { type: '日期', allowed: 'YYYY-MM-DD，如 2020-03-06' },
  leaders: { type: '列表（顿号分隔）', allowed: 'leaders 中的姓名' },
  units: { type: '列表（顿号分隔）', allowed: 'units 中的名称或别名，或 collectives 中的统称；末尾可带“等”' },
  lead_units: { type: '列表（顿号分隔，可空）', allowed: '本行责任单位中的单位；留空表示第一个责任单位' },
  aliases: { type: '列表（顿号分隔，可空）', allowed: '名录中唯一的名称' },
  unit: { type: '文本', allowed: 'units 中的名称或别名，须为该事项的责任单位' },
  measure: { type: '文本', allowed: '计量单位，如 部、套、人、万元、亿元、公里、平方米、%、元/月；不含数字' },
  goal: { type: '数值', allowed: '数字，可带千位逗号、万或亿，及与计量单位相同或可换算的单位，如 60、12,000、1.11万' },
  comparison: { type: '枚举（可空）', allowed: '不低于、不高于、左右；数量和金额留空' },
};

/** The options of a zod enum, also behind a transform (是/否 → boolean). */
function enumOptions(schema: unknown): string[] | undefined {
  let s = schema as { def?: { type?: string; in?: unknown; entries?: Record<string, string> } } | undefined;
  for (let depth = 0; s && depth < 4; depth++) {
    const def = s.def;
    if (def?.type === 'enum' && def.entries) return Object.values(def.entries);
    if (def?.type === 'pipe') s = def.in as typeof s;
    else return undefined;
  }
  return undefined;
}

export function dictionary(): DictionaryColumn[] {
  const out: DictionaryColumn[] = [];
  for (const kind of [...YEAR_TABLES, ...REGISTRY_TABLES]) {
    if (isComputed(kind)) {
      for (const [column, c] of Object.entries(PROGRESS_SPEC.columns)) {
        const { type, allowed, label, meaning, required } = c;
        out.push({ file: kind, fileTitle: PROGRESS_SPEC.title, column, type, label, meaning, required, allowed });
      }
      continue;
    }
    const spec = FILES[kind];
    const shape = (spec.schema as unknown as { shape: Record<string, unknown> }).shape;
    for (const [column, c] of Object.entries(spec.columns as Record<string, ColumnSpec>)) {
      const options = enumOptions(shape[column]);
      const known = TYPE_BY_COLUMN[column];
      out.push({
        file: kind,
        fileTitle: spec.title,
        column,
        type: options ? '枚举' : (known?.type ?? '文本'),
        label: c.label,
        meaning: c.meaning,
        required: c.required,
        allowed: options ? options.join('、') : (known?.allowed ?? (c.required ? '任意文本，不可为空' : '任意文本，可为空')),
      });
    }
  }
  return out;
}

export const DICTIONARY_COLUMNS = ['file', 'column', 'type', 'label', 'meaning', 'required', 'allowed'] as const;

export function dictionaryCsv(): string {
  return toCsv(
    [...DICTIONARY_COLUMNS],
    dictionary().map((d) => ({ ...d, required: d.required ? '是' : '否' })),
  );
}

// ---------------------------------------------------------------------------------------------
// Everything, as files

export interface ExportFile {
  /** Path under /data/, e.g. `2020/projects.csv`, `units.json`. */
  path: string;
  body: string;
}

export interface ExportOptions {
  /** Absolute URL of /data/ (with trailing slash), for links inside JSON; optional. */
  dataUrl?: string;
}

export function newestDataDate(dataset: Dataset): string {
  return (
    dataset.years
      .map((y) => y.manifest.data_date)
      .sort()
      .at(-1) ?? ''
  );
}

/** Every download (not the zip), in a stable order. */
export function exportFiles(dataset: Dataset, options: ExportOptions): ExportFile[] {
  const files: ExportFile[] = [];
  const add = (t: ExportTable, dir: string, dataDate: string) => {
    const csvPath = `${dir}${t.name}.csv`;
    files.push({ path: csvPath, body: toCsv(t.columns, t.rows) });
    files.push({
      path: `${dir}${t.name}.json`,
      body: toJson(t, {
        dataDate,
        publisher: dataset.site.publisher,
        licence: dataLicence(dataset),
        url: options.dataUrl ? `${options.dataUrl}${csvPath}` : undefined,
      }),
    });
  };
  for (const year of dataset.years) {
    for (const name of YEAR_TABLES) add(yearTable(year, name), `${year.year}/`, year.manifest.data_date);
  }
  for (const name of REGISTRY_TABLES) add(registryTable(dataset, name), '', newestDataDate(dataset));
  files.push({ path: 'dictionary.csv', body: dictionaryCsv() });
  files.push({ path: 'dictionary.json', body: `${JSON.stringify(dictionary(), null, 2)}\n` });
  return files;
}

export function readmeText(dataset: Dataset, homeUrl?: string): string {
  const programmes = [...new Set(dataset.years.flatMap((y) => (y.programme ? [y.programme.name] : [])))].join('、');
  const years = dataset.years.map(
    (y) =>
      `${y.year} 年度：数据日期 ${y.manifest.data_date}${y.manifest.sample ? `（${y.manifest.sample_note || '计划和月报为示例数据'}）` : ''}`,
  );
  return [
    `${dataset.site.title} — 公开数据`,
    '',
    `发布机构：${dataset.site.publisher}`,
    ...(homeUrl ? [`网址：${homeUrl}`] : []),
    ...years,
    '',
    `文件：每个年度目录下有 tasks（主要工作任务）、projects（民生实事项目${programmes ? `：${programmes}` : ''}）、plans（落实计划）、`,
    'reports（月度落实情况）、sections、categories、indicators（目标指标）、actuals（指标累计完成数）；根目录有 units（责任单位）、',
    'leaders（牵头领导）、collectives（统称）名录和 dictionary（数据字典）。每个表均有 CSV（UTF-8 带 BOM）和 JSON 两种格式，',
    '内容与发布用的原始数据文件逐行逐列一致；JSON 中的值与原始数据完全相同，均为文本。',
    '另有计算所得的 indicator-progress（指标完成情况）：每个指标每月的目标、累计完成数（折算为数字）、完成率、序时进度和进度，',
    '与网站显示的一致；标准和幅度没有完成率。',
    `${FORMULA_NOTE}`,
    '',
    `许可：${dataLicence(dataset).name} ${dataLicence(dataset).url}`,
    dataLicence(dataset).text,
    '',
  ].join('\r\n');
}

// ---------------------------------------------------------------------------------------------
// Zip (deflate, deterministic: fixed timestamps, stable order).

export interface ZipEntry {
  name: string;
  data: Uint8Array | string;
}

/** One entry's bytes deflated (raw DEFLATE, as a zip holds them). */
export type Deflate = (data: Uint8Array) => Uint8Array;

/**
 * Level 6 (zlib's default): 0.8 s against level 9's 1.1 s on the large benchmark's 3.3 MB zip,
 * 0.2 % larger. The build passes the same deflate through a cache (src/steps/deflate-cache.ts).
 */
export const DEFLATE_LEVEL = 6;
export const deflateEntry: Deflate = (data) => deflateSync(data, { level: DEFLATE_LEVEL });

const utf8 = new TextEncoder();

/**
 * A zip archive of `entries`, every entry dated `date` (YYYY-MM-DD), names in UTF-8; each entry
 * deflated by `deflate`. A fixed date makes the bytes depend only on the content (the same content
 * gives the same zip, so a rebuild does not change the download). Written here rather than by
 * fflate's zipSync so that the entries' compression can be cached (a month's publish changes a
 * few of the 100-odd files): the bytes are zipSync's, byte for byte (test/core/publish/export.test.ts).
 */
export function zip(entries: ZipEntry[], date: string, deflate: Deflate = deflateEntry): Uint8Array<ArrayBuffer> {
  const [y, m, d] = date.split('-').map(Number);
  // The DOS date of local midnight on `date` (zip dates start in 1980), as zipSync wrote it from a
  // local-time Date: normalised by Date, so that a day out of range rolls over as it did.
  const day = new Date(Math.max(1980, y), m - 1, d);
  const dosDate = ((day.getFullYear() - 1980) << 9) | ((day.getMonth() + 1) << 5) | day.getDate();
  const files = entries.map((entry) => {
    const data = typeof entry.data === 'string' ? utf8.encode(entry.data) : entry.data;
    const name = utf8.encode(entry.name);
    if (name.length > 0xffff) throw new LuoshiError(`zip: entry name too long: ${entry.name.slice(0, 80)}…`);
    return { name, utf8: name.length !== entry.name.length, size: data.length, crc: crc32(data), body: deflate(data) };
  });
  const local = files.reduce((n, f) => n + 30 + f.name.length + f.body.length, 0);
  const central = files.reduce((n, f) => n + 46 + f.name.length, 0);
  const out = new Uint8Array(local + central + 22);
  const view = new DataView(out.buffer);
  // One header: the local one (30 bytes) or the central directory's (46), which adds the
  // version made by (Unix), the external attributes (a 0644 file) and the local header's offset.
  const header = (at: number, f: (typeof files)[number], offset?: number) => {
    const central = offset !== undefined;
    view.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
    let p = at + 4;
    if (central) {
      view.setUint16(p, (3 << 8) | 20, true);
      p += 2;
    }
    view.setUint16(p, 20, true); // version needed: 2.0
    view.setUint16(p + 2, f.utf8 ? 0x800 : 0, true); // flags: bit 11, the name is UTF-8
    view.setUint16(p + 4, 8, true); // deflate
    view.setUint16(p + 6, 0, true); // time: midnight
    view.setUint16(p + 8, dosDate, true);
    view.setUint32(p + 10, f.crc, true);
    view.setUint32(p + 14, f.body.length, true);
    view.setUint32(p + 18, f.size, true);
    view.setUint16(p + 22, f.name.length, true);
    p += 26; // and no extra field
    if (central) {
      view.setUint32(p + 6, (0o100644 << 16) >>> 0, true);
      view.setUint32(p + 10, offset, true);
      p += 14;
    }
    out.set(f.name, p);
    return p + f.name.length;
  };
  let at = 0;
  let dir = local;
  for (const f of files) {
    const offset = at;
    at = header(at, f);
    out.set(f.body, at);
    at += f.body.length;
    dir = header(dir, f, offset);
  }
  view.setUint32(dir, 0x06054b50, true);
  view.setUint16(dir + 8, files.length, true);
  view.setUint16(dir + 10, files.length, true);
  view.setUint32(dir + 12, central, true);
  view.setUint32(dir + 16, local, true);
  return out;
}

/** The zip of everything: all downloads, the dictionary, README and LICENCE, under one folder. */
export function exportZip(
  dataset: Dataset,
  options: ExportOptions & { folder?: string; homeUrl?: string; files?: ExportFile[]; deflate?: Deflate },
): Uint8Array<ArrayBuffer> {
  const folder = options.folder ?? 'luoshi-data';
  const entries: ZipEntry[] = [
    { name: `${folder}/README.txt`, data: readmeText(dataset, options.homeUrl) },
    {
      name: `${folder}/LICENCE.txt`,
      data: `${dataLicence(dataset).name}\r\n${dataLicence(dataset).url}\r\n\r\n${dataLicence(dataset).text}\r\n`,
    },
    // The downloads as the site already made them (`files`, the same options), else made here.
    ...(options.files ?? exportFiles(dataset, options)).map((f) => ({ name: `${folder}/${f.path}`, data: f.body })),
  ];
  return zip(entries, newestDataDate(dataset) || '1980-01-01', options.deflate);
}
