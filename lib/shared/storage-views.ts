// The keys the views own, apart so the popup's first frame carries these and not the whole list:
// lib/shared/storage.ts puts them in STORED with the background's, the one list of stored keys.

type StorageOwner = 'background' | 'views';

export interface StoredKey {
  /** Area, then the key ("local:accounts"). */
  key: `local:${string}` | `session:${string}`;
  owner: StorageOwner;
  secret: boolean;
  version: number;
}

export interface StoredFamily extends Omit<StoredKey, 'key'> {
  /** One key per account: this prefix, then the account id. */
  prefix: `local:${string}` | `session:${string}`;
}

export const VIEW_STORED = {
  /** The popup's cache for its first frame: account summaries and profile entries, without raw answers. */
  viewCache: {
    key: 'local:whoami-query-cache',
    owner: 'views',
    secret: false,
    // A copy of another version is thrown away (v3: our own format, no longer React Query's
    // dehydrated client).
    version: 3,
  },
  /** The account the popup showed last. */
  selectedAccount: {
    key: 'local:ui:selected-account',
    owner: 'views',
    secret: false,
    version: 1,
  },
} as const satisfies Record<string, StoredKey>;

export const VIEW_STORED_FAMILIES = {
  /** A profile edit being typed in the popup. */
  draft: { prefix: 'session:draft:', owner: 'views', secret: false, version: 1 },
} as const satisfies Record<string, StoredFamily>;

/** The key within its area, as the plain storage API names it ("local:accounts" → "accounts"). */
export function areaKey(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

export const draftKey = (accountId: string) => `${VIEW_STORED_FAMILIES.draft.prefix}${accountId}` as const;
