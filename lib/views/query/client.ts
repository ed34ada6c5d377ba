import { QueryClient } from '@tanstack/react-query';
import {
  type PersistedClient,
  type Persister,
  persistQueryClientRestore,
  persistQueryClientSubscribe,
} from '@tanstack/react-query-persist-client';
import { browser } from '../browser';
import { protocolCheck } from '../messaging';
import { areaKey, STORED } from '../../shared/storage';

const PERSISTED_CACHE_KEY = areaKey(STORED.viewCache.key);

const DAY = 24 * 60 * 60 * 1000;

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

/**
 * The persisted copy leaves out each profile's raw answer: the first frame doesn't show it, the
 * background keeps it already, and a second copy of every answer would double what is stored.
 */
export function withoutRawAnswers(client: PersistedClient): PersistedClient {
  return {
    ...client,
    clientState: {
      ...client.clientState,
      queries: client.clientState.queries.map((query) => {
        const data = query.state.data as { raw?: unknown; rawCut?: unknown } | undefined;
        if (query.queryKey[0] !== 'profile' || !data || typeof data !== 'object') return query;
        const { raw: _raw, rawCut: _cut, ...rest } = data;
        return { ...query, state: { ...query.state, data: rest } };
      }),
    },
  };
}

const PERSIST_EVERY_MS = 250;

/**
 * The cache's copy in `storage.local`: written at most every 250 ms (the last state wins), read
 * once when a page opens. A failed write (a full storage) only means the next open paints later.
 */
function storagePersister(): Persister {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: PersistedClient | undefined;
  return {
    persistClient(client) {
      latest = client;
      timer ??= setTimeout(() => {
        timer = undefined;
        const value = JSON.stringify(withoutRawAnswers(latest!));
        browser.storage.local.set({ [PERSISTED_CACHE_KEY]: value }).catch(() => undefined);
      }, PERSIST_EVERY_MS);
    },
    async restoreClient() {
      const stored = (await browser.storage.local.get(PERSISTED_CACHE_KEY))[PERSISTED_CACHE_KEY];
      return typeof stored === 'string' ? (JSON.parse(stored) as PersistedClient) : undefined;
    },
    removeClient: () => browser.storage.local.remove(PERSISTED_CACHE_KEY),
  };
}

const persister = storagePersister();

// Only what the popup paints first is persisted; nothing in either holds a secret.
const PERSISTED = new Set(['accounts', 'profile']);

const persistOptions = {
  persister,
  buster: String(STORED.viewCache.version),
  maxAge: 7 * DAY,
};

/**
 * Fills the cache from storage before the first render, so a reopened popup paints the last
 * profile at once. A copy of another shape (an older version's) is thrown away by its version.
 */
export async function restoreQueryCache(queryClient: QueryClient): Promise<Restored[]> {
  try {
    await persistQueryClientRestore({ queryClient, ...persistOptions });
  } catch {
    await persister.removeClient();
  }
  const restored: Restored[] = [];
  for (const query of queryClient.getQueryCache().getAll()) {
    if (PERSISTED.has(String(query.queryKey[0]))) restored.push({ queryKey: query.queryKey, data: query.state.data });
    else queryClient.removeQueries({ queryKey: query.queryKey, exact: true });
  }
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

export function persistQueryCache(queryClient: QueryClient): () => void {
  return persistQueryClientSubscribe({
    queryClient,
    ...persistOptions,
    dehydrateOptions: {
      shouldDehydrateQuery: (query) => query.state.status === 'success' && PERSISTED.has(String(query.queryKey[0])),
    },
  });
}
