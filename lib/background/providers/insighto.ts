import { z } from '../../shared/zod';
import { getJson, requestJson, type ErrorBodyReader } from '../network/http';
import { buildProfile, details, isoOrNull, textOrNull } from './normalize';
import { addFieldError, fetched, optBool, optNumber, optText, parseRaw } from './raw';
import type { InsightoCredentials } from '../../shared/providers/insighto';
import type { ProviderClient } from './types';
import { t } from '../../shared/i18n';

// Seeds 000/001 and providers.md §A. Nullability is not published: only `id` is promised.
const insightoUser = z.looseObject({
  id: z.string().check(z.minLength(1)),
  first_name: optText,
  last_name: optText,
  email: optText,
  business_name: optText,
  is_active: optBool,
  is_superuser: optBool,
  is_enterprise: optBool,
  birthdate: optText,
  role_id: optText,
  phone: optText,
  state: optText,
  country: optText,
  address: optText,
  stripe_subscription_status: optText,
  stripe_has_payment_method: optBool,
  is_trial: optBool,
  used_trial: optBool,
  is_paying: optBool,
  stripe_last_payment_date: optText,
  next_credits_refresh: optText,
  created_at: optText,
  updated_at: optText,
  follower_count: optNumber,
  following_count: optNumber,
});

const insightoEnvelope = z.looseObject({
  message: optText,
  meta: z.optional(z.unknown()),
  data: insightoUser,
});

// Only what Insighto's own profile screen edits; never email, privilege or billing fields.
const updateBody = z.strictObject({
  first_name: z.optional(z.string()),
  last_name: z.optional(z.string()),
  phone: z.optional(z.string()),
});

/** FastAPI: `{detail: "…"}`, or for 422 `{detail: [{loc, msg, type}]}`. */
const readErrorBody: ErrorBodyReader = (body) => {
  if (!body || typeof body !== 'object' || !('detail' in body)) return null;
  const { detail } = body;
  if (typeof detail === 'string') return { message: detail };
  if (!Array.isArray(detail)) return null;
  const fieldErrors: Record<string, string[]> = {};
  const messages: string[] = [];
  for (const item of detail as Array<{ loc?: unknown; msg?: unknown }>) {
    const message = typeof item?.msg === 'string' ? item.msg : 'invalid value';
    const loc = Array.isArray(item?.loc) ? item.loc.map(String) : [];
    const field = loc.filter((part) => part !== 'body' && part !== 'query').pop();
    if (field) addFieldError(fieldErrors, field, message);
    messages.push(field ? `${field}: ${message}` : message);
  }
  return { message: messages.join('; ') || null, fieldErrors };
};

function parseProfile(body: unknown) {
  const { data: user } = parseRaw(insightoEnvelope, body);
  return buildProfile('insighto', {
    id: user.id,
    firstName: user.first_name,
    lastName: user.last_name,
    email: user.email,
    phone: user.phone,
    roles: user.is_superuser ? ['Superuser'] : [],
    organization: user.business_name,
    plan: user.is_enterprise ? 'Enterprise' : user.is_paying ? 'Paid' : user.is_paying === false ? 'Free' : null,
    trial: user.is_trial ?? null,
    createdAt: user.created_at,
    updatedAt: user.updated_at,
    details: details([
      [t('details.accountActive'), user.is_active],
      [t('details.subscription'), textOrNull(user.stripe_subscription_status)],
      [t('details.paymentMethod'), user.stripe_has_payment_method],
      [t('details.lastPayment'), isoOrNull(user.stripe_last_payment_date)],
      [t('details.nextCreditsRefresh'), isoOrNull(user.next_credits_refresh)],
      [t('details.trialUsed'), user.used_trial],
      [t('details.birthdate'), textOrNull(user.birthdate)?.slice(0, 10)],
      [t('details.country'), user.country],
      [t('details.state'), user.state],
      [t('details.address'), user.address],
      [t('details.followers'), user.follower_count],
      [t('details.following'), user.following_count],
    ]),
  });
}

function userUrl(c: InsightoCredentials, path: string): string {
  const url = new URL(`${c.baseUrl}${path}`);
  url.searchParams.set('api_key', c.apiKey);
  return url.href;
}

export const insightoClient: ProviderClient<InsightoCredentials> = {
  readErrorBody,
  parseProfile,
  async fetchProfile(c, ctx) {
    const response = await getJson({ url: userUrl(c, '/api/v1/user') }, ctx, readErrorBody);
    return fetched(parseProfile, response.body);
  },
  update: {
    bodySchema: updateBody,
    async send(c, changes, current, ctx) {
      if (!current.id) throw new Error(t('background.noProfileId'));
      const body = updateBody.parse({
        first_name: changes.firstName,
        last_name: changes.lastName,
        phone: changes.phone,
      });
      const response = await requestJson(
        {
          method: 'PUT',
          url: userUrl(c, `/api/v1/user/${encodeURIComponent(current.id)}`),
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        },
        ctx,
        readErrorBody,
      );
      return fetched(parseProfile, response.body);
    },
  },
};
