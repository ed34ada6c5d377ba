import { z } from '../../shared/zod';
import { WhoamiError } from '../../shared/errors';
import { getJson, requestJson, type ErrorBodyReader } from '../network/http';
import { buildProfile, details, isoOrNull, joinName, money, textOrNull } from './normalize';
import { addFieldError, fetched, optBool, optNumber, optText, parseRaw } from './raw';
import type { LeadpingCredentials } from '../../shared/providers/leadping';
import type { ProviderClient } from './types';
import { t } from '../../shared/i18n';

// Seed 003, providers.md §C and specs/leadping-2025-06.openapi.json (UserResponse, which
// keeps growing: cancellation, dunning, licensed states… all pass through unknown).
const leadpingUser = z.looseObject({
  id: optText,
  createdAt: optText,
  modifiedAt: optText,
  name: optText,
  email: optText,
  firstName: optText,
  lastName: optText,
  phone: optText,
  billingPlan: optText,
  subscriptionId: optText,
  subscriptionStatus: optText,
  roles: z.optional(z.nullable(z.array(z.string()))),
  identities: z.optional(z.nullable(z.array(z.looseObject({ issuer: optText, signInType: optText })))),
  accountBalance: optNumber,
  autoRefillEnabled: optBool,
  autoRefillAmount: optNumber,
  autoRefillTrigger: optNumber,
  business: z.optional(z.nullable(z.looseObject({ id: optText, name: optText }))),
  compliance: z.optional(z.nullable(z.looseObject({ acceptedTerms: optBool }))),
});

// UserRequest (specs/leadping-2025-06.openapi.json): `name` is required and the call replaces
// the user, so the body carries every field Leadping would otherwise reset, taken from a fresh
// GET. `subscriptionStatus` is an enum that may not be null: left out when the user has none.
const updateBody = z.strictObject({
  id: z.optional(z.nullable(z.string())),
  name: z.string().check(z.minLength(1), z.maxLength(255)),
  email: z.optional(z.nullable(z.string())),
  firstName: z.optional(z.nullable(z.string())),
  lastName: z.optional(z.nullable(z.string())),
  phone: z.optional(z.nullable(z.string())),
  billingPlan: z.optional(z.nullable(z.string())),
  subscriptionId: z.optional(z.nullable(z.string())),
  subscriptionStatus: z.optional(z.string()),
});

const nameRequired = () => t('background.leadpingNameRequired');

/** Whether Leadping's `name` is made of the first and last name (then it follows them). */
const nameFollowsParts = (name: string | null | undefined, first: string | null | undefined, last: string | null | undefined) =>
  !name || name === joinName(first, last);

function authHeaders(c: LeadpingCredentials): Record<string, string> {
  return c.authStyle === 'bearer' ? { Authorization: `Bearer ${c.token}` } : { 'X-Leadping-Api-Key': c.token };
}

/** ASP.NET ProblemDetails `{type, title, status, detail, errors?: {field: [msg]}}`. */
const readErrorBody: ErrorBodyReader = (body) => {
  if (!body || typeof body !== 'object') return null;
  const problem = body as { title?: unknown; detail?: unknown; errors?: unknown };
  const fieldErrors: Record<string, string[]> = {};
  if (problem.errors && typeof problem.errors === 'object') {
    for (const [field, messages] of Object.entries(problem.errors)) {
      for (const message of Array.isArray(messages) ? messages : [messages]) {
        addFieldError(fieldErrors, field, String(message));
      }
    }
  }
  const message = textOrNull(problem.detail) ?? textOrNull(problem.title);
  return { message, fieldErrors };
};

