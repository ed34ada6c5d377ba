import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserPlatform } from '../../../../lib/background/platform';

describe('the browser platform', () => {
  beforeEach(() => fakeBrowser.reset());

  it("reads the browser's session cookie, and across isolation keys where Firefox's first-party isolation requires one", async () => {
    const get = vi.fn(async () => ({ value: 'first-party-session' }));
    const getAll = vi.fn(async () => [{ value: 'isolated-session' }]);
    Object.assign(fakeBrowser, { cookies: { get, getAll } });
    expect(await browserPlatform().cookieValue('https://acme.wacht.services', '__session')).toBe('first-party-session');

    get.mockRejectedValueOnce(new Error("First-Party Isolation is enabled, but the required 'firstPartyDomain' attribute was not set."));
    expect(await browserPlatform().cookieValue('https://acme.wacht.services', '__session')).toBe('isolated-session');
    expect(getAll).toHaveBeenCalledWith({ url: 'https://acme.wacht.services', name: '__session', firstPartyDomain: null });
  });

  it('gives back only the host permissions the user granted, never the ones the manifest requires', async () => {
    const remove = vi.fn(async () => true);
    Object.assign(fakeBrowser, {
      permissions: { getAll: async () => ({ origins: ['http://127.0.0.1/*', 'https://api.leadping.ai/*'] }), remove },
    });
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ host_permissions: ['http://127.0.0.1/*'] } as never);
    const platform = browserPlatform();
    expect(await platform.grantedOrigins()).toEqual(['https://api.leadping.ai/*']);
    await platform.removeOrigins([]);
    expect(remove).not.toHaveBeenCalled();
    await platform.removeOrigins(['https://api.leadping.ai/*']);
    expect(remove).toHaveBeenCalledWith({ origins: ['https://api.leadping.ai/*'] });
  });
});
