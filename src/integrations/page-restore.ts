/**
 * The incremental build's unchanged pages, put into the output folder in one pass before Astro
 * generates the pages, instead of page by page while it does.
 *
 * Astro's `experimental.incrementalBuild` keeps a copy of every keyed page in its cache
 * (`<cacheDir>/dist/`, laid out as the output folder) and, for a page it can skip, copies that
 * copy into the output folder unless the file is there already ("restored" against "cached" in
 * its log). Page by page, with a folder made and a copy awaited for each of ~9,400 pages, that
 * was several seconds of a month's publish on the large dataset. Here the whole cached tree is
 * copied, in a worker thread, from the moment the build is configured: into `dist.restore/`
 * beside the output folder while the content is validated and the site bundled, then renamed to
 * the staging folder when the build starts (src/integrations/output-swap.ts: Astro's own
 * emptying of it is turned off here), and Astro finds each page it skips in place.
 *
 * A page Astro renders instead overwrites its copy. A copy that this build did not write or
 * reuse (a page that is gone, or now renders nothing) is deleted when the pages are done, first
 * of the `astro:build:done` steps, before anything reads the folder (the search index): the
 * output is what a cold build writes. No cache (a cold build, or the cache deleted): nothing is
 * copied. The copies are files of their own, never links: a page rendered again must not write
 * through into the cache or into the previous `dist/`.
 */
import { existsSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { copyTreeInThread } from '../steps/copy-tree.ts';

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

/** Must come before the content check: the copy runs while the content is validated. */
export function luoshiPageRestore(): AstroIntegration {
  let restoreDir: string | undefined;
  let copying: Promise<{ files: string[]; ms: number }> | undefined;
  let outDir: string | undefined;
  let copied: string[] = [];
  return {
    name: 'luoshi:page-restore',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        // The staging folder is emptied by the output swap before the build; Astro's emptying of
        // it, after `astro:build:start`, would delete the pages renamed in there.
        updateConfig({ vite: { build: { emptyOutDir: false } } });
        restoreDir = `${fileURLToPath(config.outDir).replace(/[\\/]+$/, '')}.restore`;
        rmSync(restoreDir, { recursive: true, force: true });
        const cached = fileURLToPath(new URL('dist/', config.cacheDir));
        if (!config.experimental.incrementalBuild || !existsSync(cached)) return;
        const started = performance.now();
        copying = copyTreeInThread(cached, restoreDir).then((files) => ({ files, ms: performance.now() - started }));
        // Awaited when the build starts; a failure is reported there.
        copying.catch(() => {});
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
      },
      'astro:build:start': async ({ logger }) => {
        copied = [];
        if (!copying || !restoreDir || !outDir) return;
        const waitStarted = performance.now();
        const { files, ms } = await copying;
        copying = undefined;
        const waited = Math.round(performance.now() - waitStarted);
        rmSync(outDir, { recursive: true, force: true });
        renameSync(restoreDir, outDir);
        copied = files;
        logger.info(
          `上次构建的页面：${files.length} 个文件复制到输出目录，用时 ${(ms / 1000).toFixed(1)} 秒（与内容校验同时进行，构建开始时又等待 ${(waited / 1000).toFixed(1)} 秒）[step restore ${waited} ms]`,
        );
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        if (copied.length === 0) return;
        const root = fileURLToPath(dir).replace(/[\\/]+$/, '');
        const written = new Set<string>();
        for (const urls of assets.values())
          for (const url of urls) written.add(path.relative(root, fileURLToPath(url)).split(path.sep).join('/'));
        const deleted = deleteUnwritten(root, copied, written);
        if (deleted > 0) logger.info(`删除本次构建不再生成的旧页面 ${deleted} 个`);
        copied = [];
      },
    },
  };
}
