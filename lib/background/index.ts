import { browser } from 'wxt/browser';
import { createEditor } from './editor';
import { createHandlers } from './handlers';
import { browserPlatform, type Platform } from './platform';
import { createRefresher } from './refresher';
import { createRouter, isOwnPage, isRequest } from './router';
import { settingsStore } from './settings-store';

const REFRESH_ALARM = 'refresh-profiles';

async function scheduleRefresh(minutes: number): Promise<void> {
  await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: minutes, delayInMinutes: minutes });
}

async function ensureRefreshAlarm(): Promise<void> {
  const [existing, { settings }] = await Promise.all([browser.alarms.get(REFRESH_ALARM), settingsStore.read()]);
  if (existing?.periodInMinutes !== settings.refreshMinutes) await scheduleRefresh(settings.refreshMinutes);
}

/** The background's parts, without browser listeners: what the unit tests drive. */
export function createBackgroundCore(platform: Platform, onSettingsChanged = scheduleRefresh) {
  const refresher = createRefresher(platform);
  const editor = createEditor(refresher, platform);
  const handlers = createHandlers({ platform, refresher, editor, onSettingsChanged });
  const extensionOrigin = browser.runtime.getURL('/');
  const handleMessage = createRouter(handlers, (sender) => isOwnPage(sender, browser.runtime.id, extensionOrigin));
  return { handlers, handleMessage, refresher, editor };
}

/**
 * Wires the background: one message router, the refresh alarm, permission changes. Every
 * listener is registered synchronously, so a worker woken by any of them hears it; all state
 * is in storage, so a stopped worker loses nothing.
 */
export function startBackground(platform: Platform = browserPlatform()) {
  const { handleMessage, refresher, editor } = createBackgroundCore(platform);

  // Not async: in Chrome an async listener that ignores a message still answers it.
  browser.runtime.onMessage.addListener((message, sender) => (isRequest(message) ? handleMessage(message, sender) : undefined));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refresher.refreshAll({ kind: 'due' });
  });
  browser.permissions.onRemoved.addListener(() => void refresher.syncPermissions());
  browser.permissions.onAdded.addListener(() => void refresher.syncPermissions());

  void ensureRefreshAlarm();
  void editor.recoverInterrupted();
  void refresher.updateBadge();

}
