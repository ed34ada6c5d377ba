import { z } from '../../shared/zod';
import { WhoamiError } from '../../shared/errors';
import { getJson, requestJson, type ErrorBodyReader } from '../network/http';
import { buildProfile, details, isoOrNull, textOrNull } from './normalize';
import { addFieldError, fetched, optBool, optText, parseRaw } from './raw';
import type { WachtCredentials } from '../../shared/providers/wacht';
import type { ProviderClient } from './types';
import { t } from '../../shared/i18n';

// Seed 002, providers.md §B and specs/wacht-frontend-api.openapi.json (CurrentUser).
// `user_authenticator`, `authenticators` and `backup_codes` carry TOTP secrets and backup
// codes: they are deliberately absent here, so nothing of them reaches a Profile.
const email = z.looseObject({ email: optText, is_primary: optBool, verified: optBool, verified_at: optText });
const phone = z.looseObject({ phone_number: optText, country_code: optText, verified: optBool });
const list = <T extends z.ZodMiniType>(item: T) => z.optional(z.nullable(z.array(item)));

const wachtUser = z.looseObject({
  id: z.string().check(z.minLength(1)),
  first_name: optText,
  last_name: optText,
  username: optText,
  availability: optText,
  // Typed string in the spec, a boolean on real servers: accept both.
  has_profile_picture: z.optional(z.nullable(z.union([z.boolean(), z.string()]))),
  profile_picture_url: optText,
  primary_email_address: z.optional(z.nullable(email)),
  primary_phone_number: z.optional(z.nullable(phone)),
  second_factor_policy: optText,
  user_email_addresses: list(email),
  email_addresses: list(email),
  user_phone_numbers: list(phone),
  phone_numbers: list(phone),
  social_connections: list(z.looseObject({ provider: optText })),
  backup_codes_generated: optBool,
  has_password: optBool,
  has_passkeys: optBool,
  segments: list(z.looseObject({ name: optText, type: optText })),
});

// The /me reference documents only id and timestamps on `session`; Wacht's Session and SignIn
// objects elsewhere carry when a sign-in expires (`expires_at`, or `expiresAt` on the SDK's
// shapes). Whichever of them an answer holds feeds the expiry line.
const expiry = { expires_at: optText, expiresAt: optText };
const wachtEnvelope = z.looseObject({
  status: z.optional(z.nullable(z.number())),
  message: optText,
  data: wachtUser,
  session: z.optional(
    z.nullable(z.looseObject({ created_at: optText, ...expiry, active_signin: z.optional(z.nullable(z.looseObject(expiry))) })),
  ),
});

// Form fields of UpdateUserSchema that Whoami offers. Wacht skips empty values, so a name can
// be changed but not cleared here.
const updateBody = z.strictObject({
  first_name: z.optional(z.string().check(z.minLength(1))),
  last_name: z.optional(z.string().check(z.minLength(1))),
  username: z.optional(z.string().check(z.minLength(1))),
});

const SESSION_COOKIE = '__session';

function fieldForCode(code: string): string | null {
  const match = /(FIRST_NAME|LAST_NAME|USERNAME|PHONE|EMAIL)/.exec(code.toUpperCase());
  return match?.[1] ?? null;
}

/** `{errors: [{code, message}]}`; `code` is a number in the spec and a string on the wire. */
const readErrorBody: ErrorBodyReader = (body, status) => {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return null;
  const fieldErrors: Record<string, string[]> = {};
  const messages: string[] = [];
  for (const item of errors as Array<{ code?: unknown; message?: unknown }>) {
    const code = typeof item?.code === 'string' || typeof item?.code === 'number' ? String(item.code) : '';
    const message = typeof item?.message === 'string' ? item.message : code || 'request rejected';
    const field = fieldForCode(code);
    if (field) addFieldError(fieldErrors, field, message);
    messages.push(message);
  }
  const message = messages.join('; ') || null;
  // With a cookie session, "unauthorized" and "no active sign-in" both mean signed out.
  const signedOut = status === 401 || (status === 400 && /no active sign-?in/i.test(message ?? ''));
  return { message, fieldErrors, kind: signedOut ? 'signed-out' : undefined };
};

function phoneText(p: z.output<typeof phone> | null | undefined): string | null {
  const number = textOrNull(p?.phone_number);
  const code = textOrNull(p?.country_code);
  if (!number) return null;
  return code && /^\+\d+$/.test(code) && !number.startsWith('+') ? `${code} ${number}` : number;
}

