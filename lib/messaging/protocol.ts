import * as z from 'zod/mini';
import { errorInfoSchema } from '../errors';
import {
  accountSummarySchema,
  labelSchema,
  problemSchema,
  profileEntrySchema,
  settingsSchema,
} from '../model';
import { editableFieldNameSchema, profileSchema } from '../profile';

/**
 * The one message protocol between the views and the background. Every request is checked
 * against its input schema in the background and every answer against its output schema in
 * the view, so neither side trusts the other's shapes.
 */
const id = z.string().check(z.minLength(1));
const credentialValues = z.record(z.string(), z.string());
const none = z.object({});

export const exportFileSchema = z.object({
  format: z.literal('whoami-accounts'),
  version: z.literal(1),
  exportedAt: z.string(),
  accounts: z.array(
    z.object({
      provider: id,
      label: labelSchema,
      /** Non-secret settings only: the file never holds a key, token or cookie. */
      settings: credentialValues,
    }),
  ),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

// Two maps with the same keys: what each request carries (checked by the background) and
// what it answers (checked by the views). Kept apart so each side bundles only its half.
export const requestSchemas = {
  listAccounts: none,
  addAccount: z.object({ provider: id, label: labelSchema, credentials: credentialValues }),
  /** Secret fields left empty keep the stored secret. */
  updateAccount: z.object({ id, label: z.optional(labelSchema), credentials: z.optional(credentialValues) }),
  removeAccount: z.object({ id }),
  /** Fetches a profile with credentials that are not saved (yet). */
  testCredentials: z.object({ provider: id, credentials: credentialValues, accountId: z.optional(id) }),
  /** The stored entry, refreshed first when older than `maxAgeMs` (never, when absent). */
  getProfile: z.object({ accountId: id, maxAgeMs: z.optional(z.number()) }),
  /** Refreshes one account now, or all accounts when no id is given. */
  refresh: z.object({ accountId: z.optional(id) }),
  updateProfile: z.object({
    accountId: id,
    /** One id per save: a repeated message with the same id is never sent twice. */
    editId: id,
    changes: z.partialRecord(editableFieldNameSchema, z.string()),
  }),
  getStatus: none,
  setSettings: settingsSchema,
  exportAccounts: none,
  /** Saves what needs no secret; the rest is returned for the options page to complete. */
  importAccounts: exportFileSchema,
  /** Clears every account, profile, setting and cache. */
  forgetEverything: none,
  /** Drops stored entries that failed validation (reported by listAccounts/getStatus). */
  discardDamaged: none,
} as const;

export const replySchemas = {
  listAccounts: z.object({ accounts: z.array(accountSummarySchema), problems: z.array(problemSchema) }),
  addAccount: accountSummarySchema,
  updateAccount: accountSummarySchema,
  removeAccount: z.object({ removed: z.boolean() }),
  testCredentials: z.object({ profile: profileSchema }),
  getProfile: profileEntrySchema,
  refresh: z.object({ entries: z.array(profileEntrySchema) }),
  updateProfile: profileEntrySchema,
  getStatus: z.object({
    accounts: z.number(),
    needAttention: z.number(),
    problems: z.array(problemSchema),
    settings: settingsSchema,
  }),
  setSettings: settingsSchema,
  exportAccounts: exportFileSchema,
  importAccounts: z.object({
    imported: z.array(accountSummarySchema),
    skipped: z.array(z.object({ index: z.number(), reason: z.string() })),
  }),
  forgetEverything: none,
  discardDamaged: z.object({ discarded: z.number() }),
} as const satisfies Record<keyof typeof requestSchemas, z.ZodMiniType>;

export type RequestType = keyof typeof requestSchemas;
export type RequestInput<T extends RequestType> = z.input<(typeof requestSchemas)[T]>;
export type RequestOutput<T extends RequestType> = z.output<(typeof replySchemas)[T]>;

export const requestEnvelopeSchema = z.object({
  whoami: z.literal('request'),
  type: z.string(),
  input: z.unknown(),
});

export const responseEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorInfoSchema }),
]);
export type ResponseEnvelope = z.infer<typeof responseEnvelopeSchema>;

/** Background → views, when something they show changed. */
export const eventSchema = z.union([
  z.object({ whoami: z.literal('event'), type: z.literal('profile'), entry: profileEntrySchema }),
  z.object({ whoami: z.literal('event'), type: z.literal('accounts') }),
  z.object({ whoami: z.literal('event'), type: z.literal('forgotten') }),
]);
export type ViewEvent = z.infer<typeof eventSchema>;

export function isRequestType(type: string): type is RequestType {
  return Object.hasOwn(requestSchemas, type);
}
