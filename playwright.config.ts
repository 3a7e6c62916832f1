import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './test/e2e/browser.ts';
import { NOT_BUNDLED_NOTE, contentIsBundled } from './test/fixtures/bundled.ts';

/**
 * Browser tests against the built site (dist/), served by `astro preview`. `npm test` builds
 * first if dist/ is missing (see tools/ensure-build.ts); set E2E_PORT to move the server.
 */
const port = Number(process.env.E2E_PORT ?? 4329);

/**
 * The browser tests check facts of the bundled dataset's site (test/fixtures/bundled.ts): with
 * another content/ none runs (`npm test` passes --pass-with-no-tests) and no site is built for them.
 */
const bundled = contentIsBundled();
if (!bundled) console.log(NOT_BUNDLED_NOTE);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: bundled ? '**/*.spec.ts' : [],
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  webServer: !bundled
    ? undefined
    : {
        command: `node tools/ensure-build.ts && astro preview --host 127.0.0.1 --port ${port}`,
        url: `http://127.0.0.1:${port}/`,
        reuseExistingServer: false,
        timeout: 600_000,
        stdout: 'pipe',
      },
});
