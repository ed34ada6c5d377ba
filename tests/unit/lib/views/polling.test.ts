import { describe, expect, it } from 'vitest';
import { emptyEntry } from '../../../../lib/shared/model';
import { WhoamiError } from '../../../../lib/shared/errors';
import { pollDelayMs } from '../../../../lib/views/polling';

const limited = (nextAttemptAt: number) => ({ ...emptyEntry('a'), error: new WhoamiError('rate-limited').info, nextAttemptAt });

describe('when the popup asks again for a rate-limited account', () => {
  const now = 1_000_000;
  it('asks once the provider allows it, never sooner than a second', () => {
    expect(pollDelayMs(limited(now + 30_000), now)).toBe(30_250);
    expect(pollDelayMs(limited(now - 5_000), now)).toBe(1_000);
  });

  it('never sets a timer past what browsers honour: a huge Retry-After is at most ten minutes away', () => {
    expect(pollDelayMs(limited(now + 4_294_967_000), now)).toBe(600_000);
    expect(pollDelayMs(limited(Number.MAX_SAFE_INTEGER), now)).toBe(600_000);
  });

  it('does not poll for anything else', () => {
    expect(pollDelayMs(undefined, now)).toBe(false);
    expect(pollDelayMs({ ...emptyEntry('a'), error: new WhoamiError('server').info, nextAttemptAt: now + 60_000 }, now)).toBe(false);
  });
});
