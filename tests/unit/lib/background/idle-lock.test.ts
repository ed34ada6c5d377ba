import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { applyIdleDetection, lockOnIdle } from '../../../../lib/background/idle-lock';
import { backgroundHarness } from '../../../support/background-harness';
import { useMockProviders } from '../../../support/use-mock-providers';

const mock = useMockProviders();
const PASSPHRASE = 'correct horse battery staple';

describe('the idle lock', () => {
  it('closes an open lock when the machine goes idle or the screen locks; not while active, not with "never"', async () => {
    const bg = backgroundHarness(mock);
    await bg.addMockAccount('chakra');
    const lockNow = () => bg.send('lockNow', {});
    const lockState = async () => (await bg.send('listAccounts', {})).lock;

    expect(await lockOnIdle('idle', lockNow)).toBe(false);
    expect(await lockState()).toBe('off');

    await bg.send('turnOnLock', { passphrase: PASSPHRASE });
    expect(await lockOnIdle('active', lockNow)).toBe(false);
    expect(await lockState()).toBe('unlocked');
    expect(await lockOnIdle('idle', lockNow)).toBe(true);
    expect(await lockState()).toBe('locked');
    expect(bg.badge()).toBe('🔒');

    await bg.send('unlock', { passphrase: PASSPHRASE });
    expect(await lockOnIdle('locked', lockNow)).toBe(true);
    expect(await lockState()).toBe('locked');

    await bg.send('unlock', { passphrase: PASSPHRASE });
    await bg.send('setSettings', { refreshMinutes: 15, lockIdleMinutes: 0 });
    expect(await lockOnIdle('idle', lockNow)).toBe(false);
    expect(await lockState()).toBe('unlocked');
  });

  it('tells the browser the idle time picked, in seconds; "never" leaves its default', async () => {
    const bg = backgroundHarness(mock);
    const setDetectionInterval = vi.fn();
    fakeBrowser.idle.setDetectionInterval = setDetectionInterval;

    await applyIdleDetection();
    expect(setDetectionInterval).toHaveBeenLastCalledWith(15 * 60);
    await bg.send('setSettings', { refreshMinutes: 15, lockIdleMinutes: 1 });
    await applyIdleDetection();
    expect(setDetectionInterval).toHaveBeenLastCalledWith(60);
    setDetectionInterval.mockClear();
    await bg.send('setSettings', { refreshMinutes: 15, lockIdleMinutes: 0 });
    await applyIdleDetection();
    expect(setDetectionInterval).not.toHaveBeenCalled();
  });
});
