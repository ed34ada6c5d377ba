import { describe, expect, it } from 'vitest';
import { providers } from '../../../../../lib/background/providers';
import { mockContext, signedInWachtContext } from '../../../../support/mock-context';
import { openApiDocument } from '../../../../support/openapi';
import { useMockProviders } from '../../../../support/use-mock-providers';

// Every update body Whoami sends, checked against the provider's official OpenAPI document with
// a schema validator — for the users the mocks know, including ones with fields left empty.
const mock = useMockProviders();
const leadpingSpec = openApiDocument('leadping-2025-06.openapi.json');
const wachtSpec = openApiDocument('wacht-frontend-api.me.openapi.json');

const lastBody = (method: string) => mock.requests.filter((r) => r.method === method).at(-1)!.body;

describe('Leadping PUT /users/me conforms to UserRequest', () => {
  const { leadping } = providers;
  const cases: Array<[string, Record<string, unknown>, Record<string, string>]> = [
    ['a complete user', {}, { phone: '+1 555 0100' }],
    [
      'a user with no subscription status (never sent as null)',
      { subscriptionStatus: null, billingPlan: null, subscriptionId: null },
      { firstName: 'Ada' },
    ],
    ['a user with no phone, clearing nothing', { phone: null }, { lastName: 'Byron' }],
    ['a user whose name is not made of its parts', { name: 'The Countess' }, { firstName: '' }],
  ];

  it.each(cases)('%s', async (_name, overrides, changes) => {
    const userId = mock.leadping.createUser({ firstName: 'Augusta', lastName: 'King', name: 'Augusta King', ...overrides });
    const credentials = leadping.credentials.schema.parse(mock.credentials('leadping', userId));
    const current = (await leadping.fetchProfile(credentials, mockContext())).profile;
    await leadping.update!.send(credentials, changes, current, mockContext());
    const body = JSON.parse(lastBody('PUT'));
    expect(leadpingSpec.requestProblems('PUT', '/users/me', 'application/json', body)).toEqual([]);
    expect(body).not.toHaveProperty('subscriptionStatus', null);
    // (Answers aren't checked against this document: it is older than the live UserResponse,
    // which has grown — auto-refill, compliance, nullable statuses — and Whoami reads tolerantly.)
  });

  it('refuses to empty a name made of its parts, on the fields, before sending anything', async () => {
    const userId = mock.leadping.createUser({ firstName: 'Augusta', lastName: '', name: 'Augusta' });
    const current = leadping.parseProfile(mock.leadping.userData(userId));
    expect(leadping.update!.check!({ firstName: '' }, current)).toEqual({
      firstName: ['Leadping needs a name: keep a first or a last name'],
    });
    const credentials = leadping.credentials.schema.parse(mock.credentials('leadping', userId));
    const before = mock.requests.length;
    const error = await leadping.update!.send(credentials, { firstName: '' }, current, mockContext()).catch((e) => e);
    expect(error.info).toMatchObject({
      kind: 'validation',
      fieldErrors: { firstName: ['Leadping needs a name: keep a first or a last name'] },
    });
    // The fresh read happened; the write did not, and the name was never replaced by the email.
    expect(mock.requests.slice(before).map((r) => r.method)).toEqual(['GET']);
    expect(mock.leadping.userData(userId)).toMatchObject({ name: 'Augusta' });
  });

  it('explains a refused credential on the edit path as on the read path', async () => {
    const userId = mock.leadping.userIds()[0]!;
    const credentials = {
      ...leadping.credentials.schema.parse(mock.credentials('leadping', userId)),
      authStyle: 'api-key' as const,
      token: mock.leadping.apiKeyOf(userId),
    };
    const current = leadping.parseProfile(mock.leadping.userData(userId));
    const read = await leadping.fetchProfile(credentials, mockContext()).catch((e) => e);
    const edit = await leadping.update!.send(credentials, { phone: '+1 555' }, current, mockContext()).catch((e) => e);
    expect(edit.info.detail).toBe(read.info.detail);
    expect(edit.info.detail).toMatch(/X-Leadping-Api-Key/);
  });
});

describe('Wacht POST /me conforms to UpdateUserSchema', () => {
  const { wacht } = providers;
  it.each([
    ['a name', { firstName: 'Linus B' }],
    ['a username', { username: 'linus_b' }],
    ['all three', { firstName: 'L', lastName: 'T', username: 'lt' }],
  ])('%s', async (_name, changes) => {
    const userId = mock.wacht.userIds()[0]!;
    const ctx = await signedInWachtContext(mock, userId);
    const credentials = wacht.credentials.schema.parse(mock.credentials('wacht', userId));
    const current = (await wacht.fetchProfile(credentials, ctx)).profile;
    await wacht.update!.send(credentials, changes, current, ctx);
    const form = Object.fromEntries(new URLSearchParams(lastBody('POST')));
    expect(wachtSpec.requestProblems('POST', '/me', 'application/x-www-form-urlencoded', form)).toEqual([]);
    expect(Object.keys(form).length).toBe(Object.keys(changes).length);
  });

  it('the answer Whoami reads conforms to the GET /me response', async () => {
    const userId = mock.wacht.userIds()[0]!;
    const ctx = await signedInWachtContext(mock, userId);
    const response = await ctx.fetch(`${mock.baseUrl('wacht')}/me`, { credentials: 'include' });
    // The document's one known defect: its availability enum is a single mangled string,
    // "available\" | \"busy\" | \"away", where the server sends one of the three words.
    const problems = wachtSpec.responseProblems('GET', '/me', 200, await response.json());
    expect(problems.filter((p) => !p.startsWith('/data/availability must be equal to one of the allowed values'))).toEqual([]);
  });
});
