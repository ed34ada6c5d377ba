import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, extensionWorker, launchWithExtension, test } from './fixtures';
import { addAccounts, DEMO_PEOPLE, markWorker, send, stopServiceWorker, workerHasMarker } from './helpers';

const PASSPHRASE = 'correct horse battery staple';

/** Everything in the extension's `storage.local`, as one string. */
async function dumpLocal(context: BrowserContext): Promise<string> {
  const worker = await extensionWorker(context);
  return worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));
}

async function badgeText(context: BrowserContext): Promise<string> {
  return (await extensionWorker(context)).evaluate(() => chrome.action.getBadgeText({}));
}

async function openPage(context: BrowserContext, page: 'popup' | 'options'): Promise<Page> {
  const id = new URL((await extensionWorker(context)).url()).host;
  const opened = await context.newPage();
  if (page === 'options') await opened.setViewportSize({ width: 1000, height: 900 });
  await opened.goto(`chrome-extension://${id}/${page}.html`);
  return opened;
}

// The whole life of the lock in one browser profile: on, locked, unlocked, a worker restart, a
// browser restart with the same profile directory, a new passphrase, off.
test('the passphrase lock: keys encrypted at rest, locked and unlocked, through worker and browser restarts', async ({ mock }) => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-lock-'));
  let context = await launchWithExtension(dir);
  try {
    const setup = await openPage(context, 'popup');
    await addAccounts(setup, mock, ['insighto', 'chakra']);
    await setup.close();
    const canaries = [
      mock.credentials('insighto', mock.insighto.userIds()[0]!).apiKey!,
      mock.credentials('chakra', mock.chakra.userIds()[0]!).token!,
    ];
    for (const canary of canaries) expect(await dumpLocal(context)).toContain(canary);

    // Options → Lock: the exact labels, a mismatch said on its field, then on.
    const options = await openPage(context, 'options');
    const lock = options.getByRole('region', { name: 'Lock' });
    await lock.getByRole('button', { name: 'Lock with a passphrase' }).click();
    await lock.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await lock.getByLabel('Repeat passphrase').fill(`${PASSPHRASE}!`);
    await lock.getByRole('button', { name: 'Turn on lock' }).click();
    await expect(lock.getByText("The passphrases don't match")).toBeVisible();
    await lock.getByLabel('Repeat passphrase').fill(PASSPHRASE);
    await lock.getByRole('button', { name: 'Turn on lock' }).click();
    await expect(lock.getByRole('status')).toHaveText('The lock is on. Your keys are encrypted.');
    const dump = await dumpLocal(context);
    for (const canary of canaries) expect(dump).not.toContain(canary);
    expect(dump).not.toContain(PASSPHRASE);
    expect(dump).toContain('whoami-sealed:v1:');

    // Lock now, from the popup: the last profile stays, marked locked; nothing is sent.
    const popup = await openPage(context, 'popup');
    await expect(popup.locator('.card h1')).toHaveText(DEMO_PEOPLE.insighto);
    await popup.getByRole('button', { name: 'Lock now' }).click();
    await expect(popup.getByText('Locked — profiles as last seen. Unlock to refresh or edit.')).toBeVisible();
    await expect(popup.locator('.card h1')).toHaveText(DEMO_PEOPLE.insighto);
    await expect.poll(() => badgeText(context)).toBe('🔒');
    // Refresh and edit wait for the passphrase: no button offers them, and the background sends nothing if asked.
    await expect(popup.getByRole('button', { name: 'Refresh profile' })).toHaveCount(0);
    await expect(popup.getByRole('button', { name: 'Edit profile' })).toHaveCount(0);
    mock.requests.splice(0);
    await send(popup, 'refresh', {});
    await expect(popup.locator('.card h1')).toHaveText(DEMO_PEOPLE.insighto);
    expect(mock.requests).toEqual([]);

    // A wrong passphrase says so and keeps what was typed; the right one unlocks and refreshes.
    await popup.getByLabel('Passphrase').fill('not my passphrase');
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await expect(popup.getByText('That passphrase is wrong')).toBeVisible();
    await expect(popup.getByLabel('Passphrase')).toHaveValue('not my passphrase');
    // Locked profiles say when they were last seen, as a time of day, not "Updated now".
    await expect(popup.locator('.bar .freshness')).toHaveText(/^Last updated \d{1,2}:\d{2}( [AP]M)?$/);
    // What is typed can be shown, to get a long passphrase right.
    await popup.getByLabel('Show what I type').check();
    await expect(popup.getByLabel('Passphrase')).toHaveAttribute('type', 'text');
    await popup.getByLabel('Show what I type').uncheck();
    await expect(popup.getByLabel('Passphrase')).toHaveAttribute('type', 'password');
    // Forgot it? leads to the options page, where the keys are forgotten (asked for there, not here).
    const [forgot] = await Promise.all([context.waitForEvent('page'), popup.getByRole('button', { name: 'Forgot it?' }).click()]);
    await expect(forgot.getByRole('group', { name: 'Forgot passphrase…' })).toBeVisible();
    await expect(forgot.getByRole('button', { name: 'Forget keys' })).toBeInViewport();
    await forgot.close();
    await popup.getByLabel('Passphrase').fill(PASSPHRASE);
    await popup.getByRole('button', { name: 'Unlock' }).click();
    await expect(popup.getByRole('button', { name: 'Lock now' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Refresh profile' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Edit profile' })).toBeVisible();
    await expect.poll(() => mock.requests.length).toBeGreaterThan(0);
    await expect.poll(() => badgeText(context)).toBe('');

    // A worker restart while unlocked stays unlocked.
    const id = new URL((await extensionWorker(context)).url()).host;
    await markWorker(context, id);
    await stopServiceWorker(context, id);
    expect((await send(popup, 'listAccounts', {})).lock).toBe('unlocked');
    expect(await workerHasMarker(context, id)).toBe(false);
    expect((await send(popup, 'refresh', {})).entries.map((entry) => entry.error)).toEqual([null, null]);

    // A browser restart, same profile directory: locked, the profiles still shown.
    await context.close();
    context = await launchWithExtension(dir);
    const reopened = await openPage(context, 'popup');
    await expect(reopened.getByText('Locked — profiles as last seen. Unlock to refresh or edit.')).toBeVisible();
    await expect(reopened.locator('.card h1')).toHaveText(DEMO_PEOPLE.insighto);
    for (const canary of canaries) expect(await dumpLocal(context)).not.toContain(canary);

    // Options while locked: unlock there; then a new passphrase, and off — every account works.
    const lockedOptions = await openPage(context, 'options');
    const section = lockedOptions.getByRole('region', { name: 'Lock' });
    await section.getByLabel('Passphrase').fill(PASSPHRASE);
    await section.getByRole('button', { name: 'Unlock' }).click();
    await section.getByRole('button', { name: 'Change passphrase' }).click();
    await section.getByLabel('Current passphrase').fill(PASSPHRASE);
    await section.getByLabel('New passphrase').fill('a brand new passphrase');
    await section.getByLabel('Repeat passphrase').fill('a brand new passphrase');
    await section.getByRole('button', { name: 'Save new passphrase' }).click();
    await expect(section.getByRole('status')).toHaveText('Passphrase changed.');
    expect((await send(lockedOptions, 'refresh', {})).entries.map((entry) => entry.error)).toEqual([null, null]);

    await section.getByRole('button', { name: 'Turn off lock' }).click();
    await section.getByLabel('Passphrase').fill(PASSPHRASE);
    await section.getByRole('button', { name: 'Turn off lock' }).last().click();
    await expect(section.getByText('That passphrase is wrong')).toBeVisible();
    await section.getByLabel('Passphrase').fill('a brand new passphrase');
    await section.getByRole('button', { name: 'Turn off lock' }).last().click();
    await expect(section.getByRole('status')).toHaveText('The lock is off. Keys are stored unencrypted again.');
    await expect(section.getByRole('button', { name: 'Lock with a passphrase' })).toBeVisible();
    expect((await send(lockedOptions, 'refresh', {})).entries.map((entry) => entry.error)).toEqual([null, null]);
    expect(await dumpLocal(context)).not.toContain('whoami-sealed');
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
