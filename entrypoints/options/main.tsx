import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/styles/base.css';
import '../../components/styles/options.css';
import { ViewActionsContext } from '../../components/ViewActions';
import { ViewErrorBoundary } from '../../components/ViewErrorBoundary';
import { createQueryClient } from '../../lib/views/query/client';
import { browserViewActions } from '../../lib/views/browser-actions';
import { followBackground } from '../../lib/views/query/events';

const queryClient = createQueryClient();
followBackground(queryClient);
createRoot(document.getElementById('root')!).render(
  <ViewActionsContext.Provider value={browserViewActions}>
    <QueryClientProvider client={queryClient}>
      <ViewErrorBoundary>
        <OptionsApp />
      </ViewErrorBoundary>
    </QueryClientProvider>
  </ViewActionsContext.Provider>,
);
