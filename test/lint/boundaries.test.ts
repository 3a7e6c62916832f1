/**
 * The code's boundaries are checked, not agreed (eslint.config.js): a planted import across a
 * boundary fails lint, and the same import where it is allowed passes. The planted files exist
 * only as text handed to ESLint under a path; nothing is written to the tree.
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The no-restricted-imports messages ESLint gives `code` as if it stood at `file`. */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('boundaries', () => {
  const planted: [string, string, string, RegExp][] = [
    ['browser code imports Node', 'src/client/planted.ts', "import { readFileSync } from 'node:fs';", /cannot import Node/],
    ['browser code imports a bare Node module', 'src/client/planted.ts', "import path from 'path';", /cannot import Node/],
    [
      'browser code imports the content layer',
      'src/client/planted.ts',
      "import { loadContent } from '../core/content/load.ts';",
      /only src\/core\/model/,
    ],
    [
      'browser code imports the office',
      'src/client/planted.ts',
      "import { buildForm } from '../../office/forms/forms.ts';",
      /only src\/core\/model/,
    ],
    [
      'the model imports the content layer',
      'src/core/model/planted.ts',
      "import { FILES } from '../content/schema.ts';",
      /back up the pipeline/,
    ],
    [
      'content imports presentation',
      'src/core/content/planted.ts',
      "import { itemLabel } from '../present/vocabulary.ts';",
      /back up the pipeline/,
    ],
    [
      'presentation imports publishing',
      'src/core/present/planted.ts',
      "import { atomFeed } from '../publish/atom.ts';",
      /back up the pipeline/,
    ],
    [
      'the core imports the office',
      'src/core/content/planted.ts',
      "import { mergeRows } from '../../../office/forms/merge.ts';",
      /imports nothing from the office/,
    ],
    [
      'the core imports Astro',
      'src/core/present/planted.ts',
      "import { getCollection } from 'astro:content';",
      /imports nothing from the office/,
    ],
    [
      'an unnamed core module reads files',
      'src/core/present/planted.ts',
      "import { readFileSync } from 'node:fs';",
      /CORE_IO_MODULES/,
    ],
    [
      'a loading stage reads files (only files.ts does)',
      'src/core/content/load.ts',
      "import { readFileSync } from 'node:fs';",
      /CORE_IO_MODULES/,
    ],
    [
      'the downloads read files (they are built from the dataset)',
      'src/core/publish/export.ts',
      "import { readFileSync } from 'node:fs';",
      /CORE_IO_MODULES/,
    ],
    [
      'a core module starts a process',
      'src/core/model/planted.ts',
      "import { execFileSync } from 'node:child_process';",
      /CORE_IO_MODULES/,
    ],
    [
      'a page imports the office',
      'src/pages/planted.ts',
      "import { buildForm } from '../../office/forms/forms.ts';",
      /does not import the office/,
    ],
    [
      'the office imports a script',
      'office/forms/planted.ts',
      "import { run } from '../../scripts/lib/cli.ts';",
      /never the other way round/,
    ],
  ];
  it.each(planted)('%s fails lint', async (_what, file, code, message) => {
    const errors = await boundaryErrors(file, `${code}\nexport const planted = 1;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  const allowed: [string, string, string][] = [
    ['browser code imports presentation', 'src/client/planted.ts', "import { searchQuery } from '../core/present/search.ts';"],
    [
      'presentation imports the model and content',
      'src/core/present/planted.ts',
      "import { STATUSES } from '../model/status.ts';\nimport { FILES } from '../content/schema.ts';",
    ],
    ['a named I/O module reads files', 'src/core/content/files.ts', "import { readFileSync } from 'node:fs';"],
    [
      'a script imports the office and the core',
      'scripts/planted.ts',
      "import { buildForm } from '../office/forms/forms.ts';\nimport { loadContent } from '../src/core/content/load.ts';",
    ],
  ];
  it.each(allowed)('%s passes', async (_what, file, code) => {
    expect(await boundaryErrors(file, `${code}\nexport const planted = 1;\n`)).toEqual([]);
  });
});
