import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import type { DefinitionInput } from '../../../../../lib/shared/custom/definition';
import { itemBytes } from '../../../../../lib/background/sync/items';
import acme from '../../../../fixtures/definitions/acme.json';
import { useMockProviders } from '../../../../support/use-mock-providers';
import { backgroundHarness } from '../../../../support/background-harness';

// The real background over the fake browser's storage, sync on: what it writes to storage.sync,
// and what it does with items another device wrote there (planted here as that device would).

const mock = useMockProviders();
const definition = () => ({ ...acme, baseUrl: mock.baseUrl('acme') }) as unknown as DefinitionInput;
const syncArea = () => fakeBrowser.storage.sync.get(null);

/** Another device's write, as the browser delivers it: the items, then storage.onChanged (area "sync"). */
async function fromOtherDevice(bg: ReturnType<typeof backgroundHarness>, items: Record<string, unknown>) {
  await fakeBrowser.storage.sync.set(items);
  await bg.core.sync.noteChange('sync', Object.keys(items));
  await bg.core.sync.settle();
  await bg.settle();
}

const stamp = (rev: number, at = Date.now()) => ({ rev, dev: 'other-device', at });

/** A definition as another device writes it: its head and its one part. */
function definitionItems(id: string, content: unknown, written: ReturnType<typeof stamp>) {
  const text = JSON.stringify(content);
  return { [`definition:${id}`]: { kind: 'definition', parts: 1, length: text.length, ...written }, [`definition:${id}#0`]: text };
}

/** The Acme definition and an account of it with its key, as saved on this device. */
async function acmeAccount(bg: ReturnType<typeof backgroundHarness>) {
  await bg.send('saveDefinition', { definition: definition() });
  return bg.send('addAccount', {
    provider: 'custom:acme',
    label: 'Acme',
    credentials: { baseUrl: mock.baseUrl('acme'), ...mock.credentials('acme', mock.acme.userIds()[0]!) },
  });
}

