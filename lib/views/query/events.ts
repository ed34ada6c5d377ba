import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { ViewEvent } from '../../shared/messaging/replies';
import { onViewEvent } from '../messaging';
import { queryKeys } from './keys';

// A request already on its way when the background announces a change may carry the state from
// before it (a list read before an account was added). React Query would join an invalidation
// to such a first load rather than restart it, and keep its stale answer: the request is
// cancelled first, so what the cache ends with is read after the change.
async function replaceInFlight(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  await queryClient.cancelQueries({ queryKey });
  await queryClient.invalidateQueries({ queryKey });
}

/** Brings a view's cache in step with a change the background announced. */
export async function applyViewEvent(queryClient: QueryClient, event: ViewEvent): Promise<void> {
  if (event.type === 'profile') {
    const queryKey = queryKeys.profile(event.entry.accountId);
    await queryClient.cancelQueries({ queryKey, exact: true });
    queryClient.setQueryData(queryKey, event.entry);
  } else if (event.type === 'accounts') {
    await Promise.all([queryKeys.accounts, queryKeys.status, queryKeys.definitions].map((key) => replaceInFlight(queryClient, key)));
  } else {
    await queryClient.resetQueries();
  }
}

/**
 * Keeps a view's cache in step with the background from now on. Called by a page before it
 * sends its first request, so no change announced while that request is on its way is missed.
 */
export function followBackground(queryClient: QueryClient): () => void {
  return onViewEvent((event) => void applyViewEvent(queryClient, event));
}
