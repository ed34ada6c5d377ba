import type { Platform } from '../../lib/background/platform';
import type { ViewEvent } from '../../lib/messaging/replies';
import { CookieJar } from './cookie-jar';

/** The background's browser surface for unit tests: real HTTP, a cookie jar, recorded effects. */
export function fakePlatform(jar = new CookieJar()) {
  const granted = new Set<string>(['http://127.0.0.1/*']);
  const events: ViewEvent[] = [];
  const badges: Array<{ text: string; title: string }> = [];
  let now = Date.now();
  const platform: Platform = {
    fetch: jar.fetch,
    now: () => now,
    hasCookie: jar.hasCookie,
    hasOrigins: async (origins) => origins.every((o) => granted.has(o)),
    setBadge: async (badge) => void badges.push(badge),
    broadcast: async (event) => void events.push(event),
  };
  return {
    platform,
    jar,
    granted,
    events,
    badges,
    badge: () => badges.at(-1)?.text ?? '',
    advance(ms: number) {
      now += ms;
    },
  };
}
