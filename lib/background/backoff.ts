import type { ErrorInfo, ErrorKind } from '../errors';

const MINUTE = 60_000;
const MAX_BACKOFF = 6 * 60 * MINUTE;

/** Failures that can clear up on their own; the rest wait for the user to act. */
export const TRANSIENT: ReadonlySet<ErrorKind> = new Set(['network', 'timeout', 'server']);

/**
 * When an account may be tried again automatically after a failure: the provider's
 * Retry-After when rate limited, else 1, 2, 4… minutes up to 6 hours.
 */
export function nextAttemptAt(error: ErrorInfo, failures: number, now: number): number | null {
  if (error.kind === 'permission-missing') return null; // costs no request: check every time
  if (error.kind === 'rate-limited') return now + (error.retryAfterSec ?? 60) * 1000;
  return now + Math.min(MINUTE * 2 ** Math.max(0, failures - 1), MAX_BACKOFF);
}

/** Whether an account is still inside its Retry-After window (even a forced refresh waits). */
export function rateLimitedUntil(error: ErrorInfo | null, next: number | null, now: number): number | null {
  return error?.kind === 'rate-limited' && next !== null && next > now ? next : null;
}
