import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProfileEntry } from '../../lib/shared/model';
import { request } from '../../lib/views/messaging';
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

function profileQuery(accountId: string) {
  return {
    queryKey: queryKeys.profile(accountId),
    queryFn: () => request('getProfile', { accountId, maxAgeMs: PROFILE_MAX_AGE_MS }),
    staleTime: STALE_MS,
  };
}

type AccountsReply = Awaited<ReturnType<typeof accountsQuery.queryFn>>;

/**
 * Asks for what the popup shows first — the accounts and the shown account's profile — ahead
 * of its first render, however recent the restored copies (the components then join these
 * requests instead of sending their own). `cached`: that profile is already in the cache;
 * `loaded` resolves once it is in, or there is no account to show.
 */
export function prefetchFirstScreen(queryClient: QueryClient, selectedAccount: string | null): { cached: boolean; loaded: Promise<void> } {
  const accounts = queryClient.prefetchQuery({ ...accountsQuery, staleTime: 0 });
  const cachedAccounts = () => queryClient.getQueryData<AccountsReply>(accountsQuery.queryKey)?.accounts;
  const firstAccount = () => cachedAccounts()?.[0]?.id;
  // A remembered account the cached list no longer has (removed since) is not asked for.
  const remembered = selectedAccount && (cachedAccounts()?.some(({ id }) => id === selectedAccount) ?? true) ? selectedAccount : null;
  const known = remembered ?? firstAccount();
  const profile = (accountId: string) => queryClient.prefetchQuery({ ...profileQuery(accountId), staleTime: 0 });
  // Nothing cached to say which account comes first: its profile is asked for beside the list
  // (one round trip, not two) and filed under the account it turns out to be.
  const first = () =>
    request('getProfile', { maxAgeMs: PROFILE_MAX_AGE_MS }).then(
      (entry) => void queryClient.setQueryData(queryKeys.profile(entry.accountId), entry),
      () => accounts,
    );
  return {
    cached: known !== undefined && queryClient.getQueryData<ProfileEntry>(queryKeys.profile(known))?.profile != null,
    loaded: known ? profile(known) : first(),
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

export function useStatus() {
  return useQuery({ queryKey: queryKeys.status, queryFn: () => request('getStatus', {}) });
}
