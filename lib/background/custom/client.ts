import { z } from '../../shared/zod';
import { WhoamiError, invalidResponse } from '../../shared/errors';
import { getJson, requestJson, type ErrorBodyReader } from '../network/http';
import { buildProfile, details } from '../providers/normalize';
import { addFieldError, fetched } from '../providers/raw';
import { adapterOf, type FetchContext, type ProviderAdapter, type ProviderClient } from '../providers/types';
import { descriptorFromDefinition } from '../../shared/custom/descriptor';
import { textOrNull } from '../../shared/text';
import type { Profile } from '../../shared/profile';
import {
  customProviderId,
  fillTemplate,
  type MappedField,
  PROFILE_ID_PLACEHOLDER,
  BODY_PROFILE_PLACEHOLDERS,
  type ProviderDefinition,
} from '../../shared/custom/definition';
import { type ExpressionInput, toExpression } from '../../shared/custom/expression';
import { type Budget, evaluate, ExpressionBudgetError, readPath, type Scope } from './evaluate';
import { t } from '../../shared/i18n';
import { bytesToBase64 } from '../../shared/base64';
import { isSecretKey, scrubSecrets, scrubText } from '../secrets/scrub';

// What a mapping may read of an answer's headers: enough for scopes and rate limits.
const MAX_HEADERS_READ = 50;
const MAX_HEADER_TEXT = 500;

// Words of a refused credential ("invalid_auth", "Invalid access token", "Authentication required").
const CREDENTIAL_REFUSED = /auth|token|credential|api.?key|unauthori[sz]ed|forbidden|permission/i;

const saysCredentialRefused = (message: string | null | undefined) => !!message && CREDENTIAL_REFUSED.test(message);

/**
 * Some APIs refuse a token with 400 rather than 401 (Cloudflare: "Invalid access token"; Linear's
 * GraphQL: "Authentication required"): the user's to fix in the token, not in the settings.
 */
function refusedAs400(error: unknown): never {
  if (
    error instanceof WhoamiError &&
    error.info.kind === 'validation' &&
    error.info.status === 400 &&
    saysCredentialRefused(error.info.providerMessage)
  ) {
    throw new WhoamiError('unauthorized', { ...error.info });
  }
  throw error;
}

/** {"profile.first_name": "Ada"} → {"profile": {"first_name": "Ada"}}: where Okta and Slack take a change. */
function nested(values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const parts = key.split('.');
    let node = body;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  }
  return body;
}

/** Error bodies of unknown providers: the common shapes, first match wins. */
const readAnyErrorBody: ErrorBodyReader = (body) => {
  if (!body || typeof body !== 'object') return null;
  const record = body as Record<string, unknown>;
  const fieldErrors: Record<string, string[]> = {};
  const list = [record.errors, record._errors, record.detail].find(Array.isArray) as unknown[] | undefined;
  const messages: string[] = [];
  for (const item of list ?? []) {
    if (typeof item === 'string') messages.push(item);
    else if (item && typeof item === 'object') {
      const entry = item as Record<string, unknown>;
      const message = textOrNull(entry.message) ?? textOrNull(entry.msg) ?? textOrNull(entry.detail);
      if (!message) continue;
      const field = textOrNull(entry.field) ?? (Array.isArray(entry.loc) ? String(entry.loc.at(-1)) : null);
      if (field) addFieldError(fieldErrors, field, message);
      messages.push(message);
    }
  }
  if (record.errors && typeof record.errors === 'object' && !Array.isArray(record.errors)) {
    for (const [field, value] of Object.entries(record.errors)) {
      for (const message of Array.isArray(value) ? value : [value]) addFieldError(fieldErrors, field, String(message));
    }
  }
  const error = record.error;
  const message =
    textOrNull(record.detail) ??
    textOrNull(record.message) ??
    textOrNull(typeof error === 'object' && error ? (error as Record<string, unknown>).message : error) ??
    textOrNull(record.title) ??
    (messages.join('; ') || null);
  return { message, fieldErrors };
};

const asBoolean = (value: unknown) => (typeof value === 'boolean' ? value : null);

