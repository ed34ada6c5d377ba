import { defineItem } from './area';
import { definitionSchema } from '../../shared/custom/definition';
import { DEFAULT_SETTINGS } from '../../shared/model';
import { STORED } from '../../shared/storage';
import { createRegistry } from '../providers/registry';
import { migrateAccountsToV2, redactStoredProfiles } from './migrations/accounts';

// The background's stored items, from the one list in lib/shared/storage.ts: each with its
// version and the steps that bring an older stored value up to it. Values stay `unknown` here:
// every read is checked by its store's schema, so a damaged value is reported, not trusted.

/** The providers as stored definitions describe them, for a migration that needs to know them. */
async function storedRegistry() {
  const entries = await definitionsItem.getValue();
  return createRegistry(
    (Array.isArray(entries) ? entries : []).flatMap((entry) => {
      const parsed = definitionSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    }),
  );
}

export const definitionsItem = defineItem<unknown>(STORED.definitions.key, { fallback: [], version: STORED.definitions.version });

/** Every step from one version of the accounts to the next; a sample of each version is a test fixture. */
const accountMigrations = {
  2: async (entries: unknown) => {
    const migrated = migrateAccountsToV2(entries, await storedRegistry());
    await redactStoredProfiles(migrated);
    return migrated;
  },
};

export const accountsItem = defineItem<unknown>(STORED.accounts.key, {
  fallback: [],
  version: STORED.accounts.version,
  migrations: accountMigrations,
});

export const unreadableAccountsItem = defineItem<unknown>(STORED.accountsUnreadable.key, {
  version: STORED.accountsUnreadable.version,
});

export const settingsItem = defineItem<unknown>(STORED.settings.key, {
  fallback: DEFAULT_SETTINGS,
  version: STORED.settings.version,
});

export const editsPendingItem = defineItem<unknown>(STORED.editsPending.key, {
  fallback: [],
  version: STORED.editsPending.version,
});

export const editsDoneItem = defineItem<unknown>(STORED.editsDone.key, { fallback: [], version: STORED.editsDone.version });

/** Runs every item's pending migrations now (they also run on first use); resolves when all are done. */
export async function migrateAll(): Promise<void> {
  await Promise.all(
    [definitionsItem, accountsItem, unreadableAccountsItem, settingsItem, editsPendingItem, editsDoneItem].map((item) => item.migrate()),
  );
}
