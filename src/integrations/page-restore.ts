/**
 * The incremental build's unchanged pages, put into the output folder in one pass before Astro
 * generates the pages, instead of page by page while it does.
 *
 * Astro's `experimental.incrementalBuild` keeps a copy of every keyed page in its cache
 * (`<cacheDir>/dist/`, laid out as the output folder) and, for a page it can skip, copies that
 * copy into the output folder unless the file is there already ("restored" against "cached" in
 * its log). Page by page, with a folder made and a copy awaited for each of ~9,400 pages, that
 * was several seconds of a month's publish on the large dataset. So, when the build starts, the
 * whole cached tree is copied into the staging folder (src/integrations/output-swap.ts: empty,
 * Astro's own emptying of it is turned off here), and Astro finds each skipped page in place.
 *
 * A page Astro renders instead overwrites its copy. A copy that this build did not write or
 * reuse (a page that is gone, or now renders nothing) is deleted when the pages are done, first
 * of the `astro:build:done` steps, before anything reads the folder (the search index): the
 * output is what a cold build writes. No cache (a cold build, or the cache deleted): nothing is
 * copied. The copies are files of their own, never links: a page rendered again must not write
 * through into the cache or into the previous `dist/`.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Every file below `dir`, relative to it, with `/` separators. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** Copy every file of `from` to the same place below `to`; returns their relative paths. */
export function copyTree(from: string, to: string): string[] {
  const files = filesBelow(from);
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

/**
 * Delete from `dir` the `copied` files that are not among `written` (relative paths), and the
 * folders that leaves empty; returns how many files.
 */
export function deleteUnwritten(dir: string, copied: string[], written: Set<string>): number {
  let deleted = 0;
  const parents = new Set<string>();
  for (const rel of copied) {
    if (written.has(rel)) continue;
    rmSync(path.join(dir, rel), { force: true });
    parents.add(path.dirname(path.join(dir, rel)));
    deleted++;
  }
  // Deepest first, up to (not including) `dir`.
  for (const start of [...parents].sort((a, b) => b.length - a.length)) {
    for (let d = start; d.startsWith(`${dir}${path.sep}`); d = path.dirname(d)) {
      if (!existsSync(d) || readdirSync(d).length > 0) break;
      rmdirSync(d);
    }
  }
  return deleted;
}

export function luoshiPageRestore(): AstroIntegration {
  let cached: string | undefined;
  let outDir: string | undefined;
  let copied: string[] = [];
  let incremental = false;
  return {
    name: 'luoshi:page-restore',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // The staging folder is emptied by the output swap before the build; Astro's emptying of
        // it, after `astro:build:start`, would delete the pages copied in here.
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        incremental = config.experimental.incrementalBuild === true;
        cached = fileURLToPath(new URL('dist/', config.cacheDir));
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ logger }) => {
        copied = [];
        if (!incremental || !cached || !outDir || !existsSync(cached)) return;
        const started = performance.now();
        copied = copyTree(cached, outDir);
        const ms = Math.round(performance.now() - started);
        logger.info(
          `上次构建的页面：${copied.length} 个文件一次复制到输出目录，用时 ${(ms / 1000).toFixed(1)} 秒 [step restore ${ms} ms]`,
        );
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        if (copied.length === 0) return;
        const root = fileURLToPath(dir);
        const written = new Set<string>();
        for (const urls of assets.values())
          for (const url of urls) written.add(path.relative(root, fileURLToPath(url)).split(path.sep).join('/'));
        const deleted = deleteUnwritten(root.replace(/[\\/]+$/, ''), copied, written);
        if (deleted > 0) logger.info(`删除本次构建不再生成的旧页面 ${deleted} 个`);
        copied = [];
      },
    },
  };
}
