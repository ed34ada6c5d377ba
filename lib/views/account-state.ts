// An account's state in words (the options list, the popup's account menu): a module of its own so
// they need no schema code.
import { t } from '../shared/i18n';

import type { AccountState } from '../shared/account-state';

export { accountState, type AccountState } from '../shared/account-state';

// The same words as the popup's: a Wacht session that ended reads "Signed out" in both.
// Each label is looked up when shown, not when this module loads.
const labels: Record<AccountState, () => string> = {
  ok: () => t('options.state.ok'),
  rejected: () => t('options.state.rejected'),
  'token-expired': () => t('options.state.tokenExpired'),
  'signed-out': () => t('options.state.signedOut'),
  'permission-missing': () => t('options.state.permissionMissing'),
  'settings-incomplete': () => t('options.state.settingsIncomplete'),
  'needs-key': () => t('options.state.needsKey'),
  error: () => t('options.state.error'),
  'never-tested': () => t('options.state.neverTested'),
};

/** The state in the words of the messages in use. */
export function accountStateLabel(state: AccountState): string {
  return labels[state]();
}
