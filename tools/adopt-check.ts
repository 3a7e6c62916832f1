/**
 * node tools/adopt-check.ts [-- vitest arguments] [--e2e]
 *
 * The proof that the engine's tests pass on another government's content: copies this repository
 * (its working tree, tests included) into a temporary git repository, replaces content/ as
 * docs/GUIDE.md chapter 十 says (removed in a commit of its own, then new-site and import-notice of
 * a fixture notice, test/fixtures/second-government.ts, then validate), and runs the whole vitest
 * suite there; with --e2e also the browser tests (none run on such content: they check the bundled
 * dataset's site). Exits with the tests' status. Heavy (the whole suite): run it by hand or in CI,
 * not inside the test suite. The copy is left for inspection when a step fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IDENTITY, PROGRAMME, xlsxOf } from '../test/fixtures/second-government.ts';

const ROOT = path.join(import.meta.dirname, '..');
const NODE = process.execPath;
const dir = mkdtempSync(path.join(tmpdir(), 'luoshi-adopt-'));
const repo = path.join(dir, 'nancheng');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${path.join(ROOT, 'node_modules/.bin')}${path.delimiter}${process.env.PATH}`,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'adopt-check',
  GIT_AUTHOR_EMAIL: 'adopt-check@example.invalid',
  GIT_COMMITTER_NAME: 'adopt-check',
  GIT_COMMITTER_EMAIL: 'adopt-check@example.invalid',
  LUOSHI_CACHE_DIR: path.join(dir, 'cache'),
};
delete env.LUOSHI_CONTENT;

function step(what: string, command: string, args: string[]): void {
  console.log(`\n== ${what}: ${command === NODE ? 'node' : command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: repo, env, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}); the copy is in ${repo}`);
}

const args = process.argv.slice(2);
const e2e = args.includes('--e2e');
const vitestArgs = args.filter((a) => a !== '--e2e' && a !== '--');

const listed = execFileSync('git', ['ls-files', '-z', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0');
for (const f of listed) {
  if (!f || !existsSync(path.join(ROOT, f)) || !statSync(path.join(ROOT, f)).isFile()) continue;
  mkdirSync(path.dirname(path.join(repo, f)), { recursive: true });
  copyFileSync(path.join(ROOT, f), path.join(repo, f));
}
symlinkSync(path.join(ROOT, 'node_modules'), path.join(repo, 'node_modules'));
step('the repository as another government finds it', 'git', ['init', '-q', '-b', 'main']);
step('commit', 'git', ['add', '-A', '--', '.', ':!node_modules']);
step('commit', 'git', ['commit', '-q', '-m', 'upstream']);

step('remove the bundled content', 'git', ['rm', '-r', '-q', 'content']);
step('commit', 'git', ['commit', '-q', '-m', '删除示例内容']);
step('new content folder', NODE, ['scripts/new-site.ts', 'content']);
const siteFile = path.join(repo, 'content/site.json');
const site = JSON.parse(readFileSync(siteFile, 'utf8'));
Object.assign(site, {
  publisher: '东湖市南城区人民政府办公室',
  office: '区政府督查室',
  district: '东湖市南城区',
  title: '南城区民生实事落实公开',
  identity: IDENTITY,
});
writeFileSync(siteFile, `${JSON.stringify(site, null, 2)}\n`);
mkdirSync(path.join(repo, 'content/identity'));
writeFileSync(
  path.join(repo, 'content/identity/dzjg.svg'),
  '<svg xmlns="http://www.w3.org/2000/svg" width="110" height="55"><rect width="110" height="55" fill="#c00"/></svg>',
);
const notice = path.join(dir, '2021年民生十件实事.xlsx');
writeFileSync(notice, await xlsxOf([PROGRAMME]));
step('import the notice', NODE, [
  'scripts/import-notice.ts',
  notice,
  '--year',
  '2021',
  '--doc-no',
  '南政办发〔2021〕3号',
  '--date',
  '2021-03-01',
]);
step('validate', NODE, ['scripts/validate.ts']);
step('commit', 'git', ['add', 'content']);
step('commit', 'git', ['commit', '-q', '-m', '南城区 2021 年民生十件实事']);

const started = performance.now();
step("the engine's tests", path.join(ROOT, 'node_modules/.bin/vitest'), ['run', ...vitestArgs]);
if (e2e) step('the browser tests', path.join(ROOT, 'node_modules/.bin/playwright'), ['test', '--pass-with-no-tests']);
console.log(
  `\nadopt-check: the tests passed on another government's content in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
rmSync(dir, { recursive: true, force: true });
