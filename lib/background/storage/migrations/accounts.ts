import { storage } from '../area';
import type { Registry } from '../../providers/registry';
import { STORED_FAMILIES } from '../../../shared/storage';
import { dropPersistedCache } from '../view-cache';
import { redactKnownSecrets } from '../../secrets/redact';

// Version 1 kept each account's settings and secrets in one `credentials` map, and read which
// fields were secret from the provider's current definition — so a changed definition could
// show a stored token. Version 2 splits them once, when saved, and adds a revision counter.

// Fields known to be settings whatever the provider; anything not known to be one is kept
// secret when its provider can't be found (a missing definition), never shown.
const ALWAYS_SETTINGS = new Set(['baseUrl', 'deploymentUrl', 'useBrowserSession', 'authStyle', 'userId']);

function migrateAccount(entry: unknown, registry: Registry): unknown {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return entry;
  const { credentials, ...rest } = entry as Record<string, unknown>;
  if (!credentials || typeof credentials !== 'object' || 'settings' in rest) return entry;
  const adapter = typeof rest.provider === 'string' ? registry.adapterFor(rest.provider) : undefined;
  const secretNames = adapter ? new Set<string>(adapter.credentials.secretFields) : null;
  const settings: Record<string, unknown> = {};
  const secrets: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(credentials)) {
    const secret = secretNames ? secretNames.has(name) : !ALWAYS_SETTINGS.has(name);
    (secret ? secrets : settings)[name] = value;
  }
  return { ...rest, settings, secrets, revision: 1 };
}

export function migrateAccountsToV2(entries: unknown, registry: Registry): unknown {
  return Array.isArray(entries) ? entries.map((entry) => migrateAccount(entry, registry)) : entries;
}

/**
 * Version 1 only scrubbed secret-shaped values, so a stored profile entry may hold a secret a
 * provider echoed back in its own words. Redact every entry with the secrets just split out, and
 * drop the views' persisted cache (it is rebuilt on the next open).
 */
export async function redactStoredProfiles(migrated: unknown): Promise<void> {
  const secrets = (Array.isArray(migrated) ? migrated : []).flatMap((entry) => {
    const stored = (entry as { secrets?: unknown } | null)?.secrets;
    return stored && typeof stored === 'object' ? Object.values(stored).filter((v): v is string => typeof v === 'string') : [];
  });
  const all = await storage.snapshot('local');
  const updates = Object.entries(all)
    .filter(([key]) => `local:${key}`.startsWith(STORED_FAMILIES.profile.prefix) && !key.endsWith('$'))
    .map(([key, value]) => ({ key: `local:${key}` as const, value: redactKnownSecrets(value, secrets) }));
  if (updates.length > 0) await storage.setItems(updates);
  await dropPersistedCache();
}
