import { browser } from 'wxt/browser';
import { CREDENTIAL_PORT } from '../shared/messaging/channels';
import { areaKey, STORED, STORED_FAMILIES, SYNCED_LOCAL_KEYS } from '../shared/storage';
import { readyAnswer } from './ready-answer';
import { isOwnPage, isRequest, type Sender } from './sender';
import { noteWrite, storageWrites } from './storage/area';
import { welcomeOnInstall } from './welcome';
import { type Core, startCore } from './index';

// What runs when the worker wakes: every listener registered at once (a worker woken by any event
// hears it), and the background's core made when an event first needs it. The popup's first
// question, the account list, is answered from the last answer kept (ready-answer.ts) without
// making it. (Evaluating the core's modules only then too — the bundler's lazy module wrappers —
// answered faster still, 1.24–1.34 × a bare worker against 1.7, but at 42.8 kB gzip over the
// 40 kB budget: see the README's performance notes.)

/** How long after a wake its chores wait: what woke the worker is answered first. */
const WAKE_CHORES_DELAY_MS = 1_000;

// Keys the views write for themselves (and the kept answer itself): their changes say nothing
// about the background's answers.
const UNRELATED = [STORED.viewCache.key, STORED.selectedAccount.key, STORED.readyAnswer.key, STORED_FAMILIES.draft.prefix].map(areaKey);
const related = (key: string) => !UNRELATED.some((unrelated) => key.startsWith(unrelated));

export function startBackground(): void {
  let made: Core | undefined;
  const core = () => (made ??= startCore());
  const extensionOrigin = browser.runtime.getURL('/');
  // Read now, while the browser gets the event that woke the worker ready to deliver: most wakes
  // are a popup asking for the list. Used only if nothing has been written since.
  let early: Promise<unknown> | null = readyAnswer().catch(() => null);
  const writesAtWake = storageWrites();

  async function answer(message: unknown, sender: Sender): Promise<unknown> {
    const listing = (message as { type?: unknown }).type === 'listAccounts';
    if (listing && isOwnPage(sender, browser.runtime.id, extensionOrigin)) {
      const ready = early && storageWrites() === writesAtWake ? await early : await readyAnswer();
      early = null;
      if (ready !== null) return ready;
    }
    return core().handleMessage(message, sender);
  }

  // Not async: in Chrome an async listener that ignores a message still answers it. The answer
  // comes through sendResponse, which Chrome and Firefox both keep open after `return true`.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isRequest(message)) return undefined;
    void answer(message, sender).then(sendResponse);
    return true;
  });
  // Requests that carry a typed secret come over a port, which no other page hears.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== CREDENTIAL_PORT) return;
    port.onMessage.addListener((message: unknown) => {
      void core()
        .handleMessage(message, port.sender ?? {})
        .then((reply) => port.postMessage(reply))
        .catch(() => port.disconnect());
    });
  });
  browser.alarms.onAlarm.addListener((alarm) => core().onAlarm(alarm.name));
  browser.idle.onStateChanged.addListener((state) => void core().onIdle(state));
  browser.permissions.onRemoved.addListener(() => void core().onPermissionsChanged());
  browser.permissions.onAdded.addListener(() => void core().onPermissionsChanged());
  // A change to the background's keys from elsewhere (a test, another context): answers made
  // before it may be out of date. The background's own writes are counted where they are made.
  browser.storage.onChanged.addListener((changes, areaName) => {
    const keys = Object.keys(changes);
    if (keys.some(related)) noteWrite();
    // Sync's news: another device's items, or this device's accounts, definitions or settings.
    if (areaName === 'sync' || (areaName === 'local' && keys.some((key) => SYNCED_LOCAL_KEYS.has(key))))
      void core().onStorageChanged(areaName, keys);
  });
  welcomeOnInstall();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'update') void core().onUpdated();
  });
  setTimeout(() => core().chores(), WAKE_CHORES_DELAY_MS);
}
