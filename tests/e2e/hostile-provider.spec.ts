import { expect, test } from './fixtures';
import { send } from './helpers';

// A provider Whoami doesn't control may answer anything: nothing it says may stall, flood or
// bloat the extension.

test('an absurd Retry-After locks nothing for years and sets off no message storm', async ({ context, mock, openPopup }) => {
  let getProfiles = 0;
  await context.exposeBinding('__countRequest', (_source, type: string) => void (type === 'getProfile' && getProfiles++));
  await context.addInitScript(() => {
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => unknown } } }).chrome?.runtime;
    if (!runtime?.sendMessage) return;
    const original = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = (...args: unknown[]) => {
      (globalThis as { __countRequest?: (t: string) => void }).__countRequest?.(String((args[0] as { type?: string }).type));
      return original(...args);
    };
  });
  const setup = await openPopup();
  const account = await send(setup, 'addAccount', {
    provider: 'leadping',
    label: 'Limited',
    credentials: mock.credentials('leadping', mock.leadping.userIds()[0]!),
  });
  // The first refresh (the one saving starts) is done before the provider turns hostile.
  await expect.poll(async () => (await send(setup, 'getProfile', { accountId: account.id })).fetchedAt).not.toBeNull();
  mock.addFault({ provider: 'leadping', kind: '429', retryAfterSec: 4_294_967 });
  const entry = (await send(setup, 'refresh', { accountId: account.id })).entries[0]!;
  expect(entry.nextAttemptAt! - entry.attemptedAt!).toBe(3 * 3600 * 1000);
  await setup.close();

  getProfiles = 0;
  const popup = await openPopup();
  await expect(popup.locator('.banner-title')).toHaveText('Rate limited — retrying in 3 hours');
  await popup.waitForTimeout(3_000);
  // The open and at most one more look; it was ~380 in three seconds when the timer overflowed.
  expect(getProfiles).toBeLessThanOrEqual(2);

  // The user's own Refresh still goes out, and clears the state once the provider answers.
  mock.clearFaults();
  mock.requests.splice(0);
  await popup.getByRole('button', { name: 'Refresh profile' }).click();
  await expect(popup.locator('.banner-title')).toHaveCount(0);
  expect(mock.requests.filter((r) => r.provider === 'leadping')).toHaveLength(1);
});

test('answers of almost 1 MB keep refreshing: the stored part is capped and the raw view says so', async ({
  mock,
  openPopup,
  serviceWorker,
}) => {
  test.setTimeout(60_000);
  const setup = await openPopup();
  const ids = [];
  for (let i = 0; i < 12; i++) {
    const userId = mock.insighto.createUser({ first_name: `Big ${i}`, address: 'x'.repeat(900_000) });
    ids.push(
      (await send(setup, 'addAccount', { provider: 'insighto', label: `Big ${i}`, credentials: mock.credentials('insighto', userId) })).id,
    );
  }
  for (let round = 0; round < 2; round++) {
    const { entries } = await send(setup, 'refresh', {});
    expect(entries.map((e) => e.error)).toEqual(ids.map(() => null));
  }
  const bytes = await serviceWorker.evaluate(() => chrome.storage.local.getBytesInUse(null));
  // Twelve 0.9 MB answers once filled the 10 MB quota; now they take about a megabyte.
  expect(bytes).toBeLessThan(1_500_000);
  await setup.close();

  const popup = await openPopup();
  await popup.getByRole('combobox', { name: 'Account' }).selectOption(ids[0]!);
  await popup.getByText('Raw response').click();
  await expect(popup.getByText(/^Cut: the answer was 9\d\d kB; its first 64 kB are shown\.$/)).toBeVisible();
});
