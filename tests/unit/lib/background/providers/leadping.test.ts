import { describe, expect, it } from 'vitest';
import { providers } from '../../../../../lib/background/providers';

const { leadping } = providers;
import seed from '../../../../fixtures/leadping.seed.json';
import { useMockProviders } from '../../../../support/use-mock-providers';
import { mockContext } from '../../../../support/mock-context';
import { jsonResponse, recordingFetch } from '../../../../support/recording-fetch';

const credentials = { baseUrl: 'https://api.leadping.ai', authStyle: 'bearer' as const, token: 'eyJ.token.sig' };
const noCookies = async () => false;

describe('leadping.parseProfile', () => {
  it('normalizes the seed example', () => {
    const profile = leadping.parseProfile(seed);
    expect(profile).toMatchObject({
      provider: 'leadping',
      id: '<string>',
      displayName: '<string>',
      organization: '<string>',
      roles: [],
      createdAt: '2023-11-07T05:31:56.000Z',
      updatedAt: '2023-11-07T05:31:56.000Z',
    });
    expect(profile.details).toContainEqual({ label: 'Account balance', value: '$123.00' });
    expect(profile.details).toContainEqual({ label: 'Accepted terms', value: 'Yes' });
  });

  it('parses enums as strings, including values the docs never listed', () => {
    const profile = leadping.parseProfile({
      ...seed,
      roles: ['Admin', 'Dispatcher'],
      subscriptionStatus: 'Dunning',
      billingPlan: 'Quarterly',
    });
    expect(profile.roles).toEqual(['Admin', 'Dispatcher']);
    expect(profile.plan).toBe('Quarterly');
    expect(profile.details).toContainEqual({ label: 'Subscription', value: 'Dunning' });
  });

  it('accepts a mostly-null user as long as it identifies someone', () => {
    const profile = leadping.parseProfile({ id: null, email: 'x@y.z', roles: null, business: null, identities: [] });
    expect(profile).toMatchObject({ id: null, displayName: 'x@y.z', roles: [], organization: null });
  });

  it('refuses a user that identifies nobody, whatever the docs mark nullable', () => {
    expect(() => leadping.parseProfile({ id: null, name: '', email: null, accountBalance: 3 })).toThrow(/identifies no user/);
  });

  it('names the path of a type error', () => {
    expect(() => leadping.parseProfile({ ...seed, roles: 'Admin' })).toThrow(/^invalid-response: roles: expected array/);
  });
});

describe('leadping requests', () => {
  it('sends the token as a Bearer header, or as X-Leadping-Api-Key', async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(seed));
    await leadping.fetchProfile(credentials, { fetch, hasCookie: noCookies });
    await leadping.fetchProfile({ ...credentials, authStyle: 'api-key', token: 'lp_key' }, { fetch, hasCookie: noCookies });
    expect(requests[0]!.url).toBe('https://api.leadping.ai/users/me');
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer eyJ.token.sig');
    expect(requests[1]!.headers.get('authorization')).toBeNull();
    expect(requests[1]!.headers.get('x-leadping-api-key')).toBe('lp_key');
  });

  it('PUTs the whole fetched user with the change applied, name kept in step', async () => {
    const fetchedUser = { ...seed, id: 'u1', name: 'Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@x.io' };
    const { fetch, requests } = recordingFetch(() => jsonResponse(fetchedUser));
    await leadping.update!.send(credentials, { firstName: 'Augusta' }, leadping.parseProfile(fetchedUser), {
      fetch,
      hasCookie: noCookies,
    });
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PUT']);
    const body = await requests[1]!.json();
    expect(body).toEqual({
      id: 'u1',
      name: 'Augusta Lovelace',
      email: 'ada@x.io',
      firstName: 'Augusta',
      lastName: 'Lovelace',
      phone: '<string>',
      billingPlan: null,
      subscriptionId: null,
      // No status: left out, since Leadping's enum may not be null.
    });
    expect(requests[1]!.headers.get('content-type')).toBe('application/json');
  });
});

describe('leadping against the mock provider', () => {
  const mock = useMockProviders();

  const user = () => mock.leadping.userIds()[0]!;
  const creds = () => leadping.credentials.schema.parse(mock.credentials('leadping', user()));

  it('fetches the user over HTTP', async () => {
    const { profile } = await leadping.fetchProfile(creds(), mockContext());
    expect(profile).toMatchObject({ displayName: 'Katherine Johnson', roles: ['Agent', 'Admin'], plan: 'Annual' });
  });

  it('says which auth style was refused', async () => {
    const apiKey = { ...creds(), authStyle: 'api-key' as const, token: mock.leadping.apiKeyOf(user()) };
    const error = await leadping.fetchProfile(apiKey, mockContext()).catch((e) => e);
    expect(error.info).toMatchObject({
      kind: 'unauthorized',
      providerMessage: 'API keys cannot read /users/me: use a user token.',
      detail: expect.stringMatching(/X-Leadping-Api-Key/),
    });
  });

  it('keeps every other field through the replace-like PUT', async () => {
    const current = (await leadping.fetchProfile(creds(), mockContext())).profile;
    const saved = await leadping.update!.send(creds(), { phone: '+1 555 0199' }, current, mockContext());
    expect(saved.profile).toMatchObject({
      phone: '+1 555 0199',
      email: 'katherine@orbit.example',
      plan: 'Annual',
      displayName: 'Katherine Johnson',
    });
    expect(mock.leadping.userData(user())).toMatchObject({ subscriptionStatus: 'Active', lastName: 'Johnson' });
  });

  it('maps ProblemDetails field errors onto Profile fields', async () => {
    mock.addFault({ provider: 'leadping', kind: '422', methods: ['PUT'] });
    const current = (await leadping.fetchProfile(creds(), mockContext())).profile;
    const error = await leadping.update!.send(creds(), { firstName: 'X' }, current, mockContext()).catch((e) => e);
    expect(error.info.kind).toBe('validation');
    expect(Object.keys(error.info.fieldErrors).sort()).toEqual(['firstName', 'phone']);
  });
});
