import { z } from '../zod';
import { errorInfoSchema } from '../error-schema';
import {
  accountSummarySchema,
  exportFileSchema,
  importPreviewItemSchema,
  lockStateSchema,
  pendingImportSchema,
  problemSchema,
  providerSummarySchema,
  profileEntrySchema,
  settingsSchema,
  syncStatusSchema,
} from '../model';
import { profileSchema } from '../profile';
import type { RequestType, requestSchemas } from './requests';

/** The protocol's answer side: what the background answers to each request, checked by the views. */
const none = z.object({});
const lockReply = z.object({ lock: lockStateSchema });

export const replySchemas = {
  listAccounts: z.object({
    accounts: z.array(accountSummarySchema),
    problems: z.array(problemSchema),
    /** Every provider an account can be added for, from the one registry: what the guides name. */
    providers: z.array(providerSummarySchema),
    lock: lockStateSchema,
  }),
  addAccount: accountSummarySchema,
  updateAccount: accountSummarySchema,
  removeAccount: z.object({ removed: z.boolean() }),
  testCredentials: z.object({ profile: profileSchema }),
  getProfile: profileEntrySchema,
  refresh: z.object({ entries: z.array(profileEntrySchema) }),
  dismissChanges: z.object({ entry: profileEntrySchema }),
  updateProfile: profileEntrySchema,
  uploadAvatar: profileEntrySchema,
  getStatus: z.object({
    accounts: z.number(),
    needAttention: z.number(),
    problems: z.array(problemSchema),
    settings: settingsSchema,
  }),
  setSettings: settingsSchema,
  exportAccounts: exportFileSchema,
  previewImport: z.object({ accounts: z.array(importPreviewItemSchema), hosts: z.array(z.string()) }),
  importAccounts: z.object({
    imported: z.array(accountSummarySchema),
    pending: z.array(pendingImportSchema),
    skipped: z.array(z.object({ index: z.number(), reason: z.string() })),
  }),
  forgetEverything: none,
  discardDamaged: z.object({ discarded: z.number() }),
  // Definitions come back unchecked here and are parsed by the options page itself
  // (`lib/views/definitions.ts`): the popup never needs their schema in its bundle.
  listDefinitions: z.object({ definitions: z.array(z.unknown()), problems: z.array(problemSchema) }),
  saveDefinition: z.object({ definition: z.unknown() }),
  removeDefinition: z.object({ removed: z.boolean() }),
  tryDefinition: z.object({ raw: z.unknown(), profile: z.nullable(profileSchema), error: z.nullable(errorInfoSchema) }),
  turnOnLock: lockReply,
  unlock: lockReply,
  lockNow: lockReply,
  changePassphrase: lockReply,
  turnOffLock: lockReply,
  forgetSecrets: lockReply,
  getSync: syncStatusSchema,
  setSync: syncStatusSchema,
  removeSyncedCopy: z.object({ removed: z.number(), status: syncStatusSchema }),
} as const satisfies Record<keyof typeof requestSchemas, z.ZodMiniType>;

export type RequestOutput<T extends RequestType> = z.output<(typeof replySchemas)[T]>;

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
