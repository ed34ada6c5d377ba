import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { welcomeOnInstall } from '../../../../lib/background/welcome';

// The fake browser starts with one blank tab.
const openedPages = async () => (await fakeBrowser.tabs.query({})).map((tab) => tab.url).filter(Boolean);

describe('the welcome guide', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    welcomeOnInstall();
  });

  it('opens the options page on its guide after a first install', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(await openedPages()).toEqual([fakeBrowser.runtime.getURL('/options.html') + '#welcome']);
  });

  it('opens nothing after an update or a browser update', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'browser_update', temporary: false });
    expect(await openedPages()).toEqual([]);
  });
});
