import { expect, test } from './fixtures';
import { addAccounts, send, signInToWacht } from './helpers';

// A Leadping user token is a JWT: Whoami reads its exp locally and says when it stops working.
test('a token that expires in two days says so in the popup and the options list, and the badge warns', async ({
  openOptions,
  openPopup,
  serviceWorker,
  mock,
}) => {
  const options = await openOptions();
  const [soon, gone] = mock.leadping.userIds();
  mock.leadping.issueToken(soon!, 2 * 24 * 60 * 60);
  mock.leadping.issueToken(gone!, -3 * 60 * 60);
  const expiring = await send(options, 'addAccount', {
    provider: 'leadping',
    label: 'Expiring',
    credentials: mock.credentials('leadping', soon!),
  });
  const expired = await send(options, 'addAccount', {
    provider: 'leadping',
    label: 'Expired',
    credentials: mock.credentials('leadping', gone!),
  });
  await send(options, 'refresh', {});

  const popup = await openPopup();
  // Each entry of the account menu says how its account is, a sign beside the words.
  const menu = popup.getByRole('combobox', { name: 'Account' });
  await expect(menu.locator('option')).toHaveText([
    'Leadping · Expiring — ⚠ Token expires in 2 days',
    /^Leadping · Expired — ⛔ Token expired/,
  ]);
  await menu.selectOption(expiring.id);
  await expect(popup.locator('.card .expiry')).toHaveText('Token expires in 2 days');
  await expect(popup.locator('.card .expiry')).toHaveClass(/expiry-warn/);

  // Expired: not sent, its own state (not "rejected"), with the way to replace it.
  mock.requests.splice(0);
  await menu.selectOption(expired.id);
  await expect(popup.getByRole('alert')).toContainText('Token expired 3 hours ago — replace it in Options');
  await expect(popup.getByRole('alert').getByRole('button', { name: 'Open Options' })).toBeVisible();
  expect(mock.requests.filter((r) => r.provider === 'leadping')).toEqual([]);

  await options.reload();
  const rows = options.locator('.account-row');
  await expect(rows.filter({ hasText: 'Expiring' }).locator('.expiry')).toHaveText('Token expires in 2 days');
  await expect(rows.filter({ hasText: 'Expired' })).toContainText('Token expired');
  await expect(rows.filter({ hasText: 'Expired' }).locator('.expiry')).toHaveText('Token expired 3 hours ago');

  // Both need the user: one expired, one inside the three warning days.
  expect(await serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('2');
  await options.getByLabel('Warn before a token expires (days)').fill('1');
  await options.getByRole('button', { name: 'Save warning' }).click();
  await expect(options.getByText('The badge warns 1 day before a token expires.')).toBeVisible();
  await expect.poll(() => serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
});

// Wacht may say in its answer when the sign-in expires: the same line shows it, as the session's.
test('a session expiry the provider reports shows on the account, and an open popup follows a new one', async ({
  openPopup,
  context,
  mock,
}) => {
  mock.wacht.sessionLifetimeMs = 7 * 24 * 60 * 60 * 1000;
  await signInToWacht(context, mock);
  const popup = await openPopup();
  const [account] = await addAccounts(popup, mock, ['wacht']);
  await popup.reload();
  await expect(popup.locator('.card .expiry')).toHaveText('Session expires in 7 days');
  await expect(popup.locator('.card .expiry')).not.toHaveClass(/expiry-warn/);

  mock.wacht.sessionLifetimeMs = 2 * 24 * 60 * 60 * 1000;
  await send(popup, 'refresh', { accountId: account!.id });
  await expect(popup.locator('.card .expiry')).toHaveText('Session expires in 2 days');
  await expect(popup.locator('.card .expiry')).toHaveClass(/expiry-warn/);
});
