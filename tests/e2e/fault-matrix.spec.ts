import { faultCases } from './fault-cases';
import { expect, test } from './fixtures';
import { DEMO_PEOPLE, PROVIDER_NAMES, PROVIDERS, send, signInToWacht } from './helpers';

// Every fault × every provider, in the popup: the specific message, the last good profile
// kept and marked stale, the worker still answering, and the other account untouched.
// Rate limiting goes last: its Retry-After holds the account for 30 s.
const ordered = [...faultCases.filter((c) => c.fault !== '429'), ...faultCases.filter((c) => c.fault === '429')];

for (const provider of PROVIDERS) {
  test(`fault matrix: ${provider}`, async ({ context, mock, openPopup }) => {
    test.setTimeout(90_000);
    const other = provider === 'chakra' ? 'leadping' : 'chakra';
    const popup = await openPopup();
    if (provider === 'wacht') await signInToWacht(context, mock);
    const userId = mock[provider].userIds()[0]!;
    const credentials = mock.credentials(provider, userId);
    const account = await send(popup, 'addAccount', { provider, label: 'under test', credentials });
    const bystander = await send(popup, 'addAccount', {
      provider: other,
      label: 'bystander',
      credentials: mock.credentials(other, mock[other].userIds()[0]!),
    });
    await send(popup, 'refresh', {});
    await popup.reload();
    await popup.getByRole('combobox', { name: 'Account' }).selectOption(account.id);
    await expect(popup.getByRole('heading', { name: DEMO_PEOPLE[provider] })).toBeVisible();
    // The account's own secret (Wacht's: the browser's session cookie) must never reach the page.
    const secret =
      provider === 'wacht'
        ? (await context.cookies(mock.url)).find((c) => c.name === '__session')!.value
        : (credentials.apiKey ?? credentials.token)!;
    const refresh = popup.getByRole('button', { name: 'Refresh profile' });
    const banner = popup.locator('.banner-title');

    for (const faultCase of ordered) {
      await test.step(faultCase.fault, async () => {
        let host = new URL(mock.url).host;
        if (faultCase.fault === 'offline') {
          // A refused connection: the account pointed at a port nobody listens on.
          host = '127.0.0.1:9';
          const field = provider === 'wacht' ? 'deploymentUrl' : 'baseUrl';
          await send(popup, 'updateAccount', { id: account.id, credentials: { ...credentials, [field]: `http://${host}/${provider}` } });
        } else {
          mock.addFault({ provider, userId, kind: faultCase.fault, retryAfterSec: 30 });
        }
        await refresh.click();
        const facts = { name: PROVIDER_NAMES[provider], host, id: provider };
        // The rate-limit countdown may already have ticked once.
        const message = faultCase.fault === '429' ? /^Rate limited — retrying in (29|30) seconds$/ : faultCase.message(facts);
        await expect(banner).toHaveText(message, { timeout: 10_000 });
        const action = faultCase.action(facts);
        const button = popup.getByRole('alert').getByRole('button');
        if (action) await expect(button).toHaveText(action);
        else await expect(button).toHaveCount(0);
        await expect(popup.getByRole('heading', { name: DEMO_PEOPLE[provider] })).toBeVisible();
        await expect(popup.getByText('Stale', { exact: true })).toBeVisible();
        expect(await popup.content()).not.toContain(secret);
        // The worker keeps running and the other account is unaffected.
        const status = await send(popup, 'getStatus', {});
        expect(status.accounts).toBe(2);
        expect((await send(popup, 'getProfile', { accountId: bystander.id })).error).toBeNull();

        mock.clearFaults();
        if (faultCase.fault === 'offline') await send(popup, 'updateAccount', { id: account.id, credentials });
        if (faultCase.fault !== '429') {
          await refresh.click();
          await expect(banner).toHaveCount(0);
          await expect(popup.getByText('Stale', { exact: true })).toHaveCount(0);
        }
      });
    }
  });
}
