/**
 * Does a change leave the built site byte-identical? Builds the working tree and a git revision
 * (default: HEAD) on the bundled content and on a small synthetic content folder, each cold with a
 * pinned date and private caches, and compares the two dist/ trees file by file.
 *
 *   node tools/same-output.ts [--ref REV] [--keep]
 *
 * Exit 0 when both sites are identical, 1 with the differing files listed. The working tree's
 * dist/ is moved away (the browser tests rebuild it). For refactorings that
 * promise "behaviour unchanged" (issue 24's redesign was checked this way against its base).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticToday, writeSyntheticContent, type SyntheticParams } from './bench/synthetic.ts';
import { LuoshiError } from '../src/core/errors/errors.ts';

const { values } = parseArgs({
  options: { ref: { type: 'string', default: 'HEAD' }, keep: { type: 'boolean', default: false } },
});
const ROOT = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'luoshi-same-'));
const SYNTHETIC: SyntheticParams = { districts: 1, years: 2, itemsPerYear: 40, months: 12, firstYear: 2020, seed: 3 };

function log(line: string): void {
  process.stderr.write(`[same-output] ${line}\n`);
}

/** A checkout of `ref` beside the working tree, sharing its installed packages (hard links, or a fresh npm ci). */
function checkout(ref: string): string {
  const dir = path.join(work, 'ref');
  execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { cwd: ROOT, stdio: 'ignore' });
  try {
    execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules')], { stdio: 'ignore' });
    // The caches inside node_modules must not be shared between the two builds.
    for (const cache of ['.astro', '.cache']) rmSync(path.join(dir, 'node_modules', cache), { recursive: true, force: true });
  } catch {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  }
  return dir;
}

/** One cold build of `tree` on `content` into `out`. */
function build(tree: string, content: string | undefined, today: string, out: string): void {
  const cache = path.join(work, 'cache', path.basename(out));
  rmSync(path.join(tree, 'node_modules', '.astro'), { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', LUOSHI_TODAY: today, LUOSHI_CACHE_DIR: cache };
  if (content) env.LUOSHI_CONTENT = content;
  else delete env.LUOSHI_CONTENT;
  const r = spawnSync('npm', ['run', 'build'], { cwd: tree, env, encoding: 'utf8' });
  if (r.status !== 0) throw new LuoshiError(`build of ${tree} failed:\n${r.stdout}\n${r.stderr}`);
  renameSync(path.join(tree, 'dist'), out);
}

function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name), rel) : [rel];
  });
}

/** Files only in one tree, and files whose bytes differ. */
function compare(a: string, b: string): string[] {
  const left = new Set(files(a));
  const right = new Set(files(b));
  const out: string[] = [];
  for (const f of left) if (!right.has(f)) out.push(`only in ${values.ref}: ${f}`);
  for (const f of right) if (!left.has(f)) out.push(`only in the working tree: ${f}`);
  for (const f of left)
    if (right.has(f) && !readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f)))) out.push(`differs: ${f}`);
  return out.sort();
}

const ref = values.ref!;
let refTree: string | undefined;
let differences = 0;
try {
  if (execFileSync('git', ['diff', '--name-only', ref, '--', 'content'], { cwd: ROOT, encoding: 'utf8' }).trim())
    log(`note: content/ differs from ${ref}; the bundled comparison builds each tree's own content/`);
  const synthetic = path.join(work, 'synthetic-content');
  writeSyntheticContent(synthetic, SYNTHETIC);
  const syntheticDate = syntheticToday(SYNTHETIC);
  refTree = checkout(ref);
  const cases = [
    { name: 'bundled', content: undefined, today: '2026-12-01' },
    { name: 'synthetic', content: synthetic, today: syntheticDate },
  ];
  for (const c of cases) {
    log(`${c.name}: building ${ref} and the working tree`);
    const before = path.join(work, `${c.name}-ref`);
    const after = path.join(work, `${c.name}-work`);
    build(refTree, c.content, c.today, before);
    build(ROOT, c.content, c.today, after);
    const diff = compare(before, after);
    differences += diff.length;
    console.log(
      `${c.name}: ${files(after).length} files, ${diff.length === 0 ? 'byte-identical' : `${diff.length} differences`}`,
    );
    for (const line of diff.slice(0, 50)) console.log(`  ${line}`);
  }
} finally {
  if (refTree) execFileSync('git', ['worktree', 'remove', '--force', refTree], { cwd: ROOT, stdio: 'ignore' });
  if (values.keep) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
process.exitCode = differences === 0 ? 0 : 1;
