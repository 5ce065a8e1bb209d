import { defineConfig } from '@playwright/test';

// The console's browser tests: Debian's Chromium (CHROMIUM_PATH, set by infra/dev/bootstrap.mjs;
// Playwright downloads no browser), one hub for the run (global-setup.ts), one test at a time
// because the specs share the hub's data. `npm run test:e2e`, or
// `npx playwright test -c e2e/playwright.config.ts e2e/console.spec.ts` with CHROMIUM_PATH set.
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  // E2E_OUTPUT_DIR keeps two runs side by side from emptying each other's folder.
  outputDir: process.env.E2E_OUTPUT_DIR || '../test-results/e2e',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    // The gateway's origin; the global set-up exports it before the workers load this file.
    baseURL: process.env.E2E_GATEWAY_URL,
    browserName: 'chromium',
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1366, height: 900 },
    launchOptions: { executablePath, args: ['--no-sandbox'] },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
