import { describe, expect, it } from 'vitest';
import { backgroundHarness } from '../../../support/background-harness';
import { useMockProviders } from '../../../support/use-mock-providers';

const mock = useMockProviders();

// The account list carries each account's state, so a view can say which account needs the user
// without reading every profile (issue 26: every account's state, from any account).
describe('the account list says how each account is', () => {
  it('rejected, changed since last looked, or fine — and follows a refresh and a dismissal', async () => {
    const bg = backgroundHarness(mock);
    const leadping = await bg.addMockAccount('leadping');
    const insighto = await bg.addMockAccount('insighto');
    await bg.settle();
    const statusOf = async (id: string) => (await bg.send('listAccounts', {})).accounts.find((a) => a.id === id)!.status;
    expect(await statusOf(leadping.id)).toEqual({ state: 'ok', changed: false });

    mock.addFault({ provider: 'insighto', kind: '401', times: 1 });
    await bg.send('refresh', { accountId: insighto.id });
    expect(await statusOf(insighto.id)).toEqual({ state: 'rejected', changed: false });

    mock.leadping.userData(mock.leadping.userIds()[0]!)!.billingPlan = 'Monthly';
    await bg.send('refresh', { accountId: leadping.id });
    expect(await statusOf(leadping.id)).toEqual({ state: 'ok', changed: true });
    await bg.send('dismissChanges', { accountId: leadping.id });
    expect(await statusOf(leadping.id)).toEqual({ state: 'ok', changed: false });

    await bg.send('refresh', { accountId: insighto.id });
    expect(await statusOf(insighto.id)).toEqual({ state: 'ok', changed: false });
  });
});
