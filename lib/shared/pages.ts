/** The options page opened on its welcome guide (after a first install). */
export const WELCOME_HASH = '#welcome';

/** The privacy policy, shipped with the extension as plain text (PRIVACY.md at build time). */
export const PRIVACY_PAGE = '/privacy.txt';
