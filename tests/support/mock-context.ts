import type { FetchContext } from '../../lib/background/providers/types';
import type { MockProviders } from '../mock-providers/server';
import { CookieJar, signInToWacht } from './cookie-jar';

/** A FetchContext over real HTTP with a browser-like cookie jar and instant retry backoff. */
export function mockContext(jar = new CookieJar()): FetchContext & { jar: CookieJar } {
  return { fetch: jar.fetch, hasCookie: jar.hasCookie, sleep: async () => undefined, jar };
}

/** A context already signed in to the mock Wacht as one of its users. */
export async function signedInWachtContext(mock: MockProviders, userId: string) {
  const ctx = mockContext();
  const { username, password } = mock.wacht.signInOf(userId);
  await signInToWacht(ctx.jar, mock.baseUrl('wacht'), username, password);
  return ctx;
}
