import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { accountsQuery, profileQuery } from '../../components/hooks/queries';
import { PopupApp } from '../../components/PopupApp';
import '../../components/styles/base.css';
import '../../components/styles/popup.css';
import { ViewActionsContext } from '../../components/ViewActions';
import { ViewErrorBoundary } from '../../components/ViewErrorBoundary';
import { checkRestoredCache, createQueryClient, persistQueryCache, restoreQueryCache } from '../../lib/views/query/client';
import { browserViewActions } from '../../lib/views/browser-actions';
import { readSelectedAccount } from '../../lib/views/preferences';

// The cache is read from storage before the first render: a reopened popup paints the last
// profile in its first frame, then revalidates. No round trip to the background comes first.
async function main() {
  const queryClient = createQueryClient();
  const [restored, selectedAccount] = await Promise.all([restoreQueryCache(queryClient), readSelectedAccount()]);
  // Revalidation starts now, not after the first render, however recent the restored copy:
  // the components join these requests instead of sending their own.
  void queryClient.prefetchQuery({ ...accountsQuery, staleTime: 0 });
  const cached = queryClient.getQueryData<Awaited<ReturnType<typeof accountsQuery.queryFn>>>(accountsQuery.queryKey);
  const accountId = selectedAccount ?? cached?.accounts[0]?.id;
  if (accountId) void queryClient.prefetchQuery({ ...profileQuery(accountId), staleTime: 0 });
  createRoot(document.getElementById('root')!).render(
    <ViewActionsContext.Provider value={browserViewActions}>
      <QueryClientProvider client={queryClient}>
        <ViewErrorBoundary>
          <PopupApp initialAccountId={selectedAccount} />
        </ViewErrorBoundary>
      </QueryClientProvider>
    </ViewActionsContext.Provider>,
  );
  persistQueryCache(queryClient);
  // Checked once the schemas have loaded, after the first paint: what fails is dropped.
  void checkRestoredCache(queryClient, restored);
}

void main();
