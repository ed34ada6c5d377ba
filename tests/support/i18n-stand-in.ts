import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// The fake browser has no i18n: unit tests read the English messages, as an English browser would.
const messages = generateChromeMessages(await parseMessagesFile('locales/en.yml'));

function getMessage(key: string, substitutions?: string | string[]): string {
  const message = messages[key]?.message;
  if (message === undefined) return '';
  const values = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (values[Number(which) - 1] ?? '')));
}

function install() {
  Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => 'en' });
}
install();
beforeEach(install);
