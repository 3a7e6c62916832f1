/**
 * The parts a search bundle is indexed in (issue 26, memory). Pagefind holds every word of an index
 * several times over while it writes it (about 450 bytes a word): one Pagefind process over the
 * large dataset's main bundle peaked at 1,131 MB, over an older year at 590 MB. So each bundle's
 * pages are indexed in parts of about 100 item pages, one Pagefind process each (two at a time),
 * and the parts' indexes are merged into the bundle (src/steps/pagefind-merge.ts), which is what
 * one Pagefind run over all its pages would have written. What the browser fetches is unchanged.
 *
 * A page's part follows from its path alone, so that a part's pages, and its cache key, change
 * only when they do: publishing a month re-indexes the parts of the pages it changed.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import { promisify } from 'node:util';

/**
 * Item pages per part: 100 item pages of the large dataset (twelve months of reports each, ~980
 * words with the index-only text) took Pagefind to ~70 MB.
 */
export const ITEMS_PER_PART = 100;
/** Catalogue copies per part (src/steps/search-catalogue.ts): ~210 words each, a fifth of an item page. */
export const CATALOGUE_PER_PART = 500;

/**
 * The part of its bundle a page's search copy is indexed in: an item page by its year, list and
 * number (`2024/tasks/001`: items 101-200), a catalogue copy likewise under `catalogue/`, a
 * bulletin by its year and quarter (`bulletins/2024-q3`; the year alone when its slug has no
 * month), and the rest (units, leaders, bulletins without a year) together (`site`).
 */
export function partOf(rel: string, catalogue = false): string {
  const item = /^(\d{4})\/([^/]+)\/(\d+)\/$/.exec(rel);
  if (item) {
    const block = Math.max(0, Math.floor((Number(item[3]) - 1) / (catalogue ? CATALOGUE_PER_PART : ITEMS_PER_PART)));
    return `${catalogue ? 'catalogue/' : ''}${item[1]}/${item[2]}/${String(block).padStart(3, '0')}`;
  }
  const bulletin = /^bulletins\/(\d{4})(?:-(\d{2})(?!\d))?/.exec(rel);
  if (bulletin)
    return bulletin[2] ? `bulletins/${bulletin[1]}-q${Math.ceil(Number(bulletin[2]) / 3)}` : `bulletins/${bulletin[1]}`;
  return 'site';
}

/**
 * Parts of the pages' bodies the index leaves out, besides `data-pagefind-ignore`: the labels of
 * an item's monthly reports and the details marked `unsearched` (the quarterly target repeated
 * every month, the filing unit and date). Selectors, not an attribute on each element: they
 * repeat a dozen times a month on 5,000 item pages.
 */
export const EXCLUDED = ['.timeline dt', '.unsearched'];

/** Pagefind's extended binary (Chinese segmentation), as the npm package's own runner finds it. */
function pagefindBinary(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const exe = platform === 'windows' ? 'pagefind_extended.exe' : 'pagefind_extended';
  return (
    process.env.PAGEFIND_EXTENDED_BINARY_PATH ??
    createRequire(import.meta.url).resolve(`@pagefind/${platform}-${process.arch}/bin/${exe}`)
  );
}

/**
 * Index the search copies in the folder `src` (one part's) into `outputPath` with Pagefind's
 * command line. Why not the Node API's addHTMLFile: its service reads one message at a time, and
 * indexing a year's 1,035 pages took 9.7 s that way against 6.4 s for the command line (same
 * pages, same machine, same minutes). The index is the same: Pagefind reads the same HTML under
 * the same URLs. Returns the errors (none when Pagefind indexed exactly `pages` pages).
 */
export async function indexPart(src: string, pages: number, outputPath: string): Promise<string[]> {
  rmSync(outputPath, { recursive: true, force: true });
  try {
    // cwd: a folder with no pagefind.yml, so no configuration file is picked up by accident.
    const { stdout } = await promisify(execFile)(
      pagefindBinary(),
      [
        '--site',
        src,
        '--output-path',
        outputPath,
        '--force-language',
        'zh',
        ...EXCLUDED.flatMap((s) => ['--exclude-selectors', s]),
      ],
      { cwd: src, maxBuffer: 64 * 1024 * 1024 },
    );
    const indexed = Number(/Indexed (\d+) pages?/.exec(stdout)?.[1] ?? -1);
    if (indexed !== pages) return [`Pagefind indexed ${indexed} of ${pages} pages into ${outputPath}:\n${stdout.slice(-2000)}`];
    return [];
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return [`Pagefind failed on ${outputPath}: ${e.message}\n${(e.stdout ?? '').slice(-2000)}${(e.stderr ?? '').slice(-2000)}`];
  }
}

/** Run `jobs` with at most `width` of them at once; resolves when all have. */
export async function pool(jobs: (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) await jobs[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, lane));
}
