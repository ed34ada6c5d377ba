// An account's state in the options list, in words: a module of its own so the list needs no schema code.
import { t } from '../shared/i18n';

export type AccountState =
  'ok' | 'rejected' | 'token-expired' | 'signed-out' | 'permission-missing' | 'settings-incomplete' | 'error' | 'never-tested';

// The same words as the popup's: a Wacht session that ended reads "Signed out" in both.
// Each label is looked up when shown, not when this module loads.
const labels: Record<AccountState, () => string> = {
  ok: () => t('options.state.ok'),
  rejected: () => t('options.state.rejected'),
  'token-expired': () => t('options.state.tokenExpired'),
  'signed-out': () => t('options.state.signedOut'),
  'permission-missing': () => t('options.state.permissionMissing'),
  'settings-incomplete': () => t('options.state.settingsIncomplete'),
  error: () => t('options.state.error'),
  'never-tested': () => t('options.state.neverTested'),
};

/** The state in the words of the messages in use. */
export function accountStateLabel(state: AccountState): string {
  return labels[state]();
}

export function accountState(entry: { error: { kind: string } | null; attemptedAt: number | null } | undefined): AccountState {
  if (!entry || entry.attemptedAt === null) return 'never-tested';
  if (!entry.error) return 'ok';
  if (entry.error.kind === 'signed-out') return 'signed-out';
  if (entry.error.kind === 'token-expired') return 'token-expired';
  if (entry.error.kind === 'unauthorized' || entry.error.kind === 'forbidden') return 'rejected';
  if (entry.error.kind === 'permission-missing') return 'permission-missing';
  if (entry.error.kind === 'settings-incomplete') return 'settings-incomplete';
  return 'error';
}
