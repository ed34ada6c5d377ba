import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { backgroundHarness } from '../../../support/background-harness';
import type { DefinitionInput } from '../../../../lib/shared/custom/definition';
import acme from '../../../fixtures/definitions/acme.json';
import { useMockProviders } from '../../../support/use-mock-providers';

const mock = useMockProviders();
const PASSPHRASE = 'correct horse battery staple';

/** Everything in `storage.local`, as one string. */
const dumpLocal = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

async function withTwoAccounts() {
  const bg = backgroundHarness(mock);
  const insighto = await bg.addMockAccount('insighto');
  const chakra = await bg.addMockAccount('chakra');
  await bg.settle();
  const secrets = [
    mock.credentials('insighto', mock.insighto.userIds()[0]!).apiKey!,
    mock.credentials('chakra', mock.chakra.userIds()[0]!).token!,
  ];
  return { bg, insighto, chakra, secrets };
}

describe('the passphrase lock', () => {
  it('turned on, leaves no secret in plain text in storage.local, and the accounts keep working', async () => {
    const { bg, insighto, secrets } = await withTwoAccounts();
    for (const secret of secrets) expect(await dumpLocal()).toContain(secret);
    // The popup's first-frame cache, as a popup leaves it: the account list with key hints.
    const hints = (await bg.send('listAccounts', {})).accounts.map((account) => account.secretHints);
    await fakeBrowser.storage.local.set({ 'whoami-query-cache': JSON.stringify({ queries: [{ data: hints }] }) });

    expect(await bg.send('turnOnLock', { passphrase: PASSPHRASE })).toEqual({ lock: 'unlocked' });
    const dump = await dumpLocal();
    for (const secret of secrets) expect(dump).not.toContain(secret);
    expect(dump).not.toContain(PASSPHRASE);
    for (const hint of hints.flatMap((h) => Object.values(h))) expect(dump).not.toContain(hint);
    // Each value its own IV: the same secret twice seals to two different texts.
    const stored = (await fakeBrowser.storage.local.get('accounts')).accounts as Array<{ secrets: Record<string, string> }>;
    expect(stored.map((a) => Object.values(a.secrets)[0])).toEqual([
      expect.stringMatching(/^whoami-sealed:v1:/),
      expect.stringMatching(/^whoami-sealed:v1:/),
    ]);
    // The key is in session storage only.
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain('lock-key');

    mock.requests.splice(0);
    const [entry] = (await bg.send('refresh', { accountId: insighto.id })).entries;
    expect(entry!.error).toBeNull();
    expect(mock.requests.at(-1)?.url).toContain(`api_key=${secrets[0]}`);
    expect((await bg.send('listAccounts', {})).lock).toBe('unlocked');
  });

  it('locked: profiles stay as last seen, nothing is sent, edits and new accounts wait, the badge shows the lock', async () => {
    const { bg, insighto } = await withTwoAccounts();
    await bg.send('turnOnLock', { passphrase: PASSPHRASE });
    const before = await bg.send('getProfile', { accountId: insighto.id });
    expect(await bg.send('lockNow', {})).toEqual({ lock: 'locked' });
    expect(bg.badge()).toBe('🔒');

    mock.requests.splice(0);
    const [entry] = (await bg.send('refresh', {})).entries;
    expect(mock.requests).toEqual([]);
    expect(entry).toEqual(before);
    const listed = await bg.send('listAccounts', {});
    expect(listed.lock).toBe('locked');
    expect(listed.accounts.map((a) => a.secretHints)).toEqual([{ apiKey: '••••' }, { token: '••••' }]);

    const edit = await bg
      .send('updateProfile', { accountId: insighto.id, editId: 'e1', changes: { firstName: 'Augusta' } })
      .catch((e) => e);
    expect(edit.info.kind).toBe('locked');
    const added = await bg.addMockAccount('leadping').catch((e) => e);
    expect(added.info).toMatchObject({ kind: 'locked', detail: 'Whoami is locked. Unlock it with your passphrase first' });
    expect(mock.requests).toEqual([]);
    // Exports never hold a secret, locked or not.
    expect(JSON.stringify(await bg.send('exportAccounts', {}))).not.toMatch(/whoami-sealed|in-|••••/);

    // The same edit, sent again once unlocked, goes through.
    await bg.send('unlock', { passphrase: PASSPHRASE });
    const saved = await bg.send('updateProfile', { accountId: insighto.id, editId: 'e1', changes: { firstName: 'Augusta' } });
    expect(saved.profile?.firstName).toBe('Augusta');
  });

  it('locked: an account with no stored key (a Wacht cookie session) and a key left plain wait too', async () => {
    const { bg, insighto } = await withTwoAccounts();
    const wacht = await bg.addMockAccount('wacht');
    await bg.settle();
    await bg.send('turnOnLock', { passphrase: PASSPHRASE });
    await bg.send('lockNow', {});
    // A write cut off before sealing would leave a key plain; locked, it is not sent either.
    const stored = (await fakeBrowser.storage.local.get('accounts')).accounts as Array<{ id: string; secrets: Record<string, string> }>;
    const apiKey = mock.credentials('insighto', mock.insighto.userIds()[0]!).apiKey!;
    await fakeBrowser.storage.local.set({
      accounts: stored.map((a) => (a.id === insighto.id ? { ...a, secrets: { apiKey } } : a)),
    });

    mock.requests.splice(0);
    await bg.send('refresh', {});
    await bg.send('refresh', { accountId: wacht.id });
    const edit = await bg.send('updateProfile', { accountId: wacht.id, editId: 'w1', changes: { firstName: 'Grace' } }).catch((e) => e);
    expect(edit.info.kind).toBe('locked');
    expect(mock.requests).toEqual([]);

    await bg.send('unlock', { passphrase: PASSPHRASE });
    await bg.settle();
    expect(mock.requests.map((r) => r.provider).sort()).toEqual(['chakra', 'insighto', 'wacht']);
    const saved = await bg.send('updateProfile', { accountId: wacht.id, editId: 'w1', changes: { firstName: 'Grace' } });
    expect(saved.profile?.firstName).toBe('Grace');
    // Unlocking sealed the key the cut-off write had left plain.
    expect(await dumpLocal()).not.toContain(apiKey);
  });

  it('Lock now stops a refresh still waiting for its turn: nothing more is sent, and what waited keeps its profile', async () => {
    const bg = backgroundHarness(mock);
    mock.insighto.createUser();
    mock.leadping.createUser();
    const accounts = [
      await bg.addMockAccount('insighto', 0),
      await bg.addMockAccount('insighto', 1),
      await bg.addMockAccount('chakra', 0),
      await bg.addMockAccount('leadping', 0),
      await bg.addMockAccount('leadping', 1),
      await bg.addMockAccount('insighto', 2, 'third'),
    ];
    await bg.settle();
    await bg.send('turnOnLock', { passphrase: PASSPHRASE });
    const before = await Promise.all(accounts.map(({ id }) => bg.send('getProfile', { accountId: id })));
    // Every mock provider is on one host: four go out, two wait for a slot.
    mock.setLatency(400);
    mock.requests.splice(0);
    bg.advance(60_000);
    const refreshing = bg.send('refresh', {});
    await vi.waitFor(() => expect(mock.requests).toHaveLength(4));
    await bg.send('lockNow', {});
    const { entries } = await refreshing;
    await bg.settle();

    expect(mock.requests).toHaveLength(4);
    expect(entries.map((entry) => entry.error)).toEqual(accounts.map(() => null));
    // The four sent before the lock are new; the two that waited are exactly as they were.
    const unchanged = entries.filter((entry, i) => JSON.stringify(entry) === JSON.stringify(before[i]));
    expect(unchanged).toHaveLength(2);
  });

  it('an edit already sent when Lock now lands finishes whole (Wacht: its write and the read after it)', async () => {
    const bg = backgroundHarness(mock);
    const wacht = await bg.addMockAccount('wacht');
    await bg.settle();
    await bg.send('turnOnLock', { passphrase: PASSPHRASE });
    mock.setLatency(300);
    mock.requests.splice(0);
    const editing = bg.send('updateProfile', { accountId: wacht.id, editId: 'w2', changes: { firstName: 'Grace' } });
    await vi.waitFor(() => expect(mock.requests).toHaveLength(1));
    await bg.send('lockNow', {});
    expect((await editing).profile?.firstName).toBe('Grace');
    expect(mock.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it('a user-defined provider is not tried while locked: a browser-session one would send the cookies', async () => {
    const bg = backgroundHarness(mock);
    await bg.addMockAccount('insighto');
    await bg.send('turnOnLock', { passphrase: PASSPHRASE });
    await bg.send('lockNow', {});
    mock.requests.splice(0);
    const tried = await bg
      .send('tryDefinition', {
        definition: { ...acme, baseUrl: mock.baseUrl('acme') } as unknown as DefinitionInput,
        credentials: { baseUrl: mock.baseUrl('acme'), ...mock.credentials('acme', mock.acme.userIds()[0]!) },
      })
      .catch((e) => e);
    expect(tried.info?.kind).toBe('locked');
    expect(mock.requests).toEqual([]);
  });

  it('says a wrong passphrase is wrong; the right one unlocks and refreshes what waited', async () => {
    const { bg, insighto } = await withTwoAccounts();
    await bg.send('turnOnLock', { passphrase: PASSPHRASE });
    await bg.send('lockNow', {});

    const wrong = await bg.send('unlock', { passphrase: 'not the passphrase' }).catch((e) => e);
    expect(wrong.info).toMatchObject({ kind: 'validation', fieldErrors: { passphrase: ['That passphrase is wrong'] } });
    expect((await bg.send('listAccounts', {})).lock).toBe('locked');

    mock.requests.splice(0);
    expect(await bg.send('unlock', { passphrase: PASSPHRASE })).toEqual({ lock: 'unlocked' });
    await bg.settle();
    expect(mock.requests.map((r) => r.provider).sort()).toEqual(['chakra', 'insighto']);
    expect((await bg.send('refresh', { accountId: insighto.id })).entries[0]!.error).toBeNull();
    expect(bg.badge()).toBe('');
  });

  it('a worker restart stays unlocked; a browser restart (session storage gone) is locked', async () => {
    const { bg, insighto } = await withTwoAccounts();
    await bg.send('turnOnLock', { passphrase: PASSPHRASE });

    const restartedWorker = backgroundHarness(mock);
    expect((await restartedWorker.send('listAccounts', {})).lock).toBe('unlocked');
    expect((await restartedWorker.send('refresh', { accountId: insighto.id })).entries[0]!.error).toBeNull();

    await fakeBrowser.storage.session.clear();
    const restartedBrowser = backgroundHarness(mock);
    expect((await restartedBrowser.send('listAccounts', {})).lock).toBe('locked');
    mock.requests.splice(0);
    await restartedBrowser.send('refresh', {});
    expect(mock.requests).toEqual([]);
  });

  it('changes the passphrase and turns off, and every account keeps working', async () => {
    const { bg, secrets } = await withTwoAccounts();
    await bg.send('turnOnLock', { passphrase: PASSPHRASE });

    const wrong = await bg.send('changePassphrase', { current: 'nope nope nope', next: 'a brand new phrase' }).catch((e) => e);
    expect(wrong.info.fieldErrors).toEqual({ current: ['That passphrase is wrong'] });
    await bg.send('changePassphrase', { current: PASSPHRASE, next: 'a brand new phrase' });
    await bg.send('lockNow', {});
    expect((await bg.send('unlock', { passphrase: PASSPHRASE }).catch((e) => e)).info.kind).toBe('validation');
    await bg.send('unlock', { passphrase: 'a brand new phrase' });
    const refreshed = (await bg.send('refresh', {})).entries;
    expect(refreshed.map((e) => e.error)).toEqual([null, null]);

    expect(await bg.send('turnOffLock', { passphrase: 'a brand new phrase' })).toEqual({ lock: 'off' });
    const dump = await dumpLocal();
    for (const secret of secrets) expect(dump).toContain(secret);
    expect(dump).not.toContain('whoami-sealed');
    expect((await bg.send('refresh', {})).entries.map((e) => e.error)).toEqual([null, null]);
  });

  it('"forgot passphrase" forgets the secrets only: accounts stay and ask for their keys again', async () => {
    const { bg, insighto, secrets } = await withTwoAccounts();
    await bg.send('turnOnLock', { passphrase: PASSPHRASE });
    await bg.send('lockNow', {});

    expect(await bg.send('forgetSecrets', {})).toEqual({ lock: 'off' });
    const listed = await bg.send('listAccounts', {});
    expect(listed.accounts.map((a) => a.label)).toHaveLength(2);
    expect(listed.accounts[0]!.secretHints).toEqual({ apiKey: 'key needed' });
    const [entry] = (await bg.send('refresh', { accountId: insighto.id })).entries;
    expect(entry!.error).toMatchObject({ kind: 'unauthorized' });
    expect(entry!.profile).not.toBeNull();

    await bg.send('updateAccount', { id: insighto.id, credentials: mock.credentials('insighto', mock.insighto.userIds()[0]!) });
    expect((await bg.send('refresh', { accountId: insighto.id })).entries[0]!.error).toBeNull();
    expect(await dumpLocal()).not.toContain(secrets[1]);
  });

  it('a Lock now during a passphrase change loses nothing: every account opens with one of the two passphrases', async () => {
    const { bg } = await withTwoAccounts();
    await bg.send('turnOnLock', { passphrase: PASSPHRASE });
    const change = bg.send('changePassphrase', { current: PASSPHRASE, next: 'a brand new phrase' }).catch((e) => e);
    const locking = bg.send('lockNow', {});
    await Promise.all([change, locking]);
    const state = (await bg.send('listAccounts', {})).lock;
    if (state === 'locked') {
      const unlocked = await bg
        .send('unlock', { passphrase: 'a brand new phrase' })
        .catch(() => bg.send('unlock', { passphrase: PASSPHRASE }));
      expect(unlocked.lock).toBe('unlocked');
    }
    expect((await bg.send('refresh', {})).entries.map((e) => e.error)).toEqual([null, null]);
  });

  it('never reuses a sealed key for a connection test, and forgets keys only while locked', async () => {
    const { bg, insighto } = await withTwoAccounts();
    await bg.send('turnOnLock', { passphrase: PASSPHRASE });
    const unlockedForget = await bg.send('forgetSecrets', {}).catch((e) => e);
    expect(unlockedForget.info.kind).toBe('conflict');
    await bg.send('lockNow', {});
    mock.requests.splice(0);
    const tested = await bg
      .send('testCredentials', {
        provider: 'insighto',
        accountId: insighto.id,
        credentials: { baseUrl: mock.baseUrl('insighto'), apiKey: '' },
      })
      .catch((e) => e);
    expect(tested.info.kind).toBe('locked');
    expect(mock.requests).toEqual([]);
  });

  it('seals a damaged account list kept aside with the keys, gives it back on turn-off, and forgets it with them', async () => {
    const bg = backgroundHarness(mock);
    const canary = 'canary-in-the-set-aside-list';
    const damaged = { not: 'a list', secrets: { apiKey: canary } };
    const setAside = async () => (await fakeBrowser.storage.local.get('accounts-unreadable'))['accounts-unreadable'];
    await fakeBrowser.storage.local.set({ accounts: damaged });
    await bg.addMockAccount('chakra');
    expect(await setAside()).toEqual(damaged);

    await bg.send('turnOnLock', { passphrase: PASSPHRASE });
    expect(await dumpLocal()).not.toContain(canary);
    expect(await setAside()).toMatch(/^whoami-sealed:v1:/);
    await bg.send('changePassphrase', { current: PASSPHRASE, next: 'a brand new phrase' });
    expect(await dumpLocal()).not.toContain(canary);
    await bg.send('turnOffLock', { passphrase: 'a brand new phrase' });
    expect(await setAside()).toEqual(damaged);

    // Damaged and set aside while the lock is open: sealed at once.
    await bg.send('turnOnLock', { passphrase: PASSPHRASE });
    await fakeBrowser.storage.local.set({ accounts: `garbage ${canary}` });
    await bg.addMockAccount('insighto');
    expect(await dumpLocal()).not.toContain(canary);
    await bg.send('lockNow', {});
    await bg.send('forgetSecrets', {});
    expect(await setAside()).toBeUndefined();
  });

  it('a set-aside copy no passphrase opens stays as it is and does not block changing or turning off the lock', async () => {
    const { bg } = await withTwoAccounts();
    await bg.send('turnOnLock', { passphrase: PASSPHRASE });
    const planted = 'whoami-sealed:v1:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==';
    await fakeBrowser.storage.local.set({ 'accounts-unreadable': planted });
    await bg.send('changePassphrase', { current: PASSPHRASE, next: 'a brand new phrase' });
    expect(await bg.send('turnOffLock', { passphrase: 'a brand new phrase' })).toEqual({ lock: 'off' });
    expect((await fakeBrowser.storage.local.get('accounts-unreadable'))['accounts-unreadable']).toBe(planted);
    expect((await bg.send('refresh', {})).entries.map((entry) => entry.error)).toEqual([null, null]);
  });

  it('writes the keys and the lock config in one storage call: a browser quitting halfway leaves the old state or the new', async () => {
    const { bg } = await withTwoAccounts();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const remove = vi.spyOn(fakeBrowser.storage.local, 'remove');
    const steps = [
      () => bg.send('turnOnLock', { passphrase: PASSPHRASE }),
      () => bg.send('changePassphrase', { current: PASSPHRASE, next: 'a brand new phrase' }),
      () => bg.send('turnOffLock', { passphrase: 'a brand new phrase' }),
      () => bg.send('turnOnLock', { passphrase: PASSPHRASE }),
      async () => {
        await bg.send('lockNow', {});
        return bg.send('forgetSecrets', {});
      },
    ];
    for (const step of steps) {
      set.mockClear();
      remove.mockClear();
      await step();
      const lockWrites = set.mock.calls.filter(([items]) => 'lock' in items);
      expect(lockWrites).toHaveLength(1);
      expect(Object.keys(lockWrites[0]![0])).toEqual(expect.arrayContaining(['accounts', 'lock']));
      expect(remove.mock.calls.flat(2)).not.toContain('lock');
    }
  });
});
