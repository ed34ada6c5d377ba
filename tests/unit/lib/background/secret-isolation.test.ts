import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionInput } from '../../../../lib/shared/custom/definition';
import { guardedCall } from '../../../../lib/background/network/guard';
import { migrateAccountsToV2 } from '../../../../lib/background/storage/migrations/accounts';
import { createRegistry } from '../../../../lib/background/providers/registry';
import { providers } from '../../../../lib/background/providers';
import acme from '../../../fixtures/definitions/acme.json';
import { createMockProviders, type MockProviders } from '../../../mock-providers/server';
import { backgroundHarness } from '../../../support/background-harness';
import { useMockProviders } from '../../../support/use-mock-providers';

const mock = useMockProviders();
// Another origin (same host, another port): where a careless edit could point an account.
let other: MockProviders;
beforeAll(async () => {
  other = await createMockProviders();
});
afterAll(() => other.close());

const acmeDefinition = (changes: Partial<DefinitionInput> = {}) =>
  ({ ...acme, baseUrl: mock.baseUrl('acme'), ...changes }) as unknown as DefinitionInput;

async function everythingStored() {
  const [local, session, sync] = await Promise.all([
    fakeBrowser.storage.local.get(),
    fakeBrowser.storage.session.get(),
    fakeBrowser.storage.sync.get(),
  ]);
  return { local, session, sync };
}

describe('a stored secret goes only to the provider and origin it was saved for', () => {
  it('refuses to fill a kept token in for another origin, in Test connection and in Save', async () => {
    other.reset();
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('leadping');
    const credentials = mock.credentials('leadping', mock.leadping.userIds()[0]!);
    const moved = { ...credentials, baseUrl: other.baseUrl('leadping'), token: '' };

    const tested = await bg.send('testCredentials', { provider: 'leadping', accountId: account.id, credentials: moved }).catch((e) => e);
    const saved = await bg.send('updateAccount', { id: account.id, credentials: moved }).catch((e) => e);
    for (const refused of [tested, saved]) {
      expect(refused.info.kind).toBe('validation');
      expect(refused.info.fieldErrors.token).toEqual([
        `Type the token again: it was saved for ${new URL(mock.url).host}, and this account now points to ${new URL(other.url).host}`,
      ]);
    }
    expect(other.requests).toEqual([]);
    // Nothing changed: the account still points where it did.
    expect((await bg.send('listAccounts', {})).accounts[0]!.settings.baseUrl).toBe(mock.baseUrl('leadping'));

    // Typed again, the user's own token goes where the user says.
    await bg
      .send('testCredentials', { provider: 'leadping', accountId: account.id, credentials: { ...moved, token: credentials.token! } })
      .catch(() => undefined);
    expect(other.requests).toHaveLength(1);
  });

  it("refuses another account's secret for a different provider (a user-defined one with the same field)", async () => {
    const bg = backgroundHarness(mock);
    // A definition whose secret field is named like Leadping's, pointing at a host of the attacker's choosing.
    await bg.send('saveDefinition', {
      definition: acmeDefinition({
        baseUrl: other.baseUrl('acme'),
        fields: [{ name: 'token', label: 'Token', secret: true }],
        auth: { type: 'header', name: 'X-API-Key', value: '{token}' },
      }),
    });
    const leadping = await bg.addMockAccount('leadping');
    other.reset();
    const refused = await bg
      .send('testCredentials', {
        provider: 'custom:acme',
        accountId: leadping.id,
        credentials: { baseUrl: other.baseUrl('acme'), token: '' },
      })
      .catch((e) => e);
    expect(refused.info.kind).toBe('validation');
    expect(refused.info.fieldErrors.token).toEqual([
      'Type the token again: a saved secret is only ever sent to the provider it was saved for (Leadping)',
    ]);
    expect(other.requests).toEqual([]);
  });

  it('keeps the saved token when only a setting on the same origin changes', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('chakra', 0);
    const second = mock.credentials('chakra', mock.chakra.userIds()[1]!);
    const updated = await bg.send('updateAccount', { id: account.id, credentials: { ...second, token: '' } });
    expect(updated.settings.userId).toBe(mock.chakra.userIds()[1]);
    expect(updated.secretHints).toEqual(account.secretHints);
  });

  it('never lets a request leave the account origin, whatever an adapter builds', async () => {
    other.reset();
    const bg = backgroundHarness(mock);
    const credentials = mock.credentials('leadping', mock.leadping.userIds()[0]!);
    const error = await guardedCall(bg.platform, providers.leadping, credentials, (ctx) =>
      ctx.fetch(`${other.baseUrl('leadping')}/users/me`, { headers: { Authorization: `Bearer ${credentials.token}` } }),
    ).catch((e) => e);
    expect(error.info).toMatchObject({ kind: 'forbidden' });
    expect(error.info.detail).toContain(`refused to send this account's request to ${new URL(other.url).host}`);
    expect(other.requests).toEqual([]);
  });
});

