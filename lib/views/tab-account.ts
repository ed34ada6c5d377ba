import { request } from './messaging';

// How long a popup waits to learn whether the tab it was opened on belongs to an account; past
// it, the last choice stands (the lookup is a round trip to the background, which decides).
const TAB_WAIT_MS = 60;

export interface TabAccount {
  accountId: string;
  site: string;
}

/** The account of the page the popup was opened on (same site as its host), if it says in time. */
export function accountOfThisTab(): Promise<TabAccount | null> {
  const asked = request('accountForTab', {}).then(
    ({ accountId, site }) => (accountId && site ? { accountId, site } : null),
    () => null,
  );
  return Promise.race([asked, new Promise<null>((resolve) => setTimeout(() => resolve(null), TAB_WAIT_MS))]);
}
