import { browser } from './browser';
import { areaKey, VIEW_STORED } from '../shared/storage-views';
import { saveSelectedAccount } from './preferences';
import { EDIT_ACCOUNT_HASH, FORGOT_PASSPHRASE_HASH, type OptionsPlace } from '../shared/pages';

// The few browser calls the views make, kept out of components.

// A new tab when the page must open at a place: openOptionsPage() takes no address.
function openOptionsPage(at?: OptionsPlace): Promise<unknown> {
  if (!at) return browser.runtime.openOptionsPage();
  const hash = at === 'forgot-passphrase' ? FORGOT_PASSPHRASE_HASH : `${EDIT_ACCOUNT_HASH}${encodeURIComponent(at.editAccount)}`;
  return openTab(browser.runtime.getURL(`/options.html${hash}`));
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
  openOptions: (at?: OptionsPlace) => void openOptionsPage(at),
  openTab: (url: string) => void openTab(url),
  ensureOrigins,
  saveSelectedAccount: (accountId: string) => void saveSelectedAccount(accountId),
  resetView: () => void browser.storage.local.remove(areaKey(VIEW_STORED.viewCache.key)).finally(() => location.reload()),
};
