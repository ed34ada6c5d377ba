import { request } from './messaging';

export interface TabAccount {
  accountId: string;
  site: string;
}

/**
 * The account of the page the popup was opened on (same site as its host; the background
 * decides), or null. The popup doesn't wait for it: its first frame shows the last choice.
 */
export function accountOfThisTab(): Promise<TabAccount | null> {
  return request('accountForTab', {}).then(
    ({ accountId, site }) => (accountId && site ? { accountId, site } : null),
    () => null,
  );
}