describe('sync in the background', () => {
  it('puts account settings, definitions and preferences in storage.sync, never a key, profile or the lock', async () => {
    const bg = backgroundHarness(mock);
    const insighto = await bg.addMockAccount('insighto');
    const leadping = await bg.addMockAccount('leadping');
    await bg.send('saveDefinition', { definition: definition() });
    await bg.send('setSettings', { refreshMinutes: 45 });
    await bg.settle();

    const status = await bg.send('setSync', { on: true });
    expect(status).toMatchObject({ on: true, problems: [] });
    const synced = await syncArea();
    expect(Object.keys(synced).sort()).toEqual(
      [`account:${insighto.id}`, `account:${leadping.id}`, 'definition:acme', 'definition:acme#0', 'prefs'].sort(),
    );
    expect(synced[`account:${leadping.id}`]).toMatchObject({
      kind: 'account',
      provider: 'leadping',
      label: 'leadping 0',
      settings: { baseUrl: mock.baseUrl('leadping') },
      secretFields: ['token'],
      dev: expect.any(String),
    });
    expect(synced.prefs).toMatchObject({ content: { refreshMinutes: 45 } });
    const text = JSON.stringify(synced);
    for (const secret of [
      mock.credentials('insighto', mock.insighto.userIds()[0]!).apiKey,
      mock.credentials('leadping', mock.leadping.userIds()[0]!).token,
    ]) {
      expect(text).not.toContain(secret);
    }
    // No profile (its name, when fetched, its raw answer) and nothing of the lock.
    expect(text).not.toMatch(/Ada Lovelace|"fetchedAt"|"raw"|"salt"|"rounds"/);
    // The closing note's figures: bytes per account and per definition in storage.sync.
    console.log(
      `sync sizes: account ${itemBytes(`account:${leadping.id}`, synced[`account:${leadping.id}`])} B, acme definition ${itemBytes('definition:acme', synced['definition:acme']) + itemBytes('definition:acme#0', synced['definition:acme#0'])} B`,
    );
  });

  it('an account from another device appears as needing its key here, then works once the key is typed', async () => {
    const bg = backgroundHarness(mock);
    await bg.send('setSync', { on: true });
    const userId = mock.leadping.userIds()[0]!;
    await fromOtherDevice(bg, {
      'account:from-laptop': {
        kind: 'account',
        id: 'from-laptop',
        provider: 'leadping',
        label: 'work laptop',
        settings: { baseUrl: mock.baseUrl('leadping') },
        secretFields: ['token'],
        createdAt: 1,
        ...stamp(1),
      },
    });
    const [account] = (await bg.send('listAccounts', {})).accounts;
    expect(account).toMatchObject({ id: 'from-laptop', label: 'work laptop', status: { state: 'needs-key' } });
    // Nothing was sent without the key.
    expect(mock.requests.filter((request) => request.provider === 'leadping')).toEqual([]);
    expect((await bg.send('getProfile', { accountId: 'from-laptop' })).error).toMatchObject({ kind: 'key-needed' });

    await bg.send('updateAccount', { id: 'from-laptop', credentials: mock.credentials('leadping', userId), revision: account!.revision });
    const [entry] = (await bg.send('refresh', { accountId: 'from-laptop' })).entries;
    expect(entry!.profile?.displayName).toBe('Katherine Johnson');
    // The key typed here stays here.
    await bg.core.sync.settle();
    expect(JSON.stringify(await syncArea())).not.toContain(mock.credentials('leadping', userId).token);
  });

  it('a browser-session account (Wacht) from another device works at once', async () => {
    const bg = backgroundHarness(mock);
    await bg.send('setSync', { on: true });
    const wachtUser = mock.wacht.userIds()[0]!;
    const { username, password } = mock.wacht.signInOf(wachtUser);
    const { signInToWacht } = await import('../../../../support/cookie-jar');
    await signInToWacht(bg.jar, mock.baseUrl('wacht'), username, password);
    const settings = { ...mock.credentials('wacht', wachtUser) };
    await fromOtherDevice(bg, {
      'account:wacht-1': {
        kind: 'account',
        id: 'wacht-1',
        provider: 'wacht',
        label: 'Wacht',
        settings,
        secretFields: [],
        createdAt: 1,
        ...stamp(1),
      },
    });
    const [entry] = (await bg.send('refresh', { accountId: 'wacht-1' })).entries;
    expect(entry!.error).toBeNull();
    expect(entry!.profile?.displayName).toBe('Linus Torvalds');
  });

  it('another device’s change reaches an open form as "changed on another device", and a removal is applied', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('insighto');
    await bg.send('setSync', { on: true });
    const item = (await syncArea())[`account:${account.id}`] as Record<string, unknown>;
    await fromOtherDevice(bg, { [`account:${account.id}`]: { ...item, label: 'renamed elsewhere', ...stamp(2, Date.now() + 1000) } });
    const [renamed] = (await bg.send('listAccounts', {})).accounts;
    expect(renamed).toMatchObject({ label: 'renamed elsewhere', secretHints: { apiKey: expect.stringMatching(/^••••/) } });
    // The form opened before that change, saved now: refused, and it says why.
    await expect(bg.send('updateAccount', { id: account.id, label: 'mine', revision: account.revision })).rejects.toThrow(
      /changed on another device/,
    );

    await fromOtherDevice(bg, { [`account:${account.id}`]: { kind: 'removed', ...stamp(3, Date.now() + 2000) } });
    expect((await bg.send('listAccounts', {})).accounts).toEqual([]);
  });

  it('a definition from another device goes through the checks of a save: a secret field never becomes plain', async () => {
    const bg = backgroundHarness(mock);
    const account = await acmeAccount(bg);
    await bg.send('setSync', { on: true });
    const base = definition() as unknown as { fields: Array<{ name: string; secret?: boolean }> };
    const plain = { ...base, fields: base.fields.map((field) => ({ ...field, secret: false })) };
    await fromOtherDevice(bg, definitionItems('acme', plain, stamp(5, Date.now() + 1000)));
    const { definitions } = await bg.send('listDefinitions', {});
    const [kept0] = definitions as unknown as Array<{ fields: Array<{ name: string; secret?: boolean }> }>;
    expect(kept0!.fields.filter((field) => field.secret).map((field) => field.name)).toEqual(['apiKey']);
    expect((await bg.send('getSync', {})).problems).toEqual([
      expect.objectContaining({ what: 'Acme Cloud', message: expect.stringMatching(/^Not applied from another device/) }),
    ]);
    // The account keeps its settings and its key.
    const [kept] = (await bg.send('listAccounts', {})).accounts;
    expect(kept).toMatchObject({ id: account.id, secretHints: { apiKey: expect.stringMatching(/^••••/) } });
  });

  it('off, nothing is written; Remove synced copy takes this device’s items out and keeps everything here', async () => {
    const bg = backgroundHarness(mock);
    await bg.addMockAccount('insighto');
    expect(await syncArea()).toEqual({});
    await bg.send('setSync', { on: true });
    expect(Object.keys(await syncArea()).length).toBeGreaterThan(0);
    await bg.send('setSync', { on: false });
    await bg.addMockAccount('chakra');
    await bg.core.sync.settle();
    const providers = Object.values(await syncArea()).map((item) => (item as { provider?: string }).provider);
    expect(providers).toContain('insighto');
    expect(providers).not.toContain('chakra');
    const { removed } = await bg.send('removeSyncedCopy', {});
    expect(removed).toBe(2);
    expect(await syncArea()).toEqual({});
    expect((await bg.send('listAccounts', {})).accounts).toHaveLength(2);
  });

  it('Forget everything takes out of storage.sync what this device put there, and leaves another device’s items', async () => {
    const bg = backgroundHarness(mock);
    await bg.addMockAccount('insighto');
    await bg.send('setSync', { on: true });
    const other = {
      kind: 'account',
      id: 'theirs',
      provider: 'insighto',
      label: 'theirs',
      settings: {},
      secretFields: ['apiKey'],
      createdAt: 1,
      ...stamp(1),
    };
    await fakeBrowser.storage.sync.set({ 'account:theirs': other });
    await bg.send('forgetEverything', {});
    expect(await syncArea()).toEqual({ 'account:theirs': other });
    expect(await bg.send('getSync', {})).toMatchObject({ on: false });
  });
});

