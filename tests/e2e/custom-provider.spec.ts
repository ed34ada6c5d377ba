import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { seriousA11yViolations } from './helpers';

test('a user connects an API Whoami has never heard of, through the options page alone', async ({ mock, openOptions, openPopup }) => {
  test.setTimeout(60_000);
  const options = await openOptions();
  await options.getByRole('button', { name: 'New provider' }).click();
  const editor = options.getByRole('form', { name: 'New provider' });

  await editor.getByLabel('Name', { exact: true }).fill('Acme Cloud');
  await expect(editor.getByLabel('Provider ID')).toHaveValue('acme-cloud');
  await editor.getByLabel('Base URL').fill(mock.baseUrl('acme'));
  await editor.getByLabel('Path', { exact: true }).fill('/api/whoami');
  await editor.getByLabel('User object at').fill('result.user');
  await editor.getByLabel('Field name').fill('apiKey');
  await editor.getByLabel('Field label').fill('API key');
  await editor.getByLabel('Header name').fill('X-API-Key');

  // A key typed into the definition itself is refused: definitions never hold credentials.
  await editor.getByLabel('Header value').fill('acme_DEMO_key_hedy_0000000000000001');
  await editor.getByRole('button', { name: 'Save provider' }).click();
  await expect(editor.getByText('use a secret account field, e.g. "Bearer {token}" — never the key itself')).toBeVisible();
  await editor.getByLabel('Header value').fill('{apiKey}');

  const mapping = {
    ID: 'uid',
    'Full name': 'given_name + family_name',
    Email: 'mail',
    'Avatar URL': 'avatar.url',
    Roles: 'role_names',
    Organization: 'teams[0].name',
    'Created at': 'created | epoch',
  };
  for (const [label, expression] of Object.entries(mapping)) await editor.getByLabel(label, { exact: true }).fill(expression);
  await editor.getByLabel('Email', { exact: true }).fill('mail | shout');
  await expect(editor.getByText('not a valid expression')).toBeVisible();
  await editor.getByLabel('Email', { exact: true }).fill('mail');

  // Try it: the raw answer beside the mapped profile, nothing saved yet.
  const apiKey = mock.credentials('acme', mock.acme.userIds()[0]!).apiKey!;
  await editor.getByLabel('API key', { exact: true }).fill(apiKey);
  await editor.getByRole('button', { name: 'Try it' }).click();
  await expect(editor.getByRole('region', { name: 'Raw response' })).toContainText('"mail": "hedy@acme.example"');
  await expect(editor.getByRole('region', { name: 'Mapped profile' })).toContainText('Hedy Lamarr');
  await expect(editor.getByRole('region', { name: 'Mapped profile' })).toContainText('2023-11-14T22:13:20.000Z');
  expect(await seriousA11yViolations(options)).toEqual([]);

  await editor.getByRole('button', { name: 'Save provider' }).click();
  await expect(options.getByText('Saved “Acme Cloud”. Add an account for it above.')).toBeVisible();

  // Now an account of it, through the same form as the built-in providers.
  await options.getByRole('button', { name: 'Add account' }).click();
  const form = options.locator('form.account-form').first();
  await form.getByLabel('Provider').selectOption({ label: 'Acme Cloud' });
  await expect(form.getByLabel('Base URL')).toHaveValue(mock.baseUrl('acme'));
  await form.getByLabel('API key', { exact: true }).fill(apiKey);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Connected as' })).toContainText('Hedy Lamarr');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('listitem', { name: 'Acme Cloud · Acme Cloud' })).toContainText('Connected');

  const popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'Hedy Lamarr' })).toBeVisible();
  await expect(popup.locator('.email')).toContainText('hedy@acme.example');
  await expect(popup.getByRole('list', { name: 'Roles and plan' })).toHaveText(/Role: Owner.*Role: Inventor/);
  // The picture came through the background, as data: the popup loads no address of its own.
  await expect(popup.locator('img.avatar')).toHaveAttribute('src', /^data:image\/(webp|png);base64,/);
  // Its raw view went through the same secret scrubbing as the built-ins.
  await popup.getByText('Raw response').click();
  await expect(popup.getByLabel('Raw response JSON')).not.toContainText(apiKey);
});

test('provider definitions export without credentials and import again', async ({ mock, openOptions }) => {
  const options = await openOptions();
  const definition = JSON.parse(fs.readFileSync('tests/fixtures/definitions/acme.json', 'utf8'));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-def-')), 'acme.json');
  fs.writeFileSync(
    file,
    JSON.stringify({ format: 'whoami-provider-definitions', version: 1, definitions: [{ ...definition, baseUrl: mock.baseUrl('acme') }] }),
  );
  await options.locator('.providers-section input[type=file]').setInputFiles(file);
  const preview = options.getByRole('region', { name: /Import providers from/ });
  await expect(preview).toContainText(`Acme Cloud · ${mock.baseUrl('acme')} — new`);
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByText('Imported 1 provider definition(s). Add accounts for them above.')).toBeVisible();
  await expect(options.getByRole('listitem', { name: 'Provider Acme Cloud' })).toBeVisible();

  // The same id again, pointing elsewhere: what would change is shown first, and Cancel keeps yours.
  fs.writeFileSync(
    file,
    JSON.stringify({
      format: 'whoami-provider-definitions',
      version: 1,
      definitions: [{ ...definition, baseUrl: 'https://acme.attacker.example' }],
    }),
  );
  await options.locator('.providers-section input[type=file]').setInputFiles(file);
  await expect(preview).toContainText(`replaces yours: base URL ${mock.baseUrl('acme')} → https://acme.attacker.example`);
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(options.getByRole('listitem', { name: 'Provider Acme Cloud' })).toContainText(mock.baseUrl('acme'));

  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export providers' }).click(),
  ]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(exported.definitions[0]).toMatchObject({ id: 'acme', auth: { type: 'header', name: 'X-API-Key', value: '{apiKey}' } });
  expect(JSON.stringify(exported)).not.toContain(mock.credentials('acme', mock.acme.userIds()[0]!).apiKey!);

  // The JSON view edits the same definition.
  await options.getByRole('button', { name: 'Edit provider Acme Cloud' }).click();
  await options.getByRole('button', { name: 'Edit as JSON' }).click();
  const json = options.getByLabel('Definition (JSON)');
  await expect(json).toHaveValue(/"envelope": "result.user"/);
  await json.fill('{ "id": "acme" }');
  await expect(options.getByText(/^name: /)).toBeVisible();
  await expect(options.getByRole('button', { name: 'Back to the form' })).toBeDisabled();
});
