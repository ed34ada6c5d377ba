import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isRequest } from '../../lib/background/sender';
import { createQueryClient } from '../../lib/views/query/client';
import { followBackground } from '../../lib/views/query/events';
import { type ViewActions, ViewActionsContext } from '../../components/ViewActions';
import type { MockProviders } from '../mock-providers/server';
import { backgroundHarness, OWN_SENDER } from './background-harness';

/**
 * Renders a view whose requests reach the real background handlers through the fake
 * browser's runtime messaging, and whose network calls reach the mock providers.
 * `restore`: fills the cache before the first render, as a popup restores its persisted copy.
 */
export function renderWithBackground(
  ui: ReactElement,
  mock: MockProviders,
  bg = backgroundHarness(mock),
  { restore }: { restore?: (queryClient: QueryClient) => void } = {},
) {
  fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
    isRequest(message) ? bg.core.handleMessage(message, OWN_SENDER) : undefined,
  );
  // Events the background broadcasts reach the views as they would in the browser.
  bg.platform.broadcast = async (event) => {
    bg.events.push(event);
    await fakeBrowser.runtime.sendMessage(event).catch(() => undefined);
  };
  const actions: ViewActions = {
    openOptions: vi.fn(),
    openTab: vi.fn(),
    ensureOrigins: vi.fn(async () => true),
    saveSelectedAccount: vi.fn(),
    readShortcut: vi.fn(async () => 'Alt+Shift+U'),
    openShortcutSettings: vi.fn(),
    allowNotifications: vi.fn(async () => true),
    resetView: vi.fn(),
  };
  const queryClient = createQueryClient();
  // As the pages' entry points do, before anything is asked.
  const stopFollowing = followBackground(queryClient);
  restore?.(queryClient);
  const view = render(
    <ViewActionsContext.Provider value={actions}>
      <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
    </ViewActionsContext.Provider>,
  );
  return { ...view, unmount: () => (view.unmount(), stopFollowing()), bg, actions, queryClient };
}
