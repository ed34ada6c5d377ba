import fs from 'node:fs';
import { expect, test } from './fixtures';
import {
  accountForm,
  DEMO_PEOPLE,
  fillAccountForm,
  PROVIDER_NAMES,
  PROVIDERS,
  send,
  seriousA11yViolations,
  signInToWacht,
} from './helpers';
import { TINY_PNG } from '../fixtures/pictures';

test('a new user connects all four providers through the options page alone', async ({ context, mock, openOptions, openPopup }) => {
  test.setTimeout(60_000);
  await signInToWacht(context, mock);
  const options = await openOptions();
  expect(await seriousA11yViolations(options)).toEqual([]);

  for (const provider of PROVIDERS) {
    await fillAccountForm(options, mock, provider);
    await accountForm(options).getByRole('button', { name: 'Test connection' }).click();
    await expect(options.getByRole('status').filter({ hasText: 'Connected as' })).toContainText(DEMO_PEOPLE[provider]);
    await accountForm(options).getByRole('button', { name: 'Save' }).click();
    await expect(options.getByText(`Saved “${PROVIDER_NAMES[provider]} (work)”.`)).toBeVisible();
    const row = options.getByRole('listitem', { name: `${PROVIDER_NAMES[provider]} · ${PROVIDER_NAMES[provider]} (work)` });
    await expect(row).toContainText('Connected');
    await expect(row).toContainText(DEMO_PEOPLE[provider]);
  }
  expect(await seriousA11yViolations(options)).toEqual([]);

  // Secrets are shown masked, never in full.
  const page = await options.content();
  const key = mock.credentials('insighto', mock.insighto.userIds()[0]!).apiKey!;
  expect(page).not.toContain(key);
  await expect(options.getByRole('listitem', { name: 'Insighto · Insighto (work)' })).toContainText(`••••${key.slice(-4)}`);

  const popup = await openPopup();
  const switcher = popup.getByRole('combobox', { name: 'Account' });
  for (const provider of PROVIDERS) {
    await switcher.selectOption({ label: `${PROVIDER_NAMES[provider]} · ${PROVIDER_NAMES[provider]} (work)` });
    await expect(popup.getByRole('heading', { name: DEMO_PEOPLE[provider] })).toBeVisible();
  }
});

test('a wrong key gets the exact error, and a malformed one an inline error', async ({ mock, openOptions }) => {
  const options = await openOptions();
  await fillAccountForm(options, mock, 'insighto', { overrides: { apiKey: 'sk-live-123' } });
  await accountForm(options).getByLabel('Label', { exact: true }).click();
  await expect(options.getByText('Insighto API keys start with "in-"')).toBeVisible();
  await expect(accountForm(options).getByLabel('API key', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await accountForm(options).getByLabel('API key', { exact: true }).fill('in-thisKeyIsWellFormedButNotKnownToInsighto00');
  await accountForm(options).getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Key rejected' })).toHaveText(
    'Key rejected — Insighto said: “Invalid API key”',
  );

  // Leadping says which kind of credential it refused.
  await accountForm(options).getByRole('button', { name: 'Cancel' }).click();
  await fillAccountForm(options, mock, 'leadping', { overrides: { token: mock.leadping.apiKeyOf(mock.leadping.userIds()[0]!) } });
  await accountForm(options).getByLabel('Authentication').selectOption('api-key');
  await accountForm(options).getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Key rejected' })).toContainText(
    'The API key (X-Leadping-Api-Key) was refused; /users/me needs a user token',
  );
});

test('a declined permission leaves a clear state with a way to ask again', async ({ context, mock, openOptions, openPopup }) => {
  // The browser's own prompt can't be clicked headless: the user's "no" is stood in for here.
  await context.addInitScript(() => {
    if (location.protocol === 'chrome-extension:') chrome.permissions.request = async () => false;
  });
  const options = await openOptions();
  const localhost = mock.baseUrl('chakra').replace('127.0.0.1', 'localhost');
  await fillAccountForm(options, mock, 'chakra', { overrides: { baseUrl: localhost } });
  await accountForm(options).getByRole('button', { name: 'Save' }).click();
  const host = new URL(localhost).host;
  await expect(options.getByText(`Saved “ChakraHQ (work)”, but Whoami can't reach ${host} until you grant access.`)).toBeVisible();
  const row = options.getByRole('listitem', { name: 'ChakraHQ · ChakraHQ (work)' });
  await expect(row).toContainText('Permission missing');
  await expect(row.getByRole('button', { name: 'Grant access' })).toBeVisible();

  const popup = await openPopup();
  await expect(popup.locator('.banner-title')).toHaveText(`Whoami needs permission to reach ${host}`);
  await expect(popup.getByRole('button', { name: 'Grant access' })).toBeVisible();
  expect(mock.requests.filter((r) => r.provider === 'chakra')).toHaveLength(0);
});

