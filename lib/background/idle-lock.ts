import { browser } from 'wxt/browser';
import { LOCK_IDLE_MINUTES } from '../shared/limits';
import { vault } from './secrets/vault';
import { settingsStore } from './storage/settings';

// The passphrase lock closes after the idle time the user picked (0: only on Lock now and when
// the browser closes), and when the screen locks.

async function lockIdleMinutes(): Promise<number> {
  return (await settingsStore.read()).settings.lockIdleMinutes ?? LOCK_IDLE_MINUTES.default;
}

/** Tells the browser the idle time picked; 0 (never) leaves the browser's default. */
export async function applyIdleDetection(): Promise<void> {
  const minutes = await lockIdleMinutes();
  // The browser's floor is 15 seconds.
  if (minutes > 0) browser.idle.setDetectionInterval(Math.max(15, minutes * 60));
}

/** What an idle-state change does: idle or a locked screen closes an open lock, unless the user chose never. */
export async function lockOnIdle(state: 'active' | 'idle' | 'locked', lockNow: () => Promise<unknown>): Promise<boolean> {
  if (state === 'active') return false;
  if ((await lockIdleMinutes()) === 0 || (await vault.state()) !== 'unlocked') return false;
  await lockNow();
  return true;
}
