import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/styles/base.css';
import '../../components/styles/options.css';
import { ViewActionsContext } from '../../components/ViewActions';
import { ViewErrorBoundary } from '../../components/ViewErrorBoundary';
import { createQueryClient } from '../../lib/views/query/client';
import { browserViewActions } from '../../lib/views/browser-actions';
import { optionsViewActions } from '../../lib/views/options-actions';
import { followBackground } from '../../lib/views/query/events';
import { WELCOME_HASH } from '../../lib/shared/pages';
import { optionsPlaceOf } from '../../lib/views/options-place';
import { t, uiLocale } from '../../lib/shared/i18n';

document.documentElement.lang = uiLocale();
document.title = t('options.pageTitle');

// Opened on the welcome guide after a first install, or at a place the popup named (an account's
// edit form, the forgotten passphrase); a reload shows the page as usual.
const welcome = location.hash === WELCOME_HASH;
const openAt = optionsPlaceOf(location.hash);
if (welcome || openAt) history.replaceState(null, '', location.pathname);

const queryClient = createQueryClient();
followBackground(queryClient);
createRoot(document.getElementById('root')!).render(
  <ViewActionsContext.Provider value={{ ...browserViewActions, ...optionsViewActions }}>
    <QueryClientProvider client={queryClient}>
      <ViewErrorBoundary>
        <OptionsApp welcome={welcome} openAt={openAt} />
      </ViewErrorBoundary>
    </QueryClientProvider>
  </ViewActionsContext.Provider>,
);
