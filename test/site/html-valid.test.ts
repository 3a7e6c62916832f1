/**
 * Every page of the built site (dist/) is valid HTML by the W3C Nu HTML Checker (vnu-jar, a
 * devDependency; it needs Java: Debian's `default-jre-headless`, which .ci/run installs when
 * `java` is missing). The checker reads the files directly, all ~480 pages in one JVM (about
 * 15 s). Without Java the test fails with the install command: it never skips.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const DIST = path.resolve('dist');
const VNU = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar');
/** Node 24 from node_modules/.bin first, also when vitest is started outside npm scripts. */
const ENV = { ...process.env, PATH: `${path.resolve('node_modules/.bin')}${path.delimiter}${process.env.PATH}` };
const JAVA_MISSING =
  'Java not found: the HTML check runs the W3C Nu HTML Checker (vnu.jar), which needs it. ' +
  'Install it with: sudo apt-get install -y default-jre-headless';

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out;
}

beforeAll(() => {
  execFileSync('node', ['tools/ensure-build.ts'], { stdio: 'inherit', env: ENV });
}, 600_000);

describe('HTML validity (W3C Nu HTML Checker)', () => {
  it('finds Java and vnu.jar', () => {
    const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
    expect(java.error, JAVA_MISSING).toBeUndefined();
    expect(java.status, JAVA_MISSING).toBe(0);
    expect(existsSync(VNU), `${VNU} is missing: run npm ci (vnu-jar is a devDependency)`).toBe(true);
  });

  it('reports no error on any page of dist/', () => {
    const files = htmlFiles(DIST);
    expect(files.length).toBeGreaterThan(100);
    // Exit status 1 means "errors found": the report on stderr is what matters, read it either way.
    const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'gnu', ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error) throw new Error(`${JAVA_MISSING} (${run.error.message})`);
    const errors = `${run.stdout}${run.stderr}`
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => line.replace(`"file:${DIST}/`, '"dist/'));
    expect(errors, `vnu found ${errors.length} error(s):\n${errors.join('\n')}`).toEqual([]);
    expect(run.status).toBe(0);
  }, 300_000);
});
