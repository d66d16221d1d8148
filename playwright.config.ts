import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests: the built renderer in a real Chromium, against a real `fiches serve`
 * that each test starts on its own temporary repository (e2e/fixtures/host.ts), so no
 * global setup and no state shared between tests. Run after `npm run build`.
 */
export default defineConfig({
  testDir: 'e2e',
  // Each worker runs a Chromium plus a Node server: two fit the two cores we have.
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  // One retry in CI, where a timing hiccup must not block a landing; the list reporter
  // still marks such a test « flaky », so it is seen and fixed rather than hidden.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.FICHES_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
