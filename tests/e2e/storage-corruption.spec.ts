import { expect, test } from './fixtures';
import { addAccounts, send, stopServiceWorker } from './helpers';

test('a damaged account entry is reported and skipped; the valid accounts keep working', async ({
  mock,
  openOptions,
  openPopup,
  serviceWorker,
}) => {
  const popup = await openPopup();
  const accounts = await addAccounts(popup, mock, ['insighto', 'chakra']);
  await serviceWorker.evaluate(async () => {
    const { accounts } = (await chrome.storage.local.get('accounts')) as { accounts: unknown[] };
    await chrome.storage.local.set({ accounts: [{ id: 42, garbage: true }, ...accounts, 'not an account'] });
  });

  const options = await openOptions();
  await expect(options.getByText('2 stored entries are damaged and hidden — see “Your data” below.')).toBeVisible();
  await expect(options.getByText('account 1 is damaged (id: expected string) and was skipped')).toBeVisible();
  await expect(options.getByRole('listitem', { name: 'Insighto · insighto demo' })).toContainText('Connected');
  await expect(options.getByRole('listitem', { name: 'ChakraHQ · chakra demo' })).toContainText('Connected');

  await popup.reload();
  await popup.getByRole('combobox', { name: 'Account' }).selectOption(accounts[1]!.id);
  await expect(popup.getByRole('heading', { name: 'Mary Jackson' })).toBeVisible();

  await options.getByRole('button', { name: 'Discard damaged entries' }).click();
  await expect(options.getByText('Removed 2 damaged entries.')).toBeVisible();
  await expect(options.getByText(/are damaged and hidden/)).toHaveCount(0);
  expect((await send(options, 'listAccounts', {})).accounts).toHaveLength(2);
});

test('garbage in every other stored key: the extension recovers, says what it reset, and loses no account', async ({
  context,
  extensionId,
  mock,
  openOptions,
  openPopup,
  serviceWorker,
}) => {
  const popup = await openPopup();
  const [account] = await addAccounts(popup, mock, ['leadping']);
  await serviceWorker.evaluate(async (id) => {
    await chrome.storage.local.set({
      settings: { refreshMinutes: 'often' },
      [`profile:${id}`]: { profile: 'garbage' },
      'whoami-query-cache': '{not json',
      'ui:selected-account': 12345,
    });
    await chrome.storage.session.set({ 'edits-pending': 'garbage', 'edits-done': { x: 1 }, [`draft:${id}`]: [1, 2, 3] });
  }, account!.id);
  // A worker restart reads it all afresh.
  await stopServiceWorker(context, extensionId);

  const reopened = await openPopup();
  await expect(reopened.getByRole('heading', { name: 'Katherine Johnson' })).toBeVisible();
  await expect(reopened.getByRole('form', { name: 'Edit profile' })).toHaveCount(0);

  const options = await openOptions();
  await expect(options.getByText('Settings were damaged; the defaults are used')).toBeVisible();
  await expect(options.getByLabel('Refresh every (minutes)')).toHaveValue('30');
  await expect(options.getByRole('listitem', { name: 'Leadping · leadping demo' })).toContainText('Connected');
  const { entries } = await send(options, 'refresh', {});
  expect(entries[0]!.error).toBeNull();
});

test('an unreadable account list is set aside, not overwritten, and new accounts can be added', async ({
  mock,
  openOptions,
  serviceWorker,
}) => {
  await serviceWorker.evaluate(() => chrome.storage.local.set({ accounts: 'garbage{' }));
  const options = await openOptions();
  await expect(options.getByText('The stored account list was unreadable and has been set aside')).toBeVisible();
  await send(options, 'addAccount', {
    provider: 'chakra',
    label: 'fresh',
    credentials: mock.credentials('chakra', mock.chakra.userIds()[0]!),
  });
  await expect(options.getByRole('listitem', { name: 'ChakraHQ · fresh' })).toBeVisible();
  const kept = await serviceWorker.evaluate(() => chrome.storage.local.get('accounts-unreadable'));
  expect(kept).toEqual({ 'accounts-unreadable': 'garbage{' });
});
