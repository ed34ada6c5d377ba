import type { Handlers } from '../router';
import type { HandlerDeps } from './context';

type SyncHandlers = Pick<Handlers, 'getSync' | 'setSync' | 'removeSyncedCopy'>;

/** Options → Sync: on or off on this device, and taking this device's copy out of the browser's sync storage. */
export function syncHandlers({ sync }: HandlerDeps): SyncHandlers {
  return {
    getSync: () => sync.status(),
    setSync: ({ on }) => sync.setOn(on),
    async removeSyncedCopy() {
      const removed = await sync.removeCopy();
      return { removed, status: await sync.status() };
    },
  };
}
