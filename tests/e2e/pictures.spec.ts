import { expect, test } from './fixtures';
import { send, signInToWacht } from './helpers';

// Profile pictures are fetched by the background and handed to the views as data: opening a
// view makes no request to any host, so no picture host learns when the popup was opened.

test('opening the popup or the options page makes no request to any host', async ({ context, mock, openPopup, openOptions }) => {
  const setup = await openPopup();
  await signInToWacht(context, mock);
  const wacht = await send(setup, 'addAccount', {
    provider: 'wacht',
    label: 'Wacht',
    credentials: mock.credentials('wacht', mock.wacht.userIds()[0]!),
  });
  const pictured = mock.chakra.createUser({
    firstName: 'Dorothy',
    lastName: 'Vaughan',
    displayName: 'Dorothy Vaughan',
    profileImageUrl: 'avatar',
    username: 'dorothy',
  });
  const chakra = await send(setup, 'addAccount', {
    provider: 'chakra',
    label: 'Chakra',
    credentials: mock.credentials('chakra', pictured),
  });
  await send(setup, 'refresh', {});
  for (const account of [wacht, chakra]) {
    expect((await send(setup, 'getProfile', { accountId: account.id })).picture).toMatchObject({ state: 'loaded' });
  }
  await setup.close();

  const pageRequests: string[] = [];
  context.on('request', (request) => {
    // The background's own fetches are allowed; pages make none.
    if (!request.serviceWorker()) pageRequests.push(request.url());
  });
  const picturesBefore = mock.pictureRequests.length;
  const popup = await openPopup();
  for (const account of [wacht, chakra]) {
    await popup.getByRole('combobox', { name: 'Account' }).selectOption(account.id);
    await expect(popup.locator('img.avatar')).toHaveAttribute('src', /^data:image\/(webp|png);base64,/);
  }
  const options = await openOptions();
  await expect(options.getByRole('listitem', { name: 'Wacht · Wacht' })).toContainText('Connected');
  // Offline too: the pictures are in the popup's own cache.
  await context.setOffline(true);
  await popup.reload();
  await expect(popup.locator('img.avatar')).toHaveAttribute('src', /^data:image\//);
  await context.setOffline(false);

  expect(pageRequests.filter((url) => !url.startsWith('chrome-extension://'))).toEqual([]);
  expect(mock.pictureRequests.length).toBe(picturesBefore);
});

test('a picture on a host Whoami may not reach: initials, and the host asked for from the click', async ({ mock, openPopup }) => {
  const popup = await openPopup();
  const userId = mock.chakra.createUser({ firstName: 'Dorothy', lastName: 'Vaughan', displayName: 'Dorothy Vaughan' });
  // localhost is another host than the loopback address the e2e build may reach.
  (mock.chakra.userData(userId) as Record<string, unknown>).profileImageUrl = `http://localhost:${mock.port}/avatars/dorothy.png`;
  const account = await send(popup, 'addAccount', {
    provider: 'chakra',
    label: 'Dorothy',
    credentials: mock.credentials('chakra', userId),
  });
  const entry = (await send(popup, 'refresh', { accountId: account.id })).entries[0]!;
  expect(entry.picture).toMatchObject({ state: 'needs-permission', host: `localhost:${mock.port}`, origin: 'http://localhost/*' });
  expect(mock.pictureRequests).toEqual([]);

  await popup.reload();
  await expect(popup.locator('.avatar-initials')).toHaveText('DV');
  // Headless Chromium shows a prompt nobody can answer: record what was asked for instead.
  await popup.evaluate(() => {
    const asked: unknown[] = [];
    (window as unknown as { asked: unknown[] }).asked = asked;
    chrome.permissions.request = ((request: unknown) => (asked.push(request), Promise.resolve(false))) as typeof chrome.permissions.request;
  });
  await popup.getByRole('button', { name: `Show the picture: allow Whoami to load pictures from localhost:${mock.port}` }).click();
  expect(await popup.evaluate(() => (window as unknown as { asked: unknown[] }).asked)).toEqual([{ origins: ['http://localhost/*'] }]);
});
