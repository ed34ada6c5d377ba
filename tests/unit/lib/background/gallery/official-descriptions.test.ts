import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galleryEntriesFromDisk } from '../../../../support/gallery';
import type { GalleryEntry } from '../../../../../lib/shared/gallery/entry';
import { backgroundHarness } from '../../../../support/background-harness';
import { checkMapping, secretKeysIn, tallyLine } from '../../../../support/mapping-check';
import { openApiDocument } from '../../../../support/openapi';
import { type PrismProvider, prismProvider, type Rewrite } from '../../../../support/prism';

// Each gallery entry with an official API description (tests/fixtures/specs/gallery/, cut from the
// providers' own documents: see the README there for repository and commit), driven through
// Whoami's real background — saveDefinition, addAccount, the user's Refresh — against that
// description served by Stoplight Prism with `--errors`: a request that breaks the description
// (path, required headers, the security scheme) gets a 4xx instead of an answer. Prism's dynamic
// answers are generated from the response schemas, so every refresh reads a different user.

const ANSWERS_PER_ENTRY = 50;
const SPECS = new URL('../../../../fixtures/specs/gallery/', import.meta.url);

interface Case {
  file: string;
  /** The description's server path, which Whoami's definition writes into its own path. */
  stripPrefix?: string;
  /** Non-secret account fields the entry asks for. */
  settings?: Record<string, string>;
  /** Where the description is known to differ from the provider it describes (each says why). */
  rewrite?: Rewrite;
  /** The edit operation as the description names it, where its request schema can check the body. */
  editBody?: { method: string; path: string; contentType: string };
  /** PagerDuty's description uses a string format ("url") Prism's generator can't meet: see tests/support/prism.ts. */
  answersBreakFormats?: boolean;
}

/**
 * GitHub and PagerDuty version their API by a vendor `Accept` (PagerDuty's description even makes
 * it a required header) while their descriptions document the answer as `application/json`, which
 * Prism's content negotiation then refuses (406). The sent Accept is checked to be the documented
 * one, and Prism is asked for the JSON the description describes.
 */
const vendorAccept =
  (documented: string): Rewrite =>
  ({ path, headers }) => {
    expect(headers.accept).toBe(documented);
    return { path, headers: { ...headers, accept: 'application/json' } };
  };

/**
 * Slack's description (2021) models the token as a required `token` query parameter; Slack has
 * since moved tokens to `Authorization: Bearer` (and refuses query tokens for new apps). The
 * bearer token Whoami sends is checked, and also put where the old description looks for it.
 */
const slackTokenInQuery: Rewrite = ({ path, headers }) => {
  const bearer = /^Bearer (xox[pb]-\S+)$/.exec(String(headers.authorization));
  expect(bearer, 'a Slack token sent as a bearer token').not.toBeNull();
  return { path: `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(bearer![1]!)}`, headers };
};

const CASES: Record<string, Case> = {
  'gallery-asana': { file: 'asana.openapi.json', stripPrefix: '/api/1.0' },
  'gallery-digitalocean': { file: 'digitalocean.openapi.json' },
  'gallery-figma': { file: 'figma.openapi.json' },
  'gallery-github': {
    file: 'github.openapi.json',
    rewrite: vendorAccept('application/vnd.github+json'),
    editBody: { method: 'PATCH', path: '/user', contentType: 'application/json' },
  },
  'gallery-netlify': { file: 'netlify.swagger.json', stripPrefix: '/api/v1' },
  'gallery-notion': { file: 'notion.openapi.json' },
  'gallery-okta': { file: 'okta.openapi.json', editBody: { method: 'POST', path: '/api/v1/users/{id}', contentType: 'application/json' } },
  'gallery-pagerduty': {
    file: 'pagerduty.openapi.json',
    rewrite: vendorAccept('application/vnd.pagerduty+json;version=2'),
    answersBreakFormats: true,
    editBody: { method: 'PUT', path: '/users/{id}', contentType: 'application/json' },
  },
  // Its users.profile.set is described as a form post (the 2021 document); Whoami sends the JSON
  // Slack takes with a bearer token today, which that description can't check.
  'gallery-slack': { file: 'slack.swagger.json', stripPrefix: '/api', rewrite: slackTokenInQuery },
  'gallery-twilio': { file: 'twilio.openapi.json', settings: { accountSid: 'AC0123456789abcdef0123456789abcdef' } },
};

const entries = (await galleryEntriesFromDisk()).filter((entry) => CASES[entry.definition.id]);