function parseProfile(body: unknown) {
  const user = parseRaw(leadpingUser, body);
  const identities = (user.identities ?? [])
    .map((identity) => joinName(identity.signInType, identity.issuer && `(${identity.issuer})`))
    .filter(Boolean);
  return buildProfile('leadping', {
    id: user.id,
    name: user.name,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    phone: user.phone,
    roles: user.roles ?? [],
    organization: user.business?.name,
    plan: user.billingPlan,
    createdAt: user.createdAt,
    updatedAt: user.modifiedAt,
    details: details([
      [t('details.subscription'), textOrNull(user.subscriptionStatus)],
      [t('details.accountBalance'), money(user.accountBalance)],
      [
        'Auto-refill',
        user.autoRefillEnabled == null
          ? null
          : user.autoRefillEnabled
            ? `On: ${money(user.autoRefillAmount ?? 0) ?? '?'} when below ${money(user.autoRefillTrigger ?? 0) ?? '?'}`
            : 'Off',
      ],
      [t('details.signIn'), identities.join(', ')],
      [t('details.acceptedTerms'), user.compliance?.acceptedTerms],
      [t('details.lastModified'), isoOrNull(user.modifiedAt)],
    ]),
  });
}

export const leadpingClient: ProviderClient<LeadpingCredentials> = {
  readErrorBody,
  parseProfile,
  async fetchProfile(c, ctx) {
    try {
      const response = await getJson({ url: `${c.baseUrl}/users/me`, headers: authHeaders(c) }, ctx, readErrorBody);
      return fetched(parseProfile, response.body);
    } catch (error) {
      throw explainAuthStyle(error, c);
    }
  },
  update: {
    bodySchema: updateBody,
    /** Leadping requires a name: emptying both parts of one made of them is refused on the fields. */
    check(changes, current): Record<string, string[]> {
      if (changes.firstName === undefined && changes.lastName === undefined) return {};
      if (!nameFollowsParts(current.displayName, current.firstName, current.lastName)) return {};
      const first = changes.firstName ?? current.firstName ?? '';
      const last = changes.lastName ?? current.lastName ?? '';
      // One rule over both fields, said once: under the first of them (its words name both).
      return first.trim() || last.trim() ? {} : { firstName: [nameRequired()] };
    },
    async send(c, changes, _current, ctx) {
      try {
        const fresh = await getJson({ url: `${c.baseUrl}/users/me`, headers: authHeaders(c) }, ctx, readErrorBody);
        const user = parseRaw(leadpingUser, fresh.body);
        const firstName = applyChange(changes.firstName, user.firstName);
        const lastName = applyChange(changes.lastName, user.lastName);
        const partsChanged = changes.firstName !== undefined || changes.lastName !== undefined;
        const name = partsChanged && nameFollowsParts(user.name, user.firstName, user.lastName) ? joinName(firstName, lastName) : user.name;
        // Never a name the user didn't choose (not the email): an empty one is refused here too.
        if (!name)
          throw new WhoamiError('validation', {
            detail: nameRequired(),
            fieldErrors: { firstName: [nameRequired()] },
          });
        const body = updateBody.parse({
          id: user.id ?? null,
          name,
          email: user.email ?? null,
          firstName,
          lastName,
          phone: applyChange(changes.phone, user.phone),
          billingPlan: user.billingPlan ?? null,
          subscriptionId: user.subscriptionId ?? null,
          ...(user.subscriptionStatus ? { subscriptionStatus: user.subscriptionStatus } : {}),
        });
        const response = await requestJson(
          {
            method: 'PUT',
            url: `${c.baseUrl}/users/me`,
            headers: { ...authHeaders(c), 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          },
          ctx,
          readErrorBody,
        );
        return fetched(parseProfile, response.body);
      } catch (error) {
        // The same explanation of a refused credential as when reading the profile.
        throw explainAuthStyle(error, c);
      }
    },
  },
};

/** An emptied field is sent as null, an untouched one as Leadping has it. */
function applyChange(change: string | undefined, current: string | null | undefined): string | null {
  if (change === undefined) return current ?? null;
  return change === '' ? null : change;
}

/** Leadping takes two kinds of credential; a rejection says which one was refused. */
function explainAuthStyle(error: unknown, c: LeadpingCredentials): unknown {
  if (!(error instanceof WhoamiError) || (error.kind !== 'unauthorized' && error.kind !== 'forbidden')) return error;
  return new WhoamiError(error.kind, {
    ...error.info,
    detail:
      c.authStyle === 'bearer'
        ? 'the user token (Authorization: Bearer) was refused'
        : 'the API key (X-Leadping-Api-Key) was refused; /users/me needs a user token',
  });
}