describe('with the passphrase lock on, a sealed key opens only for its account, field and origin', () => {
  const sealedAccounts = async () =>
    (await fakeBrowser.storage.local.get('accounts')).accounts as Array<{
      settings: Record<string, string>;
      secrets: Record<string, string>;
    }>;

  it('re-pointed at another origin, or moved into an account there, behind the background, it is never sent', async () => {
    other.reset();
    const bg = backgroundHarness(mock);
    await bg.addMockAccount('insighto');
    const elsewhere = other.credentials('insighto', other.insighto.userIds()[1]!);
    const second = await bg.send('addAccount', { provider: 'insighto', label: 'Elsewhere', credentials: elsewhere });
    await bg.send('turnOnLock', { passphrase: 'correct horse battery staple' });
    const key = mock.credentials('insighto', mock.insighto.userIds()[0]!).apiKey!;
    const original = await sealedAccounts();

    // The key's ciphertext copied into the account on the other origin.
    const moved = structuredClone(original);
    moved[1]!.secrets.apiKey = moved[0]!.secrets.apiKey!;
    await fakeBrowser.storage.local.set({ accounts: moved });
    other.reset();
    mock.requests.splice(0);
    const [kept, refused] = (await bg.send('refresh', {})).entries;
    expect(other.requests.filter((request) => request.url.includes(key))).toEqual([]);
    expect(mock.requests.some((request) => request.url.includes(key))).toBe(true);
    // Said as what it is, with the way out; the profile last seen stays.
    expect(kept!.error).toBeNull();
    expect(refused!.error).toMatchObject({
      kind: 'unauthorized',
      detail: 'its stored key could not be decrypted (it was changed or moved outside Whoami). Type it again under Edit in Options',
    });
    expect(refused!.profile).not.toBeNull();
    const edit = await bg
      .send('updateProfile', { accountId: second.id, editId: 'moved-key', changes: { firstName: 'Mallory' } })
      .catch((error) => error);
    expect(edit.info.detail).toMatch(/^its stored key could not be decrypted/);
    expect(other.requests.filter((request) => request.url.includes(key))).toEqual([]);

    // The account itself pointed at the other origin.
    other.reset();
    const repointed = structuredClone(original);
    repointed[0]!.settings.baseUrl = other.baseUrl('insighto');
    await fakeBrowser.storage.local.set({ accounts: repointed });
    await bg.send('refresh', {});
    expect(other.requests.filter((request) => request.url.includes(key))).toEqual([]);
    expect(other.requests.length).toBeGreaterThan(0);

    // A plain "secret" base URL planted beside the sealed key, which would override the one it is bound to.
    other.reset();
    const overridden = structuredClone(original);
    overridden[0]!.secrets.baseUrl = other.baseUrl('insighto');
    await fakeBrowser.storage.local.set({ accounts: overridden });
    await bg.send('lockNow', {});
    await bg.send('unlock', { passphrase: 'correct horse battery staple' });
    await bg.send('refresh', {});
    expect(other.requests.filter((request) => request.url.includes(key))).toEqual([]);
    expect((await bg.send('listAccounts', {})).problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('its base URL is stored among its keys'),
    ]);

    // Put back as saved, it opens and works again.
    await fakeBrowser.storage.local.set({ accounts: original });
    mock.requests.splice(0);
    const entries = (await bg.send('refresh', {})).entries;
    expect(entries.map((entry) => entry.error)).toEqual([null, null]);
    expect(mock.requests.some((request) => request.url.includes(key))).toBe(true);
  });
});

