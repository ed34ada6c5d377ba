import { expect, test } from './fixtures';
import { addAccounts, DEMO_PEOPLE, PROVIDERS, send, seriousA11yViolations, signInToWacht } from './helpers';

test('a new user is sent to Options, and the page is accessible', async ({ openPopup }) => {
  const popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'Connect your first account' })).toBeVisible();
  expect(await seriousA11yViolations(popup)).toEqual([]);
});

test("each provider's profile is shown, with the switcher remembering the last choice", async ({ context, mock, openPopup }) => {
  const popup = await openPopup();
  await signInToWacht(context, mock);
  const accounts = await addAccounts(popup, mock);
  await popup.reload();

  const switcher = popup.getByRole('combobox', { name: 'Account' });
  for (const [index, provider] of PROVIDERS.entries()) {
    await switcher.selectOption(accounts[index]!.id);
    const { profile } = await send(popup, 'getProfile', { accountId: accounts[index]!.id });
    await expect(popup.getByRole('heading', { name: DEMO_PEOPLE[provider] })).toBeVisible();
    await expect(popup.locator('.email')).toContainText(profile!.email!);
    // Said once each (issue 26): the account in the menu, the email under the name.
    const name = `${accounts[index]!.providerName} · ${provider} demo`;
    await expect(switcher.locator('option:checked')).toHaveText(new RegExp(`^${name}`));
    await expect(popup.locator('main')).not.toContainText(name);
    await expect(popup.locator('main').getByText(profile!.email!, { exact: true })).toHaveCount(1);
    await expect(popup.locator('.bar .freshness')).toHaveText(/^Updated (just now|\d+ minutes? ago)$/);
    expect(await seriousA11yViolations(popup)).toEqual([]);
  }
  // Wacht's picture was fetched by the background and reaches the popup as data.
  await switcher.selectOption(accounts[1]!.id);
  await expect(popup.locator('img.avatar')).toHaveAttribute('src', /^data:image\/(webp|png);base64,/);

  const reopened = await openPopup();
  await expect(reopened.getByRole('heading', { name: 'Linus Torvalds' })).toBeVisible();
  await expect(reopened.getByRole('combobox', { name: 'Account' })).toHaveValue(accounts[1]!.id);
});

test('a reopened popup paints the cached profile before the network answers', async ({ mock, openPopup, serviceWorker }) => {
  const first = await openPopup();
  const [account] = await addAccounts(first, mock, ['chakra']);
  await first.reload();
  await expect(first.getByRole('heading', { name: 'Mary Jackson' })).toBeVisible();
  // Let the persisted cache catch up, then make the stored profile old enough to revalidate.
  await first.waitForTimeout(400);
  await first.close();
  await serviceWorker.evaluate(async (key) => {
    const stored = (await chrome.storage.local.get(key))[key] as { fetchedAt: number };
    await chrome.storage.local.set({ [key]: { ...stored, fetchedAt: Date.now() - 5 * 60_000 } });
  }, `profile:${account!.id}`);
  mock.setLatency(2000);
  mock.requests.splice(0);
  mock.resetStats();

  const popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'Mary Jackson' })).toBeVisible();
  // The name is on screen while the provider has not answered yet (it may not even be asked yet:
  // the popup paints and the background sends in parallel); the revalidation does go out.
  expect(mock.stats.total - mock.stats.inFlight).toBe(0);
  await expect.poll(() => mock.stats.inFlight).toBe(1);
  await expect(popup.getByRole('status').filter({ hasText: 'Refreshing…' })).toBeVisible();
  await expect(popup.getByText('Refreshing…')).toHaveCount(0, { timeout: 5000 });
  await expect(popup.locator('.freshness')).toHaveText('Updated just now');
});

test('without a cached profile the popup shows the skeleton of the card, then the card', async ({ mock, openPopup }) => {
  const setup = await openPopup();
  mock.setLatency(1500);
  await send(setup, 'addAccount', {
    provider: 'leadping',
    label: 'work',
    credentials: mock.credentials('leadping', mock.leadping.userIds()[0]!),
  });
  const popup = await openPopup();
  await expect(popup.getByLabel('Loading profile')).toBeVisible();
  await expect(popup.getByRole('heading', { name: 'Katherine Johnson' })).toBeVisible({ timeout: 5000 });
  await expect(popup.getByLabel('Loading profile')).toHaveCount(0);
});

test('details, raw response and copy buttons work from the keyboard; no secret in the raw view', async ({ context, mock, openPopup }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const popup = await openPopup();
  await signInToWacht(context, mock);
  await addAccounts(popup, mock, ['wacht']);
  await popup.reload();
  await expect(popup.getByRole('heading', { name: 'Linus Torvalds' })).toBeVisible();

  await popup.getByText('Details (9)').focus();
  await popup.keyboard.press('Enter');
  await expect(popup.getByText('Two-factor policy')).toBeVisible();
  await popup.getByText('Raw response').click();
  const raw = await popup.getByLabel('Raw response JSON').innerText();
  expect(raw).toContain('"username": "linus"');
  for (const secret of ['totp_secret', 'otp_url', '"backup_codes"', 'JBSWY3DPEHPK3PXP']) expect(raw).not.toContain(secret);

  await popup.getByRole('button', { name: 'Copy email' }).click();
  await expect(popup.getByRole('button', { name: 'Copy email' })).toHaveText('Copied');
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe('linus@kernel.example');
});

// Issue 26, 1: while one account is shown, another's trouble is not invisible.
test('another account that needs the user says so in the account menu and in one line, with a way to it', async ({ mock, openPopup }) => {
  const popup = await openPopup();
  const [insighto, leadping] = await addAccounts(popup, mock, ['insighto', 'leadping']);
  mock.addFault({ provider: 'leadping', kind: '401', times: 1 });
  await send(popup, 'refresh', { accountId: leadping!.id });
  await popup.reload();

  const menu = popup.getByRole('combobox', { name: 'Account' });
  await menu.selectOption(insighto!.id);
  await expect(menu.locator('option')).toHaveText(['Insighto · insighto demo', 'Leadping · leadping demo — ⛔ Key rejected']);
  const line = popup.getByRole('status').filter({ hasText: 'needs attention' });
  await expect(line.locator('.attention-text')).toHaveText('Leadping · leadping demo needs attention: Key rejected.');
  // A drawn stop sign beside the words, not colour alone.
  await expect(line.locator('svg.status-icon')).toBeVisible();
  expect(await seriousA11yViolations(popup)).toEqual([]);

  await line.getByRole('button', { name: 'Show Leadping · leadping demo' }).click();
  await expect(menu).toHaveValue(leadping!.id);
  // Shown now: the line is about other accounts only.
  await expect(popup.getByRole('status').filter({ hasText: 'needs attention' })).toHaveCount(0);
});
