import { QueryClient } from '@tanstack/react-query';
import { browser } from '../browser';
import { protocolCheck } from '../messaging';
import { areaKey, VIEW_STORED } from '../../shared/storage-views';
import { type CachedQuery, parseViewCache, type ViewCache } from '../../shared/view-cache';

const PERSISTED_CACHE_KEY = areaKey(VIEW_STORED.viewCache.key);

const DAY = 24 * 60 * 60 * 1000;
const MAX_AGE = 7 * DAY;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Kept as long as the persisted copy, so what was painted from it stays in memory.
        gcTime: 7 * DAY,
        // Failures are the background's to retry; a view shows them at once.
        retry: false,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

// Only what the popup paints first is persisted; nothing in either holds a secret.
const PERSISTED = new Set(['accounts', 'profile']);

// The profiles kept for the first frame: the one on screen, then the last updated. A popup that had
// heard of fifty accounts' refreshes read fifty profiles, pictures and all, before its first paint,
// to show one.
const PROFILES_KEPT = 4;

const onScreen = (query: { getObserversCount(): number }) => (query.getObserversCount() > 0 ? 1 : 0);

/**
 * The persisted copy leaves out each profile's raw answer: the first frame doesn't show it, the
 * background keeps it already, and a second copy of every answer would double what is stored.
 */
function cachedQueries(queryClient: QueryClient): CachedQuery[] {
  let profiles = 0;
  return queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.status === 'success' && PERSISTED.has(String(query.queryKey[0])))
    .sort((a, b) => onScreen(b) - onScreen(a) || b.state.dataUpdatedAt - a.state.dataUpdatedAt)
    .filter((query) => query.queryKey[0] !== 'profile' || profiles++ < PROFILES_KEPT)
    .map((query) => {
      let data = query.state.data as { raw?: unknown; rawCut?: unknown } | undefined;
      if (query.queryKey[0] === 'profile' && data && typeof data === 'object') {
        const { raw: _raw, rawCut: _cut, ...rest } = data;
        data = rest;
      }
      return { queryKey: [...query.queryKey], data, updatedAt: query.state.dataUpdatedAt };
    });
}

/**
 * Fills the cache from storage before the first render, so a reopened popup paints the last
 * profile at once. A copy of another version, a damaged or a week-old one is thrown away.
 */
export async function restoreQueryCache(queryClient: QueryClient): Promise<Restored[]> {
  const cache = parseViewCache((await browser.storage.local.get(PERSISTED_CACHE_KEY))[PERSISTED_CACHE_KEY]);
  if (!cache || Date.now() - cache.savedAt > MAX_AGE) {
    await browser.storage.local.remove(PERSISTED_CACHE_KEY);
    return [];
  }
  const restored: Restored[] = [];
  for (const { queryKey, data, updatedAt } of cache.queries) {
    if (!PERSISTED.has(String(queryKey[0])) || data === undefined) continue;
    queryClient.setQueryData(queryKey, data, { updatedAt });
    restored.push({ queryKey, data });
  }
  // Kept without their raw answers: each is asked for again when shown (the background's stored
  // copy, no provider call while it is fresh), so switching accounts brings the raw view back.
  void queryClient.invalidateQueries({ queryKey: ['profile'], refetchType: 'none' });
  return restored;
}

export interface Restored {
  queryKey: readonly unknown[];
  data: unknown;
}

/**
 * Checks what was restored against the protocol's schemas once they have loaded (after the
 * first paint, which they must not delay) and drops whatever fails: a damaged store.
 */
export async function checkRestoredCache(queryClient: QueryClient, restored: Restored[]): Promise<void> {
  const { restoredIsValid } = await protocolCheck();
  for (const { queryKey, data } of restored) {
    // A fresh answer replaced it meanwhile (already checked): nothing left to check.
    if (queryClient.getQueryData(queryKey) !== data) continue;
    if (!restoredIsValid(String(queryKey[0]), data)) queryClient.removeQueries({ queryKey, exact: true });
  }
}

const PERSIST_EVERY_MS = 250;

/**
 * Keeps the cache's copy in `storage.local`: written at most every 250 ms after a change (the
 * last state wins). A failed write (a full storage) only means the next open paints later.
 */
export function persistQueryCache(queryClient: QueryClient): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    const cache: ViewCache = { version: VIEW_STORED.viewCache.version, savedAt: Date.now(), queries: cachedQueries(queryClient) };
    browser.storage.local.set({ [PERSISTED_CACHE_KEY]: JSON.stringify(cache) }).catch(() => undefined);
  };
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'added' || event.type === 'removed' || event.type === 'updated') timer ??= setTimeout(write, PERSIST_EVERY_MS);
  });
}