describe('what is secret cannot change under an account', () => {
  it('refuses a definition change that makes a secret field visible, renames or drops it', async () => {
    const bg = backgroundHarness(mock);
    const apiKey = acme.fields[0]!;
    const pin = { name: 'pin', label: 'Second factor', secret: true };
    const withPin = acmeDefinition({ fields: [apiKey, pin] });
    await bg.send('saveDefinition', { definition: withPin });
    const key = mock.credentials('acme', mock.acme.userIds()[0]!).apiKey!;
    await bg.send('addAccount', {
      provider: 'custom:acme',
      label: 'Acme',
      credentials: { baseUrl: mock.baseUrl('acme'), apiKey: key, pin: '88447766' },
    });
    const attempts = {
      'made visible': acmeDefinition({ fields: [apiKey, { ...pin, secret: false }] }),
      renamed: acmeDefinition({ fields: [apiKey, { ...pin, name: 'code' }] }),
      dropped: acmeDefinition({ fields: [apiKey] }),
    };
    for (const [change, definition] of Object.entries(attempts)) {
      const refused = await bg.send('saveDefinition', { definition }).catch((e) => e);
      expect(refused.info?.kind, change).toBe('validation');
      expect(refused.info.detail).toContain('1 account uses this provider and keeps “Second factor” secret');
    }
    const { accounts } = await bg.send('listAccounts', {});
    expect(accounts[0]!.settings).toEqual({ baseUrl: mock.baseUrl('acme') });
    for (const reply of [accounts, await bg.send('exportAccounts', {})])
      expect(JSON.stringify(reply)).not.toMatch(new RegExp(`${key}|88447766`));
    expect((await bg.send('listDefinitions', {})).definitions[0]).toEqual(withPin);
  });

  it('hides a setting that a definition change makes secret, for the accounts already saved', async () => {
    const bg = backgroundHarness(mock);
    const withRegion = acmeDefinition({ fields: [...acme.fields, { name: 'region', label: 'Region', secret: false }] });
    await bg.send('saveDefinition', { definition: withRegion });
    const key = mock.credentials('acme', mock.acme.userIds()[0]!).apiKey!;
    await bg.send('addAccount', {
      provider: 'custom:acme',
      label: 'Acme',
      credentials: { baseUrl: mock.baseUrl('acme'), apiKey: key, region: 'eu-secret-7' },
    });
    expect((await bg.send('listAccounts', {})).accounts[0]!.settings.region).toBe('eu-secret-7');

    await bg.send('saveDefinition', {
      definition: acmeDefinition({ fields: [...acme.fields, { name: 'region', label: 'Region', secret: true }] }),
    });
    const account = (await bg.send('listAccounts', {})).accounts[0]!;
    expect(account.settings).toEqual({ baseUrl: mock.baseUrl('acme') });
    expect(Object.keys(account.secretHints).sort()).toEqual(['apiKey', 'region']);
    expect(JSON.stringify(await bg.send('exportAccounts', {}))).not.toContain('eu-secret-7');
  });

  it('splits a version 1 account list by the secret fields of each provider; an unknown one keeps all but its base URL secret', () => {
    const registry = createRegistry([]);
    const v1 = [
      {
        id: 'a',
        provider: 'chakra',
        label: 'C',
        credentials: { baseUrl: 'https://api.chakrahq.com', token: 't0k3n', userId: 'u1' },
        createdAt: 1,
      },
      { id: 'b', provider: 'custom:gone', label: 'G', credentials: { baseUrl: 'https://x.example', pin: '1234', team: 'x' }, createdAt: 2 },
      'garbage',
    ];
    expect(migrateAccountsToV2(v1, registry)).toEqual([
      {
        id: 'a',
        provider: 'chakra',
        label: 'C',
        settings: { baseUrl: 'https://api.chakrahq.com', userId: 'u1' },
        secrets: { token: 't0k3n' },
        createdAt: 1,
        revision: 1,
      },
      {
        id: 'b',
        provider: 'custom:gone',
        label: 'G',
        settings: { baseUrl: 'https://x.example' },
        secrets: { pin: '1234', team: 'x' },
        createdAt: 2,
        revision: 1,
      },
      'garbage',
    ]);
  });
});

