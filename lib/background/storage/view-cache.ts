import { browser } from 'wxt/browser';
import { areaKey, STORED } from '../../shared/storage';

const PERSISTED_CACHE_KEY = areaKey(STORED.viewCache.key);

interface PersistedClient {
  clientState?: { queries?: Array<{ queryKey?: unknown[] }> };
}

/**
 * Removes an account's queries from the persisted cache, so a removed account's profile is
 * not painted by the next popup before it learns the account is gone.
 */
export async function purgeAccountFromPersistedCache(accountId: string): Promise<void> {
  const stored = (await browser.storage.local.get(PERSISTED_CACHE_KEY))[PERSISTED_CACHE_KEY];
  if (typeof stored !== 'string') return;
  let client: PersistedClient;
  try {
    client = JSON.parse(stored) as PersistedClient;
  } catch {
    await browser.storage.local.remove(PERSISTED_CACHE_KEY);
    return;
  }
  const queries = client.clientState?.queries;
  if (!Array.isArray(queries)) return;
  client.clientState!.queries = queries.filter((q) => !(Array.isArray(q.queryKey) && q.queryKey.includes(accountId)));
  await browser.storage.local.set({ [PERSISTED_CACHE_KEY]: JSON.stringify(client) });
}
