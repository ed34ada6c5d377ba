import { browser } from './browser';
import { areaKey, STORED } from '../shared/storage';
import { saveSelectedAccount } from './preferences';

// The few browser calls the views make, kept out of components.

function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

export function openTab(url: string): Promise<unknown> {
  return browser.tabs.create({ url });
}

/**
 * Asks for host permission. Must be called from the click handler itself, before anything is
 * awaited: Firefox honours `permissions.request` only synchronously inside the user's event
 * handler ("may only be called from a user input handler"), and Chrome only during the gesture.
 * So no `contains` check first — for hosts already granted the browser answers true at once,
 * without a prompt.
 */
export function ensureOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}

/** The view actions both the popup and the options page use. */
export const browserViewActions = {
  openOptions: () => void openOptionsPage(),
  openTab: (url: string) => void openTab(url),
  ensureOrigins,
  saveSelectedAccount: (accountId: string) => void saveSelectedAccount(accountId),
  resetView: () => void browser.storage.local.remove(areaKey(STORED.viewCache.key)).finally(() => location.reload()),
};
