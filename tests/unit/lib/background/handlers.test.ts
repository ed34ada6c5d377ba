import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { useMockProviders } from '../../../support/use-mock-providers';
import { backgroundHarness } from '../../../support/background-harness';

const mock = useMockProviders();

const ALL = ['insighto', 'wacht', 'leadping', 'chakra'] as const;

async function allStorage() {
  const [local, sync, session] = await Promise.all([
    fakeBrowser.storage.local.get(),
    fakeBrowser.storage.sync.get(),
    fakeBrowser.storage.session.get(),
  ]);
  return { local, sync, session };
}

describe('accounts', () => {
  it('adds accounts of all four providers, lists them masked, refreshes and removes them', async () => {
    const bg = backgroundHarness(mock);
    for (const provider of ALL) await bg.addMockAccount(provider);
    await bg.settle();

    const { accounts, problems } = await bg.send('listAccounts', {});
    expect(problems).toEqual([]);
    expect(accounts.map((a) => a.provider)).toEqual([...ALL]);
    const insighto = accounts[0]!;
    const key = mock.credentials('insighto', mock.insighto.userIds()[0]!).apiKey!;
    expect(insighto.secretHints).toEqual({ apiKey: `••••${key.slice(-4)}` });
    expect(insighto.settings).toEqual({ baseUrl: mock.baseUrl('insighto') });
    expect(JSON.stringify(accounts)).not.toContain(key);

    const { entries } = await bg.send('refresh', {});
    expect(entries.map((e) => e.profile?.displayName)).toEqual(['Ada Lovelace', 'Linus Torvalds', 'Katherine Johnson', 'Mary Jackson']);
    expect(entries.every((e) => e.error === null)).toBe(true);

    expect(await bg.send('removeAccount', { id: insighto.id })).toEqual({ removed: true });
    expect((await bg.send('listAccounts', {})).accounts).toHaveLength(3);
    expect((await allStorage()).local[`profile:${insighto.id}`]).toBeUndefined();
    expect(bg.events.some((e) => e.type === 'accounts')).toBe(true);
  });

  it('keeps secrets in local storage only, in the accounts key only', async () => {
    const bg = backgroundHarness(mock);
    for (const provider of ALL) await bg.addMockAccount(provider);
    await bg.settle();
    await bg.send('refresh', {});
    const { local, sync, session } = await allStorage();
    expect(sync).toEqual({});
    const secrets = [
      mock.credentials('insighto', mock.insighto.userIds()[0]!).apiKey!,
      mock.credentials('leadping', mock.leadping.userIds()[0]!).token!,
      mock.credentials('chakra', mock.chakra.userIds()[0]!).token!,
    ];
    for (const [key, value] of Object.entries({ ...local, ...session })) {
      const text = JSON.stringify(value);
      for (const secret of secrets) {
        if (key === 'accounts') continue;
        expect(text, `${key} holds a secret`).not.toContain(secret);
      }
    }
    expect(JSON.stringify(local.accounts)).toContain(secrets[0]);
    // Wacht's session cookie is the browser's: never stored.
    expect(JSON.stringify(local)).not.toContain(bg.jar.get(mock.baseUrl('wacht'), '__session')!);
  });

  it('rejects invalid settings with errors keyed by field', async () => {
    const bg = backgroundHarness(mock);
    const error = await bg
      .send('addAccount', { provider: 'insighto', label: 'x', credentials: { baseUrl: 'http://evil.example', apiKey: 'sk-1' } })
      .catch((e) => e);
    expect(error.info.kind).toBe('validation');
    expect(error.info.fieldErrors).toEqual({
      baseUrl: ['Base URL must be an https:// URL (http only for localhost)'],
      apiKey: ['Insighto API keys start with "in-"'],
    });
    expect((await bg.send('listAccounts', {})).accounts).toEqual([]);
  });

  it('keeps the stored secret when an update leaves it empty, and starts the account afresh', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('leadping');
    await bg.settle();
    const updated = await bg.send('updateAccount', {
      id: account.id,
      label: 'Work',
      credentials: { baseUrl: mock.baseUrl('leadping'), authStyle: 'bearer', token: '' },
    });
    expect(updated.label).toBe('Work');
    expect(updated.secretHints).toEqual(account.secretHints);
    await bg.settle();
    expect((await bg.send('getProfile', { accountId: account.id })).profile?.displayName).toBe('Katherine Johnson');
  });

  it('tests credentials without saving them, filling in a stored secret when asked', async () => {
    const bg = backgroundHarness(mock);
    const userId = mock.chakra.userIds()[1]!;
    const credentials = mock.credentials('chakra', userId);
    const { profile } = await bg.send('testCredentials', { provider: 'chakra', credentials });
    expect(profile.displayName).toBe('Christine Darden');
    expect((await bg.send('listAccounts', {})).accounts).toEqual([]);

    const saved = await bg.addMockAccount('chakra', 1);
    const again = await bg.send('testCredentials', { provider: 'chakra', accountId: saved.id, credentials: { ...credentials, token: '' } });
    expect(again.profile.id).toBe(userId);
    const wrong = await bg.send('testCredentials', { provider: 'chakra', credentials: { ...credentials, token: 'nope' } }).catch((e) => e);
    expect(wrong.info).toMatchObject({ kind: 'unauthorized', providerMessage: 'Invalid access token' });
  });
});

