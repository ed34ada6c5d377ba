import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Ajv, { type ValidateFunction } from 'ajv';
import { buildSchema, graphql } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galleryEntriesFromDisk } from '../../../../support/gallery';
import type { GalleryEntry } from '../../../../../lib/shared/gallery/entry';
import { backgroundHarness } from '../../../../support/background-harness';
import { checkMapping, secretKeysIn, tallyLine } from '../../../../support/mapping-check';
import { mulberry32, schemaSampler } from '../../../../support/schema-sampler';

// The gallery entries without an OpenAPI description. Heroku's official JSON hyper-schema checks
// the answer it is given (Ajv), and Linear's official GraphQL schema runs the query Whoami sends
// (graphql-js: a query the schema refuses gets its errors back). GitLab, Cloudflare, Vercel, Jira
// Cloud and Hugging Face publish no description reachable here: their answers below are written
// from each provider's public API documentation (the example answers of its current-user page).

const SPECS = new URL('../../../../fixtures/specs/gallery/', import.meta.url);
const heroku = JSON.parse(fs.readFileSync(new URL('heroku.hyper-schema.json', SPECS), 'utf8'));
// Draft 4's `id` (a string naming a schema) is Ajv 8's `$id`; a property named "id" is an object and stays.
const herokuDocument = JSON.parse(JSON.stringify(heroku), (key, value) =>
  key === '$schema' || (key === 'id' && typeof value === 'string') ? undefined : value,
);
let herokuValidator: ValidateFunction | undefined;
/** Heroku's `definitions.account` as an Ajv validator: compiled once (the document is half a megabyte). */
function herokuAccount(): ValidateFunction {
  if (!herokuValidator) {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema(herokuDocument, 'heroku');
    herokuValidator = ajv.compile({ $ref: 'heroku#/definitions/account' });
  }
  return herokuValidator;
}
const linearSchema = buildSchema(fs.readFileSync(new URL('linear.schema.graphql', SPECS), 'utf8'));

interface Documented {
  /** The answer the provider documents for its current-user call. */
  answer: unknown;
  headers?: Record<string, string>;
  /** Its documented answer to a refused token. */
  refused: { status: number; body: unknown };
  /** What Whoami must show from the answer. */
  shows: Record<string, unknown>;
}

const CASES: Record<string, Documented> = {
  'gallery-gitlab': {
    answer: {
      id: 1,
      username: 'john_smith',
      name: 'John Smith',
      state: 'active',
      avatar_url: 'https://gitlab.example/uploads/user/avatar/1/index.jpg',
      web_url: 'https://gitlab.example/john_smith',
      created_at: '2012-05-23T08:00:58Z',
      email: 'john@example.com',
      public_email: 'john@example.com',
      is_admin: false,
      two_factor_enabled: true,
    },
    refused: { status: 401, body: { message: '401 Unauthorized' } },
    shows: { id: '1', username: 'john_smith', displayName: 'John Smith', email: 'john@example.com' },
  },
  'gallery-cloudflare': {
    answer: {
      success: true,
      errors: [],
      messages: [],
      result: {
        id: '7c5dae5552338874e5053f2534d2767a',
        email: 'user@example.com',
        first_name: 'John',
        last_name: 'Appleseed',
        username: 'cfuser12345',
        telephone: '+1 123-123-1234',
        country: 'US',
        two_factor_authentication_enabled: false,
        suspended: false,
        created_on: '2014-01-01T05:20:00.12345Z',
        modified_on: '2014-01-01T05:20:00.12345Z',
        organizations: [{ id: '7c5dae5552338874e5053f2534d2767a', name: 'Cloudflare, Inc.', status: 'member' }],
      },
    },
    refused: {
      status: 400,
      body: { success: false, errors: [{ code: 9109, message: 'Invalid access token' }], messages: [], result: null },
    },
    shows: { displayName: 'John Appleseed', firstName: 'John', email: 'user@example.com', organization: 'Cloudflare, Inc.' },
  },
  'gallery-vercel': {
    answer: {
      user: {
        id: 'AEIIDYVk59zbFF2Sxfyxxmua',
        email: 'me@example.com',
        name: 'John Doe',
        username: 'jdoe',
        avatar: '22cb30c85ff45ac4c72de8981500006b28114aa1',
        defaultTeamId: 'team_123',
        createdAt: 1_630_748_523_395,
      },
    },
    refused: { status: 403, body: { error: { code: 'forbidden', message: 'Not authorized', invalidToken: true } } },
    shows: { id: 'AEIIDYVk59zbFF2Sxfyxxmua', username: 'jdoe', displayName: 'John Doe', createdAt: '2021-09-04T09:42:03.395Z' },
  },
  'gallery-jira': {
    answer: {
      self: 'https://your-domain.atlassian.net/rest/api/3/user?accountId=5b10a2844c20165700ede21g',
      accountId: '5b10a2844c20165700ede21g',
      accountType: 'atlassian',
      emailAddress: 'mia@example.com',
      avatarUrls: { '48x48': 'https://avatar-management.example/initials/MK-5.png' },
      displayName: 'Mia Krystof',
      active: true,
      timeZone: 'Australia/Sydney',
    },
    refused: { status: 401, body: { errorMessages: ['Client must be authenticated to access this resource.'], errors: {} } },
    shows: { id: '5b10a2844c20165700ede21g', displayName: 'Mia Krystof', email: 'mia@example.com' },
  },
  'gallery-huggingface': {
    answer: {
      type: 'user',
      id: '5f0c0e7c0f0a0b0c0d0e0f10',
      name: 'julien',
      fullname: 'Julien Chaumond',
      email: 'julien@example.com',
      emailVerified: true,
      isPro: true,
      avatarUrl: 'https://cdn-avatars.huggingface.co/v1/production/uploads/julien.png',
      orgs: [{ type: 'org', name: 'huggingface', fullname: 'Hugging Face' }],
      auth: { type: 'access_token', accessToken: { displayName: 'whoami', role: 'read' } },
    },
    refused: { status: 401, body: { error: 'Invalid credentials in Authorization header' } },
    shows: { username: 'julien', displayName: 'Julien Chaumond', plan: 'PRO', organization: 'huggingface', emailVerified: true },
  },
  'gallery-heroku': {
    answer: {
      allow_tracking: true,
      beta: false,
      created_at: '2012-01-01T12:00:00Z',
      email: 'username@example.com',
      federated: false,
      id: '01234567-89ab-cdef-0123-456789abcdef',
      identity_provider: null,
      last_login: '2012-01-01T12:00:00Z',
      name: 'Tina Edmonds',
      sms_number: '+1 ***-***-1234',
      suspended_at: null,
      delinquent_at: null,
      two_factor_authentication: false,
      updated_at: '2012-01-01T12:00:00Z',
      verified: false,
      country_of_residence: 'United States',
      default_organization: { id: '01234567-89ab-cdef-0123-456789abcdef', name: 'example' },
      default_team: { id: '01234567-89ab-cdef-0123-456789abcdef', name: 'example' },
    },
    refused: { status: 401, body: { id: 'unauthorized', message: 'Invalid credentials provided.' } },
    shows: { displayName: 'Tina Edmonds', email: 'username@example.com', emailVerified: false, organization: 'example' },
  },
  'gallery-linear': {
    answer: null, // run by the schema, below
    refused: {
      status: 400,
      body: { errors: [{ message: 'Authentication required, not authenticated', extensions: { code: 'AUTHENTICATION_ERROR' } }] },
    },
    shows: { id: 'user-1', displayName: 'Ada Lovelace', email: 'ada@example.com', organization: 'Analytical Engines', roles: ['Admin'] },
  },
};

