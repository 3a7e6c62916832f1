import { defineConfig } from 'vitest/config';

// Unit and integration tests; the browser tests under test/e2e run with Playwright.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 120_000,
  },
});
