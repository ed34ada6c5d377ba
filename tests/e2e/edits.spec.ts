import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addAccounts, type ProviderName, signInToWacht } from './helpers';

const fieldValue = (popup: Page, label: string) => popup.getByLabel(label, { exact: true });

async function openEditor(popup: Page, name: string) {
  await popup.reload();
  await expect(popup.getByRole('heading', { name })).toBeVisible();
  await popup.getByRole('button', { name: 'Edit profile' }).click();
}

const cases: Array<{
  provider: ProviderName;
  name: string;
  field: string;
  value: string;
  stored: (data: Record<string, unknown>) => unknown;
}> = [
  { provider: 'insighto', name: 'Ada Lovelace', field: 'Phone', value: '+44 1234 5678', stored: (d) => d.phone },
  { provider: 'wacht', name: 'Linus Torvalds', field: 'Username', value: 'torvalds', stored: (d) => d.username },
  { provider: 'leadping', name: 'Katherine Johnson', field: 'Last name', value: 'Goble', stored: (d) => d.lastName },
  { provider: 'chakra', name: 'Mary Jackson', field: 'First name', value: 'Mae', stored: (d) => d.firstName },
];

for (const c of cases) {
  test(`an edit made in the popup is on ${c.provider} afterwards`, async ({ context, mock, openPopup }) => {
    const popup = await openPopup();
    if (c.provider === 'wacht') await signInToWacht(context, mock);
    await addAccounts(popup, mock, [c.provider]);
    await openEditor(popup, c.name);
    await fieldValue(popup, c.field).fill(c.value);
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect(popup.getByText('Saved.')).toBeVisible();
    expect(c.stored(mock[c.provider].userData(mock[c.provider].userIds()[0]!) as Record<string, unknown>)).toBe(c.value);
  });
}

test('a 422 keeps what was typed and shows the errors on their fields', async ({ mock, openPopup }) => {
  const popup = await openPopup();
  await addAccounts(popup, mock, ['insighto']);
  await openEditor(popup, 'Ada Lovelace');
  mock.addFault({ provider: 'insighto', kind: '422', methods: ['PUT'] });
  await fieldValue(popup, 'Phone').fill('+1 555 0000');
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(popup.getByText('Phone is not a valid phone number (injected fault).')).toBeVisible();
  await expect(fieldValue(popup, 'Phone')).toHaveValue('+1 555 0000');
  await expect(popup.getByText('First name is not acceptable (injected fault).')).toBeVisible();
  // Focus goes to the first field in error, in the form's order.
  await expect(fieldValue(popup, 'First name')).toBeFocused();
  expect(mock.insighto.userData(mock.insighto.userIds()[0]!)).toMatchObject({ phone: '+44 20 7946 0018' });
});

test('a 401 says the key was rejected and keeps what was typed', async ({ mock, openPopup }) => {
  const popup = await openPopup();
  await addAccounts(popup, mock, ['chakra']);
  await openEditor(popup, 'Mary Jackson');
  mock.addFault({ provider: 'chakra', kind: '401', methods: ['PATCH'] });
  await fieldValue(popup, 'Last name').fill('Winston');
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(popup.getByText('Not saved: ChakraHQ refused your token')).toBeVisible();
  await expect(fieldValue(popup, 'Last name')).toHaveValue('Winston');
  // The card went back to what ChakraHQ has.
  await expect(popup.getByRole('heading', { name: 'Mary Jackson' })).toBeVisible();
});

test('a timeout says so, keeps what was typed, and sends the write once', async ({ mock, openPopup }) => {
  const popup = await openPopup();
  await addAccounts(popup, mock, ['leadping']);
  await openEditor(popup, 'Katherine Johnson');
  mock.addFault({ provider: 'leadping', kind: 'hang', methods: ['PUT'] });
  await fieldValue(popup, 'Phone').fill('+1 555 0101');
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(popup.getByText(/^Not saved: 127\.0\.0\.1:\d+ didn't answer in time$/)).toBeVisible({ timeout: 10_000 });
  await expect(fieldValue(popup, 'Phone')).toHaveValue('+1 555 0101');
  expect(mock.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
});

test('a draft survives closing the popup, until saved', async ({ mock, openPopup }) => {
  const popup = await openPopup();
  await addAccounts(popup, mock, ['chakra']);
  await openEditor(popup, 'Mary Jackson');
  await fieldValue(popup, 'First name').fill('Marie');
  await popup.close();

  const reopened = await openPopup();
  await expect(reopened.getByText('Restored your unsaved edit.')).toBeVisible();
  await expect(fieldValue(reopened, 'First name')).toHaveValue('Marie');
  await reopened.getByRole('button', { name: 'Save' }).click();
  await expect(reopened.getByText('Saved.')).toBeVisible();
  await expect(reopened.getByRole('heading', { name: 'Marie Jackson' })).toBeVisible();

  const again = await openPopup();
  await expect(again.getByRole('heading', { name: 'Marie Jackson' })).toBeVisible();
  await expect(again.getByRole('form', { name: 'Edit profile' })).toHaveCount(0);
});
