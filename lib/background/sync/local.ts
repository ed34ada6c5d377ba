import { WhoamiError } from '../../shared/errors';
import { t } from '../../shared/i18n';
import { settingsSchema } from '../../shared/model';
import { z } from '../../shared/zod';
import { firstIssue } from '../../shared/zod-issues';
import { customProviderId, type ProviderDefinition } from '../../shared/custom/definition';
import { accountsStore, type StoredAccount } from '../storage/accounts';
import { definitionsStore, loadRegistry } from '../storage/definitions';
import { settingsStore } from '../storage/settings';
import type { Registry } from '../providers/registry';
import type { LocalSide } from './engine';
import { accountKey, definitionKey, type SyncedAccount, type SyncKey } from './items';

type AccountContent = Omit<SyncedAccount, 'kind' | 'id' | 'rev' | 'dev' | 'at'>;

/** The preferences that sync, and nothing else. */
const syncedPrefsSchema = z.strictObject({
  refreshMinutes: settingsSchema.shape.refreshMinutes,
  expiryWarningDays: settingsSchema.shape.expiryWarningDays,
  notifyChanges: settingsSchema.shape.notifyChanges,
});

// What of a definition only reads answers: the rest shapes the requests sent with an account's key.
const ANSWER_ONLY: ReadonlySet<string> = new Set(['name', 'envelope', 'profile', 'details', 'failWhen']);

