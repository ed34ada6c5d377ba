import { browser } from 'wxt/browser';
import { dropReadyAnswer } from '../ready-answer';

// The background's way to the browser's storage, by the keys of lib/shared/storage.ts
// ("local:accounts"), with versioned items and their migrations. Small and read on first use:
// WXT's storage library it replaces was 7.4 kB of the worker and read every versioned item as
// the worker started, before it could answer anything. Its version marks (`accounts$` → {v: 2})
// are read and written as they were, so stored data carries over unchanged.

export type StorageKey = `local:${string}` | `session:${string}`;
type AreaName = 'local' | 'session';

// Every write of the background's, and every change another context makes (wake.ts reports
// those): what was read before one may no longer be what is stored.
let writes = 0;

/** How many writes there have been so far: equal before and after, nothing changed meanwhile. */
export const storageWrites = (): number => writes;

/** Counts a change, ours or one that did not come through here (another context, a test). */
export function noteWrite(): void {
  writes += 1;
  // The list answer kept for a wake was made from what this may have changed.
  dropReadyAnswer();
}

function locate(key: StorageKey) {
  const colon = key.indexOf(':');
  return { area: browser.storage[key.slice(0, colon) as AreaName], name: key.slice(colon + 1) };
}

export const storage = {
  async getItem(key: StorageKey): Promise<unknown> {
    const { area, name } = locate(key);
    return (await area.get(name))[name] ?? null;
  },
  async setItem(key: StorageKey, value: unknown): Promise<void> {
    const { area, name } = locate(key);
    noteWrite();
    await area.set({ [name]: value ?? null });
  },
  async removeItem(key: StorageKey): Promise<void> {
    const { area, name } = locate(key);
    noteWrite();
    await area.remove(name);
  },
  /** Several keys of `local` in one call: the browser writes them together or not at all. */
  async setItems(items: Array<{ key: `local:${string}`; value: unknown }>): Promise<void> {
    noteWrite();
    await browser.storage.local.set(Object.fromEntries(items.map(({ key, value }) => [locate(key).name, value ?? null])));
  },
  /** Everything an area holds, by name within the area. */
  snapshot: (areaName: AreaName): Promise<Record<string, unknown>> => browser.storage[areaName].get(null),
  clear: (areaName: AreaName): Promise<void> => (noteWrite(), browser.storage[areaName].clear()),
};

export interface StoredItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Brings an older stored value up to this version now (also done on first use). */
  migrate(): Promise<void>;
}

interface ItemOptions<T> {
  fallback?: T;
  version?: number;
  /** The step to each version from the one before, by the version it makes. */
  migrations?: Record<number, (value: unknown) => unknown>;
}

/** One stored value with a version, migrated on first use when it is older. */
export function defineItem<T>(key: StorageKey, { fallback, version = 1, migrations }: ItemOptions<T> = {}): StoredItem<T> {
  const { area, name } = locate(key);
  const metaName = `${name}$`;
  // A value first written to an empty store records its version, so later steps know it.
  let needsVersion = false;
  let migrated: Promise<void> | undefined;

  async function migrate(): Promise<void> {
    if (!migrations) return;
    const stored = await area.get([name, metaName]);
    const value = stored[name];
    const meta = stored[metaName] !== null && typeof stored[metaName] === 'object' ? (stored[metaName] as { v?: unknown }) : {};
    const current = typeof meta.v === 'number' ? meta.v : undefined;
    needsVersion = value == null && current === undefined;
    if (value == null) return;
    if ((current ?? 1) > version) throw new Error(key);
    let next = value;
    for (let step = (current ?? 1) + 1; step <= version; step++) next = (await migrations[step]?.(next)) ?? next;
    if ((current ?? 1) !== version) {
      noteWrite();
      await area.set({ [name]: next, [metaName]: { ...meta, v: version } });
    }
  }

  // A failed step leaves the value as it was, for the store's checks to report, never a crash.
  const ready = () => (migrated ??= migrate().catch(() => undefined));

  return {
    async getValue() {
      await ready();
      return ((await area.get(name))[name] ?? fallback ?? null) as T;
    },
    async setValue(value) {
      await ready();
      const write: Record<string, unknown> = { [name]: value ?? null };
      if (needsVersion) write[metaName] = { v: version };
      needsVersion = false;
      noteWrite();
      await area.set(write);
    },
    async removeValue() {
      await ready();
      noteWrite();
      await area.remove(name);
    },
    migrate: ready,
  };
}