test('editing keeps the saved secret unless a new one is typed; the reveal toggle shows what is typed', async ({ mock, openOptions }) => {
  const options = await openOptions();
  await fillAccountForm(options, mock, 'leadping');
  await accountForm(options).getByRole('button', { name: 'Save' }).click();
  await options.getByRole('button', { name: 'Edit Leadping (work)' }).click();
  const token = accountForm(options).getByLabel('Token', { exact: true });
  await expect(token).toHaveValue('');
  await expect(token).toHaveAttribute('placeholder', /^••••.{4} \(unchanged\)$/);
  await accountForm(options).getByLabel('Label', { exact: true }).fill('Leadping (sales)');
  await accountForm(options).getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Connected as' })).toContainText('Katherine Johnson');
  await accountForm(options).getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('listitem', { name: 'Leadping · Leadping (sales)' })).toContainText('Connected');

  // Pointed at another origin, the saved token is not reused: it must be typed again.
  await options.getByRole('button', { name: 'Edit Leadping (sales)' }).click();
  const before = mock.requests.length;
  await accountForm(options).getByLabel('Base URL').fill(`http://127.0.0.1:9/leadping`);
  await accountForm(options).getByRole('button', { name: 'Test connection' }).click();
  await expect(
    accountForm(options).getByText(`Type the token again: the saved one is only ever sent to ${new URL(mock.url).host}`),
  ).toBeVisible();
  await expect(accountForm(options).getByLabel('Token', { exact: true })).toBeFocused();
  await accountForm(options).getByRole('button', { name: 'Save' }).click();
  await expect(accountForm(options).getByText(/Type the token again/)).toBeVisible();
  expect(mock.requests.length).toBe(before);
  await accountForm(options).getByRole('button', { name: 'Cancel' }).click();
  expect((await send(options, 'listAccounts', {})).accounts[0]!.settings.baseUrl).toBe(mock.baseUrl('leadping'));

  await options.getByRole('button', { name: 'Add account' }).click();
  await accountForm(options).getByLabel('Provider').selectOption({ label: 'Insighto' });
  await accountForm(options).getByLabel('API key', { exact: true }).fill('in-secret');
  await expect(accountForm(options).getByLabel('API key', { exact: true })).toHaveAttribute('type', 'password');
  await accountForm(options).getByRole('button', { name: 'Show API key' }).click();
  await expect(accountForm(options).getByLabel('API key', { exact: true })).toHaveAttribute('type', 'text');
});

test('export has no secrets; import restores what needs none and asks for the rest', async ({ context, mock, openOptions, openPopup }) => {
  await signInToWacht(context, mock);
  const options = await openOptions();
  for (const provider of ['wacht', 'insighto'] as const) {
    await fillAccountForm(options, mock, provider);
    await accountForm(options).getByRole('button', { name: 'Save' }).click();
    await expect(options.getByText(`Saved “${PROVIDER_NAMES[provider]} (work)”.`)).toBeVisible();
  }
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export accounts' }).click(),
  ]);
  const file = await download.path();
  const text = fs.readFileSync(file, 'utf8');
  expect(text).not.toContain(mock.credentials('insighto', mock.insighto.userIds()[0]!).apiKey!);
  expect(JSON.parse(text)).toMatchObject({
    format: 'whoami-accounts',
    accounts: [{ provider: 'wacht' }, { provider: 'insighto', settings: { baseUrl: mock.baseUrl('insighto') } }],
  });

  await options.getByRole('button', { name: 'Forget everything…' }).click();
  await options.getByRole('button', { name: 'Delete everything' }).click();
  await expect(options.getByText('No accounts yet.', { exact: false })).toBeVisible();
  const popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'Connect your first account' })).toBeVisible();

  await options.locator('.data-section input[type=file]').setInputFiles(file);
  // Nothing is saved before the user has seen which hosts the file would connect to.
  const preview = options.getByRole('region', { name: /Import from/ });
  await expect(preview).toContainText(`Whoami would connect to this host: ${new URL(mock.url).host}.`);
  await expect(preview).toContainText('Insighto (work) · Insighto · ' + new URL(mock.url).host + ' — you will type its key or token');
  expect((await send(options, 'listAccounts', {})).accounts).toEqual([]);
  await preview.getByRole('button', { name: 'Import 2 accounts' }).click();
  await expect(options.getByText('Imported 1 account(s). 1 need their key or token: enter it below.')).toBeVisible();
  await expect(accountForm(options).getByLabel('API key', { exact: true })).toHaveValue('');
  await expect(accountForm(options).getByLabel('Base URL')).toHaveValue(mock.baseUrl('insighto'));
  await accountForm(options).getByLabel('API key', { exact: true }).fill(mock.credentials('insighto', mock.insighto.userIds()[0]!).apiKey!);
  await accountForm(options).getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('listitem', { name: 'Insighto · Insighto (work)' })).toContainText('Connected');
  await expect(options.getByRole('listitem', { name: 'Wacht · Wacht (work)' })).toContainText('Connected');
  // The open popup followed along.
  await expect(popup.getByRole('combobox', { name: 'Account' })).toBeVisible();
});

