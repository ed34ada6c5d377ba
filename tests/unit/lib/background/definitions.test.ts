import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import type { DefinitionInput } from '../../../../lib/shared/custom/definition';
import acme from '../../../fixtures/definitions/acme.json';
import { useMockProviders } from '../../../support/use-mock-providers';
import { backgroundHarness } from '../../../support/background-harness';

const mock = useMockProviders();

// JSON fixtures widen literal types; the background checks them with the schema anyway.
const definition = () => ({ ...acme, baseUrl: mock.baseUrl('acme') }) as unknown as DefinitionInput;
const credentials = (): Record<string, string> => ({ baseUrl: mock.baseUrl('acme'), ...mock.credentials('acme', mock.acme.userIds()[0]!) });

describe('user-defined providers in the background', () => {
  it('saves a definition and serves its accounts like any other', async () => {
    const bg = backgroundHarness(mock);
    await bg.send('saveDefinition', { definition: definition() });
    expect((await bg.send('listDefinitions', {})).definitions).toEqual([definition()]);
    const account = await bg.send('addAccount', { provider: 'custom:acme', label: 'Acme', credentials: credentials() });
    expect(account).toMatchObject({ providerName: 'Acme Cloud', secretHints: { apiKey: expect.stringMatching(/^••••/) } });
    const entry = (await bg.send('refresh', { accountId: account.id })).entries[0]!;
    expect(entry.profile).toMatchObject({
      provider: 'custom:acme',
      displayName: 'Hedy Lamarr',
      email: 'hedy@acme.example',
      roles: ['owner', 'inventor'],
      organization: 'Frequency Hopping',
      createdAt: '2023-11-14T22:13:20.000Z',
      avatarUrl: `${mock.url}/avatars/u_hedy0001.png`,
    });
    expect(mock.requests.at(-1)?.headers['x-api-key']).toBe(credentials().apiKey);

    const saved = await bg.send('updateProfile', { accountId: account.id, editId: 'e1', changes: { lastName: 'Kiesler' } });
    expect(saved.profile?.displayName).toBe('Hedy Kiesler');
    expect(mock.acme.userData(mock.acme.userIds()[0]!)).toMatchObject({ family_name: 'Kiesler' });
  });

  it('feeds a mapped "session or key expires at" into the account’s expiry, as a built-in provider’s', async () => {
    const bg = backgroundHarness(mock);
    await bg.send('saveDefinition', { definition: { ...definition(), profile: { ...acme.profile, sessionExpiresAt: 'created | epoch' } } });
    const account = await bg.send('addAccount', { provider: 'custom:acme', label: 'Acme', credentials: credentials() });
    await bg.send('refresh', { accountId: account.id });
    const [listed] = (await bg.send('listAccounts', {})).accounts;
    // The account sends a key: what the provider reports is that key's lifetime ("Token expires…").
    expect(listed!.tokenExpiry).toMatchObject({ expiresAt: Date.parse('2023-11-14T22:13:20.000Z'), source: 'token' });
    expect(bg.badge()).toBe('1');
  });

  it('tries a definition without saving it: the raw answer beside the mapped profile', async () => {
    const bg = backgroundHarness(mock);
    const tried = await bg.send('tryDefinition', { definition: definition(), credentials: credentials() });
    expect(tried.profile?.displayName).toBe('Hedy Lamarr');
    expect(tried.raw).toMatchObject({ ok: true, result: { user: { mail: 'hedy@acme.example' } } });
    expect((await bg.send('listDefinitions', {})).definitions).toEqual([]);

    const wrongEnvelope = await bg.send('tryDefinition', { definition: { ...definition(), envelope: 'data' }, credentials: credentials() });
    expect(wrongEnvelope).toMatchObject({ profile: null, error: { kind: 'invalid-response', detail: 'data: expected object' } });
    expect(wrongEnvelope.raw).toMatchObject({ ok: true });

    const wrongKey = await bg
      .send('tryDefinition', { definition: definition(), credentials: { ...credentials(), apiKey: 'nope' } })
      .catch((e) => e);
    expect(wrongKey.info).toMatchObject({ kind: 'unauthorized', providerMessage: 'Unknown API key' });
  });

  it('refuses a definition that would carry a credential, or code', async () => {
    const bg = backgroundHarness(mock);
    const literalKey = await bg
      .send('saveDefinition', { definition: { ...definition(), auth: { type: 'header', name: 'X-API-Key', value: 'acme_live_abc123' } } })
      .catch((e) => e);
    expect(literalKey.info.kind).toBe('validation');
    expect(literalKey.info.detail).toMatch(/never the key itself/);
    const code = await bg
      .send('saveDefinition', { definition: { ...definition(), profile: { id: 'constructor.constructor("return 1")()' } } })
      .catch((e) => e);
    expect(code.info.detail).toMatch(/not a valid expression/);
    expect((await bg.send('listDefinitions', {})).definitions).toEqual([]);
  });

  it('while locked, refuses to make a field secret under an account, and saves nothing; unlocked, seals its value', async () => {
    const bg = backgroundHarness(mock);
    const withRegion = (secret: boolean) =>
      ({ ...definition(), fields: [...definition().fields, { name: 'region', label: 'Region', secret }] }) as DefinitionInput;
    const region = 'eu-canary-region-7';
    await bg.send('saveDefinition', { definition: withRegion(false) });
    await bg.send('addAccount', { provider: 'custom:acme', label: 'Acme', credentials: { ...credentials(), region } });
    await bg.send('turnOnLock', { passphrase: 'correct horse battery staple' });
    await bg.send('lockNow', {});

    const refused = await bg.send('saveDefinition', { definition: withRegion(true) }).catch((e) => e);
    expect(refused.info.kind).toBe('locked');
    expect((await bg.send('listDefinitions', {})).definitions).toEqual([withRegion(false)]);

    await bg.send('unlock', { passphrase: 'correct horse battery staple' });
    await bg.send('saveDefinition', { definition: withRegion(true) });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(region);
  });

  // Found by the third look from outside (issue 23, 7): the definition was written before the
  // accounts, so a write cut off between the two left a newly secret field in plain text.
  it('making a field secret, a write cut off after the first of its two leaves no value in plain text', async () => {
    const bg = backgroundHarness(mock);
    const withRegion = (secret: boolean) =>
      ({ ...definition(), fields: [...definition().fields, { name: 'region', label: 'Region', secret }] }) as DefinitionInput;
    const region = 'eu-canary-region-8';
    await bg.send('saveDefinition', { definition: withRegion(false) });
    await bg.send('addAccount', { provider: 'custom:acme', label: 'Acme', credentials: { ...credentials(), region } });
    await bg.send('turnOnLock', { passphrase: 'correct horse battery staple' });
    await bg.settle();

    // The browser quits after the first write of the save: the second never lands. What the
    // browser would hold is kept as JSON, as it stores it (the fake's objects can be changed in place).
    const disk: Record<string, string> = Object.fromEntries(
      Object.entries(await fakeBrowser.storage.local.get(null)).map(([key, value]) => [key, JSON.stringify(value)]),
    );
    const local = fakeBrowser.storage.local;
    const set = local.set.bind(local);
    let writes = 0;
    local.set = (async (items: Record<string, unknown>) => {
      if (++writes === 2) throw new Error('the browser quit');
      for (const [key, value] of Object.entries(items)) disk[key] = JSON.stringify(value);
      return set(items);
    }) as typeof local.set;
    await bg.send('saveDefinition', { definition: withRegion(true) }).catch(() => undefined);
    local.set = set;
    const stored = JSON.stringify(disk);
    console.log(`save cut off after its first write: region in plain text on disk ${stored.includes(region)}`);
    expect(stored).not.toContain(region);
  });

  it('keeps a definition while accounts use it', async () => {
    const bg = backgroundHarness(mock);
    await bg.send('saveDefinition', { definition: definition() });
    const account = await bg.send('addAccount', { provider: 'custom:acme', label: 'Acme', credentials: credentials() });
    const refused = await bg.send('removeDefinition', { id: 'acme' }).catch((e) => e);
    expect(refused.info.detail).toBe('1 account uses this provider: remove it first');
    await bg.send('removeAccount', { id: account.id });
    expect(await bg.send('removeDefinition', { id: 'acme' })).toEqual({ removed: true });
  });

  it('reports a damaged definition and skips the accounts that need it', async () => {
    const bg = backgroundHarness(mock);
    await bg.send('saveDefinition', { definition: definition() });
    await bg.send('addAccount', { provider: 'custom:acme', label: 'Acme', credentials: credentials() });
    await fakeBrowser.storage.local.set({ definitions: [{ id: 'acme', name: 42 }] });
    const status = await bg.send('getStatus', {});
    expect(status.problems.map((p) => p.message)).toEqual([
      '"Acme" uses an unknown provider "custom:acme" and was skipped',
      'provider definition 1 is damaged (name: expected string) and was skipped',
    ]);
  });

  it('stops a mapping that runs past its step budget: a clear error in Try it and on the account', async () => {
    const bg = backgroundHarness(mock);
    const userId = mock.acme.createUser({ items: Array.from({ length: 60 }, (_, i) => ({ v: String(i) })) });
    const nested = (depth: number): object =>
      depth === 0 ? { path: 'v' } : { list: '$.result.user.items', item: nested(depth - 1), separator: ',' };
    const costly = { ...definition(), details: [{ label: 'Everything', value: nested(4) }] } as unknown as DefinitionInput;
    const credentialsOf = { baseUrl: mock.baseUrl('acme'), ...mock.credentials('acme', userId) };
    const tried = await bg.send('tryDefinition', { definition: costly, credentials: credentialsOf });
    expect(tried.profile).toBeNull();
    expect(tried.error?.detail).toBe(
      'Everything: the mapping needs more than 200,000 steps on this answer — lists inside lists multiply; map fewer items',
    );
    await bg.send('saveDefinition', { definition: costly });
    const account = await bg.send('addAccount', { provider: 'custom:acme', label: 'Acme', credentials: credentialsOf });
    const { entries } = await bg.send('refresh', { accountId: account.id });
    expect(entries[0]!.error).toMatchObject({ kind: 'invalid-response', detail: tried.error?.detail });
  });

  it('refuses a definition nested deeper than any schema should walk, with a message', async () => {
    const bg = backgroundHarness(mock);
    let deep: object = { path: 'v' };
    for (let i = 0; i < 5_000; i++) deep = { first: [deep] };
    const refused = await bg
      .send('saveDefinition', { definition: { ...definition(), details: [{ label: 'Deep', value: deep }] } as never })
      .catch((e) => e);
    expect(refused.info).toMatchObject({ kind: 'validation', detail: 'saveDefinition: nested deeper than 48 levels' });
  });
});

