import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { useMockProviders } from '../../../support/use-mock-providers';
import { backgroundHarness } from '../../../support/background-harness';

const mock = useMockProviders();

describe('refresh', () => {
  it('keeps the last good profile through a failure, backs off, and lights the badge on a rejected key', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('insighto');
    await bg.settle();
    mock.addFault({ provider: 'insighto', kind: '401' });

    const failed = (await bg.send('refresh', { accountId: account.id })).entries[0]!;
    expect(failed.profile?.displayName).toBe('Ada Lovelace');
    expect(failed.error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(failed.failures).toBe(1);
    expect(failed.nextAttemptAt).toBe(failed.attemptedAt! + 60_000);
    expect(bg.badge()).toBe('1');

    // The alarm respects the backoff; a user's refresh does not wait for it.
    mock.requests.splice(0);
    await bg.core.refresher.refreshAll({ kind: 'due' });
    expect(mock.requests).toHaveLength(0);
    const second = (await bg.send('refresh', { accountId: account.id })).entries[0]!;
    expect(second.failures).toBe(2);
    expect(second.nextAttemptAt).toBe(second.attemptedAt! + 120_000);

    mock.clearFaults();
    bg.advance(121_000);
    await bg.core.refresher.refreshAll({ kind: 'due' });
    const recovered = await bg.send('getProfile', { accountId: account.id });
    expect(recovered).toMatchObject({ error: null, failures: 0, nextAttemptAt: null });
    expect(bg.badge()).toBe('');
  });

  it("waits out Retry-After for automatic refreshes, but the user's own Refresh sends one request", async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('leadping');
    await bg.settle();
    mock.addFault({ provider: 'leadping', kind: '429', retryAfterSec: 30 });
    const limited = (await bg.send('refresh', { accountId: account.id })).entries[0]!;
    expect(limited.error).toMatchObject({ kind: 'rate-limited', retryAfterSec: 30 });
    expect(limited.nextAttemptAt).toBe(limited.attemptedAt! + 30_000);

    mock.requests.splice(0);
    await bg.core.refresher.refreshAll({ kind: 'due' });
    await bg.send('getProfile', { accountId: account.id, maxAgeMs: 0 });
    expect(mock.requests).toHaveLength(0);
    await bg.send('refresh', { accountId: account.id });
    expect(mock.requests).toHaveLength(1);
    mock.clearFaults();
    expect((await bg.send('refresh', { accountId: account.id })).entries[0]!.error).toBeNull();
  });

  it("caps a provider's Retry-After and its own backoff at three hours", async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('leadping');
    await bg.settle();
    mock.addFault({ provider: 'leadping', kind: '429', retryAfterSec: 999_999_999 });
    const limited = (await bg.send('refresh', { accountId: account.id })).entries[0]!;
    expect(limited.error?.retryAfterSec).toBe(3 * 3600);
    expect(limited.nextAttemptAt! - limited.attemptedAt!).toBe(3 * 3600 * 1000);
    // After three hours the alarm tries again.
    mock.clearFaults();
    bg.advance(3 * 3600 * 1000 + 1);
    mock.requests.splice(0);
    await bg.core.refresher.refreshAll({ kind: 'due' });
    expect(mock.requests.length).toBeGreaterThan(0);

    // A rejected key is not retried within one refresh: each of these is one attempt.
    mock.addFault({ provider: 'leadping', kind: '401' });
    let entry = limited;
    for (let i = 0; i < 40; i++) entry = (await bg.send('refresh', { accountId: account.id })).entries[0]!;
    expect(entry.failures).toBe(40);
    expect(entry.nextAttemptAt! - entry.attemptedAt!).toBe(3 * 3600 * 1000);
  });

  it('serves a fresh entry from storage and refreshes a stale one on getProfile', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('chakra');
    await bg.settle();
    mock.requests.splice(0);
    await bg.send('getProfile', { accountId: account.id, maxAgeMs: 60_000 });
    expect(mock.requests).toHaveLength(0);
    bg.advance(61_000);
    await bg.send('getProfile', { accountId: account.id, maxAgeMs: 60_000 });
    expect(mock.requests).toHaveLength(1);
  });

  it('shares one request between simultaneous refreshes of an account', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('insighto');
    await bg.settle();
    mock.requests.splice(0);
    mock.setLatency(100);
    await Promise.all([1, 2, 3].map(() => bg.send('refresh', { accountId: account.id })));
    expect(mock.requests).toHaveLength(1);
  });

  it('keeps at most 4 requests in flight per host when refreshing many accounts', async () => {
    const bg = backgroundHarness(mock);
    for (let i = 0; i < 12; i++) {
      const userId = mock.leadping.createUser({ name: `User ${i}` });
      await bg.send('addAccount', { provider: 'leadping', label: `u${i}`, credentials: mock.credentials('leadping', userId) });
    }
    await bg.settle();
    mock.setLatency(50);
    mock.resetStats();
    const { entries } = await bg.send('refresh', {});
    expect(entries).toHaveLength(12);
    expect(entries.every((e) => e.error === null)).toBe(true);
    expect(mock.stats.peakInFlight).toBe(4);
    expect(bg.core.refresher.peaks()[new URL(mock.url).host]).toBe(4);
  });

  it('leaves other accounts alone when one fails', async () => {
    const bg = backgroundHarness(mock);
    const broken = await bg.addMockAccount('wacht');
    await bg.addMockAccount('chakra');
    await bg.settle();
    mock.addFault({ provider: 'wacht', kind: '500' });
    const { entries } = await bg.send('refresh', {});
    expect(entries.find((e) => e.accountId === broken.id)?.error?.kind).toBe('server');
    expect(entries.filter((e) => e.error === null)).toHaveLength(1);
  });

  it('announces each new entry to open views', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('chakra');
    await bg.settle();
    expect(bg.events).toContainEqual(
      expect.objectContaining({ type: 'profile', entry: expect.objectContaining({ accountId: account.id }) }),
    );
  });
});

