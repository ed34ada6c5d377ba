import { browser } from 'wxt/browser';
import { WELCOME_HASH } from '../shared/pages';

/**
 * A first install opens the options page on its welcome guide; an update opens nothing. The
 * loopback test build skips it: every headless run there is a first install, and a tab of its
 * own talking to the background would join every test (tests/e2e/install.spec.ts checks this
 * on the store build).
 */
export function welcomeOnInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' || import.meta.env?.MODE === 'e2e') return;
    void browser.tabs.create({ url: browser.runtime.getURL('/options.html') + WELCOME_HASH });
  });
}
