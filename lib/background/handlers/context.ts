import { WhoamiError } from '../../shared/errors';
import type { Registry } from '../providers/registry';
import type { ProviderAdapter } from '../providers/types';
import { describeIssue } from '../../shared/zod-issues';
import type { ResolvedAccount } from '../storage/accounts';
import { lockedError } from '../secrets/vault';
import type { Editor } from '../editor';
import type { PermissionKeeper } from '../permissions';
import type { Platform } from '../platform';
import type { Refresher } from '../refresher';
import { t } from '../../shared/i18n';
import type { SyncService } from '../sync/service';

export interface HandlerDeps {
  platform: Platform;
  refresher: Refresher;
  editor: Editor;
  permissions: PermissionKeeper;
  onSettingsChanged(refreshMinutes: number): Promise<void>;
  sync: SyncService;
}

export function adapterOrThrow(registry: Registry, provider: string): ProviderAdapter {
  const adapter = registry.adapterFor(provider);
  if (!adapter) throw new WhoamiError('unsupported', { detail: t('background.unknownProvider', { provider }) });
  return adapter;
}

/** Checks typed settings with the adapter's schema; errors come back keyed by field name. */
export function parseCredentials(adapter: ProviderAdapter, values: Record<string, string>): Record<string, string> {
  const parsed = adapter.credentials.schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    (fieldErrors[field] ??= []).push(describeIssue(issue));
  }
  throw new WhoamiError('validation', { detail: t('background.settingsNeedFixing'), fieldErrors });
}

/** The one origin an account's requests, and so its secrets, may go to. */
export function destinationOf(adapter: ProviderAdapter, credentials: Record<string, string>): string {
  return new URL(adapter.baseUrl(credentials)).origin;
}

function retypeError(adapter: ProviderAdapter, fields: string[], why: string): WhoamiError {
  const fieldErrors: Record<string, string[]> = {};
  for (const name of fields) {
    const label = adapter.credentials.fields.find((f) => f.name === name)?.label ?? name;
    fieldErrors[name] = [t('background.retypeField', { field: label.toLowerCase(), why })];
  }
  return new WhoamiError('validation', { detail: t('background.retypeSecret', { why }), fieldErrors });
}

/**
 * The credentials to use for typed values: secret fields left empty ("unchanged") take the
 * stored account's secret — but only for the same provider and the origin the secret was saved
 * for. Views never hold secrets, so this is where a reused secret is bound to its place.
 */
export function completeCredentials(
  adapter: ProviderAdapter,
  typed: Record<string, string>,
  stored?: ResolvedAccount,
): Record<string, string> {
  const merged = { ...typed };
  // A sealed or forgotten secret is never reused: it would go out as the key.
  if (stored?.secretsUnavailable === 'locked') throw lockedError();
  const reused = adapter.credentials.secretFields.filter(
    (field) => !merged[field]?.trim() && stored?.account.secrets[field] && stored.secretsUnavailable === null,
  );
  if (!stored || reused.length === 0) return parseCredentials(adapter, merged);
  if (stored.account.provider !== adapter.id) {
    throw retypeError(adapter, reused, t('background.retypeOtherProvider', { provider: stored.adapter.name }));
  }
  for (const field of reused) merged[field] = stored.account.secrets[field]!;
  const credentials = parseCredentials(adapter, merged);
  const before = destinationOf(stored.adapter, stored.credentials);
  const after = destinationOf(adapter, credentials);
  if (before !== after) {
    throw retypeError(adapter, reused, t('background.retypeOtherHost', { before: new URL(before).host, after: new URL(after).host }));
  }
  return credentials;
}

/** A newly saved or changed account is fetched at once, without keeping the caller waiting. */
export function refreshSoon(refresher: Refresher, accountId: string): void {
  void refresher.refreshOne(accountId, { kind: 'force' }).catch(() => undefined);
}

/** Tells open views the account list changed; the caller's answer never waits for them. */
export function announceAccounts(platform: Platform): void {
  void platform.broadcast({ whoami: 'event', type: 'accounts' });
}
