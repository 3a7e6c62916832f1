/**
 * Garbage collection on demand, for the build's memory peak (the process tree's, measured by
 * `npm run bench`). V8's gc() is made reachable at run time; if that fails, this is a no-op:
 * only the peak is higher.
 *
 * The build calls it where much has just become garbage and a memory-hungry step is next: after
 * the pages, after the feeds, before each Pagefind process (src/steps/search-index.ts), and every
 * few charts (src/steps/chart-images.ts: a canvas's native memory is freed only when its wrapper
 * is collected).
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: ((options?: object) => void) | undefined;

/**
 * A full collection. `releasePages`: V8's "last-resort" flavour, which also hands emptied heap
 * pages back to the system (what V8 does under memory pressure). A plain full collection frees
 * the objects but keeps their pages: after the large dataset's pages it left the build process
 * at 1,313 MB RSS, the last-resort one at 681 MB. It takes longer; use it between steps.
 */
export function collectGarbage(options: { releasePages?: boolean } = {}): void {
  try {
    if (!gc) {
      v8.setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as (options?: object) => void;
    }
    gc(options.releasePages ? { type: 'major', execution: 'sync', flavor: 'last-resort' } : undefined);
  } catch {
    // Not essential.
  }
}
