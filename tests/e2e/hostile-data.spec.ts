import type { Page } from '@playwright/test';
import { HOSTILE_AVATARS, hostileCopy } from '../fixtures/hostile';
import { expect, test } from './fixtures';
import { PROVIDERS, type ProviderName, send, signInToWacht } from './helpers';

// Keys whose values must stay what they are for the account to work at all.
const KEEP = new Set(['id', 'user', 'createdAt', 'updatedAt', 'modifiedAt', 'created_at', 'updated_at', 'verified_at']);

/** Watches a page for anything hostile data could make it do. */
function guard(page: Page) {
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('chrome-extension://') && !url.startsWith('http://127.0.0.1')) problems.push(`request: ${url}`);
  });
  return problems;
}

async function expectInert(popup: Page, problems: string[]) {
  expect(await popup.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await popup.locator('#root script, #root iframe, #root style, #root a[href^="javascript"], #root main svg').count()).toBe(0);
  for (const src of await popup.locator('#root img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src))) {
    expect(src).toMatch(/^(https:|http:\/\/127\.0\.0\.1)/);
  }
  // Nothing pushes the 360 px popup sideways.
  expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(problems).toEqual([]);
}

async function createHostileUser(
  mock: Parameters<Parameters<typeof test>[2]>[0]['mock'],
  provider: ProviderName,
  extra: Record<string, unknown> = {},
) {
  const template = mock[provider].userData(mock[provider].userIds()[0]!);
  const hostile = hostileCopy(template, KEEP) as Record<string, unknown>;
  delete hostile.id;
  return mock[provider].createUser({ ...hostile, ...extra });
}

for (const provider of PROVIDERS) {
  test(`hostile text in every field of a ${provider} profile renders as inert text`, async ({ context, mock, openPopup }) => {
    const userId = await createHostileUser(mock, provider, provider === 'wacht' ? { username: '<b>evil</b>"user' } : {});
    const popup = await openPopup();
    const problems = guard(popup);
    if (provider === 'wacht') await signInToWacht(context, mock, userId);
    const account = await send(popup, 'addAccount', {
      provider,
      label: '<img src=x onerror=alert(1)>',
      credentials: mock.credentials(provider, userId),
    });
    const entry = (await send(popup, 'refresh', { accountId: account.id })).entries[0]!;
    expect(entry.error).toBeNull();
    await popup.reload();
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText(entry.profile!.displayName);
    await popup.getByText(/^Details/).click();
    await popup.getByText('Raw response').click();
    await expect(popup.getByLabel('Raw response JSON')).toContainText('window.__pwned');
    await expectInert(popup, problems);
    // The edit form shows the same values, as values.
    await popup.getByRole('button', { name: 'Edit profile' }).click();
    await expect(popup.getByRole('form', { name: 'Edit profile' })).toBeVisible();
    await expectInert(popup, problems);
  });
}

for (const provider of ['wacht', 'chakra'] as const) {
  test(`unsafe ${provider} avatar URLs are never loaded`, async ({ context, mock, openPopup }) => {
    test.setTimeout(60_000);
    const popup = await openPopup();
    const problems = guard(popup);
    const field = provider === 'wacht' ? 'profile_picture_url' : 'profileImageUrl';
    for (const [index, url] of HOSTILE_AVATARS.entries()) {
      const userId = mock[provider].createUser({ [field]: url, ...(provider === 'wacht' ? { username: `avatar${index}` } : {}) });
      // One browser session at a time on a deployment: each case signs in as its user.
      if (provider === 'wacht') await signInToWacht(context, mock, userId);
      const account = await send(popup, 'addAccount', {
        provider,
        label: `case ${index}`,
        credentials: mock.credentials(provider, userId),
      });
      const entry = (await send(popup, 'refresh', { accountId: account.id })).entries[0]!;
      expect(entry.profile?.avatarUrl, url).toBeNull();
      await popup.reload();
      if (index > 0) await popup.getByRole('combobox', { name: 'Account' }).selectOption(account.id);
      await expect(popup.locator('.avatar-initials')).toBeVisible();
      await expect(popup.locator('#root img')).toHaveCount(0);
    }
    await expectInert(popup, problems);
  });
}
