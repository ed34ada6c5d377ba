import { browser } from './browser';
import { openTab } from './browser-actions';

// The options page's own browser calls, apart from the actions both pages share: the popup's
// bundle leaves them out.

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

/** The options page's own actions (the popup's bundle leaves them out). */
export const optionsViewActions = {
  readShortcut,
  allowNotifications,
  openShortcutSettings: () => void openShortcutSettings(),
};
