import { defineConfig } from '@playwright/test';

// Real Firefox ESR with the store build (see tests/e2e/firefox/fixtures.ts). One worker: each
// test starts its own Firefox, which takes most of a core on these machines.
export default defineConfig({
  testDir: 'tests/e2e/firefox',
  outputDir: 'test-results/firefox',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
});
