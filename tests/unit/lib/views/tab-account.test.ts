import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountForPages, accountOfThisTab, siteOf } from '../../../../lib/views/tab-account';

const accounts = [
  { id: 'insighto', host: 'api.insighto.ai' },
  { id: 'leadping', host: 'api.leadping.ai' },
  { id: 'wacht', host: 'acme.wacht.services' },
  { id: 'local', host: '127.0.0.1:8080' },
];

describe('the account of the tab', () => {
  it('groups hosts by registrable domain, from the Public Suffix List', async () => {
    expect(await siteOf('app.leadping.ai')).toBe(await siteOf('api.leadping.ai'));
    expect(await siteOf('api.insighto.ai')).toBe('insighto.ai');
    expect(await siteOf('shop.example.co.uk')).toBe('example.co.uk');
    // The list's ICANN section (30 kB, not the 47 of the whole list): subdomains of a hosting
    // service's domain are one site.
    expect(await siteOf('alice.github.io')).toBe('github.io');
    expect(await siteOf('127.0.0.1')).toBe('127.0.0.1');
  });

  it('picks the account whose API or deployment host is on the site of the page', async () => {
    expect(await accountForPages(['https://app.leadping.ai/leads?x=1'], accounts)).toEqual({ accountId: 'leadping', site: 'leadping.ai' });
    expect((await accountForPages(['https://acme.wacht.services/sign-in'], accounts))?.accountId).toBe('wacht');
    expect((await accountForPages(['https://example.org/', 'https://insighto.ai/pricing'], accounts))?.accountId).toBe('insighto');
    expect((await accountForPages(['http://127.0.0.1:3000/dashboard'], accounts))?.accountId).toBe('local');
    expect(await accountForPages(['https://leadping.ai.example.org/'], accounts)).toBeNull();
    expect(await accountForPages([], accounts)).toBeNull();
  });

  it('asks the browser for the active tab of the window it opens over, and reads the accounts only for a web page', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    const list = vi.fn(async () => accounts);
    query.mockResolvedValueOnce([{ url: 'chrome://newtab/' } as never]);
    expect(await accountOfThisTab(list)).toBeNull();
    expect(list).not.toHaveBeenCalled();
    query.mockResolvedValueOnce([{ url: 'https://app.leadping.ai/' } as never]);
    expect(await accountOfThisTab(list)).toEqual({ accountId: 'leadping', site: 'leadping.ai' });
    expect(query).toHaveBeenLastCalledWith({ active: true, lastFocusedWindow: true });
    query.mockRejectedValueOnce(new Error('no tabs here'));
    expect(await accountOfThisTab(list)).toBeNull();
  });
});