/** Text for a profile field; a list or an object there means the mapping points at the wrong place. */
function asText(value: unknown, field: string): string | null {
  if (value !== null && typeof value === 'object') {
    throw invalidResponse(
      Array.isArray(value) ? t('background.expectedTextList', { field }) : t('background.expectedTextObject', { field }),
    );
  }
  return textOrNull(typeof value === 'number' ? String(value) : value);
}

export interface CustomAdapter extends ProviderAdapter {
  /** The raw answer, for the editor's "Try it" (scrubbed by the caller before it is shown). */
  fetchRaw(credentials: Record<string, string>, ctx: FetchContext): Promise<unknown>;
}

/** Turns a definition into an adapter: the same HTTP layer, error mapping, secret scrubbing and checks as a built-in. */
export function adapterFromDefinition(definition: ProviderDefinition): CustomAdapter {
  const id = customProviderId(definition.id);
  // With a cookie session, a 401 means the user is signed out, as it does for Wacht.
  const readErrorBody: ErrorBodyReader =
    definition.auth.type === 'browser-session'
      ? (body, status) => ({ ...readAnyErrorBody(body, status), ...(status === 401 ? { kind: 'signed-out' as const } : {}) })
      : readAnyErrorBody;

  function request(c: Record<string, string>, path: string) {
    const url = new URL(`${c.baseUrl}${fillTemplate(path, c, true)}`);
    const headers: Record<string, string> = Object.fromEntries((definition.headers ?? []).map(({ name, value }) => [name, value]));
    const { auth } = definition;
    if (auth.type === 'query') url.searchParams.set(auth.name, fillTemplate(auth.value, c, false));
    if (auth.type === 'header') headers[auth.name] = fillTemplate(auth.value, c, false);
    if (auth.type === 'basic') {
      const pair = `${fillTemplate(auth.username, c, false)}:${fillTemplate(auth.password, c, false)}`;
      headers.Authorization = `Basic ${bytesToBase64(new TextEncoder().encode(pair))}`;
    }
    return { url: url.href, headers, credentials: auth.type === 'browser-session' ? ('include' as const) : ('omit' as const) };
  }

  async function requireSession(c: Record<string, string>, ctx: FetchContext) {
    if (definition.auth.type !== 'browser-session') return;
    if (!(await ctx.hasCookie(c.baseUrl!, definition.auth.cookie))) {
      throw new WhoamiError('signed-out', {
        detail: t('background.noSessionCookie', { cookie: definition.auth.cookie, host: new URL(c.baseUrl!).host }),
      });
    }
  }

  /** An answer that says it is an error though it came with 200 (`failWhen`): thrown as one. */
  function failure(body: unknown, headers: Record<string, string>): void {
    if (definition.failWhen === undefined) return;
    const said = evaluate(toExpression(definition.failWhen), { local: body, root: body, headers }, { steps: 0 });
    if (said === null || said === undefined || said === false || said === '' || (Array.isArray(said) && said.length === 0)) return;
    const message = typeof said === 'string' ? said : typeof said === 'number' ? String(said) : null;
    throw new WhoamiError(saysCredentialRefused(message) ? 'unauthorized' : 'validation', { providerMessage: message });
  }

  function parseProfile(body: unknown, headers: Record<string, string> = {}) {
    failure(body, headers);
    const local = definition.envelope ? readPath(body, definition.envelope) : body;
    if (!local || typeof local !== 'object' || Array.isArray(local)) {
      throw invalidResponse(t('background.expectedObject', { where: definition.envelope || t('background.root') }));
    }
    const scope: Scope = { local, root: body, headers };
    // One budget for the whole mapping of one answer: every field and detail draws on it.
    const budget: Budget = { steps: 0 };
    const run = (input: ExpressionInput, where: string) => {
      try {
        return evaluate(toExpression(input), scope, budget);
      } catch (error) {
        if (!(error instanceof ExpressionBudgetError)) throw error;
        throw invalidResponse(t('background.mappingBudget', { where, steps: error.message }));
      }
    };
    const field = (name: MappedField) => {
      const input = definition.profile[name];
      return input === undefined ? null : run(input, name);
    };
    const text = (name: MappedField) => asText(field(name), name);
    const roles = field('roles');
    return buildProfile(id, {
      id: text('id'),
      name: text('name'),
      firstName: text('firstName'),
      lastName: text('lastName'),
      username: text('username'),
      email: text('email'),
      emailVerified: asBoolean(field('emailVerified')),
      phone: text('phone'),
      avatarUrl: text('avatarUrl'),
      roles: (Array.isArray(roles) ? roles : [roles]).map((role) => asText(role, 'roles')).filter((r): r is string => r !== null),
      organization: text('organization'),
      plan: text('plan'),
      trial: asBoolean(field('trial')),
      createdAt: (field('createdAt') as string | number | null) ?? null,
      updatedAt: (field('updatedAt') as string | number | null) ?? null,
      sessionExpiresAt: (field('sessionExpiresAt') as string | number | null) ?? null,
      details: details(
        definition.details.map(({ label, value }) => {
          const result = run(value, label);
          const shown = typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean' ? result : null;
          return [label, shown];
        }),
      ),
    });
  }

  async function read(c: Record<string, string>, ctx: FetchContext) {
    await requireSession(c, ctx);
    const { url, headers, credentials: mode } = request(c, definition.path);
    if (definition.method === 'GET') return getJson({ url, headers, credentials: mode }, ctx, readErrorBody).catch(refusedAs400);
    if (definition.body !== undefined) headers['Content-Type'] = 'application/json';
    return requestJson({ method: 'POST', url, headers, body: definition.body, credentials: mode }, ctx, readErrorBody).catch(refusedAs400);
  }

  /**
   * The answer's headers a mapping may read (`$headers.x-oauth-scopes`): the account's secrets
   * redacted, then scrubbed like the body, then cut (in that order: a cut key no longer matches).
   */
  function answerHeaders(response: { headers: Headers }, ctx: FetchContext): Record<string, string> {
    const redact = ctx.redact ?? ((value) => value);
    const kept: Record<string, string> = {};
    let count = 0;
    response.headers.forEach((value, name) => {
      if (count++ < MAX_HEADERS_READ && !isSecretKey(name)) kept[name.toLowerCase()] = scrubText(redact(value)).slice(0, MAX_HEADER_TEXT);
    });
    return kept;
  }

  const update = definition.update;
  const client: ProviderClient = {
    readErrorBody,
    parseProfile,
    async fetchProfile(c, ctx) {
      const response = await read(c, ctx);
      const headers = answerHeaders(response, ctx);
      return fetched((body) => parseProfile(body, headers), response.body);
    },
    update: update && {
      bodySchema: z.record(z.string(), z.string()),
      async send(c, changes, current, ctx) {
        await requireSession(c, ctx);
        const values: Record<string, string> = {};
        const profileValues = Object.fromEntries(
          BODY_PROFILE_PLACEHOLDERS.map((name) => [name, String(current[name.slice('profile.'.length) as keyof Profile] ?? '')]),
        );
        for (const { key, value } of update.with ?? []) values[key] = fillTemplate(value, profileValues, false);
        for (const { field, key } of update.fields) if (changes[field] !== undefined) values[key] = changes[field];
        const { url, headers, credentials: mode } = request({ ...c, [PROFILE_ID_PLACEHOLDER]: current.id ?? '' }, update.path);
        const body = update.body === 'json' ? JSON.stringify(nested(values)) : new URLSearchParams(values);
        if (update.body === 'json') headers['Content-Type'] = 'application/json';
        const response = await requestJson({ method: update.method, url, headers, body, credentials: mode }, ctx, readErrorBody);
        // An edit refused with 200 (Slack's "ok": false) is refused: never taken for a save.
        failure(scrubSecrets(response.body), {});
        // An answer that holds the user is taken as is; anything else, the profile is read again.
        try {
          return fetched((body) => parseProfile(body, answerHeaders(response, ctx)), response.body);
        } catch {
          const again = await read(c, ctx);
          return fetched((body) => parseProfile(body, answerHeaders(again, ctx)), again.body);
        }
      },
    },
  };
  return { ...adapterOf(descriptorFromDefinition(definition), client), fetchRaw: async (c, ctx) => (await read(c, ctx)).body };
}
