/**
 * One Pagefind bundle from several (issue 26, memory): src/steps/search-index.ts indexes a bundle's
 * pages in parts, one Pagefind process each, and merges the parts' files here into the bundle a
 * single Pagefind run over all the pages would have written: the same pages, words and locations,
 * filters, sorts and metadata fields, the words cut into index chunks by Pagefind's own rule, so a
 * search reads the same number of files of the same sizes and ranks the same (its scores come from
 * the page and word counts, which are the merged bundle's). The parts' fragments are the bundle's
 * fragments, copied under their names.
 *
 * Why: Pagefind holds several copies of every word of an index at once while it writes the index,
 * about 450 bytes per word of text: 1,131 MB for the large dataset's main bundle (2 million words),
 * 590 MB for each older year (1.1 million), and it takes less time in parts (README, "Search").
 * Merging streams the parts' word chunks in word order, so it holds one chunk of each part at once.
 *
 * Pagefind keeps sort orders as page numbers: the merge orders the pages by their values, which it
 * reads from each page's result metadata `sort_<name>` (search-index.ts writes every sort key as
 * metadata too, for the browser's merge of sorted shards).
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  CborReader,
  CborWriter,
  PAGEFIND_FORMAT,
  encodePagefindFile,
  pagefindFile,
  pagefindFileBody,
  readPagefindFile,
  type Cbor,
} from './pagefind-files.ts';

/** Pagefind closes an index chunk once it holds this many locations (in text and metadata, plus one per page of each word). */
export const CHUNK_LOCATIONS = 20_000;

type Page = [hash: string, wordCount: number, extra: string];
type Chunk = [from: string, to: string, hash: string];
type Meta = [
  version: string,
  pages: Page[],
  chunks: Chunk[],
  filters: [string, string][],
  sorts: [string, number[]][],
  fields: string[],
];

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  [key: string]: unknown;
}

interface Part {
  dir: string;
  meta: Meta;
  /** Its first page's number in the merged bundle. */
  offset: number;
  /** Its metadata fields' numbers in the merged bundle's list. */
  fields: number[];
  /** Whether those are its own numbers (its metadata locations are then copied as they are). */
  identityFields: boolean;
  cursor: WordCursor;
}

/**
 * Strings in the order of their UTF-8 bytes (how Pagefind orders words), without encoding them:
 * UTF-16 units in code point order, surrogates (code points above U+FFFF) after U+E000-U+FFFF.
 */
export function byBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

function readEntry(dir: string): { entry: Entry; language: string } {
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as Entry;
  const languages = Object.keys(entry.languages);
  if (languages.length !== 1) throw new Error(`${dir}: a bundle of ${languages.length} languages (the merge takes one)`);
  return { entry, language: languages[0] };
}

/** Pagefind's short hash of a file: the language and the first hex digits of its content's hash, longer on a collision. */
function namer(language: string, digits: number) {
  const used = new Set<string>();
  return (content: Buffer) => {
    const hex = createHash('sha256').update(content).digest('hex');
    let n = digits;
    while (used.has(`${language}_${hex.slice(0, n)}`)) n++;
    const name = `${language}_${hex.slice(0, n)}`;
    used.add(name);
    return name;
  };
}

/**
 * The chunks' `from` and `to` as Pagefind writes them: the first chunk from its first word, the
 * last to its last, and between two chunks the shortest prefixes of the words either side that
 * tell them apart, except a `to` that would sort before its chunk's `from`, which stays the whole
 * word (what Pagefind 1.6 writes: test/steps/pagefind-merge.test.ts rebuilds its chunks).
 */
export function chunkBounds(chunks: { first: string; last: string }[]): { from: string; to: string }[] {
  const out = chunks.map((c) => ({ from: c.first, to: c.last }));
  for (let i = 0; i + 1 < out.length; i++) {
    const a = [...out[i].to];
    const b = [...out[i + 1].from];
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    const to = a.slice(0, common + 1).join('');
    // A prefix that would sort before the chunk's own start (序 for a chunk from 序时) stays whole.
    if (byBytes(to, out[i].from) >= 0) out[i].to = to;
    out[i + 1].from = b.slice(0, common + 1).join('');
  }
  return out;
}

/**
 * Reads one part's words in order, a chunk at a time, decoding of each word only its text and the
 * heads of its pages: the locations are copied as they are (WordMerger).
 */
