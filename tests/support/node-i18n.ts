import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

// Node has no browser i18n API: scripts that load Whoami's shared code outside the browser (the
// mock providers, the bench, e2e helpers) read the English messages, as an English browser would.
// Import this before anything from lib/.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const messages = generateChromeMessages(parseMessagesText(fs.readFileSync(path.join(root, 'locales/en.yml'), 'utf8'), 'YAML'));

const scope = globalThis as { chrome?: object };
scope.chrome ??= { i18n: { getMessage: (name: string) => messages[name]?.message ?? '', getUILanguage: () => 'en' } };
