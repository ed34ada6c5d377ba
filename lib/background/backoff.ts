import type { ErrorInfo, ErrorKind } from '../shared/errors';

const MINUTE = 60_000;
/**
 * The longest any account waits for its next automatic try, whatever a provider says: a
 * `Retry-After: 999999999` must not lock an account for 31 years.
 */
const MAX_WAIT_MS = 3 * 60 * MINUTE;

/** Failures that can clear up on their own; the rest wait for the user to act. */
export const TRANSIENT: ReadonlySet<ErrorKind> = new Set(['network', 'timeout', 'server']);

/**
 * When an account may be tried again automatically after a failure: the provider's
 * Retry-After when it gave one (a 429, or a 503 "down for maintenance"), else a minute when
 * rate limited and 1, 2, 4… minutes otherwise — all at most three hours.
 */
export function nextAttemptAt(error: ErrorInfo, failures: number, now: number): number | null {
  // Cost no request: checked every time.
  if (error.kind === 'permission-missing' || error.kind === 'key-needed') return null;
  const backoff = error.kind === 'rate-limited' ? MINUTE : MINUTE * 2 ** Math.min(Math.max(0, failures - 1), 20);
  const wait = error.retryAfterSec !== null ? error.retryAfterSec * 1000 : backoff;
  return now + Math.min(wait, MAX_WAIT_MS);
}
