import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHarness } from '../../../support/background-harness';
import { useMockProviders } from '../../../support/use-mock-providers';

// Found by the third look from outside (issue 23, 1): a 503 with `Retry-After: 3600` was slept
// out inside the call, so the user's Refresh never answered and Remove waited on it for hours.
const mock = useMockProviders();

const HOUR_MS = 3_600_000;
/** Far below the hour the provider asked for, and above the call's own timeout and retries. */
const ANSWERS_WITHIN_MS = 8_000;

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} still waiting`)), ANSWERS_WITHIN_MS)),
  ]);
}

const leadpingRequests = () => mock.requests.filter((r) => r.provider === 'leadping').length;

describe('a provider down for maintenance (503, Retry-After: 3600)', () => {
  it('answers Refresh at once, and the hour becomes the next automatic try', async () => {
    const bg = backgroundHarness(mock);
    const { id } = await bg.addMockAccount('leadping');
    await bg.settle();
    mock.addFault({ provider: 'leadping', kind: '503', retryAfterSec: 3600 });
    const before = leadpingRequests();

    const { entries } = await within(bg.send('refresh', { accountId: id }), 'Refresh');
    const entry = entries[0]!;
    console.log(`503 + Retry-After 3600: Refresh answered "${entry.error?.kind}", requests sent ${leadpingRequests() - before}`);
    expect(entry.error).toMatchObject({ kind: 'server', status: 503, retryAfterSec: 3600 });
    expect(entry.profile?.displayName).toBeTruthy(); // the last good profile stays
    expect(leadpingRequests() - before).toBe(1);
    expect(entry.nextAttemptAt! - entry.attemptedAt!).toBe(HOUR_MS);

    // Neither the alarm nor a popup opening a minute later asks before the hour is up…
    bg.advance(60_000);
    await bg.core.refresher.refreshAll({ kind: 'due' });
    await bg.send('getProfile', { accountId: id, maxAgeMs: 60_000 });
    expect(leadpingRequests() - before).toBe(1);
    // …and once it is, the alarm tries again.
    mock.clearFaults();
    bg.advance(HOUR_MS);
    const [after] = await bg.core.refresher.refreshAll({ kind: 'due' });
    expect(after!.error).toBeNull();
  });

  it('lets Remove remove while a refresh of the account is running, profile entry included', async () => {
    const bg = backgroundHarness(mock);
    const { id } = await bg.addMockAccount('leadping');
    await bg.settle();
    mock.addFault({ provider: 'leadping', kind: '503', retryAfterSec: 3600 });

    const refreshing = bg.send('refresh', { accountId: id });
    const { removed } = await within(bg.send('removeAccount', { id }), 'Remove');
    await within(refreshing, 'Refresh');
    expect(removed).toBe(true);
    expect((await bg.send('listAccounts', {})).accounts).toEqual([]);
    expect(Object.keys(await fakeBrowser.storage.local.get()).filter((key) => key.startsWith('profile:'))).toEqual([]);
  });

  it('answers Test connection at once with the same words', async () => {
    const bg = backgroundHarness(mock);
    mock.addFault({ provider: 'leadping', kind: '503', retryAfterSec: 3600 });
    const userId = mock.leadping.userIds()[0]!;
    const tested = bg.send('testCredentials', { provider: 'leadping', credentials: mock.credentials('leadping', userId) });
    await expect(within(tested, 'Test connection')).rejects.toMatchObject({ info: { kind: 'server', retryAfterSec: 3600 } });
  });
});
