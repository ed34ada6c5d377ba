/**
 * Serializes async read-modify-write sections. The service worker is the only writer of the
 * keys it guards, so an in-memory chain is enough; it is gone with the worker, as is the work.
 */
export function createLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return function withLock<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
