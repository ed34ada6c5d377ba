import { E2E_BUILD_NAME, expect, test } from './fixtures';

test('the built extension loads in Chromium with its service worker, popup and options page', async ({
  serviceWorker,
  extensionId,
  openPopup,
  openOptions,
}) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect(manifest.name).toBe(E2E_BUILD_NAME);

  const popup = await openPopup();
  await expect(popup.getByRole('heading', { level: 1 })).toBeVisible();
  const options = await openOptions();
  await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
});
