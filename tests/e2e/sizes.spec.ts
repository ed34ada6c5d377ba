import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addAccounts, send } from './helpers';
import { measureTargets, popupFits } from './target-sizes';

// Issue 26: every control in the popup and the options page at least 24 × 24 px (WCAG 2.5.8),
// body text at least 13 px, in each popup state; and the popup fits Chrome's 600 px at 360 px
// wide in the error, expiry and changes states without hiding the actions. German: german.spec.ts.

async function expectComfortable(page: Page, state: string) {
  const measures = await measureTargets(page);
  const smallest = `${state}: control ${measures.controls[0]?.what} ${measures.controls[0]?.width}×${measures.controls[0]?.height}; text ${measures.smallestText.px}px (${measures.smallestText.what})`;
  test.info().annotations.push({ type: 'smallest', description: smallest });
  console.log(`smallest — ${smallest}`);
  expect(measures.controls.length, state).toBeGreaterThan(1);
  expect(measures.smallControls, state).toEqual([]);
  expect(measures.smallText, state).toEqual([]);
}

test('every control is big enough to hit and every text big enough to read, in each popup state and the options page', async ({
  openOptions,
  openPopup,
  mock,
}) => {
  const options = await openOptions();
  const [leadpingUser] = mock.leadping.userIds();
  mock.leadping.issueToken(leadpingUser!, 2 * 24 * 60 * 60);
  const [insighto, leadping] = await addAccounts(options, mock, ['insighto', 'leadping']);
  mock.leadping.userData(leadpingUser!)!.billingPlan = 'Monthly';
  await send(options, 'refresh', { accountId: leadping!.id });

  const popup = await openPopup();
  await popup.setViewportSize({ width: 360, height: 600 });
  const menu = popup.getByRole('combobox', { name: 'Account' });
  await menu.selectOption(insighto!.id);
  await popup.getByText(/^Details/).click();
  await expect(popup.locator('.fold .facts')).toBeVisible();
  await expectComfortable(popup, 'profile');

  // Expiry and changes together: the tallest healthy state.
  await menu.selectOption(leadping!.id);
  await expect(popup.getByRole('button', { name: 'Replace token' })).toBeVisible();
  await expect(popup.getByRole('region', { name: 'Changed since you last looked' })).toBeVisible();
  await expectComfortable(popup, 'expiry and changes');
  expect(await popupFits(popup, ['Replace token', 'Dismiss changes', 'Edit profile'])).toEqual({ height: expect.any(Number), hidden: [] });
  const healthy = await popupFits(popup, []);
  console.log(`popup height — expiry and changes: ${healthy.height}px`);
  expect(healthy.height).toBeLessThanOrEqual(600);

  // The error: the last good profile, the banner and its action, the changes line.
  mock.addFault({ provider: 'leadping', kind: '401' });
  await popup.getByRole('button', { name: 'Refresh profile' }).click();
  await expect(popup.getByRole('alert')).toContainText('Leadping refused your token');
  const fit = await popupFits(popup, ['Update token', 'Dismiss changes']);
  console.log(`popup height — error: ${fit.height}px`);
  expect(fit.hidden).toEqual([]);
  expect(fit.height).toBeLessThanOrEqual(600);
  await popup.getByText('Technical details').click();
  await expectComfortable(popup, 'error');
  mock.clearFaults();

  // Locked: the passphrase field, its Show toggle, Unlock and Forgot it?.
  await send(popup, 'turnOnLock', { passphrase: 'correct horse battery staple' });
  await send(popup, 'lockNow', {});
  await popup.reload();
  await expect(popup.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await expectComfortable(popup, 'locked');

  await options.reload();
  await expect(options.getByRole('heading', { name: 'Accounts' })).toBeVisible();
  await options.getByRole('button', { name: 'Add account' }).click();
  await expect(options.getByRole('form', { name: 'Add account' })).toBeVisible();
  await options.getByText('Where your credentials live').click();
  await expectComfortable(options, 'options');
});
