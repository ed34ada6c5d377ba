import { describe, expect, it } from 'vitest';
import { WhoamiError } from '../../../../../lib/shared/errors';
import { providers } from '../../../../../lib/background/providers';

const { insighto } = providers;
import seed from '../../../../fixtures/insighto.seed.json';
import { useMockProviders } from '../../../../support/use-mock-providers';
import { mockContext } from '../../../../support/mock-context';
import { jsonResponse, recordingFetch } from '../../../../support/recording-fetch';

const KEY = 'in-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const credentials = { baseUrl: 'https://api.insighto.ai', apiKey: KEY };

describe('insighto.parseProfile', () => {
  it('normalizes the seed example', () => {
    const profile = insighto.parseProfile(seed);
    expect(profile).toMatchObject({
      provider: 'insighto',
      id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
      displayName: '<string> <string>',
      email: 'jsmith@example.com',
      emailVerified: null,
      roles: [],
      plan: 'Enterprise',
      trial: true,
      avatarUrl: null,
      createdAt: null,
    });
    expect(profile.details).toContainEqual({ label: 'Next credits refresh', value: '2023-11-07T05:31:56.000Z', kind: 'datetime' });
    expect(profile.details).toContainEqual({ label: 'Followers', value: '123' });
  });

  it('treats everything but id as optional: nulls, missing fields, unknown extras, empty strings', () => {
    const profile = insighto.parseProfile({
      message: 'ok',
      data: { id: 'u1', first_name: '', last_name: null, email: 'a@b.c', phone: '   ', brand_new_field: { x: 1 } },
    });
    expect(profile).toMatchObject({ id: 'u1', firstName: null, lastName: null, phone: null, displayName: 'a@b.c', plan: null });
    expect(profile.details).toEqual([]);
  });

  it('names the first failing path of a broken response', () => {
    expect(() => insighto.parseProfile({ data: { id: 7 } })).toThrow(/data\.id: expected string/);
    expect(() => insighto.parseProfile({ message: 'ok' })).toThrow(/data: expected object/);
    expect(() => insighto.parseProfile({ data: { id: 'x', email: ['a'] } })).toThrow(/data\.email/);
    expect(() => insighto.parseProfile('<html>')).toThrow(WhoamiError);
  });

  it('keeps billing ids out of the profile', () => {
    const payload = structuredClone(seed);
    payload.data.stripe_customer_id = 'cus_Q8secret';
    payload.data.stripe_subscription_id = 'sub_1Psecret';
    const text = JSON.stringify(insighto.parseProfile(payload));
    expect(text).not.toContain('cus_Q8secret');
    expect(text).not.toContain('sub_1Psecret');
  });
});

describe('insighto requests', () => {
  it('GETs /api/v1/user with the key as the api_key query parameter and no auth header', async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(seed));
    await insighto.fetchProfile(credentials, { fetch, hasCookie: async () => false });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.method).toBe('GET');
    expect(request!.url).toBe(`https://api.insighto.ai/api/v1/user?api_key=${KEY}`);
    expect(request!.headers.get('authorization')).toBeNull();
    expect(request!.headers.get('accept')).toBe('application/json');
    expect(request!.credentials).toBe('omit');
  });

  it('PUTs only the changed fields as JSON to /api/v1/user/{id}', async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(seed));
    const current = insighto.parseProfile(seed);
    await insighto.update!.send(credentials, { phone: '+1 555' }, current, { fetch, hasCookie: async () => false });
    const [request] = requests;
    expect(request!.method).toBe('PUT');
    expect(request!.url).toBe(`https://api.insighto.ai/api/v1/user/${current.id}?api_key=${KEY}`);
    expect(request!.headers.get('content-type')).toBe('application/json');
    expect(await request!.json()).toEqual({ phone: '+1 555' });
  });

  it('offers first name, last name and phone — never email or billing fields', () => {
    expect(insighto.update!.fields.map((f) => f.name)).toEqual(['firstName', 'lastName', 'phone']);
    expect(insighto.update!.bodySchema.safeParse({ email: 'x@y.z' }).success).toBe(false);
    expect(insighto.update!.bodySchema.safeParse({ is_superuser: true }).success).toBe(false);
  });

  it('validates the key format in the credential schema', () => {
    const result = insighto.credentials.schema.safeParse({ baseUrl: 'https://api.insighto.ai', apiKey: 'sk-123' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Insighto API keys start with "in-"');
    expect(insighto.credentials.secretFields).toEqual(['apiKey']);
  });
});

describe('insighto against the mock provider', () => {
  const mock = useMockProviders();

  const user = () => mock.insighto.userIds()[0]!;
  const creds = () => insighto.credentials.schema.parse(mock.credentials('insighto', user()));

  it('fetches and normalizes the profile over HTTP', async () => {
    const { profile, raw } = await insighto.fetchProfile(creds(), mockContext());
    expect(profile).toMatchObject({ id: user(), displayName: 'Ada Lovelace', email: 'ada@analytical.example', trial: true });
    expect(JSON.stringify(raw)).not.toContain(creds().apiKey);
  });

  it("reports a wrong key as unauthorized with Insighto's own message", async () => {
    const error = await insighto.fetchProfile({ ...creds(), apiKey: 'in-wrongwrongwrong' }, mockContext()).catch((e) => e);
    expect(error.info).toMatchObject({ kind: 'unauthorized', status: 401, providerMessage: 'Invalid API key' });
    expect(error.message).not.toContain('in-wrong');
  });

  it('saves an edit and answers the saved profile; field errors map to Profile fields', async () => {
    const current = (await insighto.fetchProfile(creds(), mockContext())).profile;
    const saved = await insighto.update!.send(creds(), { firstName: 'Augusta' }, current, mockContext());
    expect(saved.profile.firstName).toBe('Augusta');
    expect((await insighto.fetchProfile(creds(), mockContext())).profile.firstName).toBe('Augusta');

    mock.addFault({ provider: 'insighto', kind: '422', methods: ['PUT'] });
    const error = await insighto.update!.send(creds(), { phone: 'x' }, current, mockContext()).catch((e) => e);
    expect(error.info.kind).toBe('validation');
    expect(error.info.fieldErrors).toEqual({
      firstName: ['First name is not acceptable (injected fault).'],
      phone: ['Phone is not a valid phone number (injected fault).'],
    });
  });
});
