import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHarness } from '../../../support/background-harness';
import { enforceQuota, storedBytes } from '../../../support/storage-quota';
import { useMockProviders } from '../../../support/use-mock-providers';

const mock = useMockProviders();
const CHROME_QUOTA = 10 * 1024 * 1024;

describe('storage stays bounded', () => {
  it('fifty accounts with 0.9 MB answers keep refreshing within the browser quota', async () => {
    enforceQuota(CHROME_QUOTA);
    const bg = backgroundHarness(mock);
    const accounts = [];
    for (let i = 0; i < 50; i++) {
      const userId = mock.insighto.createUser({ first_name: `User ${i}`, address: 'x'.repeat(900_000) });
      accounts.push(
        await bg.send('addAccount', { provider: 'insighto', label: `Big ${i}`, credentials: mock.credentials('insighto', userId) }),
      );
    }
    await bg.settle();
    const { entries } = await bg.send('refresh', {});
    expect(entries).toHaveLength(50);
    for (const entry of entries) {
      expect(entry.error).toBeNull();
      expect(entry.rawCut?.bytes).toBeGreaterThan(900_000);
      // The cut text as stored (escaped once more as a JSON string) takes at most 64 000 characters.
      expect(JSON.stringify(entry.raw).length).toBeLessThanOrEqual(64_000);
      expect(JSON.stringify(entry.raw).length).toBeGreaterThan(60_000);
    }
    expect(await storedBytes()).toBeLessThan(CHROME_QUOTA / 2);
  }, 60_000);

  it('an answer of quotes and line breaks takes no more room than one of letters', async () => {
    const bg = backgroundHarness(mock);
    const userId = mock.insighto.createUser({ first_name: 'Quotes', address: '"\n'.repeat(200_000) });
    const account = await bg.send('addAccount', {
      provider: 'insighto',
      label: 'Quotes',
      credentials: mock.credentials('insighto', userId),
    });
    await bg.settle();
    const key = `profile:${account.id}`;
    const stored = JSON.stringify((await fakeBrowser.storage.local.get(key))[key]);
    console.log(`an answer of 400 000 quotes and line breaks: profile entry ${stored.length} characters as stored`);
    expect(stored.length).toBeLessThan(80_000);
  });

  it('keeps the raw answer whole when it is small', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('insighto');
    const entry = (await bg.send('refresh', { accountId: account.id })).entries[0]!;
    expect(entry.rawCut).toBeUndefined();
    expect(entry.raw).toMatchObject({ data: { first_name: 'Ada' } });
  });

  it('a full storage is caught and said, and loses nothing already kept', async () => {
    const bg = backgroundHarness(mock);
    const userId = mock.insighto.createUser({ first_name: 'Small' });
    const account = await bg.send('addAccount', {
      provider: 'insighto',
      label: 'Tight',
      credentials: mock.credentials('insighto', userId),
    });
    await bg.settle();
    const key = `profile:${account.id}`;

    // Nearly full: the new profile is kept without its (large) raw answer.
    enforceQuota(await storedBytes());
    Object.assign(mock.insighto.userData(userId) as object, { first_name: 'Grown', address: 'y'.repeat(50_000) });
    const slim = (await bg.send('refresh', { accountId: account.id })).entries[0]!;
    expect(slim).toMatchObject({ error: null, profile: { firstName: 'Grown' } });
    expect(slim.raw).toBeUndefined();

    // Full: nothing more can be written. The new profile is shown, marked; the kept one stays.
    enforceQuota(0);
    Object.assign(mock.insighto.userData(userId) as object, { first_name: 'Newest' });
    const entry = (await bg.send('refresh', { accountId: account.id })).entries[0]!;
    expect(entry.profile?.firstName).toBe('Newest');
    expect(entry.error).toMatchObject({ kind: 'storage-full', detail: 'QUOTA_BYTES quota exceeded' });
    expect(bg.events.at(-1)).toMatchObject({ type: 'profile', entry: { error: { kind: 'storage-full' } } });
    expect(((await fakeBrowser.storage.local.get(key))[key] as typeof entry).profile?.firstName).toBe('Grown');
  });
});
