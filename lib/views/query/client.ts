import { QueryClient } from '@tanstack/react-query';
import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import { type PersistedClient, persistQueryClientRestore, persistQueryClientSubscribe } from '@tanstack/react-query-persist-client';
import { browser } from 'wxt/browser';
import type * as z from 'zod/mini';
import { replySchemas } from '../../shared/messaging/replies';
import { profileEntrySchema } from '../../shared/model';
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

const persister = createAsyncStoragePersister({
  key: PERSISTED_CACHE_KEY,
  throttleTime: 250,
  serialize: (client) => JSON.stringify(withoutRawAnswers(client)),
  storage: {
    getItem: async (key) => ((await browser.storage.local.get(key))[key] as string | undefined) ?? null,
    setItem: (key, value) => browser.storage.local.set({ [key]: value }),
    removeItem: (key) => browser.storage.local.remove(key),
  },
});

// Only what the popup paints first is persisted; nothing in either holds a secret.
const persistedSchemas: Record<string, z.ZodMiniType> = {
  accounts: replySchemas.listAccounts,
  profile: profileEntrySchema,
};

const persistOptions = {
  persister,
  buster: String(STORED.viewCache.version),
  maxAge: 7 * DAY,
};

/**
 * Fills the cache from storage before the first render, so a reopened popup paints the last
 * profile at once. What fails its schema (an old shape, a damaged store) is dropped.
 */
export async function restoreQueryCache(queryClient: QueryClient): Promise<void> {
  try {
    await persistQueryClientRestore({ queryClient, ...persistOptions });
  } catch {
    await persister.removeClient();
  }
  for (const query of queryClient.getQueryCache().getAll()) {
    const schema = persistedSchemas[String(query.queryKey[0])];
    if (!schema || !schema.safeParse(query.state.data).success) queryClient.removeQueries({ queryKey: query.queryKey, exact: true });
  }
}

export function persistQueryCache(queryClient: QueryClient): () => void {
  return persistQueryClientSubscribe({
    queryClient,
    ...persistOptions,
    dehydrateOptions: {
      shouldDehydrateQuery: (query) => query.state.status === 'success' && String(query.queryKey[0]) in persistedSchemas,
    },
  });
}
