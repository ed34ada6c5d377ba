import { browser } from 'wxt/browser';
import { areaKey, STORED } from '../../shared/storage';
import { parseViewCache } from '../../shared/view-cache';

const PERSISTED_CACHE_KEY = areaKey(STORED.viewCache.key);

/**
 * Removes an account's queries from the persisted cache, so a removed account's profile is
 * not painted by the next popup before it learns the account is gone.
 */
export async function purgeAccountFromPersistedCache(accountId: string): Promise<void> {
  const stored = (await browser.storage.local.get(PERSISTED_CACHE_KEY))[PERSISTED_CACHE_KEY];
  if (stored === undefined) return;
  const cache = parseViewCache(stored);
  if (!cache) {
    await dropPersistedCache();
    return;
  }
  cache.queries = cache.queries.filter((query) => !query.queryKey.includes(accountId));
  await browser.storage.local.set({ [PERSISTED_CACHE_KEY]: JSON.stringify(cache) });
}

/** Drops the whole persisted cache (unreadable, of an older format, or holding key hints from before the lock). */
export async function dropPersistedCache(): Promise<void> {
  await browser.storage.local.remove(PERSISTED_CACHE_KEY);
}
