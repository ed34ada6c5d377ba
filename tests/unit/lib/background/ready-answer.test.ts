import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readyAnswer } from '../../../../lib/background/ready-answer';
import { noteWrite } from '../../../../lib/background/storage/area';
import { backgroundHarness, OWN_SENDER } from '../../../support/background-harness';
import { useMockProviders } from '../../../support/use-mock-providers';

// The account list's last answer, kept in storage.session for a stopped worker's first question
// (lib/background/wake.ts): kept only while nothing it was made from has changed.
const mock = useMockProviders();

const list = (bg: ReturnType<typeof backgroundHarness>) =>
  bg.core.handleMessage({ whoami: 'request', type: 'listAccounts', input: {} }, OWN_SENDER);

describe('the ready answer', () => {
  it('is the reply the background gave, kept until any write of its own', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('leadping');
    await bg.settle();
    const reply = await list(bg);
    expect(await readyAnswer()).toEqual(reply);

    await bg.send('updateAccount', { id: account.id, label: 'Renamed' });
    expect(await readyAnswer()).toBeNull();
    const renamed = await list(bg);
    expect(await readyAnswer()).toEqual(renamed);

    for (const write of [
      () => bg.send('setSettings', { expiryWarningDays: 5 }),
      () => bg.send('turnOnLock', { passphrase: 'correct horse battery' }),
      () => bg.send('refresh', { accountId: account.id }),
    ]) {
      await list(bg);
      expect(await readyAnswer()).not.toBeNull();
      await write();
      expect(await readyAnswer()).toBeNull();
    }
  });

  it('is dropped when another context changes the background’s keys, and not kept when made across a write', async () => {
    const bg = backgroundHarness(mock);
    await bg.addMockAccount('insighto');
    await bg.settle();
    await list(bg);
    // What wake.ts's storage.onChanged listener does for a change made elsewhere.
    noteWrite();
    expect(await readyAnswer()).toBeNull();

    // A write lands while the list is being made: that answer may be out of date, it is not kept.
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    fakeBrowser.storage.local.get = (async (keys?: unknown) => {
      noteWrite();
      return get(keys as never);
    }) as typeof fakeBrowser.storage.local.get;
    await list(bg);
    fakeBrowser.storage.local.get = get;
    expect(await readyAnswer()).toBeNull();
  });
});
