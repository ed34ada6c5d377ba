import { z } from '../../shared/zod';
import { WhoamiError } from '../../shared/errors';
import { getJson, requestJson, type ErrorBodyReader, type HttpRequest } from '../network/http';
import { buildProfile, details, isoOrNull, joinName, money, textOrNull } from './normalize';
import { addFieldError, fetched, optBool, optNumber, optText, optTextList, parseRaw } from './raw';
import type { ChakraCredentials } from '../../shared/providers/chakra';
import type { ProviderClient } from './types';
import { t } from '../../shared/i18n';

// Seed 004 and providers.md §D. Strings are "" when unset, `dob` is 0 when unset, and
// createdAt/updatedAt are epoch milliseconds.
const chakraEmail = z.looseObject({ email: optText, isVerified: optBool, type: optText });
const epoch = z.optional(z.nullable(z.number()));

const chakraUser = z.looseObject({
  id: z.string().check(z.minLength(1)),
  createdAt: epoch,
  updatedAt: epoch,
  username: optText,
  firstName: optText,
  middleName: optText,
  lastName: optText,
  displayName: optText,
  gender: optText,
  dob: epoch,
  bio: optText,
  profileImageUrl: optText,
  timezone: optText,
  isActive: optBool,
  availabilityStatus: optText,
  team: optText,
  role: optText,
  phones: optTextList,
  emails: z.optional(z.nullable(z.array(chakraEmail))),
  primaryEmail: z.optional(z.nullable(chakraEmail)),
  // null in every published example; a string or an object with a number when set.
  primaryPhone: z.optional(z.nullable(z.union([z.string(), z.looseObject({ phone: optText, number: optText })]))),
  reportees: optTextList,
  isDeleted: optBool,
  accountBalance: optNumber,
});

const chakraEnvelope = z.looseObject({
  _data: z.nullable(chakraUser),
  _meta: z.optional(z.unknown()),
  _errors: z.optional(z.nullable(z.array(z.unknown()))),
});

const updateBody = z.strictObject({
  firstName: z.optional(z.string()),
  lastName: z.optional(z.string()),
});

/** The shape of `_errors` items is unpublished: take a string, or the first message-like key. */
function errorText(item: unknown): string | null {
  if (typeof item === 'string') return textOrNull(item);
  if (!item || typeof item !== 'object') return null;
  const record = item as Record<string, unknown>;
  return textOrNull(record.message) ?? textOrNull(record.msg) ?? textOrNull(record.error) ?? textOrNull(record.code);
}

/** A field name in an `_errors` item, under whichever key it comes. */
function errorField(item: unknown): string | null {
  if (!item || typeof item !== 'object') return null;
  const record = item as Record<string, unknown>;
  return textOrNull(record.field) ?? textOrNull(record.path) ?? textOrNull(record.param);
}

const readErrorBody: ErrorBodyReader = (body) => {
  const errors = (body as { _errors?: unknown } | null)?._errors;
  if (!Array.isArray(errors)) return null;
  const fieldErrors: Record<string, string[]> = {};
  const messages: string[] = [];
  for (const item of errors) {
    const message = errorText(item);
    if (message === null) continue;
    const field = errorField(item);
    if (field) addFieldError(fieldErrors, field, message);
    messages.push(message);
  }
  return { message: messages.join('; ') || null, fieldErrors };
};

// `team` and `role` are documented only as strings; some accounts hold names ("Aeronautics",
// "ADMIN"), others ids ("t1", a uuid). An id is no organisation or role a person reads as one:
// it goes to the details, labelled as an id.
const ID_LIKE = /^([a-z]{1,4}[-_]?\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,})$/i;
const idOrNull = (value: string | null | undefined) => {
  const text = textOrNull(value);
  return text !== null && ID_LIKE.test(text) ? text : null;
};
const nameOrNull = (value: string | null | undefined) => {
  const text = textOrNull(value);
  return text !== null && !ID_LIKE.test(text) ? text : null;
};

function parseProfile(body: unknown) {
  const envelope = parseRaw(chakraEnvelope, body);
  const user = envelope._data;
  if (!user) {
    const message = readErrorBody(body, 200)?.message;
    throw new WhoamiError('invalid-response', { detail: t('background.dataEmpty'), providerMessage: message ?? null });
  }
  const email = user.primaryEmail?.email ? user.primaryEmail : user.emails?.[0];
  const primaryPhone = typeof user.primaryPhone === 'string' ? user.primaryPhone : (user.primaryPhone?.phone ?? user.primaryPhone?.number);
  return buildProfile('chakra', {
    id: user.id,
    name: textOrNull(user.displayName) ?? joinName(user.firstName, user.middleName, user.lastName),
    firstName: user.firstName,
    lastName: user.lastName,
    username: user.username,
    email: email?.email,
    emailVerified: email?.isVerified ?? null,
    phone: textOrNull(primaryPhone) ?? user.phones?.map(textOrNull).find(Boolean),
    avatarUrl: user.profileImageUrl,
    roles: [nameOrNull(user.role)].filter((r): r is string => r !== null),
    organization: nameOrNull(user.team),
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    details: details([
      [t('details.availability'), textOrNull(user.availabilityStatus)],
      [t('details.timeZone'), textOrNull(user.timezone) && `UTC${user.timezone}`],
      [t('details.accountBalance'), money(user.accountBalance)],
      [t('details.active'), user.isActive],
      [t('details.gender'), textOrNull(user.gender)],
      [t('details.birthday'), isoOrNull(user.dob)?.slice(0, 10)],
      [t('details.bio'), textOrNull(user.bio)],
      [t('details.reportees'), user.reportees?.length || null],
      [t('details.teamId'), idOrNull(user.team)],
      [t('details.roleId'), idOrNull(user.role)],
    ]),
  });
}

const userUrl = (c: ChakraCredentials) => `${c.baseUrl}/v1/ext/user/${encodeURIComponent(c.userId)}`;
const auth = (c: ChakraCredentials) => ({ Authorization: `Bearer ${c.token}` });

export const chakraClient: ProviderClient<ChakraCredentials> = {
  readErrorBody,
  parseProfile,
  async fetchProfile(c, ctx) {
    const response = await getJson({ url: userUrl(c), headers: auth(c) }, ctx, readErrorBody);
    return fetched(parseProfile, response.body);
  },
  update: {
    bodySchema: updateBody,
    async send(c, changes, _current, ctx) {
      const body = updateBody.parse({ firstName: changes.firstName, lastName: changes.lastName });
      const request: HttpRequest = {
        method: 'PATCH',
        url: userUrl(c),
        headers: { ...auth(c), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      };
      // The docs label this call GET, which can't be right; the method is unconfirmed. PATCH
      // first, and on 405 (nothing was changed) PUT once.
      let response;
      try {
        response = await requestJson(request, ctx, readErrorBody);
      } catch (error) {
        if (!(error instanceof WhoamiError) || error.info.status !== 405) throw error;
        response = await requestJson({ ...request, method: 'PUT' }, ctx, readErrorBody);
      }
      const answered = response.body as { _data?: unknown } | null;
      if (answered?._data) return fetched(parseProfile, response.body);
      const fresh = await getJson({ url: userUrl(c), headers: auth(c) }, ctx, readErrorBody);
      return fetched(parseProfile, fresh.body);
    },
  },
};
