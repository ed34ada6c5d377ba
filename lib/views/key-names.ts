import { t } from '../shared/i18n';

// The browser reports shortcuts in English key names ("Alt+Shift+U") whatever its language;
// a German Chrome labels the same keys "Alt+Umschalt+U". Letters, digits and F-keys stay.
const KEY_MESSAGES: Record<string, () => string> = {
  Shift: () => t('keys.shift'),
  Ctrl: () => t('keys.ctrl'),
  MacCtrl: () => t('keys.ctrl'),
  Command: () => t('keys.command'),
  Space: () => t('keys.space'),
};

/** A shortcut with each key as the user's browser names it. */
export function shortcutInWords(shortcut: string): string {
  return shortcut
    .split('+')
    .map((key) => KEY_MESSAGES[key.trim()]?.() ?? key)
    .join('+');
}
