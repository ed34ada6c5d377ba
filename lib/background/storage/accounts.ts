import { z } from '../../shared/zod';
import { WhoamiError } from '../../shared/errors';
import { createLock } from '../lock';
import { labelSchema, type LockState, type StorageProblem } from '../../shared/model';
import type { ProviderAdapter } from '../providers/types';
import type { Registry } from '../providers/registry';
import { loadRegistry } from './definitions';
import { accountsItem, unreadableAccountsItem } from './items';
import { describeIssue, firstIssue } from '../../shared/zod-issues';
import { t } from '../../shared/i18n';
import { isSealed, type Staged, vault } from '../secrets/vault';
import { readSetAside, setAsideValue, writeSetAside } from './set-aside';
import { storage } from './area';
import { STORED } from '../../shared/storage';

// Accounts, with their secrets, live only here: `local` storage (never `sync`), read only by
// the background. Every read is validated; a damaged entry is reported and skipped, and kept
// as it was so nothing else is lost.
const storedAccountSchema = z.object({
  id: z.string().check(z.minLength(1)),
  provider: z.string().check(z.minLength(1)),
  label: labelSchema,
  /** What views may see: base URL, user id, deployment host… */
  settings: z.record(z.string(), z.string()),
  /**
   * Keys, tokens and secret fields, split off when the account is saved: what is secret is
   * fixed then, and a later change of a provider definition cannot make it visible.
   */
  secrets: z.record(z.string(), z.string()).check(
    // Requests go where the settings' base URL says, which the passphrase lock binds each sealed
    // key to: a "secret" base URL, which would override it, is only ever planted.
    z.refine((secrets) => !Object.hasOwn(secrets, 'baseUrl'), { error: () => t('background.baseUrlAmongSecrets') }),
  ),
  createdAt: z.number(),
  /** Bumped by every change, so a form saved over a newer version is caught. */
  revision: z.number(),
  /**
   * Came through sync from another device (or was last changed by it, at this revision): its
   * secrets were never typed here, and a form open over it says it changed on another device.
   */
  syncedIn: z.optional(z.boolean()),
  syncedRevision: z.optional(z.number()),
});
export type StoredAccount = z.infer<typeof storedAccountSchema>;

/**
 * Moves settings that a provider now calls secret into the secrets of its accounts (never the
 * other way: a stored secret stays one). For use inside `mutate`.
 */
export function hideNewSecrets(entries: unknown[], provider: string, secretNames: readonly string[]): void {
  for (const entry of entries) {
    const account = entry as Partial<StoredAccount> | null;
    if (account?.provider !== provider || !account.settings || !account.secrets) continue;
    for (const name of secretNames) {
      if (!(name in account.settings)) continue;
      account.secrets[name] = account.settings[name]!;
      delete account.settings[name];
    }
  }
}

/** How many raw entries, readable or not, use a provider. */
export function countUsing(entries: unknown[], provider: string): number {
  return entries.filter((entry) => (entry as { provider?: unknown } | null)?.provider === provider).length;
}

/** A stored account with the adapter of its provider and its credentials checked by it. */
export interface ResolvedAccount {
  account: StoredAccount;
  adapter: ProviderAdapter;
  /**
   * Settings and secrets together, as the adapter's schema parsed them: only for provider calls.
   * Without its secrets (the settings alone, unchecked) when they are not at hand.
   */
  credentials: Record<string, string>;
  /**
   * Why the secrets are not at hand: the passphrase lock is closed (every account waits, keys
   * or not), they were forgotten with it, or sealed in a way the open lock can't undo (changed or
   * moved outside Whoami).
   */
  secretsUnavailable: 'locked' | 'forgotten' | 'undecryptable' | null;
  /**
   * What the account's settings lack under its provider's definition as it is now (a field the
   * user added to the definition, "“Workspace”: required"): it stays listed and asks for it in
   * Options, and sends nothing until then. Null when its settings are complete.
   */
  settingsIncomplete: string | null;
}

export interface AccountsSnapshot {
  accounts: ResolvedAccount[];
  problems: StorageProblem[];
  registry: Registry;
}

/** Splits typed credentials into what views may see and what stays in the background. */
export function splitCredentials(adapter: ProviderAdapter, credentials: Record<string, string>) {
  const secretNames = new Set<string>(adapter.credentials.secretFields);
  const settings: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(credentials)) (secretNames.has(name) ? secrets : settings)[name] = value;
  return { settings, secrets };
}

