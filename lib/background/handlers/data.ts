import { storage } from '../storage/area';
import type { ExportFile, ImportPreviewItem } from '../../shared/model';
import { destinationFromSettings } from '../../shared/providers/destination';
import type { ProviderAdapter } from '../providers/types';
import { describeIssue } from '../../shared/zod-issues';
import { summarize } from '../account-summary';
import { accountsStore, splitCredentials, type StoredAccount } from '../storage/accounts';
import { definitionsStore } from '../storage/definitions';
import { profileStore } from '../storage/profiles';
import { needsUser } from '../refresher';
import type { Handlers } from '../router';
import { settingsStore } from '../storage/settings';
import { requireUnlocked } from './lock';
import { vault } from '../secrets/vault';
import { announceAccounts, type HandlerDeps, refreshSoon } from './context';

type DataHandlers = Pick<
  Handlers,
  'getStatus' | 'setSettings' | 'exportAccounts' | 'previewImport' | 'importAccounts' | 'forgetEverything' | 'discardDamaged'
>;

type ImportEntry = ExportFile['accounts'][number];

/** A file's settings without anything in a secret field: a file never fills in a key. */
function withoutSecrets(adapter: ProviderAdapter, settings: Record<string, string>): Record<string, string> {
  const secret = new Set<string>(adapter.credentials.secretFields);
  return Object.fromEntries(Object.entries(settings).filter(([name]) => !secret.has(name)));
}

function previewOf(adapter: ProviderAdapter | undefined, entry: ImportEntry, index: number): ImportPreviewItem {
  const base = { index, provider: entry.provider, label: entry.label };
  if (!adapter)
    return {
      ...base,
      providerName: entry.provider,
      host: null,
      origins: [],
      status: 'skipped',
      reason: `unknown provider "${entry.provider}"`,
    };
  const settings = withoutSecrets(adapter, entry.settings);
  const destination = destinationFromSettings(adapter, settings);
  const host = destination?.host ?? null;
  const origins = destination?.origins ?? [];
  const item = { ...base, providerName: adapter.name, host, origins, settings };
  if (adapter.credentials.secretFields.length > 0) return { ...item, status: 'needs-secret', reason: null };
  const parsed = adapter.credentials.schema.safeParse(settings);
  if (!parsed.success) return { ...item, status: 'skipped', reason: `invalid settings (${describeIssue(parsed.error.issues[0]!)})` };
  return { ...item, status: 'ready', reason: null };
}

export function dataHandlers({ platform, refresher, permissions, onSettingsChanged, sync }: HandlerDeps): DataHandlers {
  async function preview(file: ExportFile) {
    const { registry } = await accountsStore.read();
    return file.accounts.map((entry, index) => previewOf(registry.adapterFor(entry.provider), entry, index));
  }

  return {
    async getStatus() {
      const [{ accounts, problems }, settings, definitions] = await Promise.all([
        accountsStore.read(),
        settingsStore.read(),
        definitionsStore.read(),
      ]);
      const entries = await Promise.all(accounts.map((a) => profileStore.get(a.account.id)));
      return {
        accounts: accounts.length,
        needAttention: entries.filter(needsUser).length,
        problems: [...problems, ...settings.problems, ...definitions.problems],
        settings: settings.settings,
      };
    },

    async setSettings(change) {
      // What the request leaves out keeps its stored value (each settings form sends its own).
      const saved = await settingsStore.change(change);
      await onSettingsChanged(saved.refreshMinutes);
      // The warning days move the badge and each account's warning.
      await refresher.updateBadge();
      announceAccounts(platform);
      return saved;
    },

    async exportAccounts(): Promise<ExportFile> {
      const { accounts } = await accountsStore.read();
      return {
        format: 'whoami-accounts',
        version: 1,
        exportedAt: new Date(platform.now()).toISOString(),
        accounts: accounts.map((resolved) => ({
          provider: resolved.account.provider,
          label: resolved.account.label,
          settings: summarize(resolved).settings,
        })),
      };
    },

    /** What a file would add and which hosts it would connect to; nothing is saved. */
    async previewImport(file) {
      const accounts = await preview(file);
      const hosts = [...new Set(accounts.flatMap((a) => (a.host && a.status !== 'skipped' ? [a.host] : [])))];
      return { accounts, hosts };
    },

    /** Saves what needs no secret; the rest comes back, without secrets, for the options page to complete. */
    async importAccounts(file) {
      await requireUnlocked();
      const imported = [];
      const pending = [];
      const skipped = [];
      const { registry } = await accountsStore.read();
      for (const item of await preview(file)) {
        if (item.status === 'skipped') skipped.push({ index: item.index, reason: item.reason ?? 'skipped' });
        else if (item.status === 'needs-secret')
          pending.push({ provider: item.provider, label: item.label, settings: item.settings ?? {} });
        else {
          const adapter = registry.adapterFor(item.provider)!;
          const credentials = adapter.credentials.schema.parse(item.settings);
          const account: StoredAccount = {
            id: crypto.randomUUID(),
            provider: item.provider,
            label: item.label,
            ...splitCredentials(adapter, credentials),
            createdAt: platform.now(),
            revision: 1,
          };
          await accountsStore.add(account);
          imported.push(summarize({ account, adapter, credentials }));
          refreshSoon(refresher, account.id);
        }
      }
      if (imported.length > 0) announceAccounts(platform);
      return { imported, pending, skipped };
    },

    async forgetEverything() {
      // What this device put in the browser's sync storage goes too (other devices' items stay).
      await sync.removeCopy().catch(() => 0);
      // No account write runs meanwhile (an update sealing a key under a lock config about to
      // go), no refresh or edit still out writes its profile back afterwards, and the key and
      // what it opened leave the worker's memory (requests still waiting for a slot see the
      // lock close and are not sent).
      await accountsStore.exclusive(async () => {
        await vault.lock();
        await refresher.forgetAll();
        // Accounts, secrets, profiles, settings, definitions and the views' cache all live here.
        await storage.clear('local');
        await storage.clear('session');
      });
      await refresher.updateBadge();
      await permissions.prune();
      void platform.broadcast({ whoami: 'event', type: 'forgotten' });
      return {};
    },

    async discardDamaged() {
      const discarded = await accountsStore.discardDamaged();
      announceAccounts(platform);
      return { discarded };
    },
  };
}