// Found by the third look from outside (issue 23, 3): adding a field to a provider in use made
// its accounts "damaged settings… skipped", and Discard deleted them with their keys.
describe('a definition that adds an account field while accounts use it', () => {
  it('keeps the accounts listed, asking for the field; Discard leaves them; filling it in brings the profile back', async () => {
    const bg = backgroundHarness(mock);
    await bg.send('saveDefinition', { definition: definition() });
    const account = await bg.send('addAccount', { provider: 'custom:acme', label: 'Acme', credentials: credentials() });
    await bg.settle();
    const before = mock.requests.length;

    const withWorkspace = { ...definition(), fields: [...definition().fields, { name: 'workspace', label: 'Workspace', secret: false }] };
    await bg.send('saveDefinition', { definition: withWorkspace });
    const listed = await bg.send('listAccounts', {});
    console.log(`after adding a field: ${listed.accounts.length} account(s) listed, ${listed.problems.length} problem(s)`);
    expect(listed.accounts.map((a) => a.id)).toEqual([account.id]);
    expect(listed.problems).toEqual([]);
    expect((await bg.send('getStatus', {})).problems).toEqual([]);

    const entry = (await bg.send('refresh', { accountId: account.id })).entries[0]!;
    expect(entry.error).toMatchObject({ kind: 'settings-incomplete', detail: 'Workspace is required' });
    expect(entry.profile?.displayName).toBe('Hedy Lamarr'); // the last good profile stays
    expect(mock.requests.length).toBe(before); // nothing is sent without it
    expect(bg.badge()).toBe('1');
    await expect(bg.send('updateProfile', { accountId: account.id, editId: 'e-incomplete', changes: { lastName: 'K' } })).rejects.toThrow(
      /settings-incomplete/,
    );

    expect((await bg.send('discardDamaged', {})).discarded).toBe(0);
    expect((await bg.send('listAccounts', {})).accounts).toHaveLength(1);

    // The edit form sends the new field with the key left empty ("unchanged"): the stored key is kept.
    await bg.send('updateAccount', { id: account.id, credentials: { baseUrl: mock.baseUrl('acme'), apiKey: '', workspace: 'research' } });
    await bg.settle();
    const completed = await bg.send('getProfile', { accountId: account.id });
    expect(completed.error).toBeNull();
    expect(mock.requests.at(-1)?.headers['x-api-key']).toBe(credentials().apiKey);
    expect(bg.badge()).toBe('');
  });
});
