import fs from 'node:fs';
import { expect, test } from './fixtures';
import { addAccounts, PROVIDERS, send, signInToWacht } from './helpers';

// After a full session with all four providers — add, refresh, edit, export — no key, token,
// session cookie, TOTP secret or backup code is anywhere but the one place a credential must
// be: the account list in the background's local storage.
test('no secret leaks anywhere after a full session', async ({ context, mock, openOptions, openPopup, serviceWorker }) => {
  test.setTimeout(60_000);
  const console: string[] = [];
  context.on('console', (message) => console.push(message.text()));

  const popup = await openPopup();
  await signInToWacht(context, mock);
  const accounts = await addAccounts(popup, mock);
  await popup.reload();

  // Edit on every provider, through the popup.
  const edits = { insighto: ['Phone', '+1 555 0000'], wacht: ['First name', 'Linus B'], leadping: ['Phone', '+1 555 0001'], chakra: ['Last name', 'Winston'] } as const;
  for (const [index, provider] of PROVIDERS.entries()) {
    await popup.getByRole('combobox', { name: 'Account' }).selectOption(accounts[index]!.id);
    await popup.getByRole('button', { name: 'Edit profile' }).click();
    await popup.getByLabel(edits[provider][0], { exact: true }).fill(edits[provider][1]);
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect(popup.getByText('Saved.')).toBeVisible();
    await popup.getByText('Raw response').click();
  }
  await send(popup, 'refresh', {});

  const options = await openOptions();
  await options.getByRole('button', { name: 'Edit insighto demo' }).click();
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export accounts' }).click()]);
  const exported = fs.readFileSync(await download.path(), 'utf8');

  const cookies = await context.cookies(mock.url);
  const secrets = {
    'Insighto key': mock.credentials('insighto', mock.insighto.userIds()[0]!).apiKey!,
    'Leadping token': mock.credentials('leadping', mock.leadping.userIds()[0]!).token!,
    'ChakraHQ token': mock.credentials('chakra', mock.chakra.userIds()[0]!).token!,
    'Wacht session cookie': cookies.find((c) => c.name === '__session')!.value,
    'TOTP secret': 'JBSWY3DPEHPK3PXPMOCKTOTPSECRET',
    'backup code': '9f3a-72bc-mock',
  };

  const storage = await serviceWorker.evaluate(async () => ({
    local: await chrome.storage.local.get(),
    sync: await chrome.storage.sync.get(),
    session: await chrome.storage.session.get(),
  }));
  const { accounts: stored, ...localWithoutAccounts } = storage.local as Record<string, unknown>;
  const places: Record<string, string> = {
    'storage.local (all but the account list)': JSON.stringify(localWithoutAccounts),
    'storage.sync': JSON.stringify(storage.sync),
    'storage.session': JSON.stringify(storage.session),
    'persisted query cache': String((storage.local as Record<string, unknown>)['whoami-query-cache']),
    'popup DOM': await popup.content(),
    'options DOM': await options.content(),
    'console output': console.join('\n'),
    'export file': exported,
  };
  expect(places['persisted query cache']).toContain('Linus');
  for (const [place, text] of Object.entries(places)) {
    for (const [name, secret] of Object.entries(secrets)) {
      expect(text.includes(secret), `${name} found in ${place}`).toBe(false);
    }
  }
  // The credentials are where they must be, and the session cookie is not even there.
  const accountList = JSON.stringify(stored);
  expect(accountList).toContain(secrets['Insighto key']);
  expect(accountList).not.toContain(secrets['Wacht session cookie']);
  expect(storage.sync).toEqual({});
});