function validate(entry: unknown, index: number, registry: Registry, lock: LockState): ResolvedAccount | StorageProblem {
  const key = `account ${index + 1}`;
  const parsed = storedAccountSchema.safeParse(entry);
  if (!parsed.success) return { key, message: t('background.entryDamaged', { key, issue: firstIssue(parsed.error) }) };
  const account = parsed.data;
  const adapter = registry.adapterFor(account.provider);
  if (!adapter) return { key, message: t('background.unknownProviderSkipped', { label: account.label, provider: account.provider }) };
  const secrets = Object.values(account.secrets);
  // Locked, every account waits for the passphrase — also one with no stored key (Wacht's
  // cookie session), and one whose key a cut-off write left plain: nothing is sent while locked.
  const unavailable =
    lock === 'locked' ? 'locked' : secrets.some(isSealed) ? 'undecryptable' : secrets.some((value) => value === '') ? 'forgotten' : null;
  if (unavailable)
    return { account, adapter, credentials: { ...account.settings }, secretsUnavailable: unavailable, settingsIncomplete: null };
  const credentials = adapter.credentials.schema.safeParse({ ...account.settings, ...account.secrets });
  // Settings its provider's definition no longer accepts (a field added since) are the user's
  // to complete, not damage: the account is listed, never offered for discarding.
  if (!credentials.success) {
    const given = { ...account.settings, ...account.secrets };
    const settingsIncomplete = credentials.error.issues.map((issue) => fieldIssue(adapter, issue, given)).join('; ');
    return { account, adapter, credentials: { ...account.settings }, secretsUnavailable: null, settingsIncomplete };
  }
  return { account, adapter, credentials: credentials.data, secretsUnavailable: null, settingsIncomplete: null };
}

/** What a refresh or an edit of an account with incomplete settings answers: nothing was sent. */
export function settingsIncomplete(what: string): WhoamiError {
  return new WhoamiError('settings-incomplete', { detail: what });
}

/** "Workspace is required" — an account field's issue, by the label the form shows. */
function fieldIssue(adapter: ProviderAdapter, issue: z.core.$ZodIssue, given: Record<string, string>): string {
  const name = String(issue.path[0] ?? '');
  const label = adapter.credentials.fields.find((field) => field.name === name)?.label ?? name;
  if (!(name in given)) return t('providers.fields.required', { label });
  return `“${label}”: ${describeIssue(issue)}`;
}

async function readRaw(): Promise<{ entries: unknown[]; lock: LockState; problems: StorageProblem[]; unreadable?: unknown }> {
  const value = await accountsItem.getValue();
  if (Array.isArray(value)) {
    // Copies: when nothing is stored this is the item's shared fallback array, and opening
    // sealed secrets must not write through to whatever the storage layer handed out.
    const entries = value.map((entry: unknown) => (entry && typeof entry === 'object' ? { ...entry } : entry));
    // The state the entries were opened under, not one read apart from them, which could differ.
    const lock = await vault.open(entries);
    return { entries, lock, problems: [] };
  }
  return {
    entries: [],
    lock: await vault.state(),
    unreadable: value,
    problems: [{ key: 'accounts', message: t('background.accountListSetAside') }],
  };
}

const withLock = createLock();

/**
 * The start of every write, inside the accounts' write lock: `prepare` (the passphrase lock puts
 * the key it checked in place here), then the read; an unreadable list is kept aside instead of
 * being overwritten with the first new account.
 */
async function begin(prepare?: () => Promise<void>) {
  await prepare?.();
  const read = await readRaw();
  if (read.unreadable !== undefined) await unreadableAccountsItem.setValue(read.unreadable);
  return read;
}

const idOf = (entry: unknown) => (entry as { id?: unknown } | null)?.id;

