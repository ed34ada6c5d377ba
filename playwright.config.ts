import { defineConfig } from '@playwright/test';

// Debian's Chromium with the built extension (see tests/e2e/fixtures.ts); two workers on the
// two-core CI machine.
export default defineConfig({
  testDir: 'tests/e2e',
  // Firefox has its own config and runner setup (playwright.firefox.config.ts).
  testIgnore: 'firefox/**',
  outputDir: 'test-results',
  workers: 2,
  fullyParallel: true,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
});
