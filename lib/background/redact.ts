import { type ErrorInfo, WhoamiError } from '../errors';
import { REDACTED } from '../secrets';

// A secret this short would blank out ordinary words; fields ask for real keys and tokens.
const MIN_SECRET_LENGTH = 4;

function usable(secrets: Iterable<string>): string[] {
  const unique = new Set<string>();
  for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH) unique.add(secret);
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
  if (depth > 200 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => walk(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[redactString(key, secrets)] = walk(item, secrets, depth + 1);
  return out;
}

/**
 * A copy of `value` with every exact occurrence of the given secrets replaced, in every string
 * and key, whatever it sits under: the last net for a provider that echoes a key back in an
 * error message, a profile field or a link.
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
    const { kind, ...rest } = redactKnownSecrets(error.info, list) as ErrorInfo;
    return new WhoamiError(kind, rest);
  }
  if (error instanceof Error) return new Error(redactString(error.message, list));
  return redactKnownSecrets(error, list);
}
