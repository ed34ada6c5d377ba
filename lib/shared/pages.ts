/** The options page opened on its welcome guide (after a first install). */
export const WELCOME_HASH = '#welcome';

/** The options page opened on one account's edit form ("Replace token" in the popup): `#edit=<id>`. */
export const EDIT_ACCOUNT_HASH = '#edit=';

/** The options page opened where the lock's keys are forgotten ("Forgot it?" in the popup). */
export const FORGOT_PASSPHRASE_HASH = '#forgot-passphrase';

/** Where on the options page a view can open it. */
export type OptionsPlace = { editAccount: string } | 'forgot-passphrase';

/** The privacy policy, shipped with the extension as plain text (PRIVACY.md at build time). */
export const PRIVACY_PAGE = '/privacy.txt';
