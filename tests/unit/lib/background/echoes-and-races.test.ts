import { dehydrate, QueryClient } from '@tanstack/react-query';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { DefinitionInput } from '../../../../lib/shared/custom/definition';
import { backgroundHarness } from '../../../support/background-harness';
import { useMockProviders } from '../../../support/use-mock-providers';

// An independent attacker's review of the secret isolation found these; each is kept as a test.
const mock = useMockProviders();

// A provider of the user's own choosing that echoes what it got, as many real APIs do: its own
// URL in `links.self`, the route in an error message, a field back as a JSON number.
let server: http.Server;
let base = '';
let answer: 'links' | 'error-path' | 'number' = 'links';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (answer === 'links') return json(200, { id: 'u1', name: 'Ada', links: { self: `${base}${req.url}` } });
    if (answer === 'error-path') return json(404, { message: `No route for GET ${req.url}` });
    return json(200, { id: 'u1', name: 'Ada', account: { number: 84736251 } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const echo = (changes: Partial<DefinitionInput> = {}): DefinitionInput =>
  ({
    id: 'echo',
    name: 'Echo',
    baseUrl: base,
    path: '/me',
    method: 'GET',
    fields: [{ name: 'token', label: 'Token', secret: true }],
    auth: { type: 'query', name: 'key', value: '{token}' },
    envelope: '',
    profile: { id: 'id', name: 'name' },
    details: [],
    ...changes,
  }) as DefinitionInput;

// A base64-style key: '+', '/', '=' and '~' are percent-encoded on the way out.
const TOKEN = 'AbC+dEf/GhI=jKl~MnO9';
const forms = [TOKEN, encodeURIComponent(TOKEN), new URLSearchParams({ k: TOKEN }).toString().slice(2)];

async function holdersOf(texts: string[]): Promise<string[]> {
  const local = await fakeBrowser.storage.local.get();
  return Object.entries(local)
    .filter(([key, value]) => key !== 'accounts' && texts.some((text) => JSON.stringify(value).includes(text)))
    .map(([key]) => key);
}

describe('a secret echoed back in another form', () => {
  it('URL-encoded in a link of a successful answer: redacted in storage, replies and events', async () => {
    answer = 'links';
    const bg = backgroundHarness(mock);
    await bg.send('saveDefinition', { definition: echo() });
    const account = await bg.send('addAccount', { provider: 'custom:echo', label: 'Echo', credentials: { baseUrl: base, token: TOKEN } });
    await bg.settle();
    const reply = await bg.send('getProfile', { accountId: account.id });
    expect((reply.raw as { links: { self: string } }).links.self).toBe(`${base}/me?key=[redacted]`);
    expect(await holdersOf(forms)).toEqual([]);
    for (const form of forms) expect(JSON.stringify(bg.events)).not.toContain(form);
  });

  it('URL-encoded in an error message naming the route', async () => {
    answer = 'error-path';
    const bg = backgroundHarness(mock);
    await bg.send('saveDefinition', {
      definition: echo({ path: '/users/{token}', auth: { type: 'header', name: 'X-Api-Key', value: '{token}' } }),
    });
    const account = await bg.send('addAccount', { provider: 'custom:echo', label: 'Echo', credentials: { baseUrl: base, token: TOKEN } });
    await bg.settle();
    expect((await bg.send('getProfile', { accountId: account.id })).error?.providerMessage).toBe('No route for GET /users/[redacted]');
    const tested = await bg
      .send('testCredentials', { provider: 'custom:echo', credentials: { baseUrl: base, token: TOKEN } })
      .catch((e) => e);
    expect(tested.info.providerMessage).toBe('No route for GET /users/[redacted]');
    expect(await holdersOf(forms)).toEqual([]);
  });

  it('as a JSON number', async () => {
    answer = 'number';
    const bg = backgroundHarness(mock);
    await bg.send('saveDefinition', {
      definition: echo({
        fields: [
          { name: 'token', label: 'Token', secret: true },
          { name: 'account', label: 'Account number', secret: true },
        ],
        auth: { type: 'header', name: 'X-Api-Key', value: '{token}{account}' },
      }),
    });
    const account = await bg.send('addAccount', {
      provider: 'custom:echo',
      label: 'Echo',
      credentials: { baseUrl: base, token: TOKEN, account: '84736251' },
    });
    await bg.settle();
    expect((await bg.send('getProfile', { accountId: account.id })).raw).toEqual({
      id: 'u1',
      name: 'Ada',
      account: { number: '[redacted]' },
    });
  });

  it('a secret too short to redact safely is refused when typed', async () => {
    const bg = backgroundHarness(mock);
    await bg.send('saveDefinition', { definition: echo() });
    const refused = await bg
      .send('addAccount', { provider: 'custom:echo', label: 'Echo', credentials: { baseUrl: base, token: '7Qz' } })
      .catch((e) => e);
    expect(refused.info.fieldErrors).toEqual({ token: ['Token must be at least 4 characters'] });
  });

  it('a secret too long to be a key (a paste gone wrong) is refused when typed, and nothing is stored', async () => {
    const bg = backgroundHarness(mock);
    await bg.send('saveDefinition', { definition: echo() });
    const refused = await bg
      .send('addAccount', { provider: 'custom:echo', label: 'Echo', credentials: { baseUrl: base, token: 'k'.repeat(8_193) } })
      .catch((e) => e);
    expect(refused.info.fieldErrors).toEqual({ token: ['Token must be at most 8,192 characters'] });
    expect((await bg.send('listAccounts', {})).accounts).toEqual([]);
  });

  it('a user-defined field may not take the name of one every account has', async () => {
    const bg = backgroundHarness(mock);
    const refused = await bg
      .send('saveDefinition', {
        definition: echo({
          fields: [
            { name: 'baseUrl', label: 'Base', secret: false },
            { name: 'token', label: 'Token', secret: true },
          ],
        }),
      })
      .catch((e) => e);
    expect(refused.info.detail).toContain('this name is reserved');
  });
});

describe('upgrading from version 1 storage', () => {
  it('redacts secrets v1 left in stored profiles, and drops the persisted view cache', async () => {
    const credentials = mock.credentials('chakra', mock.chakra.userIds()[0]!);
    const token = credentials.token!;
    const id = 'acc-1';
    // v1 scrubbed only secret-shaped values: "Invalid token <token>" was stored as it came.
    const v1Entry = {
      accountId: id,
      profile: null,
      fetchedAt: null,
      attemptedAt: 1,
      failures: 1,
      nextAttemptAt: null,
      error: {
        kind: 'unauthorized',
        status: 401,
        providerMessage: `Invalid token ${token}`,
        detail: null,
        fieldErrors: {},
        retryAfterSec: null,
      },
    };
    const cache = new QueryClient();
    cache.setQueryData(['profile', id], v1Entry);
    await fakeBrowser.storage.local.set({
      accounts: [{ id, provider: 'chakra', label: 'C', credentials, createdAt: 1 }],
      [`profile:${id}`]: v1Entry,
      'whoami-query-cache': JSON.stringify({ buster: '1', timestamp: Date.now(), clientState: dehydrate(cache) }),
    });
    // A fresh background module on that storage: the migration runs when it loads.
    vi.resetModules();
    const { backgroundHarness: freshHarness } = await import('../../../support/background-harness');
    const bg = freshHarness(mock);
    const { accounts, problems } = await bg.send('listAccounts', {});
    expect(problems).toEqual([]);
    expect(accounts[0]!.secretHints.token).toMatch(/^••••/);
    const stored = await fakeBrowser.storage.local.get();
    expect((stored.accounts as Array<{ secrets: Record<string, string> }>)[0]!.secrets.token).toBe(token);
    expect(await holdersOf([token])).toEqual([]);
    expect((stored[`profile:${id}`] as typeof v1Entry).error.providerMessage).toBe('Invalid token [redacted]');
    expect(stored['whoami-query-cache']).toBeUndefined();
  });
});

describe('writes that race', () => {
  it('a refresh that started before an edit never overwrites what the edit brought', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('chakra');
    await bg.settle();
    // Hold the refresh's answer (already computed, with the old name) until the edit is done.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const realFetch = bg.platform.fetch;
    let holdNext = true;
    bg.platform.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      if (holdNext && (init?.method ?? 'GET') === 'GET') {
        holdNext = false;
        await held;
      }
      return response;
    };
    const refreshing = bg.core.refresher.refreshOne(account.id, { kind: 'force' });
    await vi.waitFor(() => expect(holdNext).toBe(false));
    // Straight to the handler: the harness's send() waits for every running refresh, the held one too.
    const edited = await bg.core.handlers.updateProfile({ accountId: account.id, editId: 'e1', changes: { lastName: 'Jackson-Edited' } });
    expect(edited.profile?.lastName).toBe('Jackson-Edited');
    release();
    await refreshing;
    expect((await bg.send('getProfile', { accountId: account.id })).profile?.lastName).toBe('Jackson-Edited');
  });

  it('new settings get their own refresh even while one with the old settings is running', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('chakra', 0);
    await bg.settle();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const realFetch = bg.platform.fetch;
    let holdNext = true;
    bg.platform.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      if (holdNext) {
        holdNext = false;
        await held;
      }
      return response;
    };
    const refreshing = bg.core.refresher.refreshOne(account.id, { kind: 'force' });
    await vi.waitFor(() => expect(holdNext).toBe(false));
    const second = mock.credentials('chakra', mock.chakra.userIds()[1]!);
    await bg.core.handlers.updateAccount({ id: account.id, credentials: { ...second, token: second.token! } });
    release();
    await refreshing;
    await bg.settle();
    expect((await bg.send('getProfile', { accountId: account.id })).profile?.id).toBe(mock.chakra.userIds()[1]);
  });

  it('saving a form over a newer save of the same account says so and changes nothing', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('chakra', 0);
    const newer = await bg.send('updateAccount', { id: account.id, label: 'Renamed in tab 2', revision: account.revision });
    expect(newer.revision).toBe(account.revision + 1);
    const stale = await bg.send('updateAccount', { id: account.id, label: 'Stale tab 1', revision: account.revision }).catch((e) => e);
    expect(stale.info).toMatchObject({ kind: 'conflict', detail: '“Renamed in tab 2” was changed elsewhere since this form was opened' });
    expect((await bg.send('listAccounts', {})).accounts[0]!.label).toBe('Renamed in tab 2');
  });

  it('a definition change and a new account cannot interleave to make a secret visible', async () => {
    const bg = backgroundHarness(mock);
    await bg.send('saveDefinition', {
      definition: echo({
        fields: [
          { name: 'token', label: 'Token', secret: true },
          { name: 'pin', label: 'PIN', secret: true },
        ],
      }),
    });
    const unsecret = echo({
      fields: [
        { name: 'token', label: 'Token', secret: true },
        { name: 'pin', label: 'PIN', secret: false },
      ],
    });
    const [added] = await Promise.allSettled([
      bg.send('addAccount', { provider: 'custom:echo', label: 'Echo', credentials: { baseUrl: base, token: TOKEN, pin: '55667788' } }),
      bg.send('saveDefinition', { definition: unsecret }),
    ]);
    // Whichever came first, the PIN was typed as a secret and stays one: never shown.
    expect(added.status).toBe('fulfilled');
    const stored = (await fakeBrowser.storage.local.get('accounts')).accounts as Array<{ secrets: Record<string, string> }>;
    expect(stored[0]!.secrets.pin).toBe('55667788');
    const listed = await bg.send('listAccounts', {});
    expect(JSON.stringify(listed)).not.toContain('55667788');
    expect(JSON.stringify(await bg.send('exportAccounts', {}))).not.toContain('55667788');
  });
});
