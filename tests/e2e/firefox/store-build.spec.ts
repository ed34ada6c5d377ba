// Shared code reads its messages: Node needs a stand-in for the browser's i18n API, loaded first.
import '../../support/node-i18n';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { descriptors } from '../../../lib/shared/providers';
import { PROVIDER_NAMES, DEMO_PEOPLE, PROVIDERS, type ProviderName } from '../helpers';
import type { MockProviders } from '../../mock-providers/server';
import { clickButton, expect, measureLongestTask, send, signInToWacht, test, textOf, typeInto, waitForText } from './fixtures';

// The Firefox store build, end to end: every host permission is asked for from the user's
// click, as it is for a user who installed Whoami from addons.mozilla.org.

/** Adds an account through the options form: visible labels, typed values, Test connection, Save. */
async function addThroughOptions(options: Page, mock: MockProviders, provider: ProviderName) {
  const credentials = mock.credentials(provider, mock[provider].userIds()[0]!);
  await clickButton(options, 'Add account');
  await options.waitForSelector('form.account-form');
  await options.select('#account-provider', provider);
  await typeInto(options, '#account-label', `${PROVIDER_NAMES[provider]} (work)`);
  for (const field of descriptors[provider].credentials.fields) {
    const value = credentials[field.name];
    if (field.kind === 'choice') await options.select(`#field-${field.name}`, value ?? field.defaultValue ?? '');
    else if (field.kind !== 'consent' && value !== undefined) await typeInto(options, `#field-${field.name}`, value);
  }
  await clickButton(options, 'Test connection', 'form.account-form');
  await waitForText(options, `Connected as ${DEMO_PEOPLE[provider]}`);
  await clickButton(options, 'Save', 'form.account-form');
  await waitForText(options, `Saved “${PROVIDER_NAMES[provider]} (work)”.`);
}

test('the store build adds, tests and saves all four providers, a user-defined one and a ready one, asking for each host from the click', async ({
  firefox,
  mock,
  openOptions,
  openPopup,
}) => {
  test.setTimeout(90_000);
  // Installing opened the options page on its welcome guide.
  await expect
    .poll(async () =>
      (
        await Promise.all(
          (await firefox.pages()).map((page) =>
            page.evaluate(() => document.querySelector('.welcome h2')?.textContent ?? '').catch(() => ''),
          ),
        )
      ).join('|'),
    )
    .toContain('Welcome to Whoami');
  await signInToWacht(firefox, mock);
  const options = await openOptions();
  const granted = () => options.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.getAll());
  expect((await granted()).origins).toEqual([]);

  for (const provider of PROVIDERS) await addThroughOptions(options, mock, provider);
  // Asked for from the clicks and granted: exactly the loopback origin of the mock providers.
  expect((await granted()).origins).toEqual(['http://127.0.0.1/*']);

  // A user-defined provider, from a definitions file, tried and saved through the options page.
  const acme = JSON.parse(fs.readFileSync('tests/fixtures/definitions/acme.json', 'utf8'));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-ff-')), 'acme.json');
  fs.writeFileSync(
    file,
    JSON.stringify({ format: 'whoami-provider-definitions', version: 1, definitions: [{ ...acme, baseUrl: mock.baseUrl('acme') }] }),
  );
  const input = await options.$('.providers-section input[type=file]');
  await input!.uploadFile(file);
  await clickButton(options, 'Import', '.providers-section');
  await waitForText(options, 'Imported 1 provider definition(s).');
  await clickButton(options, 'Add account');
  await options.select('#account-provider', 'custom:acme');
  await typeInto(options, '#field-baseUrl', mock.baseUrl('acme'));
  await typeInto(options, '#field-apiKey', mock.credentials('acme', mock.acme.userIds()[0]!).apiKey!);
  await clickButton(options, 'Test connection', 'form.account-form');
  await waitForText(options, 'Connected as Hedy Lamarr');
  await clickButton(options, 'Save', 'form.account-form');
  await waitForText(options, 'Saved “Acme Cloud”.');

  // A ready provider from the Provider list: its definition is tried, then saved with the account.
  await clickButton(options, 'Add account');
  await options.waitForSelector('#account-provider option[value="custom:gallery-github"]');
  await options.select('#account-provider', 'custom:gallery-github');
  await typeInto(options, '#field-baseUrl', mock.baseUrl('github'));
  await typeInto(options, '#field-token', mock.credentials('github', mock.github.userIds()[0]!).token!);
  await clickButton(options, 'Test connection', 'form.account-form');
  await waitForText(options, 'Connected as The Octocat');
  await clickButton(options, 'Save', 'form.account-form');
  await waitForText(options, 'Saved “GitHub”.');

  const { accounts } = await send(options, 'listAccounts', {});
  expect(accounts.map((a) => a.provider)).toEqual([...PROVIDERS, 'custom:acme', 'custom:gallery-github']);
  for (const account of accounts)
    await expect.poll(async () => (await send(options, 'getProfile', { accountId: account.id })).error).toBeNull();

  // The popup shows each profile and switches between them.
  const popup = await openPopup();
  const people = [...PROVIDERS.map((p) => DEMO_PEOPLE[p]), 'Hedy Lamarr', 'The Octocat'];
  for (const [index, account] of accounts.entries()) {
    await popup.select('select', account.id);
    await waitForText(popup, people[index]!);
  }
});

