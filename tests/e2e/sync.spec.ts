import { expect, test } from './fixtures';
import { accountForm, send } from './helpers';

// Issue 27: accounts follow the user to their other browsers through the browser's own
// storage.sync; keys never do. Here another device's write is planted in storage.sync as the
// browser would deliver it, and this browser takes it from there.
test('turned on, an account from another browser appears needing its key here, then shows its profile once the key is typed', async ({
  mock,
  openOptions,
  openPopup,
  serviceWorker,
}) => {
  const options = await openOptions();
  const sync = options.getByRole('region', { name: 'Sync' });
  const toggle = sync.getByLabel('Sync accounts and providers across my browsers');
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  await expect(sync.getByRole('status')).toContainText(/Last synced (now|\d+ seconds? ago)/);

  const userId = mock.leadping.userIds()[0]!;
  const { token, ...settings } = mock.credentials('leadping', userId);
  await serviceWorker.evaluate((item) => chrome.storage.sync.set({ 'account:from-laptop': item }), {
    kind: 'account',
    id: 'from-laptop',
    provider: 'leadping',
    label: 'work laptop',
    settings,
    secretFields: ['token'],
    createdAt: Date.now(),
    rev: 1,
    dev: 'work-laptop',
    at: Date.now(),
  });
  const row = options.getByRole('listitem', { name: 'Leadping · work laptop' });
  await expect(row).toContainText('Needs its key on this device');
  expect(mock.requests.filter((request) => request.provider === 'leadping')).toEqual([]);

  const popup = await openPopup();
  await expect(popup.getByRole('alert')).toContainText('Leadping needs its key on this device');
  await expect(popup.getByRole('alert').getByRole('button', { name: 'Add key' })).toBeVisible();
  await popup.close();

  await options.getByRole('button', { name: 'Edit work laptop' }).click();
  await accountForm(options).getByLabel('Token', { exact: true }).fill(token!);
  await accountForm(options).getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText('Connected');
  const shown = await openPopup();
  await expect(shown.getByRole('heading', { name: 'Katherine Johnson' })).toBeVisible();

  // The key typed here stays here.
  await expect.poll(async () => JSON.stringify(await serviceWorker.evaluate(() => chrome.storage.sync.get(null)))).toContain('from-laptop');
  expect(JSON.stringify(await serviceWorker.evaluate(() => chrome.storage.sync.get(null)))).not.toContain(token!);
  expect((await send(options, 'getSync', {})).problems).toEqual([]);
});
