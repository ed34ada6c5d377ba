import { z } from '../zod';
import { definitionSchema } from '../custom/definition';
import { exportFileSchema, labelSchema, settingsChangeSchema } from '../model';
import { editableFieldNameSchema } from '../profile';
import { MIN_PASSPHRASE_LENGTH } from '../limits';
import { t } from '../i18n';

/**
 * The one message protocol between the views and the background, request side: what each
 * message carries, checked by the background. Its answers are in `replies.ts`, checked by
 * the views. Kept apart because top-level schemas are not tree-shaken: each side bundles
 * only its half (views import this module for its types only).
 */
const id = z.string().check(z.minLength(1));
const credentialValues = z.record(z.string(), z.string());
const none = z.object({});
const passphrase = z
  .string()
  .check(z.minLength(MIN_PASSPHRASE_LENGTH, { error: () => t('lock.tooShort', { min: MIN_PASSPHRASE_LENGTH }) }), z.maxLength(1024));

export const requestSchemas = {
  listAccounts: none,
  addAccount: z.object({ provider: id, label: labelSchema, credentials: credentialValues }),
  /** Secret fields left empty keep the stored secret. */
  updateAccount: z.object({
    id,
    label: z.optional(labelSchema),
    credentials: z.optional(credentialValues),
    /** The revision the form was opened on: saving over a newer one is refused. */
    revision: z.optional(z.number()),
  }),
  removeAccount: z.object({ id }),
  /** Fetches a profile with credentials that are not saved (yet). */
  testCredentials: z.object({ provider: id, credentials: credentialValues, accountId: z.optional(id) }),
  /** The stored entry, refreshed first when older than `maxAgeMs` (never, when absent). */
  /**
   * Without an account, the first account's (as listAccounts orders them): a popup with nothing
   * cached asks for it beside the list, in the same round trip, instead of after it.
   */
  getProfile: z.object({ accountId: z.optional(id), maxAgeMs: z.optional(z.number()) }),
  /** Refreshes one account now, or all accounts when no id is given. */
  refresh: z.object({ accountId: z.optional(id) }),
  dismissChanges: z.object({ accountId: id }),
  updateProfile: z.object({
    accountId: id,
    /** One id per save: a repeated message with the same id is never sent twice. */
    editId: id,
    changes: z.partialRecord(editableFieldNameSchema, z.string()),
  }),
  /** A new profile picture; the background checks its type and size before sending it. */
  uploadAvatar: z.object({
    accountId: id,
    editId: id,
    file: z.object({
      name: z.string().check(z.maxLength(200)),
      type: z.string().check(z.maxLength(100)),
      /** Base64 of at most a few MB: messages carry JSON. */
      data: z.string().check(z.maxLength(8_000_000)),
    }),
  }),
  getStatus: none,
  setSettings: settingsChangeSchema,
  exportAccounts: none,
  /** What importing a file would do and which hosts it would connect to; saves nothing. */
  previewImport: exportFileSchema,
  /** Saves what needs no secret; the rest is returned, without secrets, for the options page to complete. */
  importAccounts: exportFileSchema,
  /** Clears every account, profile, setting and cache. */
  forgetEverything: none,
  /** Drops stored entries that failed validation (reported by listAccounts/getStatus). */
  discardDamaged: none,
  listDefinitions: none,
  /** Adds a user-defined provider, or replaces the one with the same id. */
  saveDefinition: z.object({ definition: definitionSchema }),
  /** Refused while accounts still use the provider. */
  removeDefinition: z.object({ id }),
  /** Calls an (unsaved) definition's endpoint with the given account fields. */
  tryDefinition: z.object({ definition: definitionSchema, credentials: credentialValues }),
  /** Encrypts every stored secret under a key derived from the passphrase. */
  turnOnLock: z.object({ passphrase }),
  unlock: z.object({ passphrase }),
  lockNow: none,
  changePassphrase: z.object({ current: z.string(), next: passphrase }),
  /** Decrypts every stored secret and forgets the passphrase. */
  turnOffLock: z.object({ passphrase: z.string() }),
  /** Forgets the passphrase and every secret it sealed; accounts and definitions stay. */
  forgetSecrets: none,
  getSync: none,
  /** Sync through the browser's storage.sync on this device: on or off (what is here stays). */
  setSync: z.object({ on: z.boolean() }),
  /** Takes out of the browser's sync storage what this device put there. */
  removeSyncedCopy: none,
} as const;

export type RequestType = keyof typeof requestSchemas;
export type RequestInput<T extends RequestType> = z.input<(typeof requestSchemas)[T]>;

export const requestEnvelopeSchema = z.object({
  whoami: z.literal('request'),
  type: z.string(),
  input: z.unknown(),
});

export function isRequestType(type: string): type is RequestType {
  return Object.hasOwn(requestSchemas, type);
}