/** A fresh secret per account, in the provider's own format where it has one. */
function secretFor(entry: GalleryEntry, field: string): string {
  const prefix = entry.definition.fields.find((f) => f.name === field)?.prefixes?.[0] ?? '';
  return `${prefix}canary${crypto.randomUUID().replaceAll('-', '')}`;
}

const table: string[] = [];
afterAll(() => {
  console.log(`gallery vs official descriptions (${ANSWERS_PER_ENTRY} generated answers each):\n${table.join('\n')}`);
});

describe.each(entries.map((entry) => [entry.definition.name, entry] as const))('%s against its official description', (_name, entry) => {
  const spec = CASES[entry.definition.id]!;
  let prism: PrismProvider;
  const bg = backgroundHarness(undefined as never);
  const credentials: Record<string, string> = {};
  let accountId = '';

  beforeAll(async () => {
    prism = await prismProvider(new URL(spec.file, SPECS).pathname, {
      stripPrefix: spec.stripPrefix,
      rewrite: spec.rewrite,
      answersBreakFormats: spec.answersBreakFormats,
    });
    for (const field of entry.definition.fields)
      credentials[field.name] = field.secret ? secretFor(entry, field.name) : (spec.settings?.[field.name] ?? '');
    await bg.send('saveDefinition', { definition: entry.definition });
    const account = await bg.send('addAccount', {
      provider: `custom:${entry.definition.id}`,
      label: entry.definition.name,
      credentials: { baseUrl: prism.url, ...credentials },
    });
    accountId = account.id;
  }, 90_000);
  afterAll(() => prism?.close());

  it(`sends what the description asks for, and maps ${ANSWERS_PER_ENTRY} generated answers`, async () => {
    const drops: string[][] = [];
    for (let i = 0; i < ANSWERS_PER_ENTRY; i++) {
      await bg.send('refresh', { accountId });
      const { profile, raw, error } = await bg.send('getProfile', { accountId });
      const request = prism.requests.at(-1)!;
      expect(request.status, `${request.method} ${request.path} was refused by the description`).toBe(200);
      expect(error, JSON.stringify(error)).toBeNull();
      const text = JSON.stringify(raw);
      for (const secret of entry.definition.fields.filter((f) => f.secret)) expect(text).not.toContain(credentials[secret.name]);
      // The provider's own secrets (Twilio's answer carries the account's `auth_token`) are scrubbed before anything keeps them.
      expect(secretKeysIn(raw), 'secret-named keys kept in the raw view').toEqual([]);
      drops.push(checkMapping(entry.definition, raw, profile!));
    }
    table.push(tallyLine(entry.definition.name, ANSWERS_PER_ENTRY, drops));
  }, 120_000);

  it.runIf(entry.definition.update && spec.editBody)(
    'sends an edit the description accepts, its body valid by the operation’s schema',
    async () => {
      const { method, path, contentType } = spec.editBody!;
      const changes = Object.fromEntries(
        entry.definition.update!.fields.map(({ field }) => [field, field === 'phone' ? '+1 555 0100' : 'Ada Lovelace']),
      );
      await bg.send('updateProfile', { accountId, editId: crypto.randomUUID(), changes });
      const sent = prism.requests.find((request) => request.method === method)!;
      expect(sent.status, `${method} ${sent.path} was refused by the description`).toBe(200);
      expect(openApiDocument(`gallery/${spec.file}`).requestProblems(method, path, contentType, JSON.parse(sent.body))).toEqual([]);
    },
  );

  it('turns each documented error answer into words the user can act on', async () => {
    const document = JSON.parse(fs.readFileSync(new URL(spec.file, SPECS), 'utf8'));
    const operation = Object.values(document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)[0]!.get;
    const statuses = Object.keys(operation!.responses)
      .filter((code) => /^[45]\d\d$/.test(code))
      .map(Number);
    const expected: Record<number, string[]> = {
      400: ['validation', 'invalid-response'],
      401: ['unauthorized'],
      403: ['forbidden'],
      404: ['not-found'],
      429: ['rate-limited'],
      500: ['server'],
    };
    for (const status of statuses) {
      prism.prefer = status;
      await bg.send('refresh', { accountId }).catch(() => undefined);
      const { error, profile } = await bg.send('getProfile', { accountId });
      expect(error?.kind, `HTTP ${status}`).toBeOneOf(expected[status] ?? ['server']);
      // The last good profile stays, marked by the error beside it.
      expect(profile).not.toBeNull();
    }
    prism.prefer = null;
  }, 60_000);
});
