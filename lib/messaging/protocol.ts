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

export const protocol = {
  listAccounts: {
    input: none,
    output: z.object({ accounts: z.array(accountSummarySchema), problems: z.array(problemSchema) }),
  },
  addAccount: {
    input: z.object({ provider: id, label: labelSchema, credentials: credentialValues }),
    output: accountSummarySchema,
  },
  /** Secret fields left empty keep the stored secret. */
  updateAccount: {
    input: z.object({ id, label: z.optional(labelSchema), credentials: z.optional(credentialValues) }),
    output: accountSummarySchema,
  },
  removeAccount: { input: z.object({ id }), output: z.object({ removed: z.boolean() }) },
  /** Fetches a profile with credentials that are not saved (yet). */
  testCredentials: {
    input: z.object({ provider: id, credentials: credentialValues, accountId: z.optional(id) }),
    output: z.object({ profile: profileSchema }),
  },
  /** The stored entry, refreshed first when older than `maxAgeMs` (never, when absent). */
  getProfile: {
    input: z.object({ accountId: id, maxAgeMs: z.optional(z.number()) }),
    output: profileEntrySchema,
  },
  /** Refreshes one account now, or all accounts when no id is given. */
  refresh: {
    input: z.object({ accountId: z.optional(id) }),
    output: z.object({ entries: z.array(profileEntrySchema) }),
  },
  updateProfile: {
    input: z.object({
      accountId: id,
      /** One id per save: a repeated message with the same id is never sent twice. */
      editId: id,
      changes: z.partialRecord(editableFieldNameSchema, z.string()),
    }),
    output: profileEntrySchema,
  },
  getStatus: {
    input: none,
    output: z.object({
      accounts: z.number(),
      needAttention: z.number(),
      problems: z.array(problemSchema),
      settings: settingsSchema,
    }),
  },
  setSettings: { input: settingsSchema, output: settingsSchema },
  exportAccounts: { input: none, output: exportFileSchema },
  /** Saves what needs no secret; the rest is returned for the options page to complete. */
  importAccounts: {
    input: exportFileSchema,
    output: z.object({
      imported: z.array(accountSummarySchema),
      skipped: z.array(z.object({ index: z.number(), reason: z.string() })),
    }),
  },
  /** Clears every account, profile, setting and cache. */
  forgetEverything: { input: none, output: none },
  /** Drops stored entries that failed validation (reported by listAccounts/getStatus). */
  discardDamaged: { input: none, output: z.object({ discarded: z.number() }) },
} as const;

export type Protocol = typeof protocol;
export type RequestType = keyof Protocol;
export type RequestInput<T extends RequestType> = z.input<Protocol[T]['input']>;
export type RequestOutput<T extends RequestType> = z.output<Protocol[T]['output']>;

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
  return Object.hasOwn(protocol, type);
}
