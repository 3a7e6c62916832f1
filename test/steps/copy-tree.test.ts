/** The copy of the incremental cache's pages (src/steps/copy-tree.ts), in a worker thread. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('copyTreeInThread', () => {
  it('copies every file, and keeps Node running until it has (a build awaits it with nothing else to do)', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'luoshi-copy-'));
    const from = path.join(tmp, 'from');
    for (let i = 0; i < 300; i++) {
      mkdirSync(path.join(from, `p${i}`), { recursive: true });
      writeFileSync(path.join(from, `p${i}`, 'index.html'), `page ${i}`);
    }
    const to = path.join(tmp, 'to');
    // Only the promise is left once the worker is started, as in a build: the process must wait for it.
    const script = path.join(tmp, 'copy.mjs');
    writeFileSync(
      script,
      `import(${JSON.stringify(path.resolve('src/steps/copy-tree.ts'))})
        .then(({ copyTreeInThread }) => copyTreeInThread(${JSON.stringify(from)}, ${JSON.stringify(to)}))
        .then((files) => console.log('copied', files.length));`,
    );
    const out = execFileSync(path.resolve('node_modules/.bin/node'), [script], { encoding: 'utf8' });
    expect(out.trim()).toBe('copied 300');
    expect(readFileSync(path.join(to, 'p299/index.html'), 'utf8')).toBe('page 299');
  });
});
