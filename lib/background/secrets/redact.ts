import { type ErrorInfo, WhoamiError } from '../../shared/errors';
import { MIN_SECRET_LENGTH } from '../../shared/providers/fields';
import { compileNeedles, type NeedleMatcher } from './matcher';
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

interface Redactor {
  matcher: NeedleMatcher;
  /** The forms that are numbers: a numeric secret (a PIN) come back as a JSON number. */
  numbers: ReadonlySet<number>;
}

// Compiled sets are kept for the secrets last asked about (the whole store for the net on
// everything sent out; one account's for its calls) so each message does not rebuild them.
// Enough for every account of a refresh of them all: a hundred accounts must not evict each other.
const COMPILED_KEPT = 256;
const compiled = new Map<string, Redactor | null>();

/** Drops the compiled secrets (the lock closed: no plain secret stays in memory). */
export function forgetCompiledSecrets(): void {
  compiled.clear();
}

/** Secrets long enough to match, every form of each, compiled: null when there are none. */
function redactorFor(secrets: Iterable<string>): Redactor | null {
  const usable = [...new Set(secrets)].filter((secret) => secret.length >= MIN_SECRET_LENGTH).sort();
  const key = usable.join('\u0000');
  const kept = compiled.get(key);
  if (kept !== undefined) {
    compiled.delete(key);
    compiled.set(key, kept);
    return kept;
  }
  const forms = new Set(usable.flatMap(formsOf));
  const numbers = new Set([...forms].map(Number).filter((number) => Number.isFinite(number) && forms.has(String(number))));
  const redactor = forms.size === 0 ? null : { matcher: compileNeedles([...forms]), numbers };
  compiled.set(key, redactor);
  if (compiled.size > COMPILED_KEPT) compiled.delete(compiled.keys().next().value!);
  return redactor;
}

/** The value with its secrets replaced; the value itself (no copy) where nothing in it changes. */
function walk(value: unknown, redactor: Redactor, depth: number): unknown {
  if (typeof value === 'string') return redactor.matcher.replace(value, REDACTED);
  if (typeof value === 'number') return redactor.numbers.has(value) ? REDACTED : value;
  if (depth > 200 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item = walk(value[i], redactor, depth + 1);
      if (copy === null && item !== value[i]) copy = value.slice(0, i);
      copy?.push(item);
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let copy: Record<string, unknown> | null = null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const newKey = redactor.matcher.replace(key, REDACTED);
    const item = walk(record[key], redactor, depth + 1);
    if (copy === null && (newKey !== key || item !== record[key])) {
      copy = {};
      for (let j = 0; j < i; j++) copy[keys[j]!] = record[keys[j]!];
    }
    if (copy !== null) copy[newKey] = item;
  }
  return copy ?? value;
}

/**
 * `value` with every occurrence of the given secrets — in any of the forms a provider
 * may echo them in — replaced, in every string, number and key, whatever it sits under: the last
 * net for a provider that repeats a key in an error message, a profile field or a link.
 */
export function redactKnownSecrets<T>(value: T, secrets: Iterable<string>): T {
  const redactor = redactorFor(secrets);
  return redactor === null ? value : (walk(value, redactor, 0) as T);
}

/** The same for anything thrown: a typed error keeps its kind, with its words redacted. */
export function redactThrown(error: unknown, secrets: Iterable<string>): unknown {
  const redactor = redactorFor(secrets);
  if (redactor === null) return error;
  if (error instanceof WhoamiError) {
    const { kind, ...rest } = walk(error.info, redactor, 0) as ErrorInfo;
    return new WhoamiError(kind, rest);
  }
  if (error instanceof Error) return new Error(redactor.matcher.replace(error.message, REDACTED));
  return walk(error, redactor, 0);
}