describe('damaged storage', () => {
  it('reports and skips a damaged entry, keeps the others, and keeps the damaged one until discarded', async () => {
    const bg = backgroundHarness(mock);
    await bg.addMockAccount('insighto');
    const { accounts } = await bg.send('listAccounts', {});
    const stored = (await fakeBrowser.storage.local.get('accounts')).accounts as unknown[];
    await fakeBrowser.storage.local.set({
      accounts: [
        { id: 7, provider: null },
        ...stored,
        { id: 'x', provider: 'myspace', label: 'Old', settings: {}, secrets: {}, createdAt: 1, revision: 1 },
      ],
    });

    const listed = await bg.send('listAccounts', {});
    expect(listed.accounts.map((a) => a.id)).toEqual([accounts[0]!.id]);
    expect(listed.problems.map((p) => p.message)).toEqual([
      'account 1 is damaged (id: expected string) and was skipped',
      '"Old" uses an unknown provider "myspace" and was skipped',
    ]);

    await bg.addMockAccount('leadping');
    expect(((await fakeBrowser.storage.local.get('accounts')).accounts as unknown[]).length).toBe(4);
    expect(await bg.send('discardDamaged', {})).toEqual({ discarded: 2 });
    expect((await bg.send('listAccounts', {})).problems).toEqual([]);
    expect((await bg.send('listAccounts', {})).accounts).toHaveLength(2);
  });

  it('survives a garbage account list and keeps it aside when the next account is added', async () => {
    const bg = backgroundHarness(mock);
    await fakeBrowser.storage.local.set({ accounts: 'garbage' });
    const listed = await bg.send('listAccounts', {});
    expect(listed.accounts).toEqual([]);
    expect(listed.problems[0]!.message).toMatch(/unreadable/);
    await bg.addMockAccount('chakra');
    expect((await fakeBrowser.storage.local.get('accounts-unreadable'))['accounts-unreadable']).toBe('garbage');
    expect((await bg.send('listAccounts', {})).accounts).toHaveLength(1);
  });

  it('falls back to default settings when they are damaged', async () => {
    const bg = backgroundHarness(mock);
    await fakeBrowser.storage.local.set({ settings: { refreshMinutes: 'soon' } });
    const status = await bg.send('getStatus', {});
    expect(status.settings.refreshMinutes).toBe(30);
    expect(status.problems.map((p) => p.key)).toEqual(['settings']);
  });
});

describe('router', () => {
  it('refuses senders other than the extension’s own pages', async () => {
    const bg = backgroundHarness(mock);
    const fromPage = await bg.core.handleMessage(
      { whoami: 'request', type: 'listAccounts', input: {} },
      { id: fakeBrowser.runtime.id, url: 'https://evil.example/page' },
    );
    expect(fromPage).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const otherExtension = await bg.core.handleMessage(
      { whoami: 'request', type: 'listAccounts', input: {} },
      { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' },
    );
    expect(otherExtension).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('refuses unknown types and input that fails the schema', async () => {
    const bg = backgroundHarness(mock);
    const sender = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` };
    expect(await bg.core.handleMessage({ whoami: 'request', type: 'dropTables', input: {} }, sender)).toMatchObject({ ok: false });
    const bad = await bg.core.handleMessage({ whoami: 'request', type: 'getProfile', input: { accountId: 5 } }, sender);
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation', detail: 'getProfile: accountId: expected string' } });
  });
});

describe('permissions', () => {
  it('reports a missing host permission as its own state, without a request', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('insighto');
    await bg.settle();
    bg.granted.clear();
    mock.requests.splice(0);
    const entry = (await bg.send('refresh', { accountId: account.id })).entries[0]!;
    expect(entry.error).toMatchObject({ kind: 'permission-missing', detail: 'http://127.0.0.1/*' });
    expect(entry.profile?.displayName).toBe('Ada Lovelace'); // the last good profile stays
    expect(mock.requests).toHaveLength(0);
    expect(bg.badge()).toBe('1');

    bg.granted.add('http://127.0.0.1/*');
    await bg.core.refresher.syncPermissions();
    expect((await bg.send('getProfile', { accountId: account.id })).error).toBeNull();
    expect(bg.badge()).toBe('');
  });

  it('marks accounts as soon as their permission is revoked', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('chakra');
    await bg.settle();
    bg.granted.clear();
    await bg.core.refresher.syncPermissions();
    expect((await bg.send('getProfile', { accountId: account.id })).error?.kind).toBe('permission-missing');
  });
});
