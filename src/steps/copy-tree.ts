/**
 * A folder tree copied file by file, in a worker thread if asked: the incremental build's cached
 * pages into the output folder (src/integrations/page-restore.ts). Creating ~9,800 files in as
 * many folders is the file system's work, not JavaScript's; in a thread of its own it goes on
 * while the main thread validates the content and bundles the site.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LuoshiError } from '../core/errors/errors.ts';

/** Copy every file of `from` to the same place below `to`; returns their paths relative to `from`, with `/`. */
export function copyTree(from: string, to: string): string[] {
  const files = readdirSync(from, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(from, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  const made = new Set<string>();
  for (const rel of files) {
    const dest = path.join(to, rel);
    const dir = path.dirname(dest);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    copyFileSync(path.join(from, rel), dest);
  }
  return files;
}

interface CopyJob {
  copyTree: { from: string; to: string };
}

/** copyTree in a worker thread: the main thread goes on meanwhile. Rejects with the copy's error. */
export function copyTreeInThread(from: string, to: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { copyTree: { from, to } } satisfies CopyJob });
    // Not unref()'d: the build awaits this promise with nothing else to keep Node running, and
    // an unref()'d worker let the process end there, silently, with exit code 0.
    let files: string[] | undefined;
    worker.once('message', (m: string[]) => (files = m));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      files ? resolve(files) : reject(new LuoshiError(`copying ${from} to ${to}: the worker stopped (exit code ${code})`)),
    );
  });
}

if (!isMainThread && (workerData as CopyJob | undefined)?.copyTree) {
  const { from, to } = (workerData as CopyJob).copyTree;
  parentPort!.postMessage(copyTree(from, to));
}
