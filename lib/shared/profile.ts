import { z } from './zod';
import { t } from './i18n';

// A new shape of `profileSchema` bumps the version of the views' cache in lib/shared/storage.ts
// (STORED.viewCache), so an old cached profile is never read through a new schema.

const text = z.nullable(z.string().check(z.minLength(1)));
// Normalized times are always `Date#toISOString()` output; a plain check of that shape keeps
// zod's full ISO-8601 parser out of the popup bundle.
const ISO_UTC = /^\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isoTime = z.nullable(z.string().check(z.regex(ISO_UTC, { error: () => t('validation.isoTime') })));

const profileDetailSchema = z.object({
  label: z.string().check(z.minLength(1)),
  value: z.string().check(z.minLength(1)),
  /** A time (ISO 8601 UTC), which the views show in the user's own format. */
  kind: z.optional(z.literal('datetime')),
});

/** The one shape every provider's current user is turned into. Missing data is null. */
export const profileSchema = z.object({
  provider: z.string().check(z.minLength(1)),
  id: text,
  /** Never empty: name, else username, else email, else id. */
  displayName: z.string().check(z.minLength(1)),
  firstName: text,
  lastName: text,
  username: text,
  email: text,
  emailVerified: z.nullable(z.boolean()),
  phone: text,
  /** Only ever an https URL (loopback http outside production builds). */
  avatarUrl: text,
  roles: z.array(z.string().check(z.minLength(1))),
  organization: text,
  plan: text,
  trial: z.nullable(z.boolean()),
  createdAt: isoTime,
  updatedAt: isoTime,
  /**
   * When the provider says the session or key in use stops working (Wacht's session object).
   * Optional: profiles stored before it existed still read.
   */
  sessionExpiresAt: z.optional(isoTime),
  details: z.array(profileDetailSchema),
});

export type Profile = z.infer<typeof profileSchema>;
export type ProfileDetail = z.infer<typeof profileDetailSchema>;

/** Profile fields a provider may let the user edit. */
// `displayName` is the full name where a provider keeps one name (GitHub, Heroku): never emptied.
const editableFieldNames = ['displayName', 'firstName', 'lastName', 'username', 'phone'] as const;
export const editableFieldNameSchema = z.enum(editableFieldNames);
export type EditableFieldName = z.infer<typeof editableFieldNameSchema>;
