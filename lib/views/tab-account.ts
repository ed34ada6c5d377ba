import type { AccountSummary } from '../shared/model';
import { browser } from './browser';

export interface TabAccount {
  accountId: string;
  site: string;
}

/**
 * The site a host belongs to: its registrable domain by the ICANN section of the Public Suffix
 * List (tldts-icann, 30 kB gzip — loaded by the popup only when it opens over a web page, never
 * by the background's worker), so app.leadping.ai and api.leadping.ai are one site; a host
 * without one (an IP address, localhost) is its own site.
 */
export async function siteOf(host: string): Promise<string> {
  const { getDomain } = await import('tldts-icann');
  return getDomain(host) ?? host.toLowerCase();
}

/** The first account whose API or deployment host is on the same site as one of these pages. */
export async function accountForPages(pageUrls: string[], accounts: Pick<AccountSummary, 'id' | 'host'>[]): Promise<TabAccount | null> {
  for (const pageUrl of pageUrls) {
    const site = await siteOf(new URL(pageUrl).hostname);
    for (const account of accounts) {
      if ((await siteOf(new URL(`https://${account.host}`).hostname)) === site) return { accountId: account.id, site };
    }
  }
  return null;
}

/**
 * The account of the page the popup was opened on (same site as its host), or null. With
 * `activeTab`, the browser tells the address of the tab the popup opened over — only the active
 * tab of the window it opens over (the last focused one), not other windows'. The popup doesn't
 * wait for it: its first frame shows the last choice.
 */
export async function accountOfThisTab(accounts: () => Promise<Pick<AccountSummary, 'id' | 'host'>[]>): Promise<TabAccount | null> {
  try {
    const tabs = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    const pages = tabs.map((tab) => tab.url ?? '').filter((url) => /^https?:/.test(url));
    // Over an extension page, a new tab or a page Whoami may not see: nothing more is loaded.
    if (pages.length === 0) return null;
    return await accountForPages(pages, await accounts());
  } catch {
    return null;
  }
}
