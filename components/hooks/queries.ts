import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ProfileEntry } from '../../lib/shared/model';
import { onViewEvent, request } from '../../lib/views/messaging';
import { queryKeys } from '../../lib/views/query/keys';
import { pollDelayMs } from '../../lib/views/polling';

/** A reopened popup shows its cached profile at once and asks for fresher data than this. */
const PROFILE_MAX_AGE_MS = 60_000;

// Fresh for a few seconds: the popup starts these queries before its first render, and the
// components that mount right after must not ask a second time.
const STALE_MS = 5_000;

export const accountsQuery = {
  queryKey: queryKeys.accounts,
  queryFn: () => request('listAccounts', {}),
  staleTime: STALE_MS,
};

export function profileQuery(accountId: string) {
  return {
    queryKey: queryKeys.profile(accountId),
    queryFn: () => request('getProfile', { accountId, maxAgeMs: PROFILE_MAX_AGE_MS }),
    staleTime: STALE_MS,
  };
}

export function useAccounts() {
  return useQuery(accountsQuery);
}

export function useProfileEntry(accountId: string | null) {
  return useQuery({
    ...profileQuery(accountId ?? ''),
    enabled: accountId !== null,
    // While rate limited, ask again when the provider said we may.
    refetchInterval: (query) => pollDelayMs(query.state.data, Date.now()),
  });
}

/** The stored entry as the background has it, without asking the provider (options page). */
export function useStoredEntry(accountId: string) {
  return useQuery({
    queryKey: queryKeys.profile(accountId),
    queryFn: () => request('getProfile', { accountId }),
    staleTime: STALE_MS,
  });
}

export function useRefresh(accountId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request('refresh', { accountId: accountId! }),
    onSuccess: ({ entries }) => {
      for (const entry of entries) queryClient.setQueryData(queryKeys.profile(entry.accountId), entry);
    },
  });
}

/** Keeps the cache in step with the background: a refresh elsewhere shows here at once. */
export function useLiveUpdates() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onViewEvent((event) => {
        if (event.type === 'profile') {
          queryClient.setQueryData<ProfileEntry>(queryKeys.profile(event.entry.accountId), event.entry);
        } else if (event.type === 'accounts') {
          void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
          void queryClient.invalidateQueries({ queryKey: queryKeys.status });
          void queryClient.invalidateQueries({ queryKey: queryKeys.definitions });
        } else {
          void queryClient.resetQueries();
        }
      }),
    [queryClient],
  );
}

export function useStatus() {
  return useQuery({ queryKey: queryKeys.status, queryFn: () => request('getStatus', {}) });
}
