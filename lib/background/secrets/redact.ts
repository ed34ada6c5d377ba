import { type ErrorInfo, WhoamiError } from '../../shared/errors';
import { MIN_SECRET_LENGTH } from '../../shared/providers/fields';
import { REDACTED } from './scrub';

function base64Of(text: string): string | null {
  try {
    return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
  } catch {
    return null;
  }
}

/**
 * Every form a secret may come back in: as sent, URL-encoded (a path or query the provider
 * echoes — upper and lower hex), form-encoded, JSON-escaped, and base64 (a Basic header echoed).
 */
function formsOf(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  return [
    secret,
    encoded,
    encoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    base64Of(secret) ?? secret,
  ];
}

function usable(secrets: Iterable<string>): string[] {
  const unique = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of formsOf(secret)) unique.add(form);
  }
  // Longest first, so a secret that contains another is replaced whole.
  return [...unique].sort((a, b) => b.length - a.length);
}

function redactString(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

function walk(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return redactString(value, secrets);
  // A numeric secret (a PIN, an account number) may come back as a number.
  if (typeof value === 'number') return secrets.includes(String(value)) ? REDACTED : value;
  if (depth > 200 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => walk(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[redactString(key, secrets)] = walk(item, secrets, depth + 1);
  return out;
}

/**
 * A copy of `value` with every occurrence of the given secrets — in any of the forms a provider
 * may echo them in — replaced, in every string, number and key, whatever it sits under: the last
 * net for a provider that repeats a key in an error message, a profile field or a link.
 */
export function redactKnownSecrets<T>(value: T, secrets: Iterable<string>): T {
  const list = usable(secrets);
  return list.length === 0 ? value : (walk(value, list, 0) as T);
}

/** The same for anything thrown: a typed error keeps its kind, with its words redacted. */
export function redactThrown(error: unknown, secrets: Iterable<string>): unknown {
  const list = usable(secrets);
  if (list.length === 0) return error;
  if (error instanceof WhoamiError) {
    const { kind, ...rest } = walk(error.info, list, 0) as ErrorInfo;
    return new WhoamiError(kind, rest);
  }
  if (error instanceof Error) return new Error(redactString(error.message, list));
  return walk(error, list, 0);
}