class WordCursor {
  private chunk = 0;
  private reader: CborReader | undefined;
  private left = 0;
  /** The current word, and where its pages and variants start in the chunk. */
  word: string | undefined;
  private pagesAt = 0;
  private readonly part: Part;
  constructor(part: Part) {
    this.part = part;
    this.next();
  }
  next() {
    while (this.left === 0 && this.chunk < this.part.meta[2].length) {
      this.reader = pagefindFileBody(path.join(this.part.dir, 'index', `${this.part.meta[2][this.chunk++][2]}.pf_index`));
      if (this.reader.array() !== 1) throw new Error('Pagefind index: a word chunk of more than one field');
      this.left = this.reader.array();
    }
    if (this.left === 0) {
      this.word = undefined;
      return;
    }
    this.left--;
    const r = this.reader!;
    if (r.array() !== 3) throw new Error('Pagefind index: a word of other than three fields');
    this.word = r.text();
    this.pagesAt = r.at;
  }
  /** The current word's pages (count), then reads them one by one with `page`. */
  pages(): { count: number; reader: CborReader } {
    const reader = this.reader!;
    reader.at = this.pagesAt;
    return { count: reader.array(), reader };
  }
}

/** Writes the merged words of a chunk: each part's pages of a word renumbered, their locations copied. */
function writeWord(out: CborWriter, word: string, heads: { cursor: WordCursor; part: Part }[]): number {
  const lists = heads.map((h) => ({ ...h, ...h.cursor.pages() }));
  out
    .head(4, 3)
    .value(word)
    .head(
      4,
      lists.reduce((n, l) => n + l.count, 0),
    );
  let previous = 0;
  let size = 0;
  const variants: Cbor[] = [];
  const seen = new Set<string>();
  for (const { part, count, reader } of lists) {
    let page = 0;
    for (let i = 0; i < count; i++) {
      if (reader.array() !== 3) throw new Error("Pagefind index: a word's page of other than three fields");
      // A page's number is the difference from the page before it, the first one's absolute.
      page += reader.int();
      const absolute = page + part.offset;
      out.head(4, 3).int(absolute - previous);
      previous = absolute;
      const locsAt = reader.at;
      const locs = reader.array();
      reader.at = locsAt;
      reader.skip();
      out.raw(reader.buf, locsAt, reader.at);
      const metaAt = reader.at;
      const metaLocs = reader.array();
      reader.at = metaAt;
      if (part.identityFields) {
        reader.skip();
        out.raw(reader.buf, metaAt, reader.at);
      } else {
        // Metadata locations: -(f+1) for field f, then its positions; the fields renumbered.
        out.head(4, reader.array());
        for (let j = 0; j < metaLocs; j++) {
          const v = reader.int();
          out.int(v < 0 ? -(part.fields[-v - 1] + 1) : v);
        }
      }
      size += locs + metaLocs + 1;
    }
    for (const v of reader.value() as Cbor[]) {
      const key = JSON.stringify(v);
      if (!seen.has(key)) {
        seen.add(key);
        variants.push(v);
      }
    }
  }
  for (const { cursor } of heads) cursor.next();
  out.value(variants);
  return size;
}

/** Sort values as Pagefind compares them: as numbers when every value is one, else as text (by bytes). */
function sortOrder(values: { value: string; page: number }[]): number[] {
  const numeric = values.every((v) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.value));
  const key = numeric ? (v: string) => Math.fround(Number(v)) : undefined;
  return values
    .sort((a, b) => (key ? key(a.value) - key(b.value) : byBytes(a.value, b.value)) || a.page - b.page)
    .map((v) => v.page);
}

/** A fragment's result metadata (a Pagefind fragment: gzip of `pagefind_dcd` and the page's JSON). */
function fragmentMeta(file: string): Record<string, string> {
  const json = gunzipSync(readFileSync(file)).subarray('pagefind_dcd'.length).toString('utf8');
  return (JSON.parse(json) as { meta?: Record<string, string> }).meta ?? {};
}

/**
 * The file a part may hold beside its index: its pages' values of each sort key, `{"<key>":
 * ["<value>", …]}` in any order (src/steps/search-index.ts writes it with each part). Without it
 * the values are read from the pages' fragments (metadata `sort_<key>`).
 */
export const SORT_VALUES_FILE = 'sort-values.json';

