import { describe, expect, it, vi } from 'vitest';
import { QueryObserver } from '@tanstack/react-query';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createQueryClient, persistQueryCache, restoreQueryCache } from '../../../../../lib/views/query/client';
import { emptyEntry } from '../../../../../lib/shared/model';
import { STORED } from '../../../../../lib/shared/storage';

const KEY = 'whoami-query-cache';

async function storedCache(): Promise<string | undefined> {
  return (await fakeBrowser.storage.local.get(KEY))[KEY] as string | undefined;
}

describe("the popup's persisted cache", () => {
  it('keeps what the first frame paints, without a second copy of each raw answer, and paints it again', async () => {
    fakeBrowser.reset();
    const first = createQueryClient();
    persistQueryCache(first);
    const entry = { ...emptyEntry('a1'), raw: { huge: 'x'.repeat(10_000) }, rawCut: { bytes: 900_000 } };
    first.setQueryData(['profile', 'a1'], entry, { updatedAt: 1_700_000_000_000 });
    first.setQueryData(['accounts'], { accounts: [], problems: [] });
    first.setQueryData(['settings'], { refreshMinutes: 30 });
    await vi.waitFor(async () => expect(await storedCache()).toBeDefined());
    expect((await storedCache())!.length).toBeLessThan(2_000);

    const next = createQueryClient();
    const restored = await restoreQueryCache(next);
    expect(restored.map((r) => r.queryKey[0]).sort()).toEqual(['accounts', 'profile']);
    expect(next.getQueryData(['profile', 'a1'])).toEqual(emptyEntry('a1'));
    expect(next.getQueryState(['profile', 'a1'])?.dataUpdatedAt).toBe(1_700_000_000_000);
    // Painted from the copy, then asked for again once shown: the raw answer comes back with it.
    expect(next.getQueryState(['profile', 'a1'])?.isInvalidated).toBe(true);
    expect(next.getQueryData(['accounts'])).toEqual({ accounts: [], problems: [] });
    expect(next.getQueryData(['settings'])).toBeUndefined();
  });

  it('throws away a copy of another version, a damaged one and a week-old one', async () => {
    const copies = [
      JSON.stringify({ buster: '2', timestamp: Date.now(), clientState: { queries: [] } }),
      '{not json',
      JSON.stringify({
        version: STORED.viewCache.version,
        savedAt: Date.now() - 8 * 24 * 60 * 60 * 1000,
        queries: [{ queryKey: ['accounts'], data: { accounts: [], problems: [] }, updatedAt: 1 }],
      }),
    ];
    for (const copy of copies) {
      fakeBrowser.reset();
      await fakeBrowser.storage.local.set({ [KEY]: copy });
      const client = createQueryClient();
      expect(await restoreQueryCache(client)).toEqual([]);
      expect(client.getQueryCache().getAll()).toEqual([]);
      expect(await storedCache()).toBeUndefined();
    }
  });

  it('keeps the last updated profiles, four at most, whatever the popup heard of', async () => {
    fakeBrowser.reset();
    const client = createQueryClient();
    persistQueryCache(client);
    for (let i = 0; i < 50; i++) client.setQueryData(['profile', `a${i}`], emptyEntry(`a${i}`), { updatedAt: 1_000 + i });
    client.setQueryData(['profile', 'a49'], emptyEntry('a49'), { updatedAt: 9_999 });
    await vi.waitFor(async () => expect(await storedCache()).toBeDefined());
    const next = createQueryClient();
    const restored = await restoreQueryCache(next);
    expect(restored.map((r) => r.queryKey[1])).toEqual(expect.arrayContaining(['a49', 'a48', 'a47', 'a46']));
    expect(restored).toHaveLength(4);
  });

  it('always keeps the profile on screen, however long ago it was updated', async () => {
    fakeBrowser.reset();
    const client = createQueryClient();
    persistQueryCache(client);
    client.setQueryData(['profile', 'shown'], emptyEntry('shown'), { updatedAt: 1 });
    const observer = new QueryObserver(client, { queryKey: ['profile', 'shown'], enabled: false });
    const stop = observer.subscribe(() => undefined);
    for (let i = 0; i < 10; i++) client.setQueryData(['profile', `a${i}`], emptyEntry(`a${i}`), { updatedAt: 1_000 + i });
    await vi.waitFor(async () => expect(await storedCache()).toBeDefined());
    const restored = await restoreQueryCache(createQueryClient());
    expect(restored.map((r) => r.queryKey[1])).toEqual(['shown', 'a9', 'a8', 'a7']);
    stop();
  });
});
