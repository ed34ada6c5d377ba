import { browser } from './browser';
import { areaKey, VIEW_STORED } from '../shared/storage-views';

// UI choices only — nothing secret — kept in `local` so the popup can read them before its
// first render. The plain storage API, not WXT's items: see lib/shared/storage.ts.
const SELECTED_ACCOUNT_KEY = areaKey(VIEW_STORED.selectedAccount.key);

export async function readSelectedAccount(): Promise<string | null> {
  const value = (await browser.storage.local.get(SELECTED_ACCOUNT_KEY))[SELECTED_ACCOUNT_KEY];
  return typeof value === 'string' ? value : null;
}

export function saveSelectedAccount(accountId: string): Promise<void> {
  return browser.storage.local.set({ [SELECTED_ACCOUNT_KEY]: accountId });
}
