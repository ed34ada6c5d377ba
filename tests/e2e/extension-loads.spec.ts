import { expect, test } from './fixtures';

test('the built extension loads in Chromium with its service worker, popup and options page', async ({
  serviceWorker,
  extensionId,
  openPopup,
  openOptions,
}) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.name).toBe('Whoami');

  const popup = await openPopup();
  await expect(popup.getByRole('heading', { level: 1 })).toBeVisible();
  const options = await openOptions();
  await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
});