function parseProfile(body: unknown) {
  const { data: user, session } = parseRaw(wachtEnvelope, body);
  const emails = [...(user.user_email_addresses ?? []), ...(user.email_addresses ?? [])];
  const primaryEmail = user.primary_email_address ?? emails.find((e) => e.is_primary) ?? emails[0];
  const phones = [...(user.user_phone_numbers ?? []), ...(user.phone_numbers ?? [])];
  const hasPicture = user.has_profile_picture;
  const pictureKnownAbsent = hasPicture === false || hasPicture === 'false';
  return buildProfile('wacht', {
    id: user.id,
    firstName: user.first_name,
    lastName: user.last_name,
    username: user.username,
    email: primaryEmail?.email,
    emailVerified: primaryEmail?.verified ?? null,
    phone: phoneText(user.primary_phone_number ?? phones[0]),
    avatarUrl: pictureKnownAbsent ? null : user.profile_picture_url,
    roles: [],
    organization: (user.segments ?? []).find((s) => s.type === 'organization')?.name ?? null,
    sessionExpiresAt:
      session?.active_signin?.expires_at ?? session?.active_signin?.expiresAt ?? session?.expires_at ?? session?.expiresAt ?? null,
    details: details([
      [t('details.availability'), textOrNull(user.availability)],
      [t('details.twoFactorPolicy'), textOrNull(user.second_factor_policy)],
      [t('details.backupCodes'), user.backup_codes_generated],
      [t('details.passwordSet'), user.has_password],
      [t('details.passkeys'), user.has_passkeys],
      [
        t('details.socialSignIn'),
        (user.social_connections ?? [])
          .map((s) => textOrNull(s.provider))
          .filter(Boolean)
          .join(', '),
      ],
      [
        t('details.segments'),
        (user.segments ?? [])
          .map((s) => textOrNull(s.name))
          .filter(Boolean)
          .join(', '),
      ],
      [t('details.emailAddresses'), new Set(emails.map((e) => e.email)).size || null],
      [t('details.sessionStarted'), isoOrNull(session?.created_at)],
    ]),
  });
}

/**
 * A request without the cookie makes Wacht create an anonymous session and overwrite
 * `__session`; check the browser holds one first and report "signed out" without calling.
 */
async function requireSession(c: WachtCredentials, hasCookie: (url: string, name: string) => Promise<boolean>) {
  if (!(await hasCookie(c.deploymentUrl, SESSION_COOKIE))) {
    throw new WhoamiError('signed-out', {
      detail: t('background.noSessionCookie', { cookie: SESSION_COOKIE, host: new URL(c.deploymentUrl).host }),
    });
  }
}

export const wachtClient: ProviderClient<WachtCredentials> = {
  readErrorBody,
  parseProfile,
  async fetchProfile(c, ctx) {
    await requireSession(c, ctx.hasCookie);
    const response = await getJson({ url: `${c.deploymentUrl}/me`, credentials: 'include' }, ctx, readErrorBody);
    return fetched(parseProfile, response.body);
  },
  async uploadAvatar(c, file, ctx) {
    await requireSession(c, ctx.hasCookie);
    const form = new FormData();
    form.set('file', new Blob([file.bytes as BlobPart], { type: file.type }), file.name);
    await requestJson(
      { method: 'POST', url: `${c.deploymentUrl}/me/profile-picture`, body: form, credentials: 'include' },
      ctx,
      readErrorBody,
    );
    const response = await getJson({ url: `${c.deploymentUrl}/me`, credentials: 'include' }, ctx, readErrorBody);
    return fetched(parseProfile, response.body);
  },
  update: {
    bodySchema: updateBody,
    async send(c, changes, _current, ctx) {
      await requireSession(c, ctx.hasCookie);
      const body = updateBody.parse({
        first_name: changes.firstName,
        last_name: changes.lastName,
        username: changes.username,
      });
      const form = new URLSearchParams();
      for (const [key, value] of Object.entries(body)) if (value !== undefined) form.set(key, value);
      await requestJson({ method: 'POST', url: `${c.deploymentUrl}/me`, body: form, credentials: 'include' }, ctx, readErrorBody);
      // POST /me answers only a message; the user as saved comes from a fresh GET.
      const response = await getJson({ url: `${c.deploymentUrl}/me`, credentials: 'include' }, ctx, readErrorBody);
      return fetched(parseProfile, response.body);
    },
  },
};
