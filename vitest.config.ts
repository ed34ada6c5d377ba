import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    // The views use the polyfill directly (lib/views/browser.ts): the fake browser stands in.
    alias: { 'webextension-polyfill': fileURLToPath(new URL('./tests/support/polyfill-stand-in.ts', import.meta.url)) },
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/mock-providers/**/*.test.ts'],
    restoreMocks: true,
    setupFiles: ['tests/support/i18n-stand-in.ts'],
    testTimeout: 15_000,
  },
});
