import { browser } from 'wxt/browser';
import { saveSelectedAccount } from './preferences';

// The few browser calls the views make, kept out of components.

export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

export function openTab(url: string): Promise<unknown> {
  return browser.tabs.create({ url });
}

export function hasOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.contains({ origins });
}

/**
 * Asks for host permission. Must run inside the click handler itself: Chrome grants the
 * prompt only during a user gesture, so it is never relayed through a message.
 */
export async function ensureOrigins(origins: string[]): Promise<boolean> {
  if (await hasOrigins(origins)) return true;
  return browser.permissions.request({ origins });
}

/** The view actions as the popup and options page use them. */
export const browserViewActions = {
  openOptions: () => void openOptionsPage(),
  openTab: (url: string) => void openTab(url),
  ensureOrigins,
  saveSelectedAccount: (accountId: string) => void saveSelectedAccount(accountId),
};
