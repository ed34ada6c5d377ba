import { WhoamiError } from '../../shared/errors';
import type { FetchContext, ProviderAdapter } from '../providers/types';
import type { Platform } from '../platform';
import { redactKnownSecrets, redactThrown } from '../secrets/redact';
import { t } from '../../shared/i18n';

/** The secret values of these credentials, by the adapter's own account of which fields are secret. */
function secretValuesOf(adapter: ProviderAdapter, credentials: Record<string, string>): string[] {
  return adapter.credentials.secretFields.map((field) => credentials[field] ?? '').filter(Boolean);
}

/**
 * Runs one provider call so that nothing it sends can leave the account's own origin, and
 * nothing it brings back carries the account's secrets: every request URL is checked at the
 * network edge (whatever an adapter or a definition builds), and the answer, or the error, has
 * the account's secret values — and the session cookie it used — redacted by exact match.
 */
export async function guardedCall<T>(
  platform: Platform,
  adapter: ProviderAdapter,
  credentials: Record<string, string>,
  call: (ctx: FetchContext) => Promise<T>,
  timeoutMs?: number,
  storedSecrets: readonly string[] = [],
  slot?: FetchContext['slot'],
): Promise<T> {
  const origin = new URL(adapter.baseUrl(credentials)).origin;
  const secrets = [...secretValuesOf(adapter, credentials), ...storedSecrets];
  const ctx: FetchContext = {
    timeoutMs,
    slot,
    // The cookie a session call reads joins `secrets` before the request: this reads them as they are then.
    redact: (value) => redactKnownSecrets(value, secrets),
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.origin !== origin) {
        return Promise.reject(
          new WhoamiError('forbidden', {
            detail: t('background.refusedHost', { host: url.host, owner: new URL(origin).host }),
          }),
        );
      }
      return platform.fetch(input, init);
    },
    async hasCookie(url, name) {
      if (new URL(url).origin !== origin) return false;
      const value = await platform.cookieValue(url, name);
      if (value) secrets.push(value);
      return value !== null;
    },
  };
  try {
    return redactKnownSecrets(await call(ctx), secrets);
  } catch (error) {
    throw redactThrown(error, secrets);
  }
}
