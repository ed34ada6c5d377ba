import { expect, test } from './fixtures';
import { addAccounts, send } from './helpers';

test('a plan change between two refreshes shows in the popup until dismissed; the user’s own edit is not news', async ({
  openPopup,
  mock,
}) => {
  const popup = await openPopup();
  const [account] = await addAccounts(popup, mock, ['leadping']);
  mock.leadping.userData(mock.leadping.userIds()[0]!)!.billingPlan = 'Monthly';
  await send(popup, 'refresh', { accountId: account!.id });

  await popup.reload();
  const changes = popup.getByRole('region', { name: 'Changed since you last looked' });
  await expect(changes.locator('.change')).toHaveText([/^Plan: Annual → Monthly · now$/]);
  // What is new comes first: one line above the profile, and the chip that changed says so.
  expect(await changes.evaluate((line) => Boolean(line.compareDocumentPosition(document.querySelector('.card')!) & 4))).toBe(true);
  await expect(popup.locator('.badge-changed')).toHaveText('Plan: Monthly (changed)');

  // An edit made here changes the name: no news of it after the next refresh.
  await popup.getByRole('button', { name: 'Edit profile' }).click();
  await popup.getByLabel('First name').fill('Kate');
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(popup.locator('.card h1')).toContainText('Kate');
  const [refreshed] = (await send(popup, 'refresh', { accountId: account!.id })).entries;
  expect(refreshed!.profile?.displayName).toContain('Kate');
  expect(refreshed!.changes?.map((change) => change.field)).toEqual(['plan']);
  await expect(changes.locator('.change')).toHaveCount(1);

  await changes.getByRole('button', { name: 'Dismiss changes' }).click();
  await expect(changes).toHaveCount(0);
  await popup.reload();
  await expect(popup.locator('.card h1')).toContainText('Kate');
  await expect(popup.getByRole('region', { name: 'Changed since you last looked' })).toHaveCount(0);
});