test('removing asks to confirm, and an open popup follows live', async ({ mock, openOptions, openPopup }) => {
  const options = await openOptions();
  await fillAccountForm(options, mock, 'chakra');
  await accountForm(options).getByRole('button', { name: 'Save' }).click();
  const popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'Mary Jackson' })).toBeVisible();

  await options.getByRole('button', { name: 'Remove ChakraHQ (work)' }).click();
  await expect(options.getByRole('button', { name: 'Keep' })).toBeFocused();
  await options.getByRole('button', { name: 'Keep' }).click();
  await expect(options.getByRole('listitem', { name: 'ChakraHQ · ChakraHQ (work)' })).toBeVisible();
  await options.getByRole('button', { name: 'Remove ChakraHQ (work)' }).click();
  await options.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(options.getByText('No accounts yet.', { exact: false })).toBeVisible();
  await expect(popup.getByRole('heading', { name: 'Connect your first account' })).toBeVisible();
  const accounts = await send(options, 'listAccounts', {});
  expect(accounts.accounts).toEqual([]);
});

test('a Wacht account takes a new picture from the options page, checked before upload', async ({
  context,
  mock,
  openOptions,
  openPopup,
}) => {
  await signInToWacht(context, mock);
  const options = await openOptions();
  await fillAccountForm(options, mock, 'wacht');
  await accountForm(options).getByRole('button', { name: 'Save' }).click();
  const row = options.getByRole('listitem', { name: 'Wacht · Wacht (work)' });
  await expect(row).toContainText('Connected');
  const picker = row.locator('input[type=file]');

  await picker.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
  await expect(row.getByText('Use a PNG, JPEG, WEBP, GIF image.')).toBeVisible();
  expect(mock.requests.filter((r) => r.path === '/me/profile-picture')).toHaveLength(0);

  await picker.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: Buffer.from(TINY_PNG) });
  await expect(row.getByText('Picture updated.')).toBeVisible();
  const popup = await openPopup();
  await expect(popup.locator('img.avatar')).toHaveAttribute('src', /^data:image\/(webp|png);base64,/);
  const account = (await send(options, 'listAccounts', {})).accounts[0]!;
  expect((await send(options, 'getProfile', { accountId: account.id })).picture).toMatchObject({
    state: 'loaded',
    source: `${mock.baseUrl('wacht')}/picture/${mock.wacht.userIds()[0]}?v=1`,
  });
  // Only Wacht takes a picture from Whoami.
  await fillAccountForm(options, mock, 'chakra');
  await accountForm(options).getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('listitem', { name: 'ChakraHQ · ChakraHQ (work)' }).getByText('Change picture…')).toHaveCount(0);
});

test('two options tabs editing one account: the later save says it changed and overwrites nothing', async ({ mock, openOptions }) => {
  const first = await openOptions();
  await fillAccountForm(first, mock, 'chakra');
  await accountForm(first).getByRole('button', { name: 'Save' }).click();
  await expect(first.getByRole('listitem', { name: 'ChakraHQ · ChakraHQ (work)' })).toContainText('Connected');
  const second = await openOptions();
  for (const page of [first, second]) await page.getByRole('button', { name: 'Edit ChakraHQ (work)' }).click();

  await accountForm(first).getByLabel('Label', { exact: true }).fill('Chakra (renamed in tab 1)');
  await accountForm(first).getByRole('button', { name: 'Save' }).click();
  await expect(first.getByText('Saved “Chakra (renamed in tab 1)”.')).toBeVisible();

  await accountForm(second).getByLabel('Label', { exact: true }).fill('Chakra (tab 2)');
  await accountForm(second).getByRole('button', { name: 'Save' }).click();
  await expect(accountForm(second).getByRole('alert')).toContainText(
    'Changed in another window — reopen it to see the latest, then edit again',
  );
  // What was typed stays in the form; what was saved stays saved.
  await expect(accountForm(second).getByLabel('Label', { exact: true })).toHaveValue('Chakra (tab 2)');
  expect((await send(second, 'listAccounts', {})).accounts.map((a) => a.label)).toEqual(['Chakra (renamed in tab 1)']);
});
