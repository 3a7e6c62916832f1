/**
 * Atomic output: Astro writes into a staging folder next to the configured outDir (`dist.next/`
 * for `dist/`). Only when every step has succeeded is the old `dist/` moved aside and the staging
 * folder renamed to `dist/` (two renames on the same file system), so a build that fails at any
 * point, in a page, in a chart or in the search index, leaves the previous `dist/` exactly as it
 * was, and a deploy never picks up half a site. The staging folder of a failed build is left for
 * inspection and emptied by the next build.
 *
 * Must be the last integration: the others write into the staging folder in their own
 * `astro:build:done` before this one swaps it in (src/integrations/index.ts).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { LuoshiError } from '../core/errors/errors.ts';

/** The staging folder for an output folder: `dist` → `dist.next`. */
export function stagingDir(outDir: string): string {
  return `${outDir.replace(/[\\/]+$/, '')}.next`;
}

/**
 * Put `staged` in the place of `target`: the old target is renamed aside, the staged folder
 * renamed in, the old one deleted. Between the two renames (microseconds) there is no `target`
 * at all, never a partial one.
 */
export function swapIn(staged: string, target: string): void {
  const old = `${target.replace(/[\\/]+$/, '')}.old`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, old);
  renameSync(staged, target);
  rmSync(old, { recursive: true, force: true });
}

export function luoshiOutputSwap(): AstroIntegration {
  let target: string | undefined;
  let staging: string | undefined;
  return {
    name: 'luoshi:output-swap',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        if (command !== 'build') return;
        target = fileURLToPath(config.outDir);
        staging = stagingDir(target);
        if (path.resolve(staging) === path.resolve(fileURLToPath(config.root)))
          throw new LuoshiError('outDir must not be the project root');
        rmSync(staging, { recursive: true, force: true });
        updateConfig({ outDir: pathToFileURL(`${staging}${path.sep}`) });
        logger.info(
          `building into ${path.relative(process.cwd(), staging) || staging}; ${path.relative(process.cwd(), target) || target} is replaced only when every step succeeds`,
        );
      },
      'astro:build:done': ({ dir, logger }) => {
        if (target && staging && path.resolve(fileURLToPath(dir)) === path.resolve(staging)) {
          swapIn(staging, target);
          logger.info(`published → ${path.relative(process.cwd(), target) || target}`);
        }
      },
    },
  };
}
