import { browser } from 'wxt/browser';
import type { ViewEvent } from '../shared/messaging/replies';
import { CREDENTIAL_PORT } from '../shared/messaging/channels';
import { accountsStore } from './storage/accounts';
import { createEditor } from './editor';
import { createHandlers } from './handlers';
import { browserPlatform, type Platform } from './platform';
import { createPermissionKeeper } from './permissions';
import { redactKnownSecrets } from './secrets/redact';
import { oneLine } from '../shared/text';
import { createRefresher } from './refresher';
import { createRouter, isOwnPage, isRequest } from './router';
import { settingsStore } from './storage/settings';
import { welcomeOnInstall } from './welcome';
import { applyIdleDetection, lockOnIdle } from './idle-lock';

const REFRESH_ALARM = 'refresh-profiles';
/** How long after a wake its chores wait: the message that woke the worker is answered first. */
const WAKE_CHORES_DELAY_MS = 1_000;
// What a notification shows without cutting, on Chrome's and Firefox's desktop alike.
const MAX_NOTIFICATION_TITLE = 80;
const MAX_NOTIFICATION_TEXT = 200;

async function scheduleRefresh(minutes: number): Promise<void> {
  await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: minutes, delayInMinutes: minutes });
}

async function ensureRefreshAlarm(): Promise<void> {
  const [existing, { settings }] = await Promise.all([browser.alarms.get(REFRESH_ALARM), settingsStore.read()]);
  if (existing?.periodInMinutes !== settings.refreshMinutes) await scheduleRefresh(settings.refreshMinutes);
}

/** The background's parts, without browser listeners: what the unit tests drive. */
export function createBackgroundCore(basePlatform: Platform, onSettingsChanged = scheduleRefresh) {
  // The last net: whatever leaves the background — an answer or an event — has every stored
  // secret value redacted, wherever in it a bug or a provider may have put one.
  const redactStored = async <T>(value: T): Promise<T> => redactKnownSecrets(value, await accountsStore.secretValues());
  // Inherits the rest of the platform live, so a test may still swap a part of it.
  const platform: Platform = Object.create(basePlatform, {
    broadcast: { value: async (event: ViewEvent) => basePlatform.broadcast(await redactStored(event)) },
    // A notification shows provider text outside Whoami's pages: redacted, one short line each.
    notify: {
      value: async (notification: Parameters<Platform['notify']>[0]) => {
        const { id, title, message } = await redactStored(notification);
        await basePlatform.notify({ id, title: oneLine(title, MAX_NOTIFICATION_TITLE), message: oneLine(message, MAX_NOTIFICATION_TEXT) });
      },
    },
  });
  const refresher = createRefresher(platform);
  const editor = createEditor(refresher, platform);
  const permissions = createPermissionKeeper(platform);
  const handlers = createHandlers({ platform, refresher, editor, permissions, onSettingsChanged });
  const extensionOrigin = browser.runtime.getURL('/');
  const handleMessage = createRouter(handlers, (sender) => isOwnPage(sender, browser.runtime.id, extensionOrigin), redactStored);
  return { handlers, handleMessage, refresher, editor, permissions };
}

/**
 * Wires the background: one message router, the refresh alarm, permission changes. Every
 * listener is registered synchronously, so a worker woken by any of them hears it; all state
 * is in storage, so a stopped worker loses nothing.
 */
export function startBackground(platform: Platform = browserPlatform()) {
  const { handleMessage, handlers, refresher, editor, permissions } = createBackgroundCore(platform, async (minutes) => {
    await scheduleRefresh(minutes);
    await applyIdleDetection();
  });

  // Not async: in Chrome an async listener that ignores a message still answers it. The answer
  // comes through sendResponse, which Chrome and Firefox both keep open after `return true`.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isRequest(message)) return undefined;
    void handleMessage(message, sender).then(sendResponse);
    return true;
  });
  // Requests that carry a typed secret come over a port, which no other page hears.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== CREDENTIAL_PORT) return;
    port.onMessage.addListener((message: unknown) => {
      void handleMessage(message, port.sender ?? {})
        .then((reply) => port.postMessage(reply))
        .catch(() => port.disconnect());
    });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refresher.refreshAll({ kind: 'due' });
  });
  browser.idle.onStateChanged.addListener((state) => void lockOnIdle(state, () => handlers.lockNow({})).catch(() => undefined));
  browser.permissions.onRemoved.addListener(() => void refresher.syncPermissions());
  browser.permissions.onAdded.addListener(() => void refresher.syncPermissions());
  welcomeOnInstall();

  // Chores of every wake, after what woke the worker has been answered: a popup waiting on a
  // stopped worker gets its answer first (the browser keeps the alarm, the idle time and the
  // badge across a worker's restarts; these only mend what a stop cut short).
  setTimeout(() => {
    void ensureRefreshAlarm();
    void applyIdleDetection();
    void editor.recoverInterrupted();
    void refresher.updateBadge();
    // A picture host that changed, a host granted for a connection test and never saved: given back.
    void permissions.prune();
  }, WAKE_CHORES_DELAY_MS);
}
