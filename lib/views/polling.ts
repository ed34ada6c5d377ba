import type { ProfileEntry } from '../shared/model';

const MIN_POLL_MS = 1_000;
// An open popup never waits longer than this to look again; and no timer may exceed 2³¹−1 ms,
// past which browsers fire it at once (a Retry-After of 4294967 s once meant a request storm).
const MAX_POLL_MS = 10 * 60_000;

/** When a view asks again for a rate-limited account: once the provider allows it, within sane bounds. */
export function pollDelayMs(entry: ProfileEntry | undefined, now: number): number | false {
  const next = entry?.error?.kind === 'rate-limited' ? entry.nextAttemptAt : null;
  if (next === null || next === undefined || !Number.isFinite(next)) return false;
  return Math.min(Math.max(MIN_POLL_MS, next - now + 250), MAX_POLL_MS);
}