test('one edit per provider reaches the mock provider, from the popup', async ({ firefox, mock, openPopup }) => {
  test.setTimeout(60_000);
  await signInToWacht(firefox, mock);
  const popup = await openPopup();
  // Loopback is granted the way a user grants it: the popup's own button, from a click.
  for (const provider of PROVIDERS) {
    await send(popup, 'addAccount', {
      provider,
      label: PROVIDER_NAMES[provider],
      credentials: mock.credentials(provider, mock[provider].userIds()[0]!),
    });
  }
  await popup.reload({ waitUntil: [] });
  await clickButton(popup, 'Grant access');
  await waitForText(popup, DEMO_PEOPLE.insighto);
  await measureLongestTask(popup);

  const { accounts } = await send(popup, 'listAccounts', {});
  for (const [index, provider] of PROVIDERS.entries()) {
    // The last field each provider lets Whoami change, set to a value only this edit could bring.
    const field = descriptors[provider].editableFields!.at(-1)!;
    const value = field.input === 'tel' ? `+1 555 01${index}9` : `Edited${index}`;
    await popup.select('select', accounts[index]!.id);
    await waitForText(popup, DEMO_PEOPLE[provider]);
    await clickButton(popup, 'Edit profile');
    await typeInto(popup, `#edit-${field.name}`, value);
    await clickButton(popup, 'Save');
    await waitForText(popup, 'Saved.');
    // It reached the provider: the mock holds it now.
    expect(JSON.stringify(mock[provider].userData(mock[provider].userIds()[0]!))).toContain(value);
  }
});

test('a rejected key and a signed-out Wacht session say so; the export and the sync storage hold no secret', async ({
  firefox,
  mock,
  openOptions,
  openPopup,
}) => {
  test.setTimeout(60_000);
  await signInToWacht(firefox, mock);
  const options = await openOptions();
  await addThroughOptions(options, mock, 'leadping');
  await addThroughOptions(options, mock, 'wacht');
  const { accounts } = await send(options, 'listAccounts', {});

  mock.addFault({ provider: 'leadping', kind: '401' });
  const popup = await openPopup();
  await popup.select('select', accounts[0]!.id);
  await clickButton(popup, 'Refresh profile');
  await waitForText(popup, 'Leadping refused your token');
  await waitForText(popup, 'Stale');

  const signOut = await firefox.newPage();
  await signOut.goto(`${mock.baseUrl('wacht')}/sign-out`);
  await signOut.close();
  await popup.select('select', accounts[1]!.id);
  await clickButton(popup, 'Refresh profile');
  await waitForText(popup, `Signed out of Wacht — sign in at ${new URL(mock.url).host}`);

  // The export is a data: download the test reads back through the same call the button makes.
  const exported = JSON.stringify(await send(options, 'exportAccounts', {}));
  expect(exported).toContain(mock.baseUrl('leadping'));
  expect(exported).not.toContain(mock.credentials('leadping', mock.leadping.userIds()[0]!).token!);
  expect(await textOf(options)).not.toContain(mock.credentials('leadping', mock.leadping.userIds()[0]!).token!);

  // Sync (issue 27) through Firefox's own storage.sync: the accounts go there, their keys never.
  await options.evaluate(() =>
    [...document.querySelectorAll('label.checkbox')]
      .find((label) => label.textContent?.includes('Sync accounts and providers across my browsers'))
      ?.querySelector('input')
      ?.click(),
  );
  await waitForText(options, 'Last synced');
  const synced = await options.evaluate(async () =>
    JSON.stringify(await (globalThis as unknown as { browser: typeof chrome }).browser.storage.sync.get(null)),
  );
  expect(synced).toContain(`account:${accounts[0]!.id}`);
  expect(synced).toContain(`account:${accounts[1]!.id}`);
  expect(synced).not.toContain(mock.credentials('leadping', mock.leadping.userIds()[0]!).token!);
});

