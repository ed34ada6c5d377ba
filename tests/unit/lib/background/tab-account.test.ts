import { describe, expect, it } from 'vitest';
import { accountForPages, siteOf } from '../../../../lib/background/tab-account';
import type { ResolvedAccount } from '../../../../lib/background/storage/accounts';
import { backgroundHarness } from '../../../support/background-harness';
import { useMockProviders } from '../../../support/use-mock-providers';

const mock = useMockProviders();

describe('the account of the tab', () => {
  it('groups hosts by registrable domain, from the Public Suffix List', () => {
    expect(siteOf('app.leadping.ai')).toBe(siteOf('api.leadping.ai'));
    expect(siteOf('api.insighto.ai')).toBe('insighto.ai');
    expect(siteOf('shop.example.co.uk')).toBe('example.co.uk');
    // The list's ICANN section (the worker carries 30 kB of it, not the 47 of the whole list):
    // subdomains of a hosting service's domain are one site.
    expect(siteOf('alice.github.io')).toBe('github.io');
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
  });

  it('picks the account whose API or deployment host is on the site of the page', () => {
    const account = (id: string, baseUrl: string) =>
      ({ account: { id }, adapter: { baseUrl: () => baseUrl }, credentials: {} }) as unknown as ResolvedAccount;
    const accounts = [
      account('insighto', 'https://api.insighto.ai'),
      account('leadping', 'https://api.leadping.ai'),
      account('wacht', 'https://acme.wacht.services'),
    ];
    expect(accountForPages(['https://app.leadping.ai/leads?x=1'], accounts)).toEqual({ accountId: 'leadping', site: 'leadping.ai' });
    expect(accountForPages(['https://acme.wacht.services/sign-in'], accounts)?.accountId).toBe('wacht');
    expect(accountForPages(['https://example.org/', 'https://insighto.ai/pricing'], accounts)?.accountId).toBe('insighto');
    expect(accountForPages(['https://leadping.ai.example.org/'], accounts)).toBeNull();
    expect(accountForPages([], accounts)).toBeNull();
  });

  it('asks the browser for the active tabs only when the popup asks', async () => {
    const bg = backgroundHarness(mock);
    await bg.addMockAccount('insighto');
    expect(await bg.send('accountForTab', {})).toEqual({ accountId: null, site: null });
    bg.activeTabs.push(`${mock.baseUrl('insighto')}/dashboard`);
    expect(await bg.send('accountForTab', {})).toMatchObject({ site: '127.0.0.1', accountId: expect.any(String) });
  });
});
