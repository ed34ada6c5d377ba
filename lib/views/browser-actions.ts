import { browser } from './browser';
import { areaKey, STORED } from '../shared/storage';
import { saveSelectedAccount } from './preferences';

// The few browser calls the views make, kept out of components.

function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

function openTab(url: string): Promise<unknown> {
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

const OPEN_POPUP_COMMANDS = new Set(['_execute_action', '_execute_browser_action']);

/** The keyboard shortcut that opens the popup, as the browser shows it; null when none is set. */
async function readShortcut(): Promise<string | null> {
  const commands = await browser.commands.getAll();
  return commands.find((command) => OPEN_POPUP_COMMANDS.has(command.name ?? ''))?.shortcut || null;
}

/**
 * The browser's own page for extension shortcuts. Firefox opens it with a call (Firefox 137+);
 * Chrome's is a chrome:// page, which an extension may open as a tab but not link to.
 */
function openShortcutSettings(): Promise<unknown> {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  return commands.openShortcutSettings ? commands.openShortcutSettings() : openTab('chrome://extensions/shortcuts');
}

/** Asks for the notifications permission; call it straight from the click, like ensureOrigins. */
function allowNotifications(): Promise<boolean> {
  return browser.permissions.request({ permissions: ['notifications'] });
}

/** The view actions as the popup and options page use them. */
export const browserViewActions = {
  openOptions: () => void openOptionsPage(),
  openTab: (url: string) => void openTab(url),
  ensureOrigins,
  saveSelectedAccount: (accountId: string) => void saveSelectedAccount(accountId),
  readShortcut,
  allowNotifications,
  openShortcutSettings: () => void openShortcutSettings(),
  resetView: () => void browser.storage.local.remove(areaKey(STORED.viewCache.key)).finally(() => location.reload()),
};