test('the alarm refresh runs, and a reload of the background page keeps everything', async ({ firefox, mock, openOptions, openPopup }) => {
  test.setTimeout(60_000);
  await signInToWacht(firefox, mock);
  const options = await openOptions();
  await addThroughOptions(options, mock, 'insighto');
  await addThroughOptions(options, mock, 'wacht');

  mock.requests.splice(0);
  await options.evaluate(() =>
    (globalThis as unknown as { browser: typeof chrome }).browser.alarms.create('refresh-profiles', {
      when: Date.now() + 50,
      periodInMinutes: 30,
    }),
  );
  await expect.poll(() => new Set(mock.requests.map((r) => r.provider)), { timeout: 10_000 }).toEqual(new Set(['insighto', 'wacht']));

  // Firefox's event page: reload it (as Firefox does when it unloads an idle one) and prove it
  // really restarted — a marker only the old page held is gone — with every account intact.
  const background = () =>
    options.evaluate(async (marker: boolean) => {
      const page = (await (globalThis as unknown as { browser: typeof chrome }).browser.runtime.getBackgroundPage()) as Window & {
        __marked?: boolean;
      };
      if (marker) page.__marked = true;
      return page.__marked === true;
    }, true);
  expect(await background()).toBe(true);
  await options.evaluate(async () => {
    const page = (await (globalThis as unknown as { browser: typeof chrome }).browser.runtime.getBackgroundPage()) as unknown as {
      location: Location;
    };
    page.location.reload();
  });
  await expect
    .poll(
      () =>
        options
          .evaluate(
            async () =>
              (
                (await (globalThis as unknown as { browser: typeof chrome }).browser.runtime.getBackgroundPage()) as Window & {
                  __marked?: boolean;
                }
              ).__marked === true,
          )
          .catch(() => true),
      { timeout: 10_000 },
    )
    .toBe(false);
  // The new page has loaded once it answers: a message sent while it is still evaluating its
  // script finds no listener yet (the background is larger now, so that window is wider).
  await expect
    .poll(
      () =>
        options
          .evaluate(async () => {
            const runtime = (globalThis as unknown as { browser: typeof chrome }).browser.runtime;
            const reply = (await runtime.sendMessage({ whoami: 'request', type: 'listAccounts', input: {} })) as
              { ok?: boolean } | undefined;
            return reply?.ok === true;
          })
          .catch(() => false),
      { timeout: 10_000 },
    )
    .toBe(true);
  const { accounts } = await send(options, 'listAccounts', {});
  expect(accounts.map((a) => a.provider)).toEqual(['insighto', 'wacht']);
  const popup = await openPopup();
  await waitForText(popup, DEMO_PEOPLE.insighto);
  await clickButton(popup, 'Refresh profile');
  await waitForText(popup, DEMO_PEOPLE.insighto);
  const entry = await send(popup, 'getProfile', { accountId: accounts[1]!.id });
  expect(entry.profile?.displayName).toBe(DEMO_PEOPLE.wacht);
  expect(entry.error).toBeNull();
});

test('the passphrase lock in Firefox: keys sealed in storage.local, Lock now, a wrong and the right passphrase', async ({
  mock,
  openOptions,
  openPopup,
}) => {
  test.setTimeout(60_000);
  const options = await openOptions();
  await addThroughOptions(options, mock, 'insighto');
  const canary = mock.credentials('insighto', mock.insighto.userIds()[0]!).apiKey!;
  const dumpLocal = () =>
    options.evaluate(async () =>
      JSON.stringify(await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get(null)),
    );
  expect(await dumpLocal()).toContain(canary);

  await clickButton(options, 'Lock with a passphrase');
  await typeInto(options, '#lock-on-passphrase', 'correct horse battery staple');
  await typeInto(options, '#lock-on-repeat', 'correct horse battery staple');
  await clickButton(options, 'Turn on lock');
  await waitForText(options, 'The lock is on. Your keys are encrypted.');
  const dump = await dumpLocal();
  expect(dump).not.toContain(canary);
  expect(dump).toContain('whoami-sealed:v1:');

  const popup = await openPopup();
  await waitForText(popup, DEMO_PEOPLE.insighto);
  await clickButton(popup, 'Lock now');
  await waitForText(popup, 'Locked — profiles as last seen.');
  expect(await textOf(popup)).toContain(DEMO_PEOPLE.insighto);
  await typeInto(popup, '#popup-unlock-passphrase', 'wrong passphrase');
  await clickButton(popup, 'Unlock');
  await waitForText(popup, 'That passphrase is wrong');
  await typeInto(popup, '#popup-unlock-passphrase', 'correct horse battery staple');
  await clickButton(popup, 'Unlock');
  await waitForText(popup, 'Lock now');
  const { entries } = await send(popup, 'refresh', {});
  expect(entries.map((entry) => entry.error)).toEqual([null]);
});
