import { defineConfig } from 'vitest/config';
import { BUNDLED_DATASET_TESTS, NOT_BUNDLED_NOTE, contentIsBundled } from './test/fixtures/bundled.ts';

// Unit and integration tests; the browser tests under test/e2e run with Playwright. The checks of
// the bundled dataset run only when content/ holds it (test/fixtures/bundled.ts): in a government's
// fork with its own content/, the engine's tests still all run, on their fixtures.
const bundled = contentIsBundled();
if (!bundled) console.log(NOT_BUNDLED_NOTE);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', ...(bundled ? [] : BUNDLED_DATASET_TESTS)],
    testTimeout: 120_000,
  },
});
