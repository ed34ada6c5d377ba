import { WhoamiError } from '../../errors';
import type { Registry } from '../../providers/registry';
import type { ProviderAdapter } from '../../providers/types';
import { describeIssue } from '../../zod-issues';
import type { StoredAccount } from '../accounts-store';
import type { Editor } from '../editor';
import type { Platform } from '../platform';
import type { Refresher } from '../refresher';

export interface HandlerDeps {
  platform: Platform;
  refresher: Refresher;
  editor: Editor;
  onSettingsChanged(refreshMinutes: number): Promise<void>;
}

export function adapterOrThrow(registry: Registry, provider: string): ProviderAdapter {
  const adapter = registry.adapterFor(provider);
  if (!adapter) throw new WhoamiError('unsupported', { detail: `Whoami doesn't know the provider "${provider}"` });
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
  throw new WhoamiError('validation', { detail: 'Some settings need fixing', fieldErrors });
}

/** Secret fields left empty keep what is stored: views never hold secrets to send back. */
export function withStoredSecrets(adapter: ProviderAdapter, values: Record<string, string>, stored?: StoredAccount) {
  const merged = { ...values };
  for (const field of adapter.credentials.secretFields) {
    if (!merged[field]?.trim() && stored?.credentials[field]) merged[field] = stored.credentials[field];
  }
  return merged;
}

/** A newly saved or changed account is fetched at once, without keeping the caller waiting. */
export function refreshSoon(refresher: Refresher, accountId: string): void {
  void refresher.refreshOne(accountId, { kind: 'force' }).catch(() => undefined);
}

/** Tells open views the account list changed; the caller's answer never waits for them. */
export function announceAccounts(platform: Platform): void {
  void platform.broadcast({ whoami: 'event', type: 'accounts' });
}
