import { providerIds } from '../../lib/shared/providers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import chakraSeed from '../fixtures/chakra.seed.json';
import insightoSeed from '../fixtures/insighto.seed.json';
import leadpingSeed from '../fixtures/leadping.seed.json';
import wachtSeed from '../fixtures/wacht.seed.json';
import { CookieJar, signInToWacht } from '../support/cookie-jar';
import { faultKinds } from './faults';
import { createMockProviders, type MockProviders } from './server';

let mock: MockProviders;

beforeAll(async () => {
  mock = await createMockProviders();
});
afterAll(async () => {
  await mock.close();
});
beforeEach(() => mock.reset());

/** The seed's shape: every key it documents, with the JSON type of its example value. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shape(value[0])] : [];
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  }
  return value === null ? 'null' : typeof value;
}

/** Every key and type the seed documents is in the mock's answer (extra keys are allowed). */
function expectSeedShaped(actual: unknown, seed: unknown, path = '$'): void {
  const want = shape(seed);
  const got = shape(actual);
  if (want && typeof want === 'object' && !Array.isArray(want)) {
    // OpenAPI examples write a free-form map as {property1, property2}: only the map is promised.
    if (Object.keys(seed as object).every((key) => /^property\d+$/.test(key))) {
      expect(typeof actual, `${path} is a map`).toBe('object');
      return;
    }
    for (const [key, value] of Object.entries(seed as object)) {
      expect(got, `${path}.${key} is missing`).toHaveProperty([key]);
      const actualValue = (actual as Record<string, unknown>)[key];
      if (value === null || actualValue === null) continue; // documented nullable
      expectSeedShaped(actualValue, value, `${path}.${key}`);
    }
  } else if (Array.isArray(want)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    const items = actual as unknown[];
    if ((seed as unknown[]).length > 0 && items.length > 0) expectSeedShaped(items[0], (seed as unknown[])[0], `${path}[0]`);
  } else {
    expect(got, `${path} type`).toBe(want);
  }
}

interface ProviderCase {
  provider: 'insighto' | 'wacht' | 'leadping' | 'chakra';
  seed: unknown;
  /** GET the current user with the right credentials, answering the fetch Response. */
  getMe(userId: string, jar: CookieJar): Promise<Response>;
  /** GET with wrong credentials. */
  getWithWrongCredentials(userId: string): Promise<Response>;
  /** The provider's own error format. */
  expectErrorFormat(body: unknown): void;
}

const cases: ProviderCase[] = [
  {
    provider: 'insighto',
    seed: insightoSeed,
    getMe: (id) => fetch(`${mock.baseUrl('insighto')}/api/v1/user?api_key=${mock.credentials('insighto', id).apiKey}`),
    getWithWrongCredentials: () => fetch(`${mock.baseUrl('insighto')}/api/v1/user?api_key=in-wrong`),
    expectErrorFormat: (body) => {
      const { detail } = body as { detail: unknown };
      if (Array.isArray(detail)) expect(detail[0]).toEqual({ loc: expect.any(Array), msg: expect.any(String), type: expect.any(String) });
      else expect(body).toEqual({ detail: expect.any(String) });
    },
  },
  {
    provider: 'wacht',
    seed: wachtSeed,
    async getMe(id, jar) {
      const { username, password } = mock.wacht.signInOf(id);
      await signInToWacht(jar, mock.baseUrl('wacht'), username, password);
      return jar.fetch(`${mock.baseUrl('wacht')}/me`, { credentials: 'include' });
    },
    getWithWrongCredentials: () => fetch(`${mock.baseUrl('wacht')}/me`, { headers: { cookie: '__session=forged' } }),
    expectErrorFormat: (body) =>
      expect(body).toEqual({
        errors: expect.arrayContaining([expect.objectContaining({ message: expect.any(String), code: expect.anything() })]),
      }),
  },
  {
    provider: 'leadping',
    seed: leadpingSeed,
    getMe: (id) =>
      fetch(`${mock.baseUrl('leadping')}/users/me`, {
        headers: { authorization: `Bearer ${mock.credentials('leadping', id).token}` },
      }),
    getWithWrongCredentials: () => fetch(`${mock.baseUrl('leadping')}/users/me`, { headers: { authorization: 'Bearer nope' } }),
    expectErrorFormat: (body) =>
      expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: expect.any(Number) }),
  },
  {
    provider: 'chakra',
    seed: chakraSeed,
    getMe: (id) =>
      fetch(`${mock.baseUrl('chakra')}/v1/ext/user/${id}`, {
        headers: { authorization: `Bearer ${mock.credentials('chakra', id).token}` },
      }),
    getWithWrongCredentials: (id) => fetch(`${mock.baseUrl('chakra')}/v1/ext/user/${id}`, { headers: { authorization: 'Bearer nope' } }),
    expectErrorFormat: (body) => expect(body).toMatchObject({ _data: null, _errors: expect.arrayContaining([expect.anything()]) }),
  },
];

