import { storage } from 'wxt/utils/storage';
import { WhoamiError } from '../errors';
import type { ExportFile } from '../messaging/protocol';
import { adapterFor } from '../providers';
import type { ProviderAdapter } from '../providers/types';
import { purgeAccountFromPersistedCache } from '../query/persisted-cache';
import { describeIssue } from '../zod-issues';
import { summarize } from './account-summary';
import { accountsStore, type StoredAccount } from './accounts-store';
import type { Editor } from './editor';
import type { Platform } from './platform';
import { profileStore } from './profile-store';
import { needsUser, type Refresher } from './refresher';
import type { Handlers } from './router';
import { settingsStore } from './settings-store';

function adapterOrThrow(provider: string): ProviderAdapter {
  const adapter = adapterFor(provider);
  if (!adapter) throw new WhoamiError('unsupported', { detail: `Whoami doesn't know the provider "${provider}"` });
  return adapter;
}

/** Checks typed settings with the adapter's schema; errors come back keyed by field name. */
function parseCredentials(adapter: ProviderAdapter, values: Record<string, string>): Record<string, string> {
  const parsed = adapter.credentials.schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    (fieldErrors[field] ??= []).push(describeIssue(issue));
  }
  throw new WhoamiError('validation', { detail: 'Some settings need fixing', fieldErrors });
}

/** Secret fields left empty keep what is stored: views never hold secrets to send back. */
function withStoredSecrets(adapter: ProviderAdapter, values: Record<string, string>, stored?: StoredAccount) {
  const merged = { ...values };
  for (const field of adapter.credentials.secretFields) {
    if (!merged[field]?.trim() && stored?.credentials[field]) merged[field] = stored.credentials[field];
  }
  return merged;
}

export interface HandlerDeps {
  platform: Platform;
  refresher: Refresher;
  editor: Editor;
  onSettingsChanged(refreshMinutes: number): Promise<void>;
}

export function createHandlers({ platform, refresher, editor, onSettingsChanged }: HandlerDeps): Handlers {
  const accountsChanged = () => platform.broadcast({ whoami: 'event', type: 'accounts' });

  /** A newly saved or changed account is fetched at once, without keeping the caller waiting. */
  const refreshSoon = (accountId: string) => {
    void refresher.refreshOne(accountId, { kind: 'force' }).catch(() => undefined);
  };

  return {
    async listAccounts() {
      const { accounts, problems } = await accountsStore.read();
      return { accounts: accounts.map(summarize), problems };
    },

    async addAccount({ provider, label, credentials }) {
      const adapter = adapterOrThrow(provider);
      const account: StoredAccount = {
        id: crypto.randomUUID(),
        provider,
        label,
        credentials: parseCredentials(adapter, credentials),
        createdAt: platform.now(),
      };
      await accountsStore.add(account);
      await accountsChanged();
      refreshSoon(account.id);
      return summarize(account);
    },

    async updateAccount({ id, label, credentials }) {
      const stored = await accountsStore.get(id);
      const adapter = adapterOrThrow(stored.provider);
      const nextCredentials = credentials
        ? parseCredentials(adapter, withStoredSecrets(adapter, credentials, stored))
        : stored.credentials;
      const changedCredentials = JSON.stringify(nextCredentials) !== JSON.stringify(stored.credentials);
      const account = await accountsStore.replace({ ...stored, label: label ?? stored.label, credentials: nextCredentials });
      if (changedCredentials) {
        // New credentials deserve a fresh start: no backoff left from the old ones.
        const entry = await profileStore.get(id);
        await profileStore.set({ ...entry, error: null, failures: 0, nextAttemptAt: null });
        refreshSoon(id);
      }
      await accountsChanged();
      return summarize(account);
    },

    async removeAccount({ id }) {
      const removed = await accountsStore.remove(id);
      // A refresh still running for it saves its entry first; then the entry goes.
      await refresher.settled(id);
      await profileStore.remove(id);
      await purgeAccountFromPersistedCache(id);
      await refresher.updateBadge();
      await accountsChanged();
      return { removed };
    },

    async testCredentials({ provider, credentials, accountId }) {
      const adapter = adapterOrThrow(provider);
      const stored = accountId ? await accountsStore.get(accountId) : undefined;
      const parsed = parseCredentials(adapter, withStoredSecrets(adapter, credentials, stored));
      const { profile } = await refresher.test(adapter, parsed);
      return { profile };
    },

    async getProfile({ accountId, maxAgeMs }) {
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

    updateProfile: ({ accountId, editId, changes }) => editor.update(accountId, editId, changes),

    async getStatus() {
      const [{ accounts, problems }, settings] = await Promise.all([accountsStore.read(), settingsStore.read()]);
      const entries = await Promise.all(accounts.map((a) => profileStore.get(a.id)));
      return {
        accounts: accounts.length,
        needAttention: entries.filter(needsUser).length,
        problems: [...problems, ...settings.problems],
        settings: settings.settings,
      };
    },

    async setSettings(settings) {
      const saved = await settingsStore.write(settings);
      await onSettingsChanged(saved.refreshMinutes);
      return saved;
    },

    async exportAccounts(): Promise<ExportFile> {
      const { accounts } = await accountsStore.read();
      return {
        format: 'whoami-accounts',
        version: 1,
        exportedAt: new Date(platform.now()).toISOString(),
        accounts: accounts.map((account) => ({
          provider: account.provider,
          label: account.label,
          settings: summarize(account).settings,
        })),
      };
    },

    async importAccounts(file) {
      const imported = [];
      const skipped: Array<{ index: number; reason: string }> = [];
      for (const [index, entry] of file.accounts.entries()) {
        const adapter = adapterFor(entry.provider);
        if (!adapter) {
          skipped.push({ index, reason: `unknown provider "${entry.provider}"` });
          continue;
        }
        // Accounts that need a secret are completed in the options page; only the rest land here.
        const parsed = adapter.credentials.schema.safeParse(entry.settings);
        if (!parsed.success) {
          const needsSecret = adapter.credentials.secretFields.some((field) => !entry.settings[field]);
          skipped.push({ index, reason: needsSecret ? 'needs its secret' : `invalid settings (${describeIssue(parsed.error.issues[0]!)})` });
          continue;
        }
        const account: StoredAccount = {
          id: crypto.randomUUID(),
          provider: entry.provider,
          label: entry.label,
          credentials: parsed.data,
          createdAt: platform.now(),
        };
        await accountsStore.add(account);
        imported.push(summarize(account));
        refreshSoon(account.id);
      }
      if (imported.length > 0) await accountsChanged();
      return { imported, skipped };
    },

    async forgetEverything() {
      // Accounts, secrets, profiles, settings and the views' persisted cache all live here.
      await storage.clear('local');
      await storage.clear('session');
      await refresher.updateBadge();
      await platform.broadcast({ whoami: 'event', type: 'forgotten' });
      return {};
    },

    async discardDamaged() {
      const discarded = await accountsStore.discardDamaged();
      await accountsChanged();
      return { discarded };
    },
  };
}
