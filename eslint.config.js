// ESLint: typescript-eslint's recommended rules for TypeScript, eslint-plugin-astro's for pages.
// Formatting is Prettier's job (npm run format), not ESLint's.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

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
  // Plain browser scripts served as they are (public/): the browser's globals.
  { files: ['public/**/*.js'], languageOptions: { globals: { location: 'readonly', localStorage: 'readonly' } } },
);
