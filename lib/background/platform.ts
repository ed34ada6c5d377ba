import { browser } from 'wxt/browser';
import type { ViewEvent } from '../messaging/replies';

/** What the background needs from the browser, in one place so tests can stand in for it. */
export interface Platform {
  fetch: typeof fetch;
  /** Overrides the HTTP layer's default timeout (tests). */
  requestTimeoutMs?: number;
  now(): number;
  hasCookie(url: string, name: string): Promise<boolean>;
  hasOrigins(origins: string[]): Promise<boolean>;
  setBadge(badge: { text: string; title: string }): Promise<void>;
  broadcast(event: ViewEvent): Promise<void>;
}

const BROADCAST_WAIT_MS = 1000;

export function browserPlatform(): Platform {
  // Firefox's MV2 build has browserAction where Chrome's MV3 has action.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  return {
    fetch: (input, init) => globalThis.fetch(input, init),
    now: () => Date.now(),
    async hasCookie(url, name) {
      return (await browser.cookies.get({ url, name })) != null;
    },
    hasOrigins: (origins) => browser.permissions.contains({ origins }),
    async setBadge({ text, title }) {
      await action.setBadgeText({ text });
      await action.setTitle({ title });
      if (text) await action.setBadgeBackgroundColor({ color: '#c5221f' });
    },
    async broadcast(event) {
      // Rejects when no popup or options page is open to hear it: nothing to do then. Bounded,
      // because a page torn down mid-delivery can leave the promise unsettled.
      const delivered = browser.runtime.sendMessage(event).catch(() => undefined);
      await Promise.race([delivered, new Promise((resolve) => setTimeout(resolve, BROADCAST_WAIT_MS))]);
    },
  };
}
