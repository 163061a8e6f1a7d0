// Playwright configuration of the public-site suite (tests/e2e/publish.sh starts the servers and
// sets PUBLISH_BASE_URL and PUBLISH_SUPPRESSED_URL).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  // A test.only left behind would silently skip every other test: refuse it.
  forbidOnly: true,
  testMatch: /publish\..*\.spec\.mjs$/,
  workers: 1,
  timeout: 120_000,
  reporter: 'list',
  outputDir: process.env.PUBLISH_OUTPUT_DIR || 'test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    baseURL: process.env.PUBLISH_BASE_URL,
    acceptDownloads: true,
    launchOptions: { executablePath: process.env.CHROMIUM || '/usr/bin/chromium' },
  },
});
