import { describe, expect, it } from 'vitest';
import { providers } from '../../../../../lib/background/providers';

const { chakra } = providers;
import seed from '../../../../fixtures/chakra.seed.json';
import { useMockProviders } from '../../../../support/use-mock-providers';
import { mockContext } from '../../../../support/mock-context';
import { jsonResponse, recordingFetch } from '../../../../support/recording-fetch';

const USER = '9763caa1-cef3-497f-b3b2-f551456b2831';
const credentials = { baseUrl: 'https://api.chakrahq.com', token: 'chk_token', userId: USER };
const noCookies = async () => false;

describe('chakra.parseProfile', () => {
  it('normalizes the seed example: dates from epoch, 0 and "" as missing', () => {
    const profile = chakra.parseProfile(seed);
    expect(profile).toMatchObject({
      provider: 'chakra',
      id: 'string',
      displayName: 'string',
      email: 'string',
      emailVerified: true,
      roles: ['string'],
      organization: 'string',
      createdAt: null, // 0 means unset
    });
  });

  it('converts epoch milliseconds and seconds by magnitude', () => {
    const data = { ...seed._data, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000, dob: 0 };
    const profile = chakra.parseProfile({ _data: data });
    expect(profile.createdAt).toBe('2023-11-14T22:13:20.000Z');
    expect(profile.updatedAt).toBe('2023-11-14T22:13:20.000Z');
    expect(profile.details.find((d) => d.label === 'Birthday')).toBeUndefined();
  });

  it('falls back from an empty displayName to first, middle and last name', () => {
    const data = { ...seed._data, displayName: '', firstName: 'Mary', middleName: '', lastName: 'Jackson', profileImageUrl: '' };
    expect(chakra.parseProfile({ _data: data })).toMatchObject({ displayName: 'Mary Jackson', avatarUrl: null });
  });

  it('explains an empty _data with the provider errors', () => {
    expect(() => chakra.parseProfile({ _data: null, _errors: [{ message: 'User disabled' }] })).toThrow(/_data is empty/);
  });
});

describe('chakra requests', () => {
  it('GETs /v1/ext/user/{userId} with a Bearer token', async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse(seed));
    await chakra.fetchProfile({ ...credentials, userId: 'a/b' }, { fetch, hasCookie: noCookies });
    expect(requests[0]!.url).toBe('https://api.chakrahq.com/v1/ext/user/a%2Fb');
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer chk_token');
  });

  it('sends PATCH with only firstName/lastName, and on 405 retries once with PUT', async () => {
    const { fetch, requests } = recordingFetch((request) =>
      request.method === 'PATCH'
        ? jsonResponse({ _data: null, _errors: [{ message: 'Method PATCH not allowed' }] }, { status: 405 })
        : jsonResponse(seed),
    );
    await chakra.update!.send(credentials, { lastName: 'Jackson' }, chakra.parseProfile(seed), { fetch, hasCookie: noCookies });
    expect(requests.map((r) => r.method)).toEqual(['PATCH', 'PUT']);
    expect(await requests[1]!.json()).toEqual({ lastName: 'Jackson' });
  });

  it('does not retry any other failure', async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse({ _errors: ['boom'] }, { status: 500 }));
    const error = await chakra
      .update!.send(credentials, { lastName: 'J' }, chakra.parseProfile(seed), { fetch, hasCookie: noCookies })
      .catch((e) => e);
    expect(error.info).toMatchObject({ kind: 'server', providerMessage: 'boom' });
    expect(requests).toHaveLength(1);
  });
});

describe('chakra against the mock provider', () => {
  const mock = useMockProviders();

  const creds = (userId = USER) => chakra.credentials.schema.parse(mock.credentials('chakra', userId));

  it('fetches the user with its epoch times converted', async () => {
    const { profile } = await chakra.fetchProfile(creds(), mockContext());
    expect(profile).toMatchObject({
      displayName: 'Mary Jackson',
      createdAt: '2023-11-14T22:13:20.000Z',
      roles: ['ADMIN'],
      organization: 'Aeronautics',
    });
    expect(profile.details).toContainEqual({ label: 'Time zone', value: 'UTC+0530' });
  });

  it("reports an unknown user id as not found with ChakraHQ's message", async () => {
    const error = await chakra.fetchProfile({ ...creds(), userId: 'nobody' }, mockContext()).catch((e) => e);
    expect(error.info).toMatchObject({ kind: 'not-found', providerMessage: 'User nobody not found' });
  });

  it('saves an edit with whichever of PATCH or PUT the server takes', async () => {
    const current = (await chakra.fetchProfile(creds(), mockContext())).profile;
    expect((await chakra.update!.send(creds(), { firstName: 'Mae' }, current, mockContext())).profile.firstName).toBe('Mae');
    mock.chakra.updateMethod = 'PUT';
    expect((await chakra.update!.send(creds(), { lastName: 'Jemison' }, current, mockContext())).profile.displayName).toBe('Mae Jemison');
    const methods = mock.requests.filter((r) => r.method !== 'GET').map((r) => r.method);
    expect(methods).toEqual(['PATCH', 'PATCH', 'PUT']);
  });
});

describe('chakra team and role', () => {
  it('shows names as organisation and role, and ids only as ids in the details', async () => {
    const seed = (await import('../../../../fixtures/chakra.seed.json')).default;
    const named = chakra.parseProfile({ ...seed, _data: { ...seed._data, team: 'Aeronautics', role: 'ADMIN' } });
    expect(named).toMatchObject({ organization: 'Aeronautics', roles: ['ADMIN'] });
    expect(named.details.map((d) => d.label)).not.toContain('Team ID');
    const ids = chakra.parseProfile({ ...seed, _data: { ...seed._data, team: 't1', role: 'r1' } });
    expect(ids).toMatchObject({ organization: null, roles: [] });
    expect(ids.details).toEqual(
      expect.arrayContaining([
        { label: 'Team ID', value: 't1' },
        { label: 'Role ID', value: 'r1' },
      ]),
    );
  });
});