/** Whether `next` sends other requests than `current` (method, path, body, headers, auth, fields, edits…). */
function changesRequests(current: ProviderDefinition, next: ProviderDefinition): boolean {
  const shape = (definition: ProviderDefinition) =>
    JSON.stringify(
      Object.entries(definition)
        .filter(([name]) => !ANSWER_ONLY.has(name))
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  return shape(current) !== shape(next);
}

// A browser-session definition's consent is given on each device: an item from another device
// never sends this browser's cookies by itself.
const CONSENT_FIELD = 'useBrowserSession';

/** What applying another device's item needs beyond the stores: the same checks as this device's own saves. */
export interface LocalSideDeps {
  /** The options page's own save: a secret field can never become plain, accounts keep their settings. */
  saveDefinition(definition: ProviderDefinition): Promise<void>;
  /** Refused while accounts use it, as on this device. */
  removeDefinition(id: string): Promise<void>;
  /** As the options page removes an account: its profile and permissions go with it. */
  removeAccount(id: string): Promise<void>;
  /** After an account arrived or changed: open views hear of it, and it is fetched when it can be. */
  accountChanged(id: string): void;
  /** The refresh interval came from another device: the alarm follows. */
  settingsChanged(refreshMinutes: number): Promise<void>;
}

/** An account as it syncs: its settings and the names of its secret fields, never their values. */
function accountContent(account: StoredAccount, registry: Registry): AccountContent {
  const secretFields = new Set([
    ...Object.keys(account.secrets),
    ...(registry.adapterFor(account.provider)?.credentials.secretFields ?? []),
  ]);
  const settings = Object.fromEntries(Object.entries(account.settings).filter(([name]) => !secretFields.has(name)));
  return {
    provider: account.provider,
    label: account.label,
    settings,
    secretFields: [...secretFields].sort(),
    createdAt: account.createdAt,
  };
}

function originOf(settings: Record<string, string>, registry: Registry, provider: string): string | null {
  try {
    const adapter = registry.adapterFor(provider);
    return adapter ? new URL(adapter.baseUrl(settings)).origin : null;
  } catch {
    return null;
  }
}

/** Another device's account, here: settings and label from there, secrets only ever from here. */
function mergeAccount(
  stored: StoredAccount | undefined,
  id: string,
  content: AccountContent,
  registry: Registry,
  /** The provider's own secret fields, here: never the names an item brings. */
  secretFields: readonly string[],
): StoredAccount {
  const custom = content.provider.startsWith('custom:');
  // Another device's settings without anything this provider keeps secret, nor a custom provider's consent.
  const given = Object.fromEntries(
    Object.entries(content.settings).filter(([name]) => !secretFields.includes(name) && !(custom && name === CONSENT_FIELD)),
  );
  if (!stored) {
    return {
      id,
      provider: content.provider,
      label: content.label,
      settings: given,
      // Asked for on this device: "Needs its key on this device".
      secrets: Object.fromEntries(secretFields.map((name) => [name, ''])),
      createdAt: content.createdAt,
      revision: 1,
      syncedIn: true,
      syncedRevision: 1,
    };
  }
  // A stored secret stays one: another device's setting of that name is not taken. Consent stays this device's.
  const settings = Object.fromEntries(Object.entries(given).filter(([name]) => !(name in stored.secrets)));
  if (custom && stored.settings[CONSENT_FIELD] !== undefined) settings[CONSENT_FIELD] = stored.settings[CONSENT_FIELD];
  let secrets = { ...stored.secrets };
  for (const name of secretFields) secrets[name] ??= '';
  let syncedIn = stored.syncedIn;
  // Pointed at another host or provider there: this device's key is not sent there; it is asked for again.
  const movedProvider = stored.provider !== content.provider;
  const movedHost =
    originOf({ ...stored.settings, ...stored.secrets }, registry, stored.provider) !==
    originOf({ ...settings, ...stored.secrets }, registry, content.provider);
  if (movedProvider || movedHost) {
    secrets = Object.fromEntries(Object.keys(secrets).map((name) => [name, '']));
    syncedIn = true;
  }
  const revision = stored.revision + 1;
  return {
    ...stored,
    provider: content.provider,
    label: content.label,
    settings,
    secrets,
    revision,
    syncedRevision: revision,
    ...(syncedIn ? { syncedIn } : {}),
  };
}

/** This device's side of sync: its stores, read as sync items and written from other devices' items. */
export function localSide(deps: LocalSideDeps): LocalSide {
  return {
    async read() {
      const [{ accounts, registry }, { definitions }, { settings }, secrets] = await Promise.all([
        accountsStore.read(),
        definitionsStore.read(),
        settingsStore.read(),
        accountsStore.secretValues(),
      ]);
      const items = new Map<SyncKey, unknown>();
      const names = new Map<SyncKey, string>();
      for (const { account, adapter } of accounts) {
        items.set(accountKey(account.id), accountContent(account, registry));
        names.set(accountKey(account.id), `${adapter.name} · ${account.label}`);
      }
      for (const definition of definitions) {
        items.set(definitionKey(definition.id), definition);
        names.set(definitionKey(definition.id), definition.name);
      }
      // Stored but unreadable here: held as they are, never taken for removed.
      const held = new Set<SyncKey>();
      const [accountIds, definitionIds] = await Promise.all([accountsStore.storedIds(), definitionsStore.storedIds()]);
      for (const id of accountIds) if (!items.has(accountKey(id))) held.add(accountKey(id));
      for (const id of definitionIds) if (!items.has(definitionKey(id))) held.add(definitionKey(id));
      const { refreshMinutes, expiryWarningDays, notifyChanges } = settings;
      items.set('prefs', {
        refreshMinutes,
        ...(expiryWarningDays !== undefined ? { expiryWarningDays } : {}),
        notifyChanges: [...(notifyChanges ?? [])].sort(),
      });
      names.set('prefs', t('options.settings.title'));
      return { items, names, secrets, held };
    },

    async apply(key, content) {
      if (key === 'prefs') {
        // Only what this side writes: never the lock's idle time, nor anything else a planted item adds.
        const parsed = syncedPrefsSchema.safeParse(content);
        if (!parsed.success) throw new WhoamiError('validation', { detail: firstIssue(parsed.error) });
        const saved = await settingsStore.change(parsed.data);
        await deps.settingsChanged(saved.refreshMinutes);
        return;
      }
      const id = key.slice(key.indexOf(':') + 1);
      if (key.startsWith('definition:')) {
        if (content === null) return deps.removeDefinition(id);
        const { definitionSchema } = await import('../../shared/custom/definition');
        const parsed = definitionSchema.safeParse(content);
        if (!parsed.success || parsed.data.id !== id) {
          throw new WhoamiError('validation', { detail: parsed.success ? t('sync.damaged') : firstIssue(parsed.error) });
        }
        const current = (await definitionsStore.read()).definitions.find((definition) => definition.id === id);
        const used = await accountsStore.countUsing(customProviderId(id));
        // Another device may rename or re-map a provider; it may not change what this device's keys are sent with.
        if (current && used > 0 && changesRequests(current, parsed.data))
          throw new WhoamiError('validation', { detail: t('sync.requestsChanged') });
        return deps.saveDefinition(parsed.data);
      }
      if (content === null) return deps.removeAccount(id);
      const registry = await loadRegistry();
      const adapter = registry.adapterFor((content as AccountContent).provider);
      // Retried each round: it arrives once its provider's definition has (never stored unreadable).
      if (!adapter) throw new WhoamiError('unsupported', { detail: t('sync.providerMissing') });
      await accountsStore.mutate((entries) => {
        const index = entries.findIndex((entry) => (entry as { id?: unknown } | null)?.id === id);
        const stored = index === -1 ? undefined : (entries[index] as StoredAccount);
        const next = mergeAccount(stored, id, content as AccountContent, registry, adapter.credentials.secretFields);
        if (index === -1) entries.push(next);
        else entries[index] = next;
      });
      deps.accountChanged(id);
    },
  };
}
