// Browser tests of the collection, started by tests/e2e/collection.sh (which provides the server,
// the SMTP sink and the environment). The system Chromium is used; nothing is downloaded.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  // A test.only left behind would silently skip every other test: refuse it.
  forbidOnly: true,
  testMatch: /(collection|keyboard|team|authoring)\.spec\.mjs$/,
  workers: 1,
  timeout: 300_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.DIGIPULS_URL,
    browserName: 'chromium',
    headless: true,
    locale: 'sv-SE',
    launchOptions: { executablePath: '/usr/bin/chromium' },
  },
});
