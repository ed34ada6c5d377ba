import { describe, expect, it } from 'vitest';
import { providers } from '../../../../../lib/background/providers';
import { deploymentUrlFrom } from '../../../../../lib/shared/providers/wacht';

const { wacht } = providers;
import errorSeed from '../../../../fixtures/wacht.error.seed.json';
import seed from '../../../../fixtures/wacht.seed.json';
import { useMockProviders } from '../../../../support/use-mock-providers';
import { mockContext, signedInWachtContext } from '../../../../support/mock-context';
import { jsonResponse, recordingFetch } from '../../../../support/recording-fetch';
import { TINY_PNG } from '../../../../fixtures/pictures';

const SECRETS = ['totp_secret', 'otp_url', '"backup_codes"', 'JBSWY3DPEHPK3PXP', '9f3a-72bc-mock'];
type EditableSeed = { data: Record<string, unknown> & { primary_email_address: Record<string, unknown> } };
const editableSeed = () => structuredClone(seed) as unknown as EditableSeed;

const credentials = { deploymentUrl: 'https://acme.wacht.services', useBrowserSession: 'true' as const };

describe('wacht.parseProfile', () => {
  it('normalizes the seed example', () => {
    const profile = wacht.parseProfile(seed);
    expect(profile).toMatchObject({
      provider: 'wacht',
      id: 'string',
      displayName: 'string string',
      username: 'string',
      email: 'string',
      emailVerified: true,
      phone: 'string',
      roles: [],
    });
    expect(profile.details).toContainEqual({ label: 'Two-factor policy', value: 'none' });
    expect(profile.details).toContainEqual({ label: 'Session started', value: '2019-08-24T14:15:22.000Z', kind: 'datetime' });
  });

  it('drops the TOTP secret, OTP URL and backup codes at parse time', () => {
    const payload = structuredClone(seed) as typeof seed;
    payload.data.user_authenticator.totp_secret = 'JBSWY3DPEHPK3PXP';
    payload.data.backup_codes = ['9f3a-72bc-mock'];
    const text = JSON.stringify(wacht.parseProfile(payload));
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('accepts has_profile_picture as a boolean or a string, and an empty or null verified_at', () => {
    const base = editableSeed();
    base.data.profile_picture_url = 'https://img.example/a.png';
    base.data.has_profile_picture = false;
    expect(wacht.parseProfile(base).avatarUrl).toBeNull();
    base.data.has_profile_picture = 'true';
    expect(wacht.parseProfile(base).avatarUrl).toBe('https://img.example/a.png');
    base.data.primary_email_address.verified_at = null;
    base.data.primary_email_address.verified = false;
    expect(wacht.parseProfile(base).emailVerified).toBe(false);
  });

  it('keeps unsafe avatar URLs out', () => {
    const base = editableSeed();
    for (const url of ['javascript:alert(1)', 'data:image/svg+xml,<svg/onload=alert(1)>', 'http://evil.example/a.png', 'not a url']) {
      base.data.profile_picture_url = url;
      expect(wacht.parseProfile(base).avatarUrl).toBeNull();
    }
  });

  it('fails on a schema break with the path', () => {
    const base = editableSeed();
    (base.data as Record<string, unknown>).primary_email_address = 'oops';
    expect(() => wacht.parseProfile(base)).toThrow(/data\.primary_email_address: expected object/);
  });

  it('reads error bodies with string or number codes', () => {
    expect(wacht.readErrorBody(errorSeed, 500)).toMatchObject({ message: 'string' });
    expect(wacht.readErrorBody({ errors: [{ code: 'USERNAME_EXISTS', message: 'Username already exists' }] }, 400)).toEqual({
      message: 'Username already exists',
      fieldErrors: { username: ['Username already exists'] },
      kind: undefined,
    });
    expect(wacht.readErrorBody({ errors: [{ code: 0, message: 'No active sign-in found' }] }, 400)?.kind).toBe('signed-out');
  });
});

describe('wacht credentials', () => {
  it('takes a host, a URL or a publishable key', () => {
    expect(deploymentUrlFrom('acme.wacht.services')).toBe('https://acme.wacht.services');
    expect(deploymentUrlFrom(`pk_test_${btoa('https://acme.wacht.services')}`)).toBe('https://acme.wacht.services');
    expect(wacht.credentials.schema.parse({ deploymentUrl: 'acme.wacht.services/', useBrowserSession: 'true' })).toEqual(credentials);
    expect(wacht.credentials.schema.safeParse({ deploymentUrl: 'http://acme.example', useBrowserSession: 'true' }).success).toBe(false);
    expect(wacht.credentials.secretFields).toEqual([]);
  });
});

describe('wacht requests', () => {
  it('reports signed out without calling when the browser has no __session cookie', async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(seed));
    const error = await wacht.fetchProfile(credentials, { fetch, hasCookie: async () => false }).catch((e) => e);
    expect(error.info.kind).toBe('signed-out');
    expect(requests).toHaveLength(0);
  });

  it("GETs /me with the browser's cookies and no token of its own", async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(seed));
    await wacht.fetchProfile(credentials, { fetch, hasCookie: async () => true });
    const [request] = requests;
    expect(request!.url).toBe('https://acme.wacht.services/me');
    expect(request!.credentials).toBe('include');
    expect(request!.headers.get('authorization')).toBeNull();
    expect(request!.headers.get('cookie')).toBeNull();
  });

  it('POSTs only the changed fields form-encoded to /me, then reads the user again', async () => {
    const { fetch, requests } = recordingFetch((request) =>
      request.method === 'POST' ? jsonResponse({ status: 200, message: 'Success', data: 'User updated' }) : jsonResponse(seed),
    );
    await wacht.update!.send(credentials, { username: 'ada' }, wacht.parseProfile(seed), { fetch, hasCookie: async () => true });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST https://acme.wacht.services/me',
      'GET https://acme.wacht.services/me',
    ]);
    expect(requests[0]!.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(await requests[0]!.text()).toBe('username=ada');
  });
});

