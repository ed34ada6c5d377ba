import type { AccountSummary, ProfileEntry } from '../shared/model';
import { accountState } from '../shared/account-state';
import { maskSecret } from './secrets/scrub';
import { expiryWithWarning } from './secrets/token-expiry';
import { EXPIRY_WARNING_DAYS } from '../shared/limits';
import type { ResolvedAccount } from './storage/accounts';
import { isSealed } from './secrets/vault';
import { t } from '../shared/i18n';

/**
 * An account as views may see it: its settings, and each secret as a "••••abcd" hint. A field
 * stored as secret stays hidden even if its provider's definition no longer calls it one, and
 * a setting the definition now calls secret is hidden too.
 */
export function summarize(
  { account, adapter, credentials }: Pick<ResolvedAccount, 'account' | 'adapter' | 'credentials'>,
  expiryWarningDays: number = EXPIRY_WARNING_DAYS.default,
  /** The account's stored profile entry: when the provider said the session expires, and how the last refresh went. */
  entry?: Pick<ProfileEntry, 'error' | 'attemptedAt' | 'profile' | 'changes'>,
): AccountSummary {
  const sessionExpiresAt = entry?.profile?.sessionExpiresAt ?? null;
  const secretNow = new Set<string>(adapter.credentials.secretFields);
  const settings: Record<string, string> = {};
  for (const [name, value] of Object.entries(account.settings)) {
    if (!secretNow.has(name) && !(name in account.secrets)) settings[name] = value;
  }
  const secretHints: Record<string, string> = {};
  for (const [name, value] of Object.entries(account.secrets)) {
    // Sealed by the lock: its last characters are the ciphertext's, which say nothing.
    secretHints[name] = isSealed(value) ? '••••' : value === '' ? t('background.secretForgottenHint') : maskSecret(value);
  }
  return {
    id: account.id,
    provider: account.provider,
    providerName: adapter.name,
    label: account.label,
    settings,
    secretHints,
    origins: adapter.origins(credentials),
    host: new URL(adapter.baseUrl(credentials)).host,
    signInUrl: adapter.signInUrl?.(credentials) ?? null,
    editableFields: (adapter.update?.fields ?? []).map(({ name, label, input }) => ({ name, label, input })),
    avatarUpload: adapter.avatar ? { maxBytes: adapter.avatar.maxBytes, types: [...adapter.avatar.types] } : null,
    createdAt: account.createdAt,
    revision: account.revision,
    tokenExpiry: expiryWithWarning(account.secrets, expiryWarningDays, sessionExpiresAt),
    status: { state: accountState(entry), changed: (entry?.changes?.length ?? 0) > 0 },
  };
}
