/** Query keys of the views' React Query cache, in one place for views and background alike. */
export const queryKeys = {
  accounts: ['accounts'] as const,
  profile: (accountId: string) => ['profile', accountId] as const,
  status: ['status'] as const,
  definitions: ['definitions'] as const,
};

/** The storage.local key under which the views' query cache is persisted. */
export const PERSISTED_CACHE_KEY = 'whoami-query-cache';