describe('wacht picture upload', () => {
  it('POSTs the picture as multipart field "file" with the browser session, then reads the user again', async () => {
    const { fetch, requests } = recordingFetch((request) =>
      request.method === 'POST' ? jsonResponse({ status: 200, message: 'Success', data: null }) : jsonResponse(seed),
    );
    await wacht.avatar!.upload(credentials, { name: 'me.png', type: 'image/png', bytes: TINY_PNG }, { fetch, hasCookie: async () => true });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST https://acme.wacht.services/me/profile-picture',
      'GET https://acme.wacht.services/me',
    ]);
    expect(requests[0]!.credentials).toBe('include');
    expect(requests[0]!.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const file = (await requests[0]!.formData()).get('file') as File;
    expect(file.name).toBe('me.png');
    expect(file.type).toBe('image/png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(TINY_PNG);
  });
});

describe('wacht against the mock provider', () => {
  const mock = useMockProviders();

  const user = () => mock.wacht.userIds()[0]!;
  const creds = () => wacht.credentials.schema.parse(mock.credentials('wacht', user()));

  it('fetches the signed-in user with the session cookie, and no secret survives', async () => {
    const ctx = await signedInWachtContext(mock, user());
    const { profile, raw } = await wacht.fetchProfile(creds(), ctx);
    expect(profile).toMatchObject({ displayName: 'Linus Torvalds', username: 'linus', email: 'linus@kernel.example' });
    expect(profile.avatarUrl).toBe(`${mock.url}/avatars/linus.png`);
    const text = JSON.stringify({ profile, raw });
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('reports a signed-out browser without creating an anonymous session', async () => {
    const ctx = mockContext();
    const error = await wacht.fetchProfile(creds(), ctx).catch((e) => e);
    expect(error.info.kind).toBe('signed-out');
    expect(mock.requests.filter((r) => r.path === '/me')).toHaveLength(0);
  });

  it('reports an expired session (a stale cookie) as signed out', async () => {
    const ctx = mockContext();
    ctx.jar.set(mock.baseUrl('wacht'), '__session', 'expired-token');
    const error = await wacht.fetchProfile(creds(), ctx).catch((e) => e);
    expect(error.info).toMatchObject({ kind: 'signed-out', status: 400, providerMessage: 'No active sign-in found' });
  });

  it('takes a new picture and shows it', async () => {
    const ctx = await signedInWachtContext(mock, user());
    const { profile } = await wacht.avatar!.upload(creds(), { name: 'me.png', type: 'image/png', bytes: TINY_PNG }, ctx);
    expect(profile.avatarUrl).toBe(`${mock.baseUrl('wacht')}/picture/${user()}?v=1`);
    const served = await fetch(profile.avatarUrl!);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(TINY_PNG);
    const refused = await wacht.avatar!.upload(creds(), { name: 'me.txt', type: 'text/plain', bytes: TINY_PNG }, ctx).catch((e) => e);
    expect(refused.info).toMatchObject({ kind: 'validation', providerMessage: 'Only PNG, JPEG, WebP or GIF images' });
  });

  it('saves a name and reports a taken username on its field', async () => {
    const ctx = await signedInWachtContext(mock, user());
    const current = (await wacht.fetchProfile(creds(), ctx)).profile;
    const saved = await wacht.update!.send(creds(), { firstName: 'Linus B.' }, current, ctx);
    expect(saved.profile.firstName).toBe('Linus B.');
    const error = await wacht.update!.send(creds(), { username: 'margaret' }, current, ctx).catch((e) => e);
    expect(error.info).toMatchObject({ kind: 'validation', fieldErrors: { username: ['Username already exists'] } });
  });
});