describe('provider answers: scrubbed first, then redacted by exact match', () => {
  it('a provider echoing the key back never gets it into storage, replies or events', async () => {
    const bg = backgroundHarness(mock);
    const userId = mock.insighto.userIds()[0]!;
    const key = mock.credentials('insighto', userId).apiKey!;
    const account = await bg.addMockAccount('insighto');
    mock.addFault({ provider: 'insighto', kind: 'echo-key' });
    const { entries } = await bg.send('refresh', { accountId: account.id });
    expect(entries[0]!.error).toMatchObject({ kind: 'unauthorized', providerMessage: 'Invalid api_key [redacted]' });
    const tested = await bg
      .send('testCredentials', { provider: 'insighto', credentials: mock.credentials('insighto', userId) })
      .catch((e) => e);
    expect(tested.info.providerMessage).toBe('Invalid api_key [redacted]');
    const stored = await everythingStored();
    for (const [key_, value] of Object.entries(stored.local)) {
      if (key_ !== 'accounts') expect(JSON.stringify(value), key_).not.toContain(key);
    }
    expect(JSON.stringify(stored.session)).not.toContain(key);
    expect(JSON.stringify(bg.events)).not.toContain(key);
    expect(JSON.stringify(tested.info)).not.toContain(key);
  });

  it('a key echoed in a profile field or a link is redacted wherever it sits', async () => {
    const bg = backgroundHarness(mock);
    await bg.send('saveDefinition', { definition: acmeDefinition() });
    const userId = mock.acme.createUser({ given_name: 'placeholder' });
    const key = mock.credentials('acme', userId).apiKey!;
    Object.assign(mock.acme.userData(userId) as object, { given_name: `Key ${key}`, links: { [key]: `https://x.example/${key}` } });
    const account = await bg.send('addAccount', {
      provider: 'custom:acme',
      label: 'Acme',
      credentials: { baseUrl: mock.baseUrl('acme'), apiKey: key },
    });
    const { entries } = await bg.send('refresh', { accountId: account.id });
    expect(entries[0]!.profile?.firstName).toBe('Key [redacted]');
    expect(JSON.stringify(entries[0])).not.toContain(key);
  });

  it('user-defined mappings read the scrubbed answer: no TOTP secret or backup code reaches a profile', async () => {
    const bg = backgroundHarness(mock);
    await bg.send('saveDefinition', {
      definition: acmeDefinition({
        details: [
          { label: 'TOTP', value: 'user_authenticator.totp_secret' },
          { label: 'Codes', value: { list: 'backup_codes', separator: ', ' } },
          { label: 'OTP', value: 'authenticator.otpauth_uri' },
        ],
      }),
    });
    const userId = mock.acme.createUser({
      user_authenticator: { totp_secret: 'JBSWY3DPEHPK3PXP' },
      backup_codes: ['1111-2222', '3333-4444'],
      authenticator: { otpauth_uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP' },
    });
    const credentials = { baseUrl: mock.baseUrl('acme'), ...mock.credentials('acme', userId) };
    const tried = await bg.send('tryDefinition', { definition: acmeDefinition(), credentials });
    expect(JSON.stringify(tried.raw)).not.toMatch(/JBSWY3DPEHPK3PXP|1111-2222/);
    const account = await bg.send('addAccount', { provider: 'custom:acme', label: 'Acme', credentials });
    const { entries } = await bg.send('refresh', { accountId: account.id });
    expect(entries[0]!.profile?.details).toEqual([]);
    expect(JSON.stringify(entries[0])).not.toMatch(/JBSWY3DPEHPK3PXP|1111-2222/);
  });
});

describe('host permissions follow the accounts', () => {
  it('gives a host back when its last account is removed, and keeps it while one still uses it', async () => {
    const bg = backgroundHarness(mock);
    bg.granted.add('http://localhost/*');
    const credentials = { ...mock.credentials('chakra', mock.chakra.userIds()[0]!), baseUrl: `http://localhost:${mock.port}/chakra` };
    const first = await bg.send('addAccount', { provider: 'chakra', label: 'One', credentials });
    const second = await bg.send('addAccount', { provider: 'chakra', label: 'Two', credentials });
    await bg.send('removeAccount', { id: first.id });
    await bg.core.permissions.prune();
    expect(bg.granted.has('http://localhost/*')).toBe(true);
    await bg.send('removeAccount', { id: second.id });
    await bg.core.permissions.prune();
    expect(bg.removed).toEqual(['http://localhost/*']);
  });

  it('keeps a host a provider definition uses, and removes all granted hosts when everything is forgotten', async () => {
    const bg = backgroundHarness(mock);
    bg.granted.add('https://api.acme.example/*');
    bg.granted.add('https://stale.example/*');
    await bg.send('saveDefinition', { definition: acmeDefinition({ baseUrl: 'https://api.acme.example' }) });
    expect(await bg.core.permissions.prune()).toEqual(['https://stale.example/*']);
    await bg.send('forgetEverything', {});
    expect(bg.removed).toEqual(['https://stale.example/*', 'https://api.acme.example/*']);
  });
});

describe('profile pictures', () => {
  it('are fetched by the background, without cookies or referrer, and handed to views as data', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('wacht');
    const { entries } = await bg.send('refresh', { accountId: account.id });
    expect(entries[0]!.picture).toMatchObject({
      state: 'loaded',
      source: `${mock.url}/avatars/linus.png`,
      dataUrl: expect.stringMatching(/^data:image\/png;base64,/),
    });
    expect(mock.pictureRequests.length).toBeGreaterThan(0);
    for (const { headers } of mock.pictureRequests) {
      expect(headers.cookie).toBeUndefined();
      expect(headers.referer).toBeUndefined();
    }
  });

  it('from a host without permission: nothing is fetched, and the entry says which host to allow', async () => {
    const bg = backgroundHarness(mock);
    const userId = mock.chakra.createUser({ firstName: 'Dorothy', lastName: 'Vaughan' });
    (mock.chakra.userData(userId) as Record<string, unknown>).profileImageUrl = 'https://cdn.pictures.example/d.png';
    const fetched: string[] = [];
    const realFetch = bg.platform.fetch;
    bg.platform.fetch = (input, init) => (fetched.push(String(input)), realFetch(input, init));
    const account = await bg.send('addAccount', { provider: 'chakra', label: 'D', credentials: mock.credentials('chakra', userId) });
    const { entries } = await bg.send('refresh', { accountId: account.id });
    expect(entries[0]!.picture).toEqual({
      state: 'needs-permission',
      source: 'https://cdn.pictures.example/d.png',
      origin: 'https://cdn.pictures.example/*',
      host: 'cdn.pictures.example',
    });
    expect(fetched.filter((url) => url.includes('pictures.example'))).toEqual([]);
  });
});
