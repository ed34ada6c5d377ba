import { z } from '../../shared/zod';
import { labelSchema } from '../../shared/model';

// What one device writes to the browser's `storage.sync` for the others: one compact item per
// account, per provider definition (cut in parts when long) and one for the preferences. Never a
// key, token, secret field, profile, raw answer or the lock's configuration: an account item
// carries its secret fields' names only, so the other device knows what to ask for.
// Everything read back is another device's word: checked by these schemas, bounded in size.

/** Chrome's limits for `storage.sync` (Firefox's are the same or looser). */
export const SYNC_QUOTA = { totalBytes: 102_400, itemBytes: 8_192, maxItems: 512 } as const;
/** What Whoami lets itself use of the total: the rest is headroom for a write in flight. */
export const SYNC_BUDGET_BYTES = 96_000;
/** A long definition is cut into parts of at most this many characters. */
export const PART_CHARS = 7_000;
const MAX_PARTS = 8;
/** How long a removal is remembered: a device that was away longer brings nothing back either (see engine). */
export const TOMBSTONE_MS = 60 * 24 * 60 * 60 * 1000;

const name = z.string().check(z.minLength(1), z.maxLength(100));

/** Who wrote an item, and which write it is: the later write wins, item by item. */
const stamp = {
  rev: z.int().check(z.minimum(1)),
  /** The writing device's id (random, made when sync is first turned on there). */
  dev: z.string().check(z.minLength(1), z.maxLength(64)),
  /** When it was written (ms). */
  at: z.number(),
};
export type Stamp = { rev: number; dev: string; at: number };

export const syncedAccountSchema = z.object({
  kind: z.literal('account'),
  id: name,
  provider: z.string().check(z.minLength(1), z.maxLength(120)),
  label: labelSchema,
  settings: z.record(name, z.string().check(z.maxLength(2_000))).check(z.refine((s) => Object.keys(s).length <= 30)),
  /** Names only: what this device must ask the user for. */
  secretFields: z.array(name).check(z.maxLength(20)),
  createdAt: z.number(),
  ...stamp,
});
export type SyncedAccount = z.infer<typeof syncedAccountSchema>;

export const removedSchema = z.object({ kind: z.literal('removed'), ...stamp });

export const definitionHeadSchema = z.object({
  kind: z.literal('definition'),
  parts: z.int().check(z.minimum(1), z.maximum(MAX_PARTS)),
  /** Characters in all parts together: a part lost or cut is seen. */
  length: z.int().check(z.minimum(1), z.maximum(MAX_PARTS * PART_CHARS)),
  ...stamp,
});
export const definitionPartSchema = z.string().check(z.maxLength(PART_CHARS));

export const prefsSchema = z.object({
  kind: z.literal('prefs'),
  content: z.record(z.string().check(z.maxLength(40)), z.unknown()),
  ...stamp,
});

export type SyncKey = `account:${string}` | `definition:${string}` | 'prefs';
export const accountKey = (id: string) => `account:${id}` as const;
export const definitionKey = (id: string) => `definition:${id}` as const;
export const partKey = (key: string, index: number) => `${key}#${index}`;
export const isPartKey = (key: string) => /#\d+$/.test(key);

/** What an item takes of the quota, as Chrome counts it: its key and its JSON. */
export const itemBytes = (key: string, value: unknown) => new TextEncoder().encode(key + JSON.stringify(value)).length;

/** A short, stable fingerprint of an item's content: what was last synced, compared without keeping it. */
export function fingerprint(content: unknown): string {
  const text = JSON.stringify(content) ?? 'null';
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length.toString(36)}.${(hash >>> 0).toString(36)}`;
}
