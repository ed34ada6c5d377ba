import { storage } from 'wxt/utils/storage';
import type { ExportFile } from '../../model';
import { describeIssue } from '../../zod-issues';
import { summarize } from '../account-summary';
import { accountsStore, type StoredAccount } from '../accounts-store';
import { definitionsStore } from '../definitions-store';
import { profileStore } from '../profile-store';
import { needsUser } from '../refresher';
import type { Handlers } from '../router';
import { settingsStore } from '../settings-store';
import { announceAccounts, type HandlerDeps, refreshSoon } from './context';

type DataHandlers = Pick<
  Handlers,
  'getStatus' | 'setSettings' | 'exportAccounts' | 'importAccounts' | 'forgetEverything' | 'discardDamaged'
>;

export function dataHandlers({ platform, refresher, onSettingsChanged }: HandlerDeps): DataHandlers {
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
        accounts: accounts.map((resolved) => ({
          provider: resolved.account.provider,
          label: resolved.account.label,
          settings: summarize(resolved).settings,
        })),
      };
    },

    async importAccounts(file) {
      const { registry } = await accountsStore.read();
      const imported = [];
      const skipped: Array<{ index: number; reason: string }> = [];
      for (const [index, entry] of file.accounts.entries()) {
        const adapter = registry.adapterFor(entry.provider);
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
        imported.push(summarize({ account, adapter }));
        refreshSoon(refresher, account.id);
      }
      if (imported.length > 0) announceAccounts(platform);
      return { imported, skipped };
    },

    async forgetEverything() {
      // Accounts, secrets, profiles, settings, definitions and the views' cache all live here.
      await storage.clear('local');
      await storage.clear('session');
      await refresher.updateBadge();
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