/** The values of a sort key of a part's pages, for the pages it lists under that key. */
function partSortValues(part: Part): (key: string, pages: number[]) => string[] {
  const file = path.join(part.dir, SORT_VALUES_FILE);
  const given = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>) : undefined;
  const cache = new Map<string, string[]>();
  return (key, pages) => {
    const known = cache.get(key);
    if (known) return known;
    const values =
      given?.[key] ??
      pages.map((page) => {
        const file = path.join(part.dir, 'fragment', `${part.meta[1][page][0]}.pf_fragment`);
        const value = fragmentMeta(file)[`sort_${key}`];
        if (value === undefined) throw new Error(`${file}: sorted by ${key} without the metadata sort_${key}`);
        return value;
      });
    if (values.length !== pages.length)
      throw new Error(`${file}: ${values.length} values of ${key} for ${pages.length} pages sorted by it`);
    cache.set(key, values);
    return values;
  };
}

/**
 * A file of a part in the merged bundle: a hard link where the file system allows (the parts live
 * in the build's cache: copying the large dataset's 11,285 fragments took 6 of the merge's 13 s),
 * else a copy. Nothing writes to a bundle's files after the merge, so they can share their data.
 */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** The files of a Pagefind bundle that are its index; the others (scripts, WASM, styles) are the same in every bundle. */
export function isIndexFile(name: string): boolean {
  return (
    name === 'pagefind-entry.json' ||
    name === SORT_VALUES_FILE ||
    name.endsWith('.pf_meta') ||
    ['index', 'filter', 'fragment'].includes(name)
  );
}

/**
 * Merge the Pagefind bundles in `parts` (folders Pagefind wrote, one language each, the same
 * version; only their index files are read) into one bundle at `out`, their pages numbered in the
 * order of `parts`, with the scripts, WASM and styles of the folder `assets` (any bundle of that
 * Pagefind version).
 */
