import '../../lib/shared/zod-config';
import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { accountsQuery, profileQuery } from '../../components/hooks/queries';
import { PopupApp } from '../../components/PopupApp';
import '../../components/styles/base.css';
import '../../components/styles/popup.css';
import { ViewActionsContext } from '../../components/ViewActions';
import { createQueryClient, persistQueryCache, restoreQueryCache } from '../../lib/views/query/client';
import { browserViewActions } from '../../lib/views/browser-actions';
import { readDrafts } from '../../lib/views/drafts';
import { readSelectedAccount } from '../../lib/views/preferences';

// The cache is read from storage before the first render: a reopened popup paints the last
// profile in its first frame, then revalidates. No round trip to the background comes first.
async function main() {
  const queryClient = createQueryClient();
  const [, selectedAccount, drafts] = await Promise.all([
    restoreQueryCache(queryClient),
    readSelectedAccount(),
    readDrafts().catch(() => ({})),
  ]);
  // Revalidation starts now, not after the first render, however recent the restored copy:
  // the components join these requests instead of sending their own.
  void queryClient.prefetchQuery({ ...accountsQuery, staleTime: 0 });
  const cached = queryClient.getQueryData<Awaited<ReturnType<typeof accountsQuery.queryFn>>>(accountsQuery.queryKey);
  const accountId = selectedAccount ?? cached?.accounts[0]?.id;
  if (accountId) void queryClient.prefetchQuery({ ...profileQuery(accountId), staleTime: 0 });
  createRoot(document.getElementById('root')!).render(
    <ViewActionsContext.Provider value={browserViewActions}>
      <QueryClientProvider client={queryClient}>
        <PopupApp initialAccountId={selectedAccount} initialDrafts={drafts} />
      </QueryClientProvider>
    </ViewActionsContext.Provider>,
  );
  persistQueryCache(queryClient);
}

void main();
