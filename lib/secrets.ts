/**
 * Secrets must never reach the cache, the UI, logs or exports. Provider payloads carry some
 * of their own (Wacht's `totp_secret`, `otp_url`, `backup_codes`), so anything shown raw goes
 * through `scrubSecrets` first, and URLs through `redactUrl`.
 */
const SECRET_KEY =
  /secret|token|passw(or)?d|otp_?url|^backup_?codes$|api_?key|private_?key|cookie|^authorization$|^session_?jwt$/i;

// JWTs and provider key formats, wherever they appear as values.
const SECRET_VALUE = /^(eyJ[\w-]+\.[\w-]+\.[\w-]*|in-[\w-]{20,}|sk_(live|test)_\w+)$/;

export const REDACTED = '[redacted]';

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

export function looksLikeSecretValue(value: string): boolean {
  return SECRET_VALUE.test(value.trim());
}

/** A deep copy without secret-named keys and with secret-looking strings redacted. */
export function scrubSecrets(value: unknown, depth = 0): unknown {
  if (depth > 32) return REDACTED;
  if (typeof value === 'string') {
    if (looksLikeSecretValue(value)) return REDACTED;
    // A link a provider echoes back (a "self" URL) may carry the very key we sent.
    return /^https?:\/\/\S+\?\S+$/.test(value) ? redactUrl(value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => scrubSecrets(item, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (isSecretKey(key)) continue;
      out[key] = scrubSecrets(item, depth + 1);
    }
    return out;
  }
  return value;
}

/** The URL with every secret-looking query parameter's value replaced, for messages and logs. */
export function redactUrl(raw: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(raw));
  } catch {
    return REDACTED;
  }
  for (const key of [...url.searchParams.keys()]) {
    if (isSecretKey(key) || looksLikeSecretValue(url.searchParams.get(key) ?? '')) {
      url.searchParams.set(key, REDACTED);
    }
  }
  url.username = '';
  url.password = '';
  return url.href.replaceAll(encodeURIComponent(REDACTED), REDACTED);
}

/** "••••abcd": enough to tell two keys apart, never enough to use one. */
export function maskSecret(secret: string): string {
  if (secret.length === 0) return '';
  const tail = secret.length > 8 ? secret.slice(-4) : '';
  return `••••${tail}`;
}
