import { toErrorInfo } from '../../shared/errors';
import { MIN_SECRET_LENGTH } from '../../shared/providers/fields';
import { t } from '../../shared/i18n';
import {
  definitionHeadSchema,
  definitionPartSchema,
  fingerprint,
  isPartKey,
  itemBytes,
  PART_CHARS,
  partKey,
  prefsSchema,
  removedSchema,
  type Stamp,
  SYNC_BUDGET_BYTES,
  SYNC_QUOTA,
  syncedAccountSchema,
  type SyncKey,
  TOMBSTONE_MS,
} from './items';

// One round of sync between this device's own storage and the browser's `storage.sync`, item by
// item: what changed on the other side since the last round is applied here, what changed here
// is written there, and when both changed the later write wins. The browser carries the sync area
// to the user's other browsers; this file knows nothing of the browser (tests run two devices
// over one shared area).

/** The browser's sync area, as the engine needs it. */
export interface SyncArea {
  get(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** This device's accounts, definitions and preferences, as sync items (without secrets). */
export interface LocalSide {
  /**
   * `held`: stored here but not readable (damaged, or of a provider this device lacks): neither
   * taken for removed nor written over — a device that can't read an account never removes it
   * everywhere.
   */
  read(): Promise<{ items: Map<SyncKey, unknown>; names: Map<SyncKey, string>; secrets: string[]; held: Set<SyncKey> }>;
  /** Applies another device's item here (null: it was removed there); throws when refused. */
  apply(key: SyncKey, content: unknown): Promise<void>;
}

interface SyncProblem {
  key: string;
  /** Which account or definition, in words ("Leadping · work"). */
  what: string;
  message: string;
}

export interface SyncState {
  deviceId: string;
  /** What each item was when last synced here: its stamp and a fingerprint of its content. */
  known: Record<string, Stamp & { hash: string }>;
  problems: SyncProblem[];
  lastSyncedAt: number | null;
  /** When this device last changed what syncs: against another device's write, the later wins. */
  localChangedAt: number;
}

interface RemoteItem {
  stamp: Stamp;
  /** null: removed on that device. */
  content: unknown;
  hash: string;
}

const REMOVED = 'removed';
const hashOf = (content: unknown) => (content === null || content === undefined ? REMOVED : fingerprint(content));

function stampOf(item: Stamp): Stamp {
  return { rev: item.rev, dev: item.dev, at: item.at };
}

/** Another device's items, each checked; what can't be read is set aside (reported, never applied). */
function readRemote(raw: Record<string, unknown>) {
  const items = new Map<SyncKey, RemoteItem>();
  const damaged: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (isPartKey(key)) continue;
    // One item nested past the stack's depth, or otherwise unreadable, is that item's problem alone.
    try {
      const item = readItem(key, value, raw);
      if (item === 'damaged') damaged.push(key);
      else if (item) items.set(key as SyncKey, { ...item, hash: hashOf(item.content) });
    } catch {
      damaged.push(key);
    }
  }
  return { items, damaged };
}

function readItem(key: string, value: unknown, raw: Record<string, unknown>): Omit<RemoteItem, 'hash'> | 'damaged' | null {
  const removed = removedSchema.safeParse(value);
  if (removed.success) return { stamp: stampOf(removed.data), content: null };
  if (key.startsWith('account:')) {
    const parsed = syncedAccountSchema.safeParse(value);
    if (!parsed.success || `account:${parsed.data.id}` !== key) return 'damaged';
    const { kind: _kind, rev: _rev, dev: _dev, at: _at, id: _id, ...content } = parsed.data;
    return { stamp: stampOf(parsed.data), content };
  }
  if (key.startsWith('definition:')) {
    const head = definitionHeadSchema.safeParse(value);
    if (!head.success) return 'damaged';
    const parts = Array.from({ length: head.data.parts }, (_, index) => definitionPartSchema.safeParse(raw[partKey(key, index)]));
    if (!parts.every((part) => part.success)) return 'damaged';
    const text = parts.map((part) => part.data).join('');
    if (text.length !== head.data.length) return 'damaged';
    const content: unknown = JSON.parse(text);
    return content !== null && typeof content === 'object' ? { stamp: stampOf(head.data), content } : 'damaged';
  }
  if (key === 'prefs') {
    const parsed = prefsSchema.safeParse(value);
    return parsed.success ? { stamp: stampOf(parsed.data), content: parsed.data.content } : 'damaged';
  }
  return null;
}

/** The sync area's entries for one item: its head (or the whole item) and a long definition's parts. */
function entriesFor(key: SyncKey, content: unknown, stamp: Stamp): Record<string, unknown> | null {
  if (content === null) return { [key]: { kind: 'removed', ...stamp } };
  if (key === 'prefs') return { [key]: { kind: 'prefs', content, ...stamp } };
  if (key.startsWith('account:')) return { [key]: { kind: 'account', id: key.slice('account:'.length), ...(content as object), ...stamp } };
  const text = JSON.stringify(content);
  const parts = Math.ceil(text.length / PART_CHARS);
  if (parts > 8) return null;
  const entries: Record<string, unknown> = { [key]: { kind: 'definition', parts, length: text.length, ...stamp } };
  for (let index = 0; index < parts; index += 1) entries[partKey(key, index)] = text.slice(index * PART_CHARS, (index + 1) * PART_CHARS);
  return entries;
}

const bytesOf = (entries: Record<string, unknown>) => Object.entries(entries).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);

