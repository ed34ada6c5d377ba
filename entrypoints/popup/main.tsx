import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { accountsQuery, prefetchFirstScreen } from '../../components/hooks/queries';
import { PopupApp } from '../../components/popup/PopupApp';
import '../../components/styles/base.css';
import '../../components/styles/popup.css';
import { noViewActions, ViewActionsContext } from '../../components/ViewActions';
import { ViewErrorBoundary } from '../../components/ViewErrorBoundary';
import { checkRestoredCache, createQueryClient, persistQueryCache, restoreQueryCache } from '../../lib/views/query/client';
import { browserViewActions } from '../../lib/views/browser-actions';
import { followBackground } from '../../lib/views/query/events';
import { protocolCheck } from '../../lib/views/messaging';
import { readSelectedAccount } from '../../lib/views/preferences';
import { t, uiLocale } from '../../lib/shared/i18n';

// How long a popup with no profile cached waits for the background's answer before its first
// render: an answer in time is in the first frame, with no skeleton flashing before it; a slower
// one finds the skeleton painted at the deadline. (The popup's size is set by its stylesheet.)
const FIRST_FRAME_WAIT_MS = 80;

// The cache is read from storage before the first render: a reopened popup paints the last
// profile in its first frame, then revalidates. No round trip to the background comes first.
async function main() {
  document.documentElement.lang = uiLocale();
  document.title = t('extName');
  const queryClient = createQueryClient();
  followBackground(queryClient);
  // The protocol's schemas load while storage is read: a popup with nothing cached needs them
  // for its first answer, and starting now takes that load off its first paint's path.
  void protocolCheck();
  // Whether the page the popup was opened on belongs to an account: asked now (its code loads
  // beside the first frame's), answered after the first frame (which shows the last choice), so
  // no open waits for it.
  const tabAccount = import('../../lib/views/tab-account').then((tab) =>
    tab.accountOfThisTab(async () => (await queryClient.fetchQuery(accountsQuery)).accounts),
  );
  const [restored, selectedAccount] = await Promise.all([restoreQueryCache(queryClient), readSelectedAccount()]);
  // Before anything is asked: every answer from here on is kept for the next popup.
  persistQueryCache(queryClient);
  const firstScreen = prefetchFirstScreen(queryClient, selectedAccount);
  if (!firstScreen.cached) await Promise.race([firstScreen.loaded, new Promise((resolve) => setTimeout(resolve, FIRST_FRAME_WAIT_MS))]);
  createRoot(document.getElementById('root')!).render(
    <ViewActionsContext.Provider value={{ ...noViewActions, ...browserViewActions }}>
      <QueryClientProvider client={queryClient}>
        <ViewErrorBoundary>
          <PopupApp initialAccountId={selectedAccount} tabAccount={tabAccount} />
        </ViewErrorBoundary>
      </QueryClientProvider>
    </ViewActionsContext.Provider>,
  );
  // Checked once the schemas have loaded, after the first paint: what fails is dropped.
  void checkRestoredCache(queryClient, restored);
}

void main();
