/**
 * node tools/lighthouse.ts [site] [--min 0.95]
 *
 * Lighthouse in its default mode (a mobile phone, simulated slow 4G, 4× CPU slowdown) on the
 * home page, a list, an item, a month and the search page of a built site (default dist/; build
 * it first): performance, accessibility and best practices per page. Exits 1 when a score is
 * below --min (default 0.95) or a page could not be measured. Slow (about a minute): not part of
 * `npm test`. Uses tools/bench/lighthouse.ts (the benchmark's runner) with Debian's Chromium.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runLighthouse } from './bench/lighthouse.ts';
import { LIGHTHOUSE_PAGES } from './page-types.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { min: { type: 'string', default: '0.95' }, help: { type: 'boolean' } },
});
if (values.help) {
  console.log('用法：npm run lighthouse [-- dist --min 0.95]');
  process.exit(0);
}
const min = Number(values.min);
const results = await runLighthouse(path.resolve(positionals[0] ?? 'dist'), LIGHTHOUSE_PAGES);
if (typeof results === 'string') {
  console.error(`Lighthouse ${results}`);
  process.exit(1);
}
let failed = false;
const fmt = (n?: number) => (n === undefined ? '—' : n.toFixed(2));
console.log('page | performance | accessibility | best practices');
for (const r of results) {
  const scores = [r.performance, r.accessibility, r.bestPractices];
  const bad = r.error || scores.some((s) => s === undefined || s < min);
  if (bad) failed = true;
  console.log(
    `${r.page} | ${scores.map(fmt).join(' | ')}${r.error ? ` | error: ${r.error}` : ''}${bad ? ` | below ${min}` : ''}`,
  );
  if (bad || process.env.LIGHTHOUSE_NOTES) for (const n of r.notes) console.log(`    ${n}`);
}
process.exit(failed ? 1 : 0);