/**
 * Whether an item's content holds one of the device's secrets anywhere — in a value or a name,
 * before any encoding (JSON escapes a quote; a definition is cut in parts after this).
 */
function carriesSecret(content: unknown, key: string, secrets: string[]): boolean {
  const wanted = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  if (wanted.length === 0) return false;
  const texts: string[] = [key];
  const walk = (value: unknown) => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object')
      for (const [name, inner] of Object.entries(value)) {
        texts.push(name);
        walk(inner);
      }
  };
  walk(content);
  return texts.some((text) => wanted.some((secret) => text.includes(secret)));
}

export async function syncOnce({
  area,
  local,
  state,
  now,
}: {
  area: SyncArea;
  local: LocalSide;
  state: SyncState;
  now: number;
}): Promise<SyncState> {
  const raw = await area.get();
  const remote = readRemote(raw);
  const mine = await local.read();
  const known = { ...state.known };
  const problems: SyncProblem[] = [];
  const nameOf = (key: string) => mine.names.get(key as SyncKey) ?? key;
  for (const key of remote.damaged) problems.push({ key, what: key, message: t('sync.damaged') });

  const pending: Array<{ key: SyncKey; entries: Record<string, unknown>; stamp: Stamp; hash: string }> = [];
  const keys = new Set<SyncKey>([...remote.items.keys(), ...mine.items.keys(), ...(Object.keys(known) as SyncKey[])]);
  // Preferences and definitions first: an account may need its provider's definition.
  const ordered = [...keys].sort((a, b) => rank(a) - rank(b));
  for (const key of ordered) {
    if (remote.damaged.includes(key) || mine.held.has(key)) continue;
    const there = remote.items.get(key);
    const was = known[key];
    const here = mine.items.get(key);
    const hereHash = hashOf(here);
    const thereHash = there?.hash;
    const changedThere =
      there !== undefined && (!was || was.rev !== there.stamp.rev || was.dev !== there.stamp.dev || was.at !== there.stamp.at);
    // Unknown here yet present, or different from what was last synced, or gone from the area.
    const changedHere = was ? hereHash !== was.hash || (there === undefined && here !== undefined) : here !== undefined;
    if (there && thereHash === hereHash) {
      known[key] = { ...there.stamp, hash: hereHash };
      continue;
    }
    // The later write wins; on first contact the area's copy does (this device may be the stale one).
    if (there && changedThere && (!changedHere || !was || there.stamp.at >= state.localChangedAt)) {
      try {
        if (!(there.content === null && here === undefined)) await local.apply(key, there.content);
        known[key] = { ...there.stamp, hash: thereHash! };
      } catch (error) {
        problems.push({ key, what: nameOf(key), message: t('sync.refused', { reason: toErrorInfo(error).detail ?? '' }) });
      }
      continue;
    }
    if (!changedHere) continue;
    if (here === undefined && (!there || there.content === null)) {
      // Gone here and not there either: nothing to say.
      if (!there) delete known[key];
      continue;
    }
    const stamp = { rev: Math.max(there?.stamp.rev ?? 0, was?.rev ?? 0) + 1, dev: state.deviceId, at: now };
    const entries = entriesFor(key, here ?? null, stamp);
    if (!entries) {
      problems.push({ key, what: nameOf(key), message: t('sync.tooLong') });
      continue;
    }
    if (carriesSecret(here, key, mine.secrets)) {
      problems.push({ key, what: nameOf(key), message: t('sync.wouldCarrySecret') });
      continue;
    }
    if (Object.entries(entries).some(([name, value]) => itemBytes(name, value) > SYNC_QUOTA.itemBytes)) {
      problems.push({ key, what: nameOf(key), message: t('sync.itemTooBig', { max: SYNC_QUOTA.itemBytes }) });
      continue;
    }
    pending.push({ key, entries, stamp, hash: hereHash });
  }

  // What the area would hold: what stays, and what is written over it.
  const after: Record<string, unknown> = { ...raw };
  const removals = new Set<string>();
  for (const { key, entries } of pending) {
    for (const name of Object.keys(after)) if (name.startsWith(`${key}#`)) delete after[name];
    Object.assign(after, entries);
  }
  // Removals older than two months: no device still away that long brings the item back (it
  // meets an area without it and its own copy, then unknown to it, only if it never synced).
  for (const [key, value] of Object.entries(after)) {
    const removed = removedSchema.safeParse(value);
    if (removed.success && now - removed.data.at > TOMBSTONE_MS) {
      delete after[key];
      removals.add(key);
    }
  }
  // Over the budget: the largest new items stay local, said so; removals and preferences always go.
  const fits = () => bytesOf(after) <= SYNC_BUDGET_BYTES && Object.keys(after).length <= SYNC_QUOTA.maxItems;
  const byLargest = [...pending]
    .filter((p) => p.key !== 'prefs' && hashOf(mine.items.get(p.key)) !== REMOVED)
    .sort((a, b) => bytesOf(b.entries) - bytesOf(a.entries));
  const dropped = new Set<SyncKey>();
  while (!fits() && byLargest.length > 0) {
    const largest = byLargest.shift()!;
    dropped.add(largest.key);
    for (const name of Object.keys(largest.entries)) {
      if (name in raw) after[name] = raw[name];
      else delete after[name];
    }
    problems.push({ key: largest.key, what: nameOf(largest.key), message: t('sync.full', { max: SYNC_QUOTA.totalBytes }) });
  }

  const writes: Record<string, unknown> = {};
  for (const { key, entries, stamp, hash } of pending) {
    if (dropped.has(key)) continue;
    Object.assign(writes, entries);
    // A definition that got shorter leaves no part of its longer self behind.
    for (const name of Object.keys(raw)) if (name.startsWith(`${key}#`) && !(name in entries)) removals.add(name);
    known[key] = { ...stamp, hash };
  }
  // One call each: the browser counts write operations (120 a minute), not keys.
  if (Object.keys(writes).length > 0) await area.set(writes);
  if (removals.size > 0) await area.remove([...removals]);
  return { ...state, known, problems, lastSyncedAt: now };
}

function rank(key: string): number {
  if (key === 'prefs') return 0;
  return key.startsWith('definition:') ? 1 : 2;
}

/** Takes out of the area what this device wrote there (its items; others' stay). */
export async function removeOwnCopy(area: SyncArea, deviceId: string): Promise<number> {
  const raw = await area.get();
  const heads = Object.entries(raw).filter(([key, value]) => !isPartKey(key) && (value as { dev?: unknown } | null)?.dev === deviceId);
  const keys = heads.flatMap(([key]) => [key, ...Object.keys(raw).filter((name) => name.startsWith(`${key}#`))]);
  if (keys.length > 0) await area.remove(keys);
  return heads.length;
}

/** What the area holds: bytes and items, as the browser counts them. */
export function usage(raw: Record<string, unknown>): { bytes: number; items: number } {
  return { bytes: bytesOf(raw), items: Object.keys(raw).length };
}