export const accountsStore = {
  async read(): Promise<AccountsSnapshot> {
    const [{ entries, lock, problems }, registry] = await Promise.all([readRaw(), loadRegistry()]);
    const accounts: ResolvedAccount[] = [];
    entries.forEach((entry, index) => {
      const result = validate(entry, index, registry, lock);
      if ('message' in result) problems.push(result);
      else accounts.push(result);
    });
    return { accounts, problems, registry };
  },

  async get(id: string): Promise<ResolvedAccount> {
    const found = (await accountsStore.read()).accounts.find((a) => a.account.id === id);
    if (!found) throw new WhoamiError('not-found', { detail: t('background.accountGone') });
    return found;
  },

  /** Every stored secret value (readable or not), for the redaction net on everything sent out. */
  async secretValues(): Promise<string[]> {
    const { entries } = await readRaw();
    return entries.flatMap((entry) => {
      const secrets = (entry as { secrets?: unknown } | null)?.secrets;
      if (!secrets || typeof secrets !== 'object') return [];
      return Object.values(secrets).filter((value): value is string => typeof value === 'string');
    });
  },

  /** The id of every stored account, readable or not (sync must not take an unreadable one for removed). */
  async storedIds(): Promise<string[]> {
    return (await readRaw()).entries.map(idOf).filter((id): id is string => typeof id === 'string');
  },

  /** How many stored accounts, readable or not, use a provider. */
  async countUsing(provider: string): Promise<number> {
    return countUsing((await readRaw()).entries, provider);
  },

  /**
   * Writes go through the raw list so damaged entries stay as they were. The change may await
   * other work (saving a definition): nothing else writes accounts until it is done.
   */
  mutate<T>(change: (entries: unknown[]) => T | Promise<T>, afterWrite?: (result: T) => Promise<void>): Promise<T> {
    return withLock(async () => {
      const { entries, unreadable } = await begin();
      const result = await change(entries);
      await vault.close(entries);
      await accountsItem.setValue(entries);
      // With the lock open, a list set aside just now is sealed like the keys it may hold.
      if (unreadable !== undefined && (await vault.state()) === 'unlocked') await writeSetAside(await readSetAside());
      // What follows from the accounts as written (a definition), still with no account write between.
      await afterWrite?.(result);
      return result;
    });
  },

  /**
   * For the passphrase lock: `change` gets every holder of stored secrets — the accounts and a
   * set-aside list — opened, and may stage a new lock state. The holders, closed (sealed with
   * the lock on, plain with it off), and the lock's config are written in one storage call.
   */
  rewriteSecrets(change: (holders: unknown[]) => Promise<Staged | void>, prepare?: () => Promise<void>): Promise<void> {
    return withLock(async () => {
      const { entries } = await begin(prepare);
      const setAside = await readSetAside();
      const holders = setAside ? [...entries, setAside] : entries;
      const staged = (await change(holders)) ?? undefined;
      await vault.close(holders, staged);
      await storage.setItems([
        { key: STORED.accounts.key, value: entries },
        ...(setAside ? [{ key: STORED.accountsUnreadable.key, value: setAsideValue(setAside) }] : []),
        ...(staged ? [vault.configWrite(staged)] : []),
      ]);
      await staged?.committed();
    });
  },

  /** Runs a task no account write overlaps (closing the passphrase lock). */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return withLock(task);
  },

  add(account: StoredAccount): Promise<StoredAccount> {
    return accountsStore.mutate((entries) => {
      entries.push(account);
      return account;
    });
  },

  /**
   * Replaces the account with its id and bumps its revision — refused when it changed since
   * `expectedRevision` (another tab saved it). A field stored as secret stays secret.
   */
  replace(account: StoredAccount, expectedRevision?: number): Promise<StoredAccount> {
    return accountsStore.mutate((entries) => {
      const index = entries.findIndex((e) => idOf(e) === account.id);
      if (index === -1) throw new WhoamiError('not-found', { detail: t('background.accountGone') });
      const stored = entries[index] as Partial<StoredAccount>;
      const revision = typeof stored.revision === 'number' ? stored.revision : account.revision;
      if (expectedRevision !== undefined && expectedRevision !== revision) {
        const label = stored.label ?? account.label;
        throw new WhoamiError('conflict', {
          detail:
            stored.syncedRevision === revision
              ? t('background.changedOnOtherDevice', { label })
              : t('background.changedElsewhere', { label }),
        });
      }
      const settings = { ...account.settings };
      const secrets = { ...account.secrets };
      for (const name of Object.keys(stored.secrets ?? {})) {
        if (name in settings) {
          secrets[name] = settings[name]!;
          delete settings[name];
        }
      }
      // A synced account's key stays asked for until it is typed here.
      const stillNeedsKey = stored.syncedIn === true && Object.values(secrets).some((secret) => secret === '');
      const { syncedIn: _syncedIn, syncedRevision: _syncedRevision, ...changed } = account;
      const next = { ...changed, settings, secrets, revision: revision + 1, ...(stillNeedsKey ? { syncedIn: true } : {}) };
      entries[index] = next;
      return next;
    });
  },

  remove(id: string): Promise<boolean> {
    return accountsStore.mutate((entries) => {
      const index = entries.findIndex((e) => idOf(e) === id);
      if (index !== -1) entries.splice(index, 1);
      return index !== -1;
    });
  },

  async discardDamaged(): Promise<number> {
    const [registry, lock] = await Promise.all([loadRegistry(), vault.state()]);
    return accountsStore.mutate((entries) => {
      const before = entries.length;
      const kept = entries.filter((entry, index) => !('message' in validate(entry, index, registry, lock)));
      entries.splice(0, entries.length, ...kept);
      return before - kept.length;
    });
  },
};
