import { expect, test } from './fixtures';
import { addAccounts, markWorker, PROVIDERS, send, signInToWacht, stopServiceWorker, workerHasMarker } from './helpers';

test('accounts of all four providers are added, tested, listed masked, refreshed on the alarm and removed', async ({
  context,
  mock,
  openPopup,
  serviceWorker,
}) => {
  const page = await openPopup();
  await signInToWacht(context, mock);

  for (const provider of PROVIDERS) {
    const credentials = mock.credentials(provider, mock[provider].userIds()[0]!);
    const { profile } = await send(page, 'testCredentials', { provider, credentials });
    expect(profile.displayName).toBeTruthy();
  }
  expect((await send(page, 'listAccounts', {})).accounts).toEqual([]);

  await addAccounts(page, mock);
  const { accounts } = await send(page, 'listAccounts', {});
  expect(accounts.map((a) => a.provider)).toEqual(PROVIDERS);
  const listed = JSON.stringify(accounts);
  for (const provider of ['insighto', 'leadping', 'chakra'] as const) {
    const credentials = mock.credentials(provider, mock[provider].userIds()[0]!);
    const secret = credentials.apiKey ?? credentials.token!;
    expect(listed).not.toContain(secret);
    expect(listed).toContain(secret.slice(-4));
  }

  // The refresh alarm is scheduled; when it fires, every account is fetched again.
  const alarm = await serviceWorker.evaluate(() => chrome.alarms.get('refresh-profiles'));
  expect(alarm?.periodInMinutes).toBe(30);
  mock.requests.splice(0);
  await serviceWorker.evaluate(() => chrome.alarms.create('refresh-profiles', { when: Date.now() + 50, periodInMinutes: 30 }));
  await expect.poll(() => new Set(mock.requests.map((r) => r.provider)).size).toBe(4);

  for (const account of accounts) await send(page, 'removeAccount', { id: account.id });
  expect((await send(page, 'listAccounts', {})).accounts).toEqual([]);
  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get());
  expect(Object.keys(stored).filter((key) => key.startsWith('profile:'))).toEqual([]);
  expect(await serviceWorker.evaluate(() => chrome.storage.sync.get())).toEqual({});
});

test("uses the browser's own Wacht session cookie and reports signing out", async ({ context, mock, openPopup }) => {
  const page = await openPopup();
  await signInToWacht(context, mock);
  const [account] = await addAccounts(page, mock, ['wacht']);
  expect((await send(page, 'getProfile', { accountId: account!.id })).profile?.username).toBe('linus');

  const signOut = await context.newPage();
  await signOut.goto(`${mock.baseUrl('wacht')}/sign-out`);
  mock.requests.splice(0);
  const entry = (await send(page, 'refresh', { accountId: account!.id })).entries[0]!;
  expect(entry.error?.kind).toBe('signed-out');
  expect(entry.profile?.username).toBe('linus');
  // Signed out is told from the missing cookie, without a request that would make Wacht
  // mint an anonymous session.
  expect(mock.requests.filter((r) => r.path === '/me')).toHaveLength(0);
});

test('a worker stopped in the middle of a refresh restarts with nothing lost', async ({ context, extensionId, mock, openPopup }) => {
  const page = await openPopup();
  await addAccounts(page, mock, ['insighto', 'chakra']);
  const before = await send(page, 'listAccounts', {});

  await markWorker(context, extensionId);
  mock.setLatency(3000);
  mock.requests.splice(0);
  void page.evaluate(() => chrome.runtime.sendMessage({ whoami: 'request', type: 'refresh', input: {} })).catch(() => undefined);
  await expect.poll(() => mock.requests.length).toBeGreaterThan(0);
  await stopServiceWorker(context, extensionId);
  mock.setLatency(0);

  const after = await send(page, 'listAccounts', {});
  expect(await workerHasMarker(context, extensionId)).toBe(false);
  expect(after.accounts.map((a) => a.id)).toEqual(before.accounts.map((a) => a.id));
  for (const account of after.accounts) {
    const entry = await send(page, 'getProfile', { accountId: account.id });
    expect(entry.profile?.displayName).toBeTruthy();
  }
  const popup = await context.newPage();
  await popup.goto(page.url());
  await expect(popup.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();
  const { entries } = await send(page, 'refresh', {});
  expect(entries.every((e) => e.error === null)).toBe(true);
});

test('a worker stopped in the middle of an edit restarts without sending the edit twice', async ({
  context,
  extensionId,
  mock,
  openPopup,
}) => {
  const page = await openPopup();
  const [account] = await addAccounts(page, mock, ['leadping']);
  await markWorker(context, extensionId);
  mock.addFault({ provider: 'leadping', kind: 'slow', ms: 2500, methods: ['PUT'], times: 1 });

  void page
    .evaluate(
      (accountId) =>
        chrome.runtime.sendMessage({
          whoami: 'request',
          type: 'updateProfile',
          input: { accountId, editId: 'edit-1', changes: { phone: '+1 555 0199' } },
        }),
      account!.id,
    )
    .catch(() => undefined);
  await expect.poll(() => mock.requests.filter((r) => r.method === 'PUT').length).toBe(1);
  await stopServiceWorker(context, extensionId);

  // The restarted worker re-reads the profile instead of sending the edit again…
  await send(page, 'getStatus', {});
  expect(await workerHasMarker(context, extensionId)).toBe(false);
  // …and a late copy of the same save is not sent either.
  await send(page, 'updateProfile', { accountId: account!.id, editId: 'edit-1', changes: { phone: '+1 555 0199' } });
  await expect.poll(() => mock.leadping.userData(mock.leadping.userIds()[0]!)).toMatchObject({ phone: '+1 555 0199' });
  expect(mock.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  const { entries } = await send(page, 'refresh', { accountId: account!.id });
  expect(entries[0]!.profile?.phone).toBe('+1 555 0199');
});

test('a stopped worker answers the first account list from the last answer kept, never an outdated one', async ({
  context,
  extensionId,
  mock,
  openPopup,
}) => {
  const page = await openPopup();
  const [insighto] = await addAccounts(page, mock, ['insighto']);
  const labels = async () => (await send(page, 'listAccounts', {})).accounts.map((a) => a.label);
  const kept = () => page.evaluate(() => chrome.storage.session.get('ready-answer').then((all) => all['ready-answer'] ?? null));

  expect(await labels()).toEqual(['insighto demo']);
  expect(await kept()).not.toBeNull();
  // A write of the background's drops it: the next answer after a stop has the new account.
  await addAccounts(page, mock, ['leadping']);
  await stopServiceWorker(context, extensionId);
  expect(await labels()).toEqual(['insighto demo', 'leadping demo']);
  // Kept again, and given by the next stopped worker as it was.
  await stopServiceWorker(context, extensionId);
  expect(await kept()).not.toBeNull();
  expect(await labels()).toEqual(['insighto demo', 'leadping demo']);

  // A change made elsewhere (here a page writing the background's settings) drops it too.
  await stopServiceWorker(context, extensionId);
  await page.evaluate(() => chrome.storage.local.set({ settings: { refreshMinutes: 45, expiryWarningDays: 7 } }));
  await expect.poll(kept).toBeNull();
  await send(page, 'updateAccount', { id: insighto!.id, label: 'Renamed' });
  await stopServiceWorker(context, extensionId);
  expect(await labels()).toEqual(['Renamed', 'leadping demo']);
});
