import { fakeBrowser } from 'wxt/testing/fake-browser';

// In unit tests the views' `webextension-polyfill` is WXT's fake browser, like `wxt/browser`.
export default fakeBrowser;