const entries = (await galleryEntriesFromDisk()).filter((entry) => CASES[entry.definition.id]);
const token = (entry: GalleryEntry) => `${entry.definition.fields.find((f) => f.secret)!.prefixes?.[0] ?? ''}doc0123456789abcdef`;

let server: http.Server;
let base = '';
let current: { entry: GalleryEntry; refuse: boolean; generated?: unknown } | null = null;
const seen: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];

type LinearViewer = Record<string, unknown>;

/** Linear, run by its own schema: the query Whoami sent, answered for a viewer (a fixed one unless given). */
async function linearAnswer(body: string, given?: LinearViewer) {
  const { query } = JSON.parse(body) as { query: string };
  const viewer = given ?? {
    id: 'user-1',
    name: 'Ada Lovelace',
    displayName: 'ada',
    email: 'ada@example.com',
    avatarUrl: 'https://public.linear.example/avatars/ada.png',
    admin: true,
    createdAt: '2021-03-04T05:06:07.000Z',
    organization: { name: 'Analytical Engines', urlKey: 'engines' },
  };
  return graphql({ schema: linearSchema, source: query, rootValue: { viewer } });
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const documented = CASES[current!.entry.definition.id]!;
      const send = (status: number, answer: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      if (current!.refuse) return send(documented.refused.status, documented.refused.body);
      if (current!.entry.definition.id !== 'gallery-linear') return send(200, current!.generated ?? documented.answer);
      void linearAnswer(body, current!.generated as LinearViewer | undefined).then((answer) => send(200, answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("Heroku's hyper-schema", () => {
  it('accepts the answer the test serves as Heroku’s account', () => {
    const validate = herokuAccount();
    expect(validate(CASES['gallery-heroku']!.answer), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe.each(entries.map((entry) => [entry.definition.name, entry] as const))('%s, from its documentation', (_name, entry) => {
  const bg = backgroundHarness(undefined as never);
  const documented = CASES[entry.definition.id]!;

  it('reads the documented answer into the profile, with nothing secret kept', async () => {
    current = { entry, refuse: false };
    const secret = token(entry);
    const settings = Object.fromEntries(entry.definition.fields.map((f) => [f.name, f.secret ? secret : 'mia@example.com']));
    await bg.send('saveDefinition', { definition: entry.definition });
    const account = await bg.send('addAccount', {
      provider: `custom:${entry.definition.id}`,
      label: entry.definition.name,
      credentials: { baseUrl: base, ...settings },
    });
    const { profile, raw, error } = await bg.send('getProfile', { accountId: account.id });
    expect(error).toBeNull();
    expect(profile).toMatchObject(documented.shows);
    expect(JSON.stringify(raw)).not.toContain(secret);
    expect(JSON.stringify(raw)).not.toContain('accessToken');
    const sent = seen.at(-1)!;
    expect(sent.url).toBe(entry.definition.path.replace('{accountSid}', 'mia%40example.com'));
    for (const { name, value } of entry.definition.headers ?? []) expect(sent.headers[name.toLowerCase()]).toBe(value);

    current = { entry, refuse: true };
    await bg.send('refresh', { accountId: account.id }).catch(() => undefined);
    const refused = await bg.send('getProfile', { accountId: account.id });
    expect(refused.error?.kind, JSON.stringify(refused.error)).toBeOneOf(['unauthorized', 'forbidden']);
    expect(refused.profile).toMatchObject(documented.shows);
  });
});

// Heroku and Linear have official descriptions Prism can't serve (a JSON hyper-schema, a GraphQL
// schema): their answers are generated here instead, 50 each — Heroku's from `definitions.account`
// by a small sampler and checked by Ajv against it, Linear's by running Whoami's query through the
// schema with random viewers (graphql-js types every value) — and each is held to the mapping.
const GENERATED = 50;
const generatedTable: string[] = [];
afterAll(() => console.log(`gallery vs generated answers (${GENERATED} each):\n${generatedTable.join('\n')}`));

function randomViewer(random: () => number): LinearViewer {
  const word = () => ['ada', 'grace', 'hedy', 'radia'][Math.floor(random() * 4)]!;
  return {
    id: crypto.randomUUID(),
    name: `${word()} ${word()}`,
    displayName: word(),
    email: `${word()}@example.com`,
    avatarUrl: random() < 0.3 ? null : `https://public.linear.example/${word()}.png`,
    admin: random() < 0.5,
    createdAt: new Date(Date.UTC(2019 + Math.floor(random() * 7), Math.floor(random() * 12), 1)).toISOString(),
    organization: { name: `${word()} works`, urlKey: word() },
  };
}

describe.each([['gallery-heroku'], ['gallery-linear']])('%s, with generated answers', (id) => {
  it(`maps ${GENERATED} answers the official description allows`, async () => {
    const entry = entries.find((e) => e.definition.id === id)!;
    const bg = backgroundHarness(undefined as never);
    const random = mulberry32(id.length);
    const sampleAccount = schemaSampler(herokuDocument, random);
    const validAccount = herokuAccount();
    current = { entry, refuse: false };
    await bg.send('saveDefinition', { definition: entry.definition });
    const account = await bg.send('addAccount', {
      provider: `custom:${id}`,
      label: entry.definition.name,
      credentials: { baseUrl: base, ...Object.fromEntries(entry.definition.fields.map((f) => [f.name, token(entry)])) },
    });
    const drops: string[][] = [];
    for (let i = 0; i < GENERATED; i++) {
      const generated = id === 'gallery-heroku' ? sampleAccount(herokuDocument.definitions.account) : randomViewer(random);
      if (id === 'gallery-heroku') expect(validAccount(generated), JSON.stringify(validAccount.errors)).toBe(true);
      current = { entry, refuse: false, generated };
      await bg.send('refresh', { accountId: account.id });
      const { profile, raw, error } = await bg.send('getProfile', { accountId: account.id });
      expect(error, JSON.stringify(error)).toBeNull();
      expect(secretKeysIn(raw)).toEqual([]);
      drops.push(checkMapping(entry.definition, raw, profile!));
    }
    generatedTable.push(tallyLine(entry.definition.name, GENERATED, drops));
  });
});

describe("Heroku's name edit", () => {
  it('sends a PATCH /account body its hyper-schema’s Update link accepts', async () => {
    const entry = entries.find((e) => e.definition.id === 'gallery-heroku')!;
    const bg = backgroundHarness(undefined as never);
    current = { entry, refuse: false };
    await bg.send('saveDefinition', { definition: entry.definition });
    const account = await bg.send('addAccount', {
      provider: 'custom:gallery-heroku',
      label: 'Heroku',
      credentials: { baseUrl: base, token: token(entry) },
    });
    await bg.send('updateProfile', { accountId: account.id, editId: crypto.randomUUID(), changes: { displayName: 'Tina Edmonds-Lee' } });
    const sent = seen.find((request) => request.method === 'PATCH')!;
    expect(sent.url).toBe('/account');
    const update = (herokuDocument.definitions.account.links as Array<{ title: string; schema: object }>).find(
      (link) => link.title === 'Update',
    )!;
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema(herokuDocument, 'heroku-links');
    // The link's schema points into the document it sits in.
    const linkSchema = JSON.parse(JSON.stringify(update.schema).replaceAll('"#/', '"heroku-links#/'));
    const validate = ajv.compile({ ...linkSchema, additionalProperties: false });
    const body = JSON.parse(sent.body);
    expect(body).toEqual({ name: 'Tina Edmonds-Lee' });
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  });
});
