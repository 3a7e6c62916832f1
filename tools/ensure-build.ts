/**
 * Browser tests run against dist/. Build it when it is missing or older than the sources,
 * so `npm test` on a fresh clone works without a separate build step.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const stamp = 'dist/index.html';

function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

const sources = Math.max(newest('src'), newest('content'), newest('public'), statSync('astro.config.mjs').mtimeMs);
if (!existsSync(stamp) || statSync(stamp).mtimeMs < sources || process.env.FORCE_BUILD) {
  console.log('dist/ is missing or stale: running npm run build');
  execSync('npm run build', { stdio: 'inherit' });
}
