import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { extensionWorker, launchStoreBuild } from './fixtures';

// The store build, as a user installs it (the loopback test build opens no welcome tab).
test('a first install opens the options page on its welcome guide, naming the shortcut and the privacy policy', async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-install-'));
  try {
    const context = await launchStoreBuild(profile);
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    const isOptions = (url: string) => url.startsWith(`chrome-extension://${extensionId}/options.html`);
    const welcome =
      context.pages().find((page) => isOptions(page.url())) ??
      (await context.waitForEvent('page', { predicate: (page) => isOptions(page.url()) }));
    await expect(welcome.getByRole('heading', { name: 'Welcome to Whoami' })).toBeVisible();
    // Which provider needs what, from the registry; where keys are kept; the shortcut.
    const guide = welcome.locator('.welcome');
    for (const name of ['Insighto', 'Wacht', 'Leadping', 'ChakraHQ']) await expect(guide.getByText(name, { exact: true })).toBeVisible();
    await expect(guide).toContainText('stay on this device');
    await expect(guide.locator('kbd')).toHaveText('Alt+Shift+U');
    // The privacy policy ships with the extension, linked from the guide.
    const [policy] = await Promise.all([context.waitForEvent('page'), guide.getByRole('link', { name: 'privacy policy' }).click()]);
    await expect(policy.locator('body')).toContainText('Whoami — privacy policy');
    await expect(policy.locator('body')).toContainText('What is stored, and where');
    await policy.close();
    await welcome.getByRole('button', { name: 'Got it' }).click();
    await expect(welcome.locator('.welcome')).toHaveCount(0);
    // The settings name the shortcut and lead to the browser's page for it.
    await expect(welcome.getByText('Open Whoami with')).toContainText('Alt+Shift+U');
    await context.close();
    // "An update opens nothing" is a unit test (tests/unit/lib/background/welcome.test.ts): Chromium
    // installs a command-line-loaded extension afresh on every launch (its storage starts empty),
    // and chrome.runtime.reload() reports no onInstalled, so an update can't be staged here.
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
