import { expect, test } from './fixtures';
import { addAccounts, send, signInToWacht } from './helpers';

// A Leadping user token is a JWT: Whoami reads its exp locally and says when it stops working.
test('a token that expires in two days says so in the popup and the options list, and the badge warns', async ({
  context,
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
  // A warning, in amber with its sign (not the error's red), with its day and the way to a new token.
  const warning = popup.locator('.card .expiry-warn');
  await expect(warning).toHaveText(/^Token expires in 2 days, on \w{3} \d{1,2}Replace token$/);
  await expect(warning).toHaveClass(/banner-warning/);
  await expect(warning.locator('svg.status-icon')).toBeVisible();

  // Expired: not sent, its own state (not "rejected"), with the way to replace it.
  mock.requests.splice(0);
  await menu.selectOption(expired.id);
  await expect(popup.getByRole('alert')).toContainText(/Token expired 3 hours ago, on \w{3} \d{1,2}/);
  // While the token is refused, no expiry line repeats the banner.
  await expect(popup.locator('.card .expiry, .card .expiry-warn')).toHaveCount(0);
  expect(mock.requests.filter((r) => r.provider === 'leadping')).toEqual([]);
  // Replace token opens the options page on this account's edit form.
  const [editPage] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByRole('alert').getByRole('button', { name: 'Replace token' }).click(),
  ]);
  await expect(editPage.getByRole('form', { name: 'Edit Expired' })).toBeVisible();
  await editPage.close();

  await options.reload();
  const rows = options.locator('.account-row');
  await expect(rows.filter({ hasText: 'Expiring' }).locator('.expiry')).toHaveText('Token expires in 2 days');
  await expect(rows.filter({ hasText: 'Expired' })).toContainText('Token expired');
  await expect(rows.filter({ hasText: 'Expired' }).locator('.expiry')).toHaveText('Token expired 3 hours ago');

  // Both need the user: one expired, one inside the three warning days.
  expect(await serviceWorker.evaluate(() => chrome.action.getBadgeText({}))).toBe('2');
  // Saved as it is typed: no Save button, an inline "Saved".
  await options.getByLabel('Warn before a token expires (days)').fill('1');
  await expect(options.getByText('Saved — The badge warns 1 day before a token expires.')).toBeVisible();
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
  await expect(popup.locator('.card .expiry')).toHaveText(/^Session expires in 7 days, on \w{3} \d{1,2}$/);

  mock.wacht.sessionLifetimeMs = 2 * 24 * 60 * 60 * 1000;
  await send(popup, 'refresh', { accountId: account!.id });
  // A session is renewed by signing in, not by a new token: the warning offers no Replace token.
  await expect(popup.locator('.card .expiry-warn')).toHaveText(/^Session expires in 2 days, on \w{3} \d{1,2}$/);
});
