import { z } from '../../shared/zod';
import { WhoamiError, invalidResponse } from '../../shared/errors';
import { getJson, requestJson, type ErrorBodyReader } from '../network/http';
import { buildProfile, details } from '../providers/normalize';
import { addFieldError, fetched } from '../providers/raw';
import { adapterOf, type FetchContext, type ProviderAdapter, type ProviderClient } from '../providers/types';
import { descriptorFromDefinition } from '../../shared/custom/descriptor';
import { textOrNull } from '../../shared/text';
import {
  customProviderId,
  fillTemplate,
  type MappedField,
  PROFILE_ID_PLACEHOLDER,
  type ProviderDefinition,
} from '../../shared/custom/definition';
import { type ExpressionInput, toExpression } from '../../shared/custom/expression';
import { type Budget, evaluate, ExpressionBudgetError, readPath, type Scope } from './evaluate';
import { t } from '../../shared/i18n';

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
    const headers: Record<string, string> = {};
    const { auth } = definition;
    if (auth.type === 'query') url.searchParams.set(auth.name, fillTemplate(auth.value, c, false));
    if (auth.type === 'header') headers[auth.name] = fillTemplate(auth.value, c, false);
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

  function parseProfile(body: unknown) {
    const local = definition.envelope ? readPath(body, definition.envelope) : body;
    if (!local || typeof local !== 'object' || Array.isArray(local)) {
      throw invalidResponse(t('background.expectedObject', { where: definition.envelope || t('background.root') }));
    }
    const scope: Scope = { local, root: body };
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
    if (definition.method === 'GET') return getJson({ url, headers, credentials: mode }, ctx, readErrorBody);
    return requestJson({ method: 'POST', url, headers, credentials: mode }, ctx, readErrorBody);
  }

  const update = definition.update;
  const client: ProviderClient = {
    readErrorBody,
    parseProfile,
    async fetchProfile(c, ctx) {
      return fetched(parseProfile, (await read(c, ctx)).body);
    },
    update: update && {
      bodySchema: z.record(z.string(), z.string()),
      async send(c, changes, current, ctx) {
        await requireSession(c, ctx);
        const values: Record<string, string> = {};
        for (const { field, key } of update.fields) if (changes[field] !== undefined) values[key] = changes[field];
        const { url, headers, credentials: mode } = request({ ...c, [PROFILE_ID_PLACEHOLDER]: current.id ?? '' }, update.path);
        const body = update.body === 'json' ? JSON.stringify(values) : new URLSearchParams(values);
        if (update.body === 'json') headers['Content-Type'] = 'application/json';
        const response = await requestJson({ method: update.method, url, headers, body, credentials: mode }, ctx, readErrorBody);
        // An answer that holds the user is taken as is; anything else, the profile is read again.
        try {
          return fetched(parseProfile, response.body);
        } catch {
          return fetched(parseProfile, (await read(c, ctx)).body);
        }
      },
    },
  };
  return { ...adapterOf(descriptorFromDefinition(definition), client), fetchRaw: async (c, ctx) => (await read(c, ctx)).body };
}
