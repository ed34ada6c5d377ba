import { expect, test } from './fixtures';
import { addAccounts, DEMO_PEOPLE } from './helpers';

// The popup opened on a page of a connected account's site shows that account first and says
// so. Here the popup page opens in a window of its own, so the page stays the active tab of the
// window it is in, as it is when the toolbar popup opens over it.
test('a popup opened over a provider’s page selects that account and says so; elsewhere the last choice stands', async ({
  context,
  extensionId,
  serviceWorker,
  openPopup,
  mock,
}) => {
  test.setTimeout(60_000);
  const setup = await openPopup();
  const [, leadping] = await addAccounts(setup, mock, ['insighto', 'leadping']);
  // The last choice: Leadping. The setup popup may have kept a copy of the list from before
  // Leadping was added; the first popup below paints from it, and must not remember what it shows.
  await setup.close();
  await serviceWorker.evaluate((id) => chrome.storage.local.set({ 'ui:selected-account': id }), leadping!.id);

  const openPopupWindow = async () => {
    const opened = context.waitForEvent('page', { predicate: (page) => page.url().endsWith('/popup.html') });
    await serviceWorker.evaluate(
      (url) => chrome.windows.create({ url, type: 'popup', focused: false }),
      `chrome-extension://${extensionId}/popup.html`,
    );
    return opened;
  };

  // On the provider's own host (the mock providers live on 127.0.0.1, its own site).
  const page = await context.newPage();
  await page.goto(`${mock.baseUrl('insighto')}/`);
  const popup = await openPopupWindow();
  await expect(popup.getByRole('status').filter({ hasText: 'the site of this tab' })).toHaveText(
    'Showing the account for 127.0.0.1, the site of this tab.',
  );
  // All mock providers share that host: the first account on it is shown, not the last choice.
  await expect(popup.locator('.card h1')).toHaveText(DEMO_PEOPLE.insighto);
  await popup.close();

  // On another site, with the provider's page still open in another window behind it: no notice,
  // the last choice stands (only the window the popup is opened over counts).
  await page.goto('about:blank');
  await serviceWorker.evaluate(
    async (url) => {
      const [here] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      await chrome.windows.create({ url, focused: false });
      await chrome.windows.update(here!.windowId, { focused: true });
    },
    `${mock.baseUrl('insighto')}/`,
  );
  const activeUrls = () =>
    serviceWorker.evaluate(async () => ({
      focused: (await chrome.tabs.query({ active: true, lastFocusedWindow: true })).map((tab) => tab.url ?? ''),
      all: (await chrome.tabs.query({ active: true })).map((tab) => tab.url ?? ''),
    }));
  await expect
    .poll(async () => {
      const { focused, all } = await activeUrls();
      return {
        focusedOnProvider: focused.some((url) => url.startsWith('http')),
        elsewhereOnProvider: all.some((url) => url.startsWith('http')),
      };
    })
    .toEqual({ focusedOnProvider: false, elsewhereOnProvider: true });
  const elsewhere = await openPopupWindow();
  await expect(elsewhere.locator('.card h1')).toHaveText(DEMO_PEOPLE.leadping);
  await expect(elsewhere.locator('.tab-notice')).toHaveCount(0);
});
