import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterFromDefinition } from '../../../../../lib/background/custom/client';
import { type DefinitionInput, definitionSchema } from '../../../../../lib/shared/custom/definition';
import { mockContext } from '../../../../support/mock-context';
import { redactKnownSecrets } from '../../../../../lib/background/secrets/redact';
import { describeIssue } from '../../../../../lib/shared/zod-issues';

// What the definition language says for the gallery's providers, for everyone: constant headers,
// HTTP Basic from two fields, a JSON body for a read, an answer that is an error though it came
// with 200, and the answer's headers in a mapping.

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
let server: http.Server;
let base = '';
const seen: Seen[] = [];
type Answer = { status: number; headers?: Record<string, string>; body: unknown };
let answer: Answer = { status: 200, body: {} };
/** When set, the answer to a POST (an edit), while reads get `answer`. */
let answerToPost: Answer | null = null;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const given = req.method === 'POST' && answerToPost ? answerToPost : answer;
      res.writeHead(given.status, { 'content-type': 'application/json', ...given.headers });
      res.end(JSON.stringify(given.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const definition = (changes: Partial<DefinitionInput>): DefinitionInput =>
  ({
    id: 'lang',
    name: 'Language',
    baseUrl: 'https://api.example.com',
    path: '/me',
    method: 'GET',
    fields: [{ name: 'token', label: 'Token', secret: true }],
    auth: { type: 'header', name: 'Authorization', value: 'Bearer {token}' },
    envelope: '',
    profile: { id: 'id', name: 'name' },
    details: [],
    ...changes,
  }) as DefinitionInput;

const run = (input: DefinitionInput, credentials: Record<string, string>) =>
  adapterFromDefinition(definitionSchema.parse(input)).fetchProfile({ baseUrl: base, ...credentials }, mockContext());

describe('the definition language', () => {
  it('sends constant headers and a PagerDuty-style "Token token={token}" header', async () => {
    answer = { status: 200, body: { user: { id: 'P1', name: 'Ada' } } };
    const input = definition({
      auth: { type: 'header', name: 'Authorization', value: 'Token token={token}' },
      headers: [{ name: 'Accept', value: 'application/vnd.pagerduty+json;version=2' }],
      envelope: 'user',
    });
    const { profile } = await run(input, { token: 'u+pd-token-123' });
    expect(profile.displayName).toBe('Ada');
    expect(seen.at(-1)!.headers.authorization).toBe('Token token=u+pd-token-123');
    expect(seen.at(-1)!.headers.accept).toBe('application/vnd.pagerduty+json;version=2');
  });

  it('sends HTTP Basic from two fields, UTF-8 and base64', async () => {
    answer = { status: 200, body: { accountId: 'A1', displayName: 'Zoë' } };
    const input = definition({
      fields: [
        { name: 'email', label: 'Email', secret: false },
        { name: 'apiToken', label: 'API token', secret: true },
      ],
      auth: { type: 'basic', username: '{email}', password: '{apiToken}' },
      profile: { id: 'accountId', name: 'displayName' },
    });
    await run(input, { email: 'zoë@example.com', apiToken: 'jira-token-xyz' });
    const sent = seen.at(-1)!.headers.authorization!;
    expect(sent.startsWith('Basic ')).toBe(true);
    expect(Buffer.from(sent.slice(6), 'base64').toString('utf8')).toBe('zoë@example.com:jira-token-xyz');
  });

  it('POSTs a constant JSON body (a GraphQL query) untouched by placeholders', async () => {
    answer = { status: 200, body: { data: { viewer: { id: 'v1', name: 'Grace', email: 'g@example.com' } } } };
    const query = JSON.stringify({ query: 'query { viewer { id name email } }' });
    const input = definition({ method: 'POST', body: query, envelope: 'data.viewer', failWhen: 'errors[0].message' });
    const { profile } = await run(input, { token: 'lin_api_0123456789' });
    expect(profile).toMatchObject({ id: 'v1', displayName: 'Grace' });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', body: query });
    expect(seen.at(-1)!.headers['content-type']).toBe('application/json');
  });

  it('takes a 200 answer that says it failed as the error it is (GraphQL errors, Slack ok:false)', async () => {
    answer = { status: 200, body: { data: null, errors: [{ message: 'Authentication required, not authenticated' }] } };
    const graphql = definition({
      method: 'POST',
      body: '{"query":"{ viewer { id } }"}',
      envelope: 'data.viewer',
      failWhen: 'errors[0].message',
    });
    await expect(run(graphql, { token: 'lin_api_0123456789' })).rejects.toMatchObject({
      info: { kind: 'unauthorized', providerMessage: 'Authentication required, not authenticated' },
    });

    const slack = definition({
      envelope: 'profile',
      failWhen: { when: { path: 'ok', equals: [false] }, then: { path: 'error' } },
    });
    answer = { status: 200, body: { ok: false, error: 'ratelimited' } };
    await expect(run(slack, { token: 'xoxp-0123456789' })).rejects.toMatchObject({
      info: { kind: 'validation', providerMessage: 'ratelimited' },
    });
    answer = { status: 200, body: { ok: true, profile: { id: 'U1', name: 'Hedy' } } };
    expect((await run(slack, { token: 'xoxp-0123456789' })).profile.displayName).toBe('Hedy');
  });

  it('lets a mapping read the answer’s headers, scrubbed', async () => {
    answer = {
      status: 200,
      headers: { 'X-OAuth-Scopes': 'repo, read:user', 'X-RateLimit-Remaining': '4987', 'X-Api-Token': 'ghp_0123456789abcdefghij0123' },
      body: { id: 1, login: 'octocat' },
    };
    const input = definition({
      profile: { id: 'id', username: 'login' },
      details: [
        { label: 'Token scopes', value: '$headers.x-oauth-scopes' },
        { label: 'API calls left', value: '$headers.X-RateLimit-Remaining' },
        { label: 'Leak', value: '$headers.x-api-token' },
      ],
    });
    const { profile } = await run(input, { token: 'ghp_abcdefghij0123456789' });
    expect(profile.details).toEqual([
      { label: 'Token scopes', value: 'repo, read:user' },
      { label: 'API calls left', value: '4987' },
    ]);
  });

  // Found by an attacker's review: a header repeating the key past its 500th character, cut
  // before the account's secrets were redacted, kept the key's first half.
  it('redacts the account’s key from a header before cutting it to 500 characters', async () => {
    const token = 'plain-token-0123456789abcdefghij';
    answer = { status: 200, headers: { 'X-Echo': `${'a'.repeat(485)} ${token}` }, body: { id: 1, name: 'Ada' } };
    const input = definition({ details: [{ label: 'Echo', value: '$headers.x-echo' }] });
    const ctx = { ...mockContext(), redact: <T>(value: T) => redactKnownSecrets(value, [token]) };
    const { profile } = await adapterFromDefinition(definitionSchema.parse(input)).fetchProfile({ baseUrl: base, token }, ctx);
    const echoed = profile.details.find((detail) => detail.label === 'Echo')!.value;
    expect(echoed).toBe(`${'a'.repeat(485)} [redacted]`);
    expect(echoed).not.toContain(token.slice(0, 10));
  });

  it('sends an edit nested where the API takes it (Okta, Slack), and takes a 200 that says it failed as a refusal', async () => {
    const input = definition({
      envelope: 'profile',
      failWhen: { when: { path: 'ok', equals: [false] }, then: { path: 'error' } },
      update: {
        method: 'POST',
        path: '/profile.set',
        body: 'json',
        fields: [
          { field: 'firstName', key: 'profile.first_name', label: 'First name' },
          { field: 'displayName', key: 'profile.real_name', label: 'Full name' },
        ],
      },
    });
    const adapter = adapterFromDefinition(definitionSchema.parse(input));
    const credentials = { baseUrl: base, token: 'xoxp-0123456789' };
    answer = { status: 200, body: { ok: true, profile: { id: 'U1', name: 'Ada Lovelace' } } };
    const current = (await adapter.fetchProfile(credentials, mockContext())).profile;
    await adapter.update!.send(credentials, { firstName: 'Ada', displayName: 'Ada Lovelace' }, current, mockContext());
    expect(JSON.parse(seen.at(-1)!.body)).toEqual({ profile: { first_name: 'Ada', real_name: 'Ada Lovelace' } });

    // The profile read again would look fine: the refusal must not be taken for a save.
    answerToPost = { status: 200, body: { ok: false, error: 'invalid_name' } };
    await expect(adapter.update!.send(credentials, { firstName: '' }, current, mockContext())).rejects.toMatchObject({
      info: { kind: 'validation', providerMessage: 'invalid_name' },
    });
    answerToPost = null;
  });

  it('sends the fixed parts an edit body needs beside the change (PagerDuty: type and email), never an account field', async () => {
    const update = {
      method: 'PUT' as const,
      path: '/users/{profile.id}',
      body: 'json' as const,
      fields: [{ field: 'displayName' as const, key: 'user.name', label: 'Name' }],
      with: [
        { key: 'user.type', value: 'user' },
        { key: 'user.email', value: '{profile.email}' },
      ],
    };
    const input = definition({ envelope: 'user', profile: { id: 'id', name: 'name', email: 'email' }, update });
    const adapter = adapterFromDefinition(definitionSchema.parse(input));
    const credentials = { baseUrl: base, token: 'u+pd-token-123' };
    answer = { status: 200, body: { user: { id: 'P1', name: 'Ada', email: 'ada@example.com' } } };
    const current = (await adapter.fetchProfile(credentials, mockContext())).profile;
    await adapter.update!.send(credentials, { displayName: 'Ada Lovelace' }, current, mockContext());
    expect(seen.at(-1)).toMatchObject({ method: 'PUT', url: '/users/P1' });
    expect(JSON.parse(seen.at(-1)!.body)).toEqual({ user: { type: 'user', email: 'ada@example.com', name: 'Ada Lovelace' } });

    const leaking = definitionSchema.safeParse(definition({ update: { ...update, with: [{ key: 'user.token', value: '{token}' }] } }));
    expect(leaking.success).toBe(false);
    expect(leaking.error!.issues[0]!.message).toMatch(/only the profile as it is/);
  });

  it('refuses what a definition may not say, in words', () => {
    const issues = (input: unknown) => {
      const parsed = definitionSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${describeIssue(issue)}`);
    };
    // A key written out, a header carrying a field, credentials in a constant header, an unknown key.
    expect(issues(definition({ auth: { type: 'header', name: 'Authorization', value: 'Token sk_live_0123456789abcdef' } })).join()).toMatch(
      /auth\.value/,
    );
    expect(issues(definition({ headers: [{ name: 'X-Org', value: '{token}' }] })).join()).toMatch(/headers\.0\.value/);
    expect(issues(definition({ headers: [{ name: 'Authorization', value: 'Bearer x' }] })).join()).toMatch(/headers\.0\.name/);
    expect(issues({ ...definition({}), headers2: [] }).join()).toContain('not part of a definition: "headers2"');
    expect(issues(definition({ body: '{"query":', method: 'POST' })).join()).toMatch(/body/);
    expect(issues(definition({ body: '{}' })).join()).toMatch(/body/);
    expect(issues(definition({ auth: { type: 'basic', username: '{token}', password: 'hunter2' } })).join()).toMatch(/auth\.password/);
  });
});
