import { EDIT_ACCOUNT_HASH, FORGOT_PASSPHRASE_HASH, type OptionsPlace } from '../shared/pages';

// The options page's own reading of its address (the popup only writes it).

/** The place an options page address names, if any. */
export function optionsPlaceOf(hash: string): OptionsPlace | null {
  if (hash === FORGOT_PASSPHRASE_HASH) return 'forgot-passphrase';
  if (!hash.startsWith(EDIT_ACCOUNT_HASH)) return null;
  try {
    const editAccount = decodeURIComponent(hash.slice(EDIT_ACCOUNT_HASH.length));
    return editAccount ? { editAccount } : null;
  } catch {
    return null;
  }
}
