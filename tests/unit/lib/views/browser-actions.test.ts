import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureOrigins } from '../../../../lib/views/browser-actions';
import { optionsViewActions } from '../../../../lib/views/options-actions';

// WXT's fake browser has no permissions API: stand in for the browser's prompt.
function fakePermissions(granted: string[], answer: boolean) {
  const request = vi.fn(async ({ origins }: { origins: string[] }) => {
    if (answer) granted.push(...origins);
    return answer;
  });
  Object.assign(fakeBrowser, {
    permissions: {
      contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o))),
      request,
    },
  });
  return request;
}

describe('ensureOrigins (the permission prompt path)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks the browser synchronously, inside the click: nothing is awaited before the request', () => {
    const request = fakePermissions([], true);
    // Not awaited: Firefox refuses a request made after any await in the handler.
    void ensureOrigins(['https://api.insighto.ai/*']);
    expect(request).toHaveBeenCalledWith({ origins: ['https://api.insighto.ai/*'] });
  });

  it('prompts for exactly the account’s origin and reports the answer', async () => {
    const granted: string[] = [];
    const request = fakePermissions(granted, true);
    expect(await ensureOrigins(['https://acme.wacht.services/*'])).toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['https://acme.wacht.services/*'] });
    expect(granted).toEqual(['https://acme.wacht.services/*']);
  });

  it('answers false when the user declines', async () => {
    fakePermissions([], false);
    expect(await ensureOrigins(['https://api.leadping.ai/*'])).toBe(false);
  });
});

describe('the keyboard shortcut', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the popup’s shortcut from the browser (MV3 and MV2 names), or null when none is set', async () => {
    const getAll = vi.fn();
    Object.assign(fakeBrowser, { commands: { getAll } });
    getAll.mockResolvedValueOnce([{ name: '_execute_action', shortcut: 'Alt+Shift+U' }]);
    expect(await optionsViewActions.readShortcut()).toBe('Alt+Shift+U');
    getAll.mockResolvedValueOnce([{ name: '_execute_browser_action', shortcut: 'Ctrl+Shift+K' }]);
    expect(await optionsViewActions.readShortcut()).toBe('Ctrl+Shift+K');
    getAll.mockResolvedValueOnce([{ name: '_execute_action', shortcut: '' }]);
    expect(await optionsViewActions.readShortcut()).toBeNull();
  });

  it('opens the browser’s shortcut settings: Firefox’s own call, else Chrome’s page in a tab', async () => {
    const openShortcutSettings = vi.fn(async () => undefined);
    Object.assign(fakeBrowser, { commands: { openShortcutSettings } });
    optionsViewActions.openShortcutSettings();
    expect(openShortcutSettings).toHaveBeenCalledOnce();

    Object.assign(fakeBrowser, { commands: {} });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    optionsViewActions.openShortcutSettings();
    expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' });
  });
});
