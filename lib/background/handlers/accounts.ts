import { WhoamiError } from '../../shared/errors';
import { t } from '../../shared/i18n';
import { base64ToBytes } from '../../shared/base64';
import { purgeAccountFromPersistedCache } from '../storage/view-cache';
import { summarize } from '../account-summary';
import { accountsStore, splitCredentials, type StoredAccount } from '../storage/accounts';
import { loadRegistry } from '../storage/definitions';
import { profileStore } from '../storage/profiles';
import type { Handlers } from '../router';
import { settingsStore } from '../storage/settings';
import { vault } from '../secrets/vault';
import { requireUnlocked } from './lock';
import {
  adapterOrThrow,
  announceAccounts,
  completeCredentials,
  destinationOf,
  type HandlerDeps,
  parseCredentials,
  refreshSoon,
} from './context';

type AccountHandlers = Pick<
  Handlers,
  | 'listAccounts'
  | 'addAccount'
  | 'updateAccount'
  | 'removeAccount'
  | 'testCredentials'
  | 'getProfile'
  | 'refresh'
  | 'updateProfile'
  | 'dismissChanges'
  | 'uploadAvatar'
>;

export function accountHandlers({ platform, refresher, editor, permissions }: HandlerDeps): AccountHandlers {
  return {
    async listAccounts() {
      const [{ accounts, problems, registry }, { settings }] = await Promise.all([accountsStore.read(), settingsStore.read()]);
      const providers = registry.all().map(({ id, name, needs }) => ({ id, name, needs }));
      const [entries, lock] = await Promise.all([Promise.all(accounts.map(({ account }) => profileStore.get(account.id))), vault.state()]);
      return {
        lock,
        accounts: accounts.map((account, i) => {
          const summary = summarize(account, settings.expiryWarningDays, entries[i]!);
          // With the lock on, not even a key's last characters: the popup keeps this list on disk.
          if (lock === 'off') return summary;
          const secretHints = Object.fromEntries(Object.entries(summary.secretHints).map(([name, hint]) => [name, hint && '••••']));
          return { ...summary, secretHints };
        }),
        problems,
        providers,
      };
    },

    async addAccount({ provider, label, credentials: typed }) {
      await requireUnlocked();
      const adapter = adapterOrThrow(await loadRegistry(), provider);
      const credentials = parseCredentials(adapter, typed);
      const account: StoredAccount = {
        id: crypto.randomUUID(),
        provider,
        label,
        ...splitCredentials(adapter, credentials),
        createdAt: platform.now(),
        revision: 1,
      };
      await accountsStore.add(account);
      announceAccounts(platform);
      refreshSoon(refresher, account.id);
      return summarize({ account, adapter, credentials });
    },

    async updateAccount({ id, label, credentials: typed, revision }) {
      await requireUnlocked();
      const stored = await accountsStore.get(id);
      const { adapter } = stored;
      const credentials = typed ? completeCredentials(adapter, typed, stored) : stored.credentials;
      const changedCredentials = JSON.stringify(credentials) !== JSON.stringify(stored.credentials);
      const account = await accountsStore.replace(
        // A new label alone keeps the stored settings and secrets as they are (a forgotten key stays asked for).
        { ...stored.account, label: label ?? stored.account.label, ...(typed ? splitCredentials(adapter, credentials) : {}) },
        revision,
      );
      if (changedCredentials) {
        // A refresh with the old credentials may still be running: its answer is set aside.
        refresher.invalidate(id);
        // New credentials deserve a fresh start: no backoff left from the old ones.
        const entry = await profileStore.get(id);
        await profileStore.set({ ...entry, error: null, failures: 0, nextAttemptAt: null });
        refreshSoon(refresher, id);
      }
      if (destinationOf(adapter, credentials) !== destinationOf(adapter, stored.credentials)) void permissions.prune();
      announceAccounts(platform);
      return summarize({ account, adapter, credentials });
    },

    async removeAccount({ id }) {
      // A refresh still running for it keeps its answer to itself from here on…
      refresher.invalidate(id);
      const removed = await accountsStore.remove(id);
      // …the entry goes at once (a worker stopped after this leaves nothing behind)…
      await Promise.all([profileStore.remove(id), purgeAccountFromPersistedCache(id)]);
      // …and once more after one that was already saving has landed.
      await refresher.settled(id);
      await profileStore.remove(id);
      await refresher.updateBadge();
      void permissions.prune();
      announceAccounts(platform);
      return { removed };
    },

    async testCredentials({ provider, credentials, accountId }) {
      await requireUnlocked();
      const adapter = adapterOrThrow(await loadRegistry(), provider);
      const stored = accountId ? await accountsStore.get(accountId) : undefined;
      const { profile } = await refresher.test(adapter, completeCredentials(adapter, credentials, stored));
      return { profile };
    },

    async getProfile({ accountId: asked, maxAgeMs }) {
      const accountId = asked ?? (await accountsStore.read()).accounts[0]?.account.id;
      if (accountId === undefined) throw new WhoamiError('not-found', { detail: t('background.accountGone') });
      if (maxAgeMs === undefined) {
        await accountsStore.get(accountId);
        return profileStore.get(accountId);
      }
      return refresher.refreshOne(accountId, { kind: 'max-age', maxAgeMs });
    },

    async refresh({ accountId }) {
      const entries = accountId
        ? [await refresher.refreshOne(accountId, { kind: 'force' })]
        : await refresher.refreshAll({ kind: 'force' });
      return { entries };
    },

    async dismissChanges({ accountId }) {
      await accountsStore.get(accountId);
      // A refresh already on its way keeps what it found to itself, not the dismissed history.
      refresher.invalidate(accountId);
      await refresher.settled(accountId);
      const { changes: _dismissed, ...entry } = await profileStore.get(accountId);
      return { entry: await refresher.save(entry) };
    },

    updateProfile: ({ accountId, editId, changes }) => editor.update(accountId, editId, changes),

    uploadAvatar: ({ accountId, editId, file }) =>
      editor.uploadAvatar(accountId, editId, { name: file.name, type: file.type, bytes: base64ToBytes(file.data) }),
  };
}
