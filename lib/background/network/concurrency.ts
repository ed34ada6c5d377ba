/**
 * At most `maxPerHost` requests in flight to one host; the rest wait their turn. Providers
 * rate-limit per host, and a refresh of many accounts must not hammer one of them.
 */
export function createHostLimiter(maxPerHost = 4) {
  const active = new Map<string, number>();
  const waiting = new Map<string, Array<() => void>>();
  const peaks = new Map<string, number>();

  function acquire(host: string): Promise<void> {
    const count = active.get(host) ?? 0;
    if (count < maxPerHost) {
      active.set(host, count + 1);
      peaks.set(host, Math.max(peaks.get(host) ?? 0, count + 1));
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = waiting.get(host) ?? [];
      queue.push(resolve);
      waiting.set(host, queue);
    });
  }

  function release(host: string): void {
    const next = waiting.get(host)?.shift();
    // The slot passes straight to the next waiter, so the count stays the same.
    if (next) next();
    else active.set(host, (active.get(host) ?? 1) - 1);
  }

  return {
    async run<T>(host: string, task: () => Promise<T>): Promise<T> {
      await acquire(host);
      try {
        return await task();
      } finally {
        release(host);
      }
    },
    /** The most requests ever in flight at once to each host. */
    peaks: () => Object.fromEntries(peaks) as Record<string, number>,
  };
}
