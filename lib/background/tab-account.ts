import { getDomain } from 'tldts-icann';
import type { ResolvedAccount } from './storage/accounts';

/**
 * The site a host belongs to: its registrable domain by the ICANN section of the Public Suffix
 * List (tldts-icann, 30 kB gzip in the worker; the whole list with hosting services' private
 * suffixes would be 47), so app.leadping.ai and api.leadping.ai are one site; a host without one
 * (an IP address, localhost) is its own site.
 */
export function siteOf(host: string): string {
  return getDomain(host) ?? host.toLowerCase();
}

/** The first account whose API or deployment host is on the same site as one of these pages. */
export function accountForPages(pageUrls: string[], accounts: ResolvedAccount[]): { accountId: string; site: string } | null {
  for (const pageUrl of pageUrls) {
    const site = siteOf(new URL(pageUrl).hostname);
    const match = accounts.find(({ adapter, credentials }) => siteOf(new URL(adapter.baseUrl(credentials)).hostname) === site);
    if (match) return { accountId: match.account.id, site };
  }
  return null;
}
