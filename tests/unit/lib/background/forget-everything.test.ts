import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundHarness, OWN_SENDER } from '../../../support/background-harness';
import { useMockProviders } from '../../../support/use-mock-providers';

// Found by the third look from outside (issue 23, 5): Forget everything cleared storage without
// waiting for work in flight — a refresh still out wrote its profile back (a name and an email
// on disk with no account), and an account update racing it could leave a key in plain text.
const mock = useMockProviders();

const stored = async () => fakeBrowser.storage.local.get();

describe('Forget everything with work in flight', () => {
  it('a refresh and an edit still out when it runs write nothing back', async () => {
    const bg = backgroundHarness(mock);
    const leadping = await bg.addMockAccount('leadping');
    const insighto = await bg.addMockAccount('insighto');
    await bg.settle();
    mock.setLatency(300);
    const refreshing = bg.core.handleMessage({ whoami: 'request', type: 'refresh', input: { accountId: leadping.id } }, OWN_SENDER);
    const editing = bg.core.handleMessage(
      { whoami: 'request', type: 'updateProfile', input: { accountId: insighto.id, editId: 'e-racing', changes: { firstName: 'Racing' } } },
      OWN_SENDER,
    );
    await new Promise((resolve) => setTimeout(resolve, 100)); // both are out, waiting for the provider
    await bg.send('forgetEverything', {});
    await Promise.all([refreshing, editing]);
    await bg.settle();
    const left = Object.keys(await stored());
    console.log(`after Forget everything with a refresh and an edit out: storage.local keys ${JSON.stringify(left)}`);
    expect(left.filter((key) => key.startsWith('profile:') || key === 'accounts')).toEqual([]);
    expect(JSON.stringify(await stored())).not.toContain('Katherine');
  });

  it('an account update racing it with the lock on leaves no key behind', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('leadping');
    await bg.settle();
    await bg.send('turnOnLock', { passphrase: 'correct horse battery' });
    const { baseUrl, authStyle } = mock.credentials('leadping', mock.leadping.userIds()[0]!);
    const newToken = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyYWNlIn0.racing-token-0123456789';
    // Forget everything is clicked just as the update has read the account list to change it.
    const local = fakeBrowser.storage.local;
    const get = local.get.bind(local);
    let accountReads = 0;
    let forgetting: Promise<unknown> | undefined;
    local.get = (async (keys?: unknown) => {
      const value = await get(keys as never);
      if (JSON.stringify(keys ?? null).includes('"accounts"') && ++accountReads === 2) {
        forgetting = bg.send('forgetEverything', {});
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return value;
    }) as typeof local.get;
    const updating = bg.core.handleMessage(
      { whoami: 'request', type: 'updateAccount', input: { id: account.id, credentials: { baseUrl, authStyle, token: newToken } } },
      OWN_SENDER,
    );
    await updating;
    await forgetting;
    local.get = get;
    await bg.settle();
    const everything = await stored();
    console.log(`update racing Forget everything, lock on: storage.local keys ${JSON.stringify(Object.keys(everything))}`);
    expect(forgetting).toBeDefined();
    expect(JSON.stringify(everything)).not.toContain(newToken);
    expect(Object.keys(everything)).not.toContain('accounts');
  });
});
