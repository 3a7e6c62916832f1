// ESLint: typescript-eslint's recommended rules for TypeScript, eslint-plugin-astro's for pages,
// and the code's boundaries (README, "How the code is laid out"): which folder may import what.
// Formatting is Prettier's job (npm run format), not ESLint's.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

/** Node's modules that read or write files or start processes. */
const NODE_IO = '^(node:)?(fs|fs/promises|child_process|worker_threads|os|net|http|https)$';

/**
 * The only modules of the data core that touch the file system or run git: everything else in
 * src/core/ computes from its arguments, so pages, the browser and tests can use it freely.
 */
const CORE_IO_MODULES = [
  'src/core/content/files.ts',
  'src/core/content/bulletin-files.ts',
  'src/core/content/history.ts',
  'src/core/content/git.ts',
  'src/core/content/holidays.ts',
];

/** A restriction on import specifiers: `regex` matched against the specifier as written. */
const deny = (regex, message) => ({ regex, message });

const OUTSIDE_CORE = deny(
  '(^|/)(office|scripts|tools|site|steps|integrations|pages|components|layouts|client)/|^astro(:|/|$)',
  'The data core (src/core/) imports nothing from the office, the scripts, tools, Astro or the site around it.',
);
const stage = (later) =>
  deny(
    `(^|/)core/(${later.join('|')})/|^\\.\\./(${later.join('|')})/`,
    `No arrow runs back up the pipeline: this stage may not import ${later.join(', ')}.`,
  );
const NO_IO = deny(
  NODE_IO,
  'Only the modules named in CORE_IO_MODULES (eslint.config.js) touch the file system or run processes.',
);

const boundaries = (...patterns) => ({ rules: { 'no-restricted-imports': ['error', { patterns }] } });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.astro/', 'bench/out/', 'screenshots/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', document: 'readonly', window: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Boundaries. The core by stage: errors → model → content → present → publish.
  { files: ['src/core/errors/**'], ...boundaries(OUTSIDE_CORE, NO_IO, stage(['model', 'content', 'present', 'publish'])) },
  { files: ['src/core/model/**'], ...boundaries(OUTSIDE_CORE, NO_IO, stage(['content', 'present', 'publish'])) },
  { files: ['src/core/content/**'], ...boundaries(OUTSIDE_CORE, NO_IO, stage(['present', 'publish'])) },
  { files: ['src/core/present/**'], ...boundaries(OUTSIDE_CORE, NO_IO, stage(['publish'])) },
  { files: ['src/core/publish/**'], ...boundaries(OUTSIDE_CORE, NO_IO) },
  // The named I/O modules keep every other rule of their stage (all of them are in content/:
  // publish builds from the dataset and reads nothing).
  { files: CORE_IO_MODULES, ...boundaries(OUTSIDE_CORE, stage(['present', 'publish'])) },
  // Browser code: nothing from Node, and of the core only what is pure and shown (model, present).
  {
    files: ['src/client/**'],
    ...boundaries(
      deny('^node:|^(fs|path|url|crypto|child_process|worker_threads|os)$', 'Browser code cannot import Node modules.'),
      deny(
        '(^|/)core/(errors|content|publish)/|(^|/)(office|scripts|tools|site|steps|integrations)/',
        'Browser code imports only src/core/model and src/core/present (and src/client).',
      ),
    ),
  },
  // The site (pages, components, the Astro glue) never imports the office's intake or developer tools.
  {
    files: ['src/**'],
    ignores: ['src/core/**', 'src/client/**'],
    ...boundaries(deny('(^|/)(office|scripts|tools)/', 'The site does not import the office intake, scripts or tools.')),
  },
  // The office's intake is a library for the scripts: it never imports them or the developer tools.
  {
    files: ['office/**'],
    ...boundaries(deny('(^|/)(scripts|tools)/', 'office/ is imported by scripts, never the other way round.')),
  },
  // Plain browser scripts served as they are (public/): the browser's globals.
  { files: ['public/**/*.js'], languageOptions: { globals: { location: 'readonly', localStorage: 'readonly' } } },
);
