// Code run inside the extension by `worker.evaluate` / `page.evaluate` sees Chromium's own
// `chrome` global; type it as WXT's browser API.
declare const chrome: typeof import('wxt/browser').browser;
