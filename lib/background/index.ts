import { browser } from 'wxt/browser';
import type { ViewEvent } from '../shared/messaging/replies';
import { accountsStore } from './storage/accounts';
import { createEditor } from './editor';
import { createHandlers } from './handlers';
import { followGalleryUpdates } from './gallery-updates';
import { browserPlatform, type Platform } from './platform';
import { createPermissionKeeper } from './permissions';
import { redactKnownSecrets } from './secrets/redact';
import { oneLine } from '../shared/text';
import { createRefresher } from './refresher';
import { createRouter } from './router';
import { isOwnPage } from './sender';
import { keepReadyAnswer } from './ready-answer';
import { storageWrites } from './storage/area';
import { settingsStore } from './storage/settings';
import { applyIdleDetection, lockOnIdle } from './idle-lock';
import { announceAccounts, refreshSoon } from './handlers/context';
import type { SyncArea } from './sync/engine';
import { localSide } from './sync/local';
import { browserSyncArea, createSyncService } from './sync/service';

const REFRESH_ALARM = 'refresh-profiles';
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
export function createBackgroundCore(basePlatform: Platform, onSettingsChanged = scheduleRefresh, syncArea: SyncArea = browserSyncArea()) {
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
  // Another device's items go through this device's own handlers: the same checks as its own saves.
  const sync = createSyncService({
    area: syncArea,
    local: localSide({
      saveDefinition: async (definition) => void (await handlers.saveDefinition({ definition })),
      removeDefinition: async (id) => void (await handlers.removeDefinition({ id })),
      removeAccount: async (id) => void (await handlers.removeAccount({ id })),
      accountChanged(id) {
        announceAccounts(platform);
        refreshSoon(refresher, id);
      },
      settingsChanged: onSettingsChanged,
    }),
  });
  const handlers = createHandlers({ platform, refresher, editor, permissions, onSettingsChanged, sync });
  const extensionOrigin = browser.runtime.getURL('/');
  const route = createRouter(handlers, (sender) => isOwnPage(sender, browser.runtime.id, extensionOrigin), redactStored);
  // The account list's answer is kept for the next wake — unless something was written while it
  // was being made (it may already be out of date).
  const handleMessage: typeof route = async (message, sender) => {
    const writesBefore = storageWrites();
    const reply = await route(message, sender);
    const listed = (message as { type?: unknown }).type === 'listAccounts';
    if (listed && reply.ok && storageWrites() === writesBefore) await keepReadyAnswer(reply);
    return reply;
  };
  return { handlers, handleMessage, refresher, editor, permissions, sync };
}

/**
 * The background's core, loaded when the worker first needs it (lib/background/wake.ts registers
 * the listeners and hands each event here): the handlers, the refresher and the chores of a wake.
 */
export function startCore(platform: Platform = browserPlatform()) {
  const { handleMessage, handlers, refresher, editor, permissions, sync } = createBackgroundCore(platform, async (minutes) => {
    await scheduleRefresh(minutes);
    await applyIdleDetection();
  });
  return {
    handleMessage,
    onAlarm(name: string) {
      if (name === REFRESH_ALARM) void refresher.refreshAll({ kind: 'due' });
    },
    onIdle: (state: 'active' | 'idle' | 'locked') => lockOnIdle(state, () => handlers.lockNow({})).catch(() => undefined),
    onPermissionsChanged: () => refresher.syncPermissions(),
    /** This device's accounts, definitions or settings changed, or another device's synced items did. */
    onStorageChanged: (areaName: string, keys: string[]) => sync.noteChange(areaName, keys).catch(() => undefined),
    /** Whoami was updated: ready providers in use follow their corrected entries. */
    onUpdated: () => followGalleryUpdates((definition) => handlers.saveDefinition({ definition })).catch(() => []),
    /** What a stop may have cut short (the browser keeps the alarm, the idle time and the badge across restarts). */
    chores() {
      void ensureRefreshAlarm();
      void applyIdleDetection();
      void editor.recoverInterrupted();
      void refresher.updateBadge();
      // A picture host that changed, a host granted for a connection test and never saved: given back.
      void permissions.prune();
      // What another device changed while this worker was stopped.
      void sync.syncNow();
    },
  };
}

export type Core = ReturnType<typeof startCore>;