// What an attacker's read of the first version found (each test fails on that version): anyone
// who can write the user's sync storage plants items; this device must not act on them beyond
// what the user asked for here.
describe('sync with items planted in storage.sync', () => {
  const later = () => stamp(1, Date.now() + 60_000);

  it('a definition changing the requests of a provider used here is not taken: its keys keep their requests', async () => {
    const bg = backgroundHarness(mock);
    const account = await acmeAccount(bg);
    await bg.send('setSync', { on: true });
    const planted = { ...definition(), method: 'POST', path: '/api/org/members', body: '{"role":"owner"}' };
    await fromOtherDevice(bg, definitionItems('acme', planted, later()));
    mock.requests.splice(0);
    await bg.send('refresh', { accountId: account.id });
    expect(mock.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['GET /api/whoami']);
    expect((await bg.send('getSync', {})).problems).toEqual([
      expect.objectContaining({ what: 'Acme Cloud', message: expect.stringContaining('changes the requests sent with this device') }),
    ]);
    // A new name only (the answer's side): taken.
    await fromOtherDevice(bg, definitionItems('acme', { ...definition(), name: 'Acme (renamed)' }, stamp(2, Date.now() + 120_000)));
    expect((await bg.send('listDefinitions', {})).definitions.map((d) => (d as { name: string }).name)).toEqual(['Acme (renamed)']);
  });

  it('a browser-session account from another device does not send this browser’s cookies until consented here', async () => {
    const bg = backgroundHarness(mock);
    await bg.send('setSync', { on: true });
    const planted = { ...definition(), id: 'planted', fields: [], auth: { type: 'browser-session', cookie: 'session' } };
    mock.requests.splice(0);
    await fromOtherDevice(bg, {
      ...definitionItems('planted', planted, later()),
      'account:planted': {
        kind: 'account',
        id: 'planted',
        provider: 'custom:planted',
        label: 'Work',
        settings: { baseUrl: mock.baseUrl('acme'), useBrowserSession: 'true' },
        secretFields: [],
        createdAt: 1,
        ...later(),
      },
    });
    expect(mock.requests).toEqual([]);
    const [account] = (await bg.send('listAccounts', {})).accounts;
    expect(account).toMatchObject({ id: 'planted', status: { state: 'settings-incomplete' } });
  });

  it('preferences from another device never touch the lock; a planted extra is refused whole', async () => {
    const bg = backgroundHarness(mock);
    await bg.send('setSettings', { lockIdleMinutes: 15 });
    await bg.send('setSync', { on: true });
    await fromOtherDevice(bg, { prefs: { kind: 'prefs', content: { refreshMinutes: 60, lockIdleMinutes: 0 }, ...later() } });
    const { settings } = await bg.send('getStatus', {});
    expect(settings).toMatchObject({ lockIdleMinutes: 15, refreshMinutes: 30 });
    await fromOtherDevice(bg, { prefs: { kind: 'prefs', content: { refreshMinutes: 60 }, ...stamp(2, Date.now() + 120_000) } });
    expect((await bg.send('getStatus', {})).settings).toMatchObject({ lockIdleMinutes: 15, refreshMinutes: 60 });
  });

  it('an account this device cannot read yet is neither stored unreadable nor written back as removed', async () => {
    const bg = backgroundHarness(mock);
    await bg.send('setSync', { on: true });
    const theirs = {
      kind: 'account',
      id: 'theirs',
      provider: 'custom:not-here',
      label: 'x',
      settings: {},
      secretFields: [],
      createdAt: 1,
      ...later(),
    };
    await fromOtherDevice(bg, { 'account:theirs': theirs });
    await bg.core.sync.syncNow();
    expect((await syncArea())['account:theirs']).toEqual(theirs);
    expect((await bg.send('listAccounts', {})).problems).toEqual([]);
    expect((await bg.send('getSync', {})).problems).toEqual([
      expect.objectContaining({ message: expect.stringContaining('its provider is not on this device yet') }),
    ]);
  });

  it('secret field names come from this device’s provider, not from the item: an account holding its key keeps working', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('leadping');
    await bg.send('setSync', { on: true });
    const item = (await syncArea())[`account:${account.id}`] as Record<string, unknown>;
    await fromOtherDevice(bg, {
      [`account:${account.id}`]: { ...item, secretFields: ['token', 'baseUrl', 'junk'], label: 'renamed', ...later() },
    });
    const [entry] = (await bg.send('refresh', { accountId: account.id })).entries;
    expect(entry!.error).toBeNull();
    expect((await bg.send('listAccounts', {})).problems).toEqual([]);
  });

  it('Remove synced copy turns sync off first: the round its own removal starts writes nothing back', async () => {
    const bg = backgroundHarness(mock);
    await bg.addMockAccount('insighto');
    await bg.send('setSync', { on: true });
    await bg.send('removeSyncedCopy', {});
    await bg.core.sync.noteChange('sync', ['account:x']);
    await bg.core.sync.settle();
    expect(await syncArea()).toEqual({});
    expect(await bg.send('getSync', {})).toMatchObject({ on: false });
  });
});
