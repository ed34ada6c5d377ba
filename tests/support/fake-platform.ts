import type { Platform } from '../../lib/background/platform';
import type { ViewEvent } from '../../lib/shared/messaging/replies';
import { bytesToBase64 } from '../../lib/shared/base64';
import { CookieJar } from './cookie-jar';

/** The background's browser surface for unit tests: real HTTP, a cookie jar, recorded effects. */
export function fakePlatform(jar = new CookieJar()) {
  const granted = new Set<string>(['http://127.0.0.1/*']);
  const removed: string[] = [];
  const events: ViewEvent[] = [];
  const badges: Array<{ text: string; title: string }> = [];
  let now = Date.now();
  const notifications: Array<{ id: string; title: string; message: string }> = [];
  const platform: Platform = {
    fetch: jar.fetch,
    now: () => now,
    cookieValue: async (url, name) => jar.get(url, name) ?? null,
    hasOrigins: async (origins) => origins.every((o) => granted.has(o)),
    // Loopback stands for the e2e build's manifest grant: never removable.
    grantedOrigins: async () => [...granted].filter((o) => o !== 'http://127.0.0.1/*'),
    removeOrigins: async (origins) => {
      for (const origin of origins) {
        granted.delete(origin);
        removed.push(origin);
      }
    },
    setBadge: async (badge) => void badges.push(badge),
    notify: async (notification) => void notifications.push(notification),
    broadcast: async (event) => void events.push(event),
    // No canvas here: the picture's own bytes stand in for the re-encoded thumbnail.
    thumbnail: async (bytes, type) => `data:${type};base64,${bytesToBase64(bytes)}`,
  };
  return {
    platform,
    jar,
    granted,
    removed,
    events,
    badges,
    notifications,
    badge: () => badges.at(-1)?.text ?? '',
    advance(ms: number) {
      now += ms;
    },
  };
}
