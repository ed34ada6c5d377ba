import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '../../components/PopupApp';
import '../../components/styles/base.css';
import '../../components/styles/popup.css';
import { ViewActionsContext } from '../../components/ViewActions';
import { createQueryClient, persistQueryCache, restoreQueryCache } from '../../lib/query/client';
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
