import { browser } from 'wxt/browser';
import { toErrorInfo } from '../../shared/errors';
import { t } from '../../shared/i18n';
import type { SyncStatus } from '../../shared/model';
import { STORED, SYNCED_LOCAL_KEYS } from '../../shared/storage';
import { createLock } from '../lock';
import { storage } from '../storage/area';
import { type LocalSide, removeOwnCopy, type SyncArea, syncOnce, type SyncState, usage } from './engine';
import { SYNC_QUOTA } from './items';

/** Writes wait this long for more: the browser allows 120 sync writes a minute. */
const BATCH_MS = 2_000;

/** The browser's own sync area (Chrome sync, Firefox Sync). */
export function browserSyncArea(): SyncArea {
  return {
    get: () => browser.storage.sync.get(null),
    set: (items) => browser.storage.sync.set(items),
    remove: (keys) => browser.storage.sync.remove(keys),
  };
}

interface Stored extends SyncState {
  on: boolean;
}

function newState(random: () => string): Stored {
  return { on: false, deviceId: random(), known: {}, problems: [], lastSyncedAt: null, localChangedAt: 0 };
}

export function createSyncService({
  area,
  local,
  now = Date.now,
  random = () => crypto.randomUUID(),
}: {
  area: SyncArea;
  local: LocalSide;
  now?: () => number;
  random?: () => string;
}) {
  const exclusive = createLock();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;

  async function read(): Promise<Stored> {
    const value = (await storage.getItem(STORED.sync.key)) as Partial<Stored> | null;
    if (!value || typeof value.deviceId !== 'string' || typeof value.known !== 'object' || value.known === null) return newState(random);
    return { ...newState(random), ...value } as Stored;
  }
  const write = (state: Stored) => storage.setItem(STORED.sync.key, state);

  /** One round, never two at once; a failure of the browser's sync area is said, not thrown. */
  function syncNow(): Promise<void> {
    return exclusive(async () => {
      const state = await read();
      if (!state.on) return;
      try {
        const next = await syncOnce({ area, local, state, now: now() });
        await write({ ...next, on: true });
      } catch (error) {
        const reason = toErrorInfo(error).detail ?? String(error);
        await write({ ...state, problems: [{ key: 'sync', what: t('sync.title'), message: t('sync.unavailable', { reason }) }] });
      }
    });
  }

  function soon(delay = BATCH_MS): void {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = syncNow().finally(() => (running = null));
    }, delay);
  }

  async function status(): Promise<SyncStatus> {
    const state = await read();
    let held = { bytes: 0, items: 0 };
    try {
      held = usage(await area.get());
    } catch {
      // No sync area (a browser without one): nothing held.
    }
    return {
      on: state.on,
      lastSyncedAt: state.lastSyncedAt,
      ...held,
      maxBytes: SYNC_QUOTA.totalBytes,
      problems: state.problems.map(({ what, message }) => ({ what, message })),
    };
  }

  return {
    status,
    /** A storage change: this device's accounts, definitions or settings, or another device's items. */
    async noteChange(areaName: string, keys: string[]): Promise<void> {
      if (areaName === 'local' && !keys.some((key) => SYNCED_LOCAL_KEYS.has(key))) return;
      if (areaName !== 'local' && areaName !== 'sync') return;
      const state = await read();
      if (!state.on) return;
      if (areaName === 'local') await exclusive(async () => write({ ...(await read()), localChangedAt: now() }));
      soon(areaName === 'sync' ? 300 : BATCH_MS);
    },

    syncNow,

    /** Waits for a round already scheduled or running (tests, and a worker about to stop). */
    async settle(): Promise<void> {
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
        await syncNow();
      }
      await running;
    },

    async setOn(on: boolean): Promise<SyncStatus> {
      await exclusive(async () => {
        const state = await read();
        // Turned on again, what was known is forgotten: the area is met as on a first sync.
        await write(on ? { ...state, on, known: state.on ? state.known : {}, problems: [] } : { ...state, on, problems: [] });
      });
      if (on) await syncNow();
      return status();
    },

    /** Takes out of the browser's sync area what this device put there, and turns sync off here; what is on this device stays. */
    async removeCopy(): Promise<number> {
      // Off first: a round the removal itself would start must not write it all back.
      clearTimeout(timer);
      timer = undefined;
      return exclusive(async () => {
        const state = await read();
        await write({ ...state, on: false, known: {} });
        return removeOwnCopy(area, state.deviceId);
      });
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
