import { createContext, useContext } from 'react';
import type { OptionsPlace } from '../lib/shared/pages';

/** Browser actions the views trigger, provided by the entrypoint so components stay pure. */
export interface ViewActions {
  /** The options page; on an account's edit form when one is named, or where a forgotten passphrase is dealt with. */
  openOptions(at?: OptionsPlace): void;
  openTab(url: string): void;
  /** Asks for host permission; call it straight from a click handler. */
  ensureOrigins(origins: string[]): Promise<boolean>;
  saveSelectedAccount(accountId: string): void;
  /** The keyboard shortcut that opens the popup ("Alt+Shift+U"), or null when none is set. */
  readShortcut(): Promise<string | null>;
  openShortcutSettings(): void;
  /** Asks for the notifications permission; call it straight from the click. */
  allowNotifications(): Promise<boolean>;
  /** Throws away the page's saved copy and loads it again. */
  resetView(): void;
}

/** What an action does where a page doesn't provide it: nothing. */
export const noViewActions: ViewActions = {
  openOptions: () => undefined,
  openTab: () => undefined,
  ensureOrigins: async () => false,
  saveSelectedAccount: () => undefined,
  readShortcut: async () => null,
  openShortcutSettings: () => undefined,
  allowNotifications: async () => false,
  resetView: () => undefined,
};

export const ViewActionsContext = createContext<ViewActions>(noViewActions);

export function useViewActions(): ViewActions {
  return useContext(ViewActionsContext);
}