describe.each(cases)('mock $provider', (c) => {
  const userId = () => mock[c.provider].userIds()[0]!;

  it('answers the right credentials with a seed-shaped profile', async () => {
    const response = await c.getMe(userId(), new CookieJar());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expectSeedShaped(await response.json(), c.seed);
  });

  it("answers wrong credentials in the provider's own error format", async () => {
    const response = await c.getWithWrongCredentials(userId());
    expect([400, 401]).toContain(response.status);
    c.expectErrorFormat(await response.json());
  });

  it.each(faultKinds.filter((k) => /^\d+$/.test(k)))('serves an injected %s in its own format', async (kind) => {
    mock.addFault({ provider: c.provider, kind, userId: userId(), times: 1 });
    const response = await c.getMe(userId(), new CookieJar());
    expect(response.status).toBe(Number(kind));
    const body = await response.json();
    c.expectErrorFormat(body);
    if (kind === '429') expect(response.headers.get('retry-after')).toBe('30');
    if (kind === '422') expect(JSON.stringify(body)).toMatch(/phone/i);
    // `times: 1` means the next request is served normally again.
    expect((await c.getMe(userId(), new CookieJar())).status).toBe(200);
  });

  it('serves an HTML login page with status 200', async () => {
    mock.addFault({ provider: c.provider, kind: 'html-login', times: 1 });
    const response = await c.getMe(userId(), new CookieJar());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/<form/);
  });

  it('serves JSON that breaks the seed schema', async () => {
    mock.addFault({ provider: c.provider, kind: 'bad-schema', times: 1 });
    const response = await c.getMe(userId(), new CookieJar());
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(() => expectSeedShaped(body, c.seed)).toThrow();
  });

  it('serves an oversized body', async () => {
    mock.addFault({ provider: c.provider, kind: 'oversized', times: 1 });
    const response = await c.getMe(userId(), new CookieJar());
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(2_000_000);
  });

  it('serves a slow response after the given delay', async () => {
    mock.addFault({ provider: c.provider, kind: 'slow', ms: 300, times: 1 });
    const started = performance.now();
    const response = await c.getMe(userId(), new CookieJar());
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('hangs until the client gives up', async () => {
    mock.addFault({ provider: c.provider, kind: 'hang', times: 1 });
    const jar = new CookieJar();
    if (c.provider === 'wacht') {
      const { username, password } = mock.wacht.signInOf(userId());
      await signInToWacht(jar, mock.baseUrl('wacht'), username, password);
    }
    const attempt =
      c.provider === 'wacht'
        ? jar.fetch(`${mock.baseUrl('wacht')}/me`, { credentials: 'include', signal: AbortSignal.timeout(300) })
        : Promise.race([c.getMe(userId(), jar), new Promise((_, reject) => setTimeout(() => reject(new Error('hung')), 300))]);
    await expect(attempt).rejects.toThrow();
  });

  it('resets the connection', async () => {
    mock.addFault({ provider: c.provider, kind: 'reset', times: 1 });
    await expect(c.getMe(userId(), new CookieJar())).rejects.toThrow(/fetch failed/);
  });

  it('applies a fault only to the account it names', async () => {
    const [first, second] = mock[c.provider].userIds();
    mock.addFault({ provider: c.provider, kind: '500', userId: first });
    expect((await c.getMe(second!, new CookieJar())).status).toBe(200);
    expect((await c.getMe(first!, new CookieJar())).status).toBe(500);
  });
});

describe('fault on the request itself', () => {
  it('takes x-mock-fault from a header and mock_fault from the query', async () => {
    const id = mock.chakra.userIds()[0]!;
    const { token } = mock.credentials('chakra', id);
    const url = `${mock.baseUrl('chakra')}/v1/ext/user/${id}`;
    const viaHeader = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'x-mock-fault': '403' } });
    expect(viaHeader.status).toBe(403);
    const viaQuery = await fetch(`${url}?mock_fault=429&mock_retry_after=7`, { headers: { authorization: `Bearer ${token}` } });
    expect(viaQuery.status).toBe(429);
    expect(viaQuery.headers.get('retry-after')).toBe('7');
  });
});