describe('settings, export, import and forgetting', () => {
  it('reschedules the refresh alarm when the interval changes', async () => {
    const bg = backgroundHarness(mock);
    expect(await bg.send('setSettings', { refreshMinutes: 15 })).toEqual({ refreshMinutes: 15 });
    expect(bg.alarms).toEqual([15]);
    await expect(bg.send('setSettings', { refreshMinutes: 1 })).rejects.toThrow(/validation/);
  });

  it('exports accounts without any secret, previews an import, and imports what needs none', async () => {
    const bg = backgroundHarness(mock);
    for (const provider of ['insighto', 'wacht', 'leadping', 'chakra'] as const) await bg.addMockAccount(provider);
    await bg.settle();
    const file = await bg.send('exportAccounts', {});
    const text = JSON.stringify(file);
    for (const provider of ['insighto', 'leadping', 'chakra'] as const) {
      for (const [field, value] of Object.entries(mock.credentials(provider, mock[provider].userIds()[0]!))) {
        if (field === 'apiKey' || field === 'token') expect(text).not.toContain(value);
      }
    }
    expect(file.accounts[3]!.settings).toEqual({ baseUrl: mock.baseUrl('chakra'), userId: mock.chakra.userIds()[0] });

    await bg.send('forgetEverything', {});
    const preview = await bg.send('previewImport', file);
    expect(preview.accounts.map((a) => a.status)).toEqual(['needs-secret', 'ready', 'needs-secret', 'needs-secret']);
    expect(preview.hosts).toEqual([new URL(mock.url).host]);
    // A preview saves nothing.
    expect((await bg.send('listAccounts', {})).accounts).toEqual([]);

    const result = await bg.send('importAccounts', file);
    expect(result.imported.map((a) => a.provider)).toEqual(['wacht']);
    expect(result.pending.map((p) => p.provider)).toEqual(['insighto', 'leadping', 'chakra']);
    expect(result.skipped).toEqual([]);
  });

  it('never takes a secret from an accounts file, not even one planted in its settings', async () => {
    const bg = backgroundHarness(mock);
    const planted = mock.credentials('chakra', mock.chakra.userIds()[0]!);
    const file = {
      format: 'whoami-accounts' as const,
      version: 1 as const,
      exportedAt: new Date().toISOString(),
      accounts: [{ provider: 'chakra', label: 'Planted', settings: planted }],
    };
    const result = await bg.send('importAccounts', file);
    expect(result.imported).toEqual([]);
    expect(result.pending).toEqual([
      { provider: 'chakra', label: 'Planted', settings: { baseUrl: planted.baseUrl, userId: planted.userId } },
    ]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain(planted.token);
  });

  it('forgets everything: accounts, profiles, settings and the persisted view cache', async () => {
    const bg = backgroundHarness(mock);
    await bg.addMockAccount('insighto');
    await bg.settle();
    await fakeBrowser.storage.local.set({ 'whoami-query-cache': '{}' });
    await fakeBrowser.storage.session.set({ 'draft:x': { firstName: 'A' } });
    await bg.send('forgetEverything', {});
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await fakeBrowser.storage.session.get()).toEqual({});
    expect(bg.events.at(-1)).toEqual({ whoami: 'event', type: 'forgotten' });
    // Nothing comes back from memory either.
    await bg.addMockAccount('chakra');
    expect((await bg.send('listAccounts', {})).accounts.map((a) => a.provider)).toEqual(['chakra']);
  });

  it('removes a removed account from the persisted view cache', async () => {
    const bg = backgroundHarness(mock);
    const keep = await bg.addMockAccount('insighto');
    const drop = await bg.addMockAccount('chakra');
    const cache = {
      version: 3,
      savedAt: Date.now(),
      queries: [['profile', keep.id], ['profile', drop.id], ['accounts']].map((queryKey) => ({ queryKey, data: {}, updatedAt: 1 })),
    };
    await fakeBrowser.storage.local.set({ 'whoami-query-cache': JSON.stringify(cache) });
    await bg.send('removeAccount', { id: drop.id });
    const stored = JSON.parse((await fakeBrowser.storage.local.get('whoami-query-cache'))['whoami-query-cache'] as string);
    expect(stored.queries.map((q: { queryKey: string[] }) => q.queryKey)).toEqual([['profile', keep.id], ['accounts']]);
  });
});