export function mergeBundles(parts: string[], out: string, assets: string): { pages: number; words: number; chunks: number } {
  if (!parts.length) throw new Error('no Pagefind bundle to merge');
  const first = readEntry(parts[0]);
  const language = first.language;
  const loaded: Part[] = [];
  let offset = 0;
  for (const dir of parts) {
    const { entry, language: lang } = readEntry(dir);
    if (lang !== language || entry.version !== first.entry.version)
      throw new Error(`${dir}: Pagefind ${entry.version} (${lang}), not ${first.entry.version} (${language}) as ${parts[0]}`);
    const meta = readPagefindFile(path.join(dir, `pagefind.${entry.languages[lang].hash}.pf_meta`)) as Meta;
    if (typeof meta[0] !== 'string' || !PAGEFIND_FORMAT.test(meta[0]) || meta.length !== 6)
      throw new Error(
        `${dir}: a Pagefind ${String(meta[0])} index, which the merge does not read (it reads ${PAGEFIND_FORMAT.source})`,
      );
    loaded.push({ dir, meta, offset, fields: [], identityFields: false, cursor: undefined as unknown as WordCursor });
    offset += meta[1].length;
  }
  const fields = [...new Set(loaded.flatMap((p) => p.meta[5]))].sort(byBytes);
  for (const p of loaded) {
    p.fields = p.meta[5].map((f) => fields.indexOf(f));
    p.identityFields = p.fields.every((f, i) => f === i);
  }

  rmSync(out, { recursive: true, force: true });
  for (const sub of ['index', 'filter', 'fragment']) mkdirSync(path.join(out, sub), { recursive: true });
  for (const f of readdirSync(assets, { withFileTypes: true }))
    if (f.isFile() && !isIndexFile(f.name)) linkOrCopy(path.join(assets, f.name), path.join(out, f.name));

  // Pages and their fragments. Two parts may name different fragments alike (a 7-digit prefix of
  // their hash): the later one is renamed.
  const pages: Page[] = [];
  /** Fragment names given so far, with the file each was copied from. */
  const fragments = new Map<string, string>();
  const sortKeys = [...new Set(loaded.flatMap((p) => p.meta[4].map(([name]) => name)))];
  const sortValues = new Map<string, { value: string; page: number }[]>(sortKeys.map((k) => [k, []]));
  for (const part of loaded) {
    for (const [hash, words, extra] of part.meta[1]) {
      const file = path.join(part.dir, 'fragment', `${hash}.pf_fragment`);
      let name = hash;
      const known = fragments.get(name);
      if (known && !readFileSync(known).equals(readFileSync(file))) {
        const hex = createHash('sha256').update(readFileSync(file)).digest('hex');
        let n = 4;
        while (fragments.has(`${hash}${hex.slice(0, n)}`)) n++;
        name = `${hash}${hex.slice(0, n)}`;
      }
      if (!fragments.has(name)) {
        fragments.set(name, file);
        linkOrCopy(file, path.join(out, 'fragment', `${name}.pf_fragment`));
      }
      pages.push([name, words, extra]);
    }
    const values = partSortValues(part);
    for (const [key, list] of part.meta[4]) {
      const ordered = sortOrder(values(key, list).map((value, i) => ({ value, page: i })));
      // The part's pages in its order of the values, and the values in that same order.
      ordered.forEach((i, at) => sortValues.get(key)!.push({ value: values(key, list)[i], page: part.offset + list[at] }));
    }
  }
  const sorts: [string, number[]][] = sortKeys.map((k) => [k, sortOrder(sortValues.get(k)!)]);

  // The words of every part in order (Pagefind orders them by their UTF-8 bytes), cut into chunks.
  const nameIndex = namer(language, 7);
  for (const p of loaded) p.cursor = new WordCursor(p);
  const chunks: { first: string; last: string; hash: string }[] = [];
  let body = new CborWriter();
  let inChunk = 0;
  let firstWord = '';
  let lastWord = '';
  let size = 0;
  let words = 0;
  const flush = () => {
    const file = pagefindFile(Buffer.concat([new CborWriter().head(4, 1).head(4, inChunk).bytes(), body.bytes()]));
    const hash = nameIndex(file);
    writeFileSync(path.join(out, 'index', `${hash}.pf_index`), file);
    chunks.push({ first: firstWord, last: lastWord, hash });
    body = new CborWriter();
    inChunk = 0;
    size = 0;
  };
  for (;;) {
    let least: string | undefined;
    for (const p of loaded) {
      const w = p.cursor.word;
      if (w !== undefined && (least === undefined || byBytes(w, least) < 0)) least = w;
    }
    if (least === undefined) break;
    if (!inChunk) firstWord = least;
    lastWord = least;
    size += writeWord(
      body,
      least,
      loaded.filter((p) => p.cursor.word === least).map((p) => ({ cursor: p.cursor, part: p })),
    );
    inChunk++;
    words++;
    if (size >= CHUNK_LOCATIONS) flush();
  }
  if (inChunk) flush();
  const bounds = chunkBounds(chunks);

  // Filters: each value's pages, renumbered.
  const nameFilter = namer(language, 7);
  const filterValues = new Map<string, Map<string, number[]>>();
  for (const part of loaded)
    for (const [name, hash] of part.meta[3]) {
      const [, values] = readPagefindFile(path.join(part.dir, 'filter', `${hash}.pf_filter`)) as [string, [string, number[]][]];
      const merged = filterValues.get(name) ?? new Map<string, number[]>();
      filterValues.set(name, merged);
      for (const [value, list] of values) {
        const into = merged.get(value) ?? [];
        merged.set(value, into);
        into.push(...list.map((p) => p + part.offset));
      }
    }
  const filters: [string, string][] = [];
  for (const [name, values] of [...filterValues].sort(([a], [b]) => byBytes(a, b))) {
    const file = encodePagefindFile([name, [...values].map(([value, list]) => [value, list])]);
    const hash = nameFilter(file);
    writeFileSync(path.join(out, 'filter', `${hash}.pf_filter`), file);
    filters.push([name, hash]);
  }

  const meta: Meta = [
    loaded[0].meta[0],
    pages,
    chunks.map((c, i) => [bounds[i].from, bounds[i].to, c.hash]),
    filters,
    sorts,
    fields,
  ];
  const metaFile = encodePagefindFile(meta);
  const metaHash = `${language}_${createHash('sha256').update(metaFile).digest('hex').slice(0, 10)}`;
  writeFileSync(path.join(out, `pagefind.${metaHash}.pf_meta`), metaFile);
  const entry: Entry = {
    ...first.entry,
    languages: { [language]: { ...first.entry.languages[language], hash: metaHash, page_count: pages.length } },
  };
  writeFileSync(path.join(out, 'pagefind-entry.json'), JSON.stringify(entry));
  if (!existsSync(path.join(out, 'pagefind.js'))) throw new Error(`${assets}: no pagefind.js to copy`);
  return { pages: pages.length, words, chunks: chunks.length };
}
