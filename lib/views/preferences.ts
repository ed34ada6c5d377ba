import { browser } from 'wxt/browser';

// UI choices only — nothing secret — kept in `local` so the popup can read them before its
// first render.
const SELECTED_ACCOUNT_KEY = 'ui:selected-account';

export async function readSelectedAccount(): Promise<string | null> {
  const value = (await browser.storage.local.get(SELECTED_ACCOUNT_KEY))[SELECTED_ACCOUNT_KEY];
  return typeof value === 'string' ? value : null;
}

export function saveSelectedAccount(accountId: string): Promise<void> {
  return browser.storage.local.set({ [SELECTED_ACCOUNT_KEY]: accountId });
}
