import { getDomain } from 'tldts';
import type { ResolvedAccount } from './storage/accounts';

/**
 * The site a host belongs to: its registrable domain by the Public Suffix List (tldts), so
 * app.leadping.ai and api.leadping.ai are one site and two customers of one hosting suffix are
 * not; a host without one (an IP address, localhost) is its own site.
 */
export function siteOf(host: string): string {
  return getDomain(host, { allowPrivateDomains: true }) ?? host.toLowerCase();
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