describe('updates are kept', () => {
  it('Insighto PUT /api/v1/user/{id} changes the user and refuses other fields', async () => {
    const id = mock.insighto.userIds()[0]!;
    const { apiKey } = mock.credentials('insighto', id);
    const put = (body: unknown) =>
      fetch(`${mock.baseUrl('insighto')}/api/v1/user/${id}?api_key=${apiKey}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await put({ first_name: 'Augusta', phone: '+44 1' })).status).toBe(200);
    const refused = await put({ email: 'x@y.z', is_superuser: true });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({
      detail: expect.arrayContaining([expect.objectContaining({ loc: ['body', 'email'] })]),
    });
    const after = await (await fetch(`${mock.baseUrl('insighto')}/api/v1/user?api_key=${apiKey}`)).json();
    expect(after.data).toMatchObject({ first_name: 'Augusta', phone: '+44 1', email: 'ada@analytical.example', is_superuser: false });
  });

  it('Wacht POST /me takes a form, skips empty values and rejects a taken username', async () => {
    const [id, otherId] = mock.wacht.userIds();
    const jar = new CookieJar();
    const { username, password } = mock.wacht.signInOf(id!);
    await signInToWacht(jar, mock.baseUrl('wacht'), username, password);
    const post = (form: Record<string, string>) =>
      jar.fetch(`${mock.baseUrl('wacht')}/me`, { method: 'POST', body: new URLSearchParams(form), credentials: 'include' });
    const ok = await post({ first_name: 'Linus B.', last_name: '' });
    expect(ok.status).toBe(200);
    expect((await ok.json()).data).toBe('User updated successfully');
    const taken = await post({ username: mock.wacht.signInOf(otherId!).username });
    expect(taken.status).toBe(400);
    expect(await taken.json()).toEqual({ errors: [{ code: 'USERNAME_EXISTS', message: 'Username already exists' }] });
    const asJson = await jar.fetch(`${mock.baseUrl('wacht')}/me`, {
      method: 'POST',
      body: JSON.stringify({ first_name: 'X' }),
      headers: { 'content-type': 'application/json' },
      credentials: 'include',
    });
    expect(asJson.status).toBe(400);
    const me = await (await jar.fetch(`${mock.baseUrl('wacht')}/me`, { credentials: 'include' })).json();
    expect(me.data).toMatchObject({ first_name: 'Linus B.', last_name: 'Torvalds', username: 'linus' });
  });

  it('Leadping PUT /users/me requires name and replaces the user', async () => {
    const id = mock.leadping.userIds()[0]!;
    const auth = { authorization: `Bearer ${mock.credentials('leadping', id).token}`, 'content-type': 'application/json' };
    const url = `${mock.baseUrl('leadping')}/users/me`;
    const missingName = await fetch(url, { method: 'PUT', headers: auth, body: JSON.stringify({ firstName: 'K' }) });
    expect(missingName.status).toBe(400);
    expect(missingName.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await missingName.json()).errors).toEqual({ Name: ['The Name field is required.'] });
    const replaced = await fetch(url, { method: 'PUT', headers: auth, body: JSON.stringify({ name: 'Kate J', firstName: 'Kate' }) });
    expect(replaced.status).toBe(200);
    const after = await (await fetch(url, { headers: auth })).json();
    // What the body left out was reset: that is why the extension sends the whole user.
    expect(after).toMatchObject({ name: 'Kate J', firstName: 'Kate', lastName: null, email: null });
  });

  it('ChakraHQ updates with PATCH (or PUT when so configured) and answers 405 otherwise', async () => {
    const id = mock.chakra.userIds()[0]!;
    const headers = { authorization: `Bearer ${mock.credentials('chakra', id).token}`, 'content-type': 'application/json' };
    const url = `${mock.baseUrl('chakra')}/v1/ext/user/${id}`;
    const body = JSON.stringify({ firstName: 'Mae', lastName: 'Jemison' });
    expect((await fetch(url, { method: 'PUT', headers, body })).status).toBe(405);
    expect((await fetch(url, { method: 'PATCH', headers, body })).status).toBe(200);
    mock.chakra.updateMethod = 'PUT';
    expect((await fetch(url, { method: 'PATCH', headers, body })).status).toBe(405);
    const after = await (await fetch(url, { headers })).json();
    expect(after._data).toMatchObject({ firstName: 'Mae', lastName: 'Jemison', displayName: 'Mae Jemison' });
  });
});

describe('Wacht sessions', () => {
  it('gives a request without a cookie an anonymous session and "No active sign-in found"', async () => {
    const jar = new CookieJar();
    const response = await jar.fetch(`${mock.baseUrl('wacht')}/me`, { credentials: 'include' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [expect.objectContaining({ message: 'No active sign-in found' })] });
    expect(jar.get(mock.baseUrl('wacht'), '__session')).toBeTruthy();
    // The anonymous session signs nobody in.
    expect((await jar.fetch(`${mock.baseUrl('wacht')}/me`, { credentials: 'include' })).status).toBe(400);
  });

  it('signs out by clearing the cookie', async () => {
    const jar = new CookieJar();
    const id = mock.wacht.userIds()[0]!;
    const { username, password } = mock.wacht.signInOf(id);
    await signInToWacht(jar, mock.baseUrl('wacht'), username, password);
    expect((await jar.fetch(`${mock.baseUrl('wacht')}/me`, { credentials: 'include' })).status).toBe(200);
    await jar.fetch(`${mock.baseUrl('wacht')}/sign-out`, { credentials: 'include' });
    expect(jar.get(mock.baseUrl('wacht'), '__session')).toBeUndefined();
  });

  it('rotates the session token by Set-Cookie and keeps the user signed in', async () => {
    mock.wacht.rotateAfterMs = 0;
    const jar = new CookieJar();
    const { username, password } = mock.wacht.signInOf(mock.wacht.userIds()[0]!);
    await signInToWacht(jar, mock.baseUrl('wacht'), username, password);
    const before = jar.get(mock.baseUrl('wacht'), '__session');
    expect((await jar.fetch(`${mock.baseUrl('wacht')}/me`, { credentials: 'include' })).status).toBe(200);
    expect(jar.get(mock.baseUrl('wacht'), '__session')).not.toBe(before);
    expect((await jar.fetch(`${mock.baseUrl('wacht')}/me`, { credentials: 'include' })).status).toBe(200);
    mock.wacht.rotateAfterMs = 6 * 60 * 60 * 1000;
  });
});

describe('admin API and stats', () => {
  it('reports users and credentials, takes faults over HTTP, and counts peak in-flight requests', async () => {
    const state = await (await fetch(`${mock.url}/__mock/state`)).json();
    expect(Object.keys(state.providers).sort()).toEqual([...providerIds, 'acme', 'github', 'slack'].sort());
    await fetch(`${mock.url}/__mock/faults`, {
      method: 'POST',
      body: JSON.stringify({ provider: 'leadping', kind: '500', times: 1 }),
    });
    const id = mock.leadping.userIds()[0]!;
    const headers = { authorization: `Bearer ${mock.credentials('leadping', id).token}` };
    expect((await fetch(`${mock.baseUrl('leadping')}/users/me`, { headers })).status).toBe(500);
    mock.setLatency(150);
    mock.resetStats();
    await Promise.all(Array.from({ length: 5 }, () => fetch(`${mock.baseUrl('leadping')}/users/me`, { headers })));
    expect(mock.stats.peakInFlight).toBe(5);
  });
});
