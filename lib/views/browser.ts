import browser from 'webextension-polyfill';

// The views' one way in to the extension APIs: the WebExtension polyfill, one `browser`
// object with promises in Chrome and Firefox alike. (The background uses the browser's own
// API through `wxt/browser`: Chrome's service worker and Firefox's event page both have
// promise-based APIs, and the worker's bundle stays smaller without the polyfill.)
export { browser };
