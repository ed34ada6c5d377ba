// Every key Whoami stores, in one list: the storage area, which side owns it (the only side that
// writes it), whether it holds a secret, and the version of its shape. The background defines
// its items from this list (lib/background/storage/area.ts), with their migrations
// (lib/background/storage/items.ts); the views read and write their few keys with the plain
// storage API (lib/views/preferences.ts, drafts.ts, query/client.ts).
// tests/unit/lib/shared/storage.test.ts checks that a full session writes no key missing here.

import { areaKey, type StoredFamily, type StoredKey, VIEW_STORED, VIEW_STORED_FAMILIES } from './storage-views';

export { areaKey, type StoredFamily, type StoredKey } from './storage-views';

export const STORED = {
  /** Each account's settings, and apart from them its secrets (v1 kept both in one map). */
  accounts: {
    key: 'local:accounts',
    owner: 'background',
    secret: true,
    version: 2,
  },
  /** An account list that could not be read, set aside instead of overwritten. */
  accountsUnreadable: {
    key: 'local:accounts-unreadable',
    owner: 'background',
    secret: true,
    version: 1,
  },
  /** The user's own provider definitions. */
  definitions: { key: 'local:definitions', owner: 'background', secret: false, version: 1 },
  /** The refresh interval. */
  settings: { key: 'local:settings', owner: 'background', secret: false, version: 1 },
  /**
   * Sync on this device: on or off, this device's id, what each synced item was when last synced
   * (stamps and fingerprints, no content) and what stays local and why. Never synced itself.
   */
  sync: { key: 'local:sync', owner: 'background', secret: false, version: 1 },
  /** The passphrase lock, when on: the KDF's salt and rounds and a sealed check value (no key). */
  lock: { key: 'local:lock', owner: 'background', secret: false, version: 1 },
  /** The key derived from the passphrase, while unlocked: gone when the browser closes. */
  lockKey: { key: 'session:lock-key', owner: 'background', secret: true, version: 1 },
  /** Profile edits sent and not yet answered, so a restarted worker never sends one twice. */
  editsPending: {
    key: 'session:edits-pending',
    owner: 'background',
    secret: false,
    version: 1,
  },
  /**
   * The last answer to listAccounts, kept while nothing it was made from has changed: a stopped
   * worker answers the popup's first question from it before the rest of the worker has loaded.
   * Account summaries without secrets (masked hints, none at all with the lock on).
   */
  readyAnswer: { key: 'session:ready-answer', owner: 'background', secret: false, version: 1 },
  /** The ids of the last edits answered. */
  editsDone: { key: 'session:edits-done', owner: 'background', secret: false, version: 1 },
  ...VIEW_STORED,
} as const satisfies Record<string, StoredKey>;

export const STORED_FAMILIES = {
  /** An account's last profile, its raw answer (≤ 64 kB), its picture and its last error. */
  profile: {
    prefix: 'local:profile:',
    owner: 'background',
    secret: false,
    version: 1,
  },
  ...VIEW_STORED_FAMILIES,
} as const satisfies Record<string, StoredFamily>;

/** The background's keys whose change is this device's news for sync (accounts, definitions, settings), by their names in `local`. */
export const SYNCED_LOCAL_KEYS: ReadonlySet<string> = new Set(
  [STORED.accounts.key, STORED.definitions.key, STORED.settings.key].map(areaKey),
);

export const profileKey = (accountId: string) => `${STORED_FAMILIES.profile.prefix}${accountId}` as const;
