import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { WhoamiError } from '../errors';
import { createLock } from '../lock';
import { labelSchema, type StorageProblem } from '../model';
import type { ProviderAdapter } from '../providers/types';
import type { Registry } from '../providers/registry';
import { loadRegistry } from './definitions-store';
import { firstIssue } from '../zod-issues';

// Accounts, with their secrets, live only here: `local` storage (never `sync`), read only by
// the background. Every read is validated; a damaged entry is reported and skipped, and kept
// as it was so nothing else is lost.
export const storedAccountSchema = z.object({
  id: z.string().check(z.minLength(1)),
  provider: z.string().check(z.minLength(1)),
  label: labelSchema,
  credentials: z.record(z.string(), z.string()),
  createdAt: z.number(),
});
export type StoredAccount = z.infer<typeof storedAccountSchema>;

export const ACCOUNTS_KEY = 'local:accounts' as const;

const accountsItem = storage.defineItem<unknown>(ACCOUNTS_KEY, {
  fallback: [],
  version: 1,
});

/** A stored account with the adapter of its provider, checked against that adapter's schema. */
export interface ResolvedAccount {
  account: StoredAccount;
  adapter: ProviderAdapter;
}

export interface AccountsSnapshot {
  accounts: ResolvedAccount[];
  problems: StorageProblem[];
  registry: Registry;
}

function validate(entry: unknown, index: number, registry: Registry): ResolvedAccount | StorageProblem {
  const key = `account ${index + 1}`;
  const parsed = storedAccountSchema.safeParse(entry);
  if (!parsed.success) return { key, message: `${key} is damaged (${firstIssue(parsed.error)}) and was skipped` };
  const account = parsed.data;
  const adapter = registry.adapterFor(account.provider);
  if (!adapter) return { key, message: `"${account.label}" uses an unknown provider "${account.provider}" and was skipped` };
  const credentials = adapter.credentials.schema.safeParse(account.credentials);
  if (!credentials.success) {
    return { key, message: `"${account.label}" has damaged settings (${firstIssue(credentials.error)}) and was skipped` };
  }
  return { account, adapter };
}

const UNREADABLE_KEY = 'local:accounts-unreadable' as const;

async function readRaw(): Promise<{ entries: unknown[]; problems: StorageProblem[]; unreadable?: unknown }> {
  const value = await accountsItem.getValue();
  // A copy: when nothing is stored this is the item's shared fallback array.
  if (Array.isArray(value)) return { entries: [...value], problems: [] };
  return {
    entries: [],
    unreadable: value,
    problems: [{ key: 'accounts', message: 'The stored account list was unreadable and has been set aside' }],
  };
}

const withLock = createLock();

export const accountsStore = {
  async read(): Promise<AccountsSnapshot> {
    const [{ entries, problems }, registry] = await Promise.all([readRaw(), loadRegistry()]);
    const accounts: ResolvedAccount[] = [];
    entries.forEach((entry, index) => {
      const result = validate(entry, index, registry);
      if ('message' in result) problems.push(result);
      else accounts.push(result);
    });
    return { accounts, problems, registry };
  },

  async get(id: string): Promise<ResolvedAccount> {
    const found = (await accountsStore.read()).accounts.find((a) => a.account.id === id);
    if (!found) throw new WhoamiError('not-found', { detail: 'This account no longer exists' });
    return found;
  },

  /** Writes go through the raw list so damaged entries stay as they were. */
  mutate<T>(change: (entries: unknown[]) => T): Promise<T> {
    return withLock(async () => {
      const { entries, unreadable } = await readRaw();
      // Keep an unreadable list aside instead of overwriting it with the first new account.
      if (unreadable !== undefined) await storage.setItem(UNREADABLE_KEY, unreadable);
      const result = change(entries);
      await accountsItem.setValue(entries);
      return result;
    });
  },

  add(account: StoredAccount): Promise<StoredAccount> {
    return accountsStore.mutate((entries) => {
      entries.push(account);
      return account;
    });
  },

  replace(account: StoredAccount): Promise<StoredAccount> {
    return accountsStore.mutate((entries) => {
      const index = entries.findIndex((e) => (e as { id?: unknown } | null)?.id === account.id);
      if (index === -1) throw new WhoamiError('not-found', { detail: 'This account no longer exists' });
      entries[index] = account;
      return account;
    });
  },

  remove(id: string): Promise<boolean> {
    return accountsStore.mutate((entries) => {
      const index = entries.findIndex((e) => (e as { id?: unknown } | null)?.id === id);
      if (index !== -1) entries.splice(index, 1);
      return index !== -1;
    });
  },

  async discardDamaged(): Promise<number> {
    const registry = await loadRegistry();
    return accountsStore.mutate((entries) => {
      const before = entries.length;
      const kept = entries.filter((entry, index) => !('message' in validate(entry, index, registry)));
      entries.splice(0, entries.length, ...kept);
      return before - kept.length;
    });
  },
};
