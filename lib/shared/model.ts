import { accountStates } from './account-state';
import { z } from './zod';
import { errorInfoSchema } from './error-schema';
import { EXPIRY_WARNING_DAYS, LOCK_IDLE_MINUTES, REFRESH_MINUTES } from './limits';
import { editableFieldNameSchema, profileSchema } from './profile';
import { t } from './i18n';

// Shapes that cross the message boundary between the background and the views. None of them
// may ever hold a secret: they end up in the views' persisted query cache.

const nonEmpty = z.string().check(z.minLength(1));

const LABEL_MAX = 60;

export const labelSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, { error: () => t('validation.labelRequired') }),
    z.maxLength(LABEL_MAX, { error: () => t('validation.labelMax', { max: LABEL_MAX }) }),
  );

const editableFieldViewSchema = z.object({
  name: editableFieldNameSchema,
  label: nonEmpty,
  input: z.enum(['text', 'tel']),
});
export type EditableFieldView = z.infer<typeof editableFieldViewSchema>;

/** An account as the views see it: settings without secrets, secrets as "••••abcd" hints. */
export const accountSummarySchema = z.object({
  id: nonEmpty,
  provider: nonEmpty,
  providerName: nonEmpty,
  label: nonEmpty,
  /** Non-secret settings (base URL, user id, deployment host). */
  settings: z.record(z.string(), z.string()),
  /** Masked secrets, keyed by field name. */
  secretHints: z.record(z.string(), z.string()),
  origins: z.array(z.string()),
  host: nonEmpty,
  signInUrl: z.nullable(z.string()),
  editableFields: z.array(editableFieldViewSchema),
  /** When the provider takes a new profile picture: its size and type limits. */
  avatarUpload: z.nullable(z.object({ maxBytes: z.number(), types: z.array(z.string()) })),
  createdAt: z.number(),
  /** The stored revision the summary was made from: an edit saved over a newer one is refused. */
  revision: z.number(),
  /**
   * When the account's credential stops working — read from the token itself (a JWT's exp), or
   * reported by the provider for the session (`source`) — and from when the badge warns (the
   * user's warning days before); null when neither says.
   */
  tokenExpiry: z.nullable(
    z.object({
      expiresAt: z.number(),
      issuedAt: z.nullable(z.number()),
      warnFrom: z.number(),
      source: z.enum(['token', 'session']),
    }),
  ),
  /**
   * What its last refresh left: its state, and whether changes wait to be seen — so any view can
   * say which account needs attention without reading every profile. Absent in lists kept by an
   * older version.
   */
  status: z.optional(z.object({ state: z.enum(accountStates), changed: z.boolean() })),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

/** A provider an account can be added for, as guides name it (built-in or the user's own). */
export const providerSummarySchema = z.object({ id: nonEmpty, name: nonEmpty, needs: nonEmpty });
export type ProviderSummary = z.infer<typeof providerSummarySchema>;

/**
 * The profile picture as the background fetched it: a small re-encoded image handed to the
 * views as data, so opening a view never makes a request of its own. When its host needs a
 * permission the user hasn't given, the views offer to ask for it.
 */
const pictureSchema = z.union([
  z.object({
    state: z.literal('loaded'),
    source: z.string(),
    dataUrl: z.string().check(z.maxLength(96_000), z.regex(/^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/=]+$/)),
  }),
  z.object({ state: z.literal('needs-permission'), source: z.string(), origin: z.string(), host: z.string() }),
  z.object({ state: z.literal('unavailable'), source: z.string(), reason: z.string() }),
]);
export type Picture = z.infer<typeof pictureSchema>;

/**
 * The last good profile of an account and what happened since. A failed refresh keeps the
 * last good profile and records the error, so views show it marked stale.
 */
/** The profile fields whose changes are news: plan, subscription, roles, organisation, email, its verification, name. */
const watchedFields = ['plan', 'subscription', 'roles', 'organization', 'email', 'emailVerified', 'name'] as const;
export type WatchedField = (typeof watchedFields)[number];

const profileChangeSchema = z.object({
  field: z.enum(watchedFields),
  from: z.nullable(z.string().check(z.maxLength(200))),
  to: z.nullable(z.string().check(z.maxLength(200))),
  seenAt: z.number(),
});
export type ProfileChange = z.infer<typeof profileChangeSchema>;

export const profileEntrySchema = z.object({
  accountId: nonEmpty,
  profile: z.nullable(profileSchema),
  /** The provider's answer with secrets removed, for the raw-JSON view (its JSON text when cut). */
  raw: z.optional(z.unknown()),
  /** Set when the answer was too large to keep whole: `raw` is then the start of its JSON text. */
  rawCut: z.optional(z.object({ bytes: z.number() })),
  /** The profile's picture, fetched by the background; absent when the profile has none. */
  picture: z.optional(z.nullable(pictureSchema)),
  /** When the profile shown was fetched (ms since epoch). */
  fetchedAt: z.nullable(z.number()),
  attemptedAt: z.nullable(z.number()),
  error: z.nullable(errorInfoSchema),
  /** Consecutive failed attempts, for backoff. */
  failures: z.number(),
  /** No automatic attempt before this time (backoff or Retry-After). */
  nextAttemptAt: z.nullable(z.number()),
  /** What changed between refreshes, newest last (at most 20), until the user dismisses it. */
  changes: z.optional(z.array(profileChangeSchema)),
});
export type ProfileEntry = z.infer<typeof profileEntrySchema>;

export function emptyEntry(accountId: string): ProfileEntry {
  return { accountId, profile: null, fetchedAt: null, attemptedAt: null, error: null, failures: 0, nextAttemptAt: null };
}

export const settingsSchema = z.object({
  refreshMinutes: z
    .int({ error: () => t('validation.refreshWhole') })
    .check(
      z.minimum(REFRESH_MINUTES.min, { error: () => t('validation.refreshMin', { min: REFRESH_MINUTES.min }) }),
      z.maximum(REFRESH_MINUTES.max, { error: () => t('validation.refreshMax') }),
    ),
  /** The watched fields whose changes raise a browser notification (none when unset). */
  notifyChanges: z.optional(z.array(z.enum(watchedFields))),
  /** Days before a token expires from which the badge warns (EXPIRY_WARNING_DAYS.default when unset). */
  expiryWarningDays: z.optional(
    z.int({ error: () => t('validation.warningDays', { min: EXPIRY_WARNING_DAYS.min, max: EXPIRY_WARNING_DAYS.max }) }).check(
      z.minimum(EXPIRY_WARNING_DAYS.min, {
        error: () => t('validation.warningDays', { min: EXPIRY_WARNING_DAYS.min, max: EXPIRY_WARNING_DAYS.max }),
      }),
      z.maximum(EXPIRY_WARNING_DAYS.max, {
        error: () => t('validation.warningDays', { min: EXPIRY_WARNING_DAYS.min, max: EXPIRY_WARNING_DAYS.max }),
      }),
    ),
  ),
  /** Idle minutes after which the passphrase lock closes (LOCK_IDLE_MINUTES.default when unset; 0: never). */
  lockIdleMinutes: z.optional(
    z
      .int({ error: () => t('validation.lockIdle', { max: LOCK_IDLE_MINUTES.max }) })
      .check(
        z.minimum(LOCK_IDLE_MINUTES.min, { error: () => t('validation.lockIdle', { max: LOCK_IDLE_MINUTES.max }) }),
        z.maximum(LOCK_IDLE_MINUTES.max, { error: () => t('validation.lockIdle', { max: LOCK_IDLE_MINUTES.max }) }),
      ),
  ),
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * A change of the settings, as a settings form sends it: only the setting it changed, and a
 * watched field ticked or unticked rather than the whole list — two quick changes from two
 * forms (or two ticks) must not undo each other with a stale copy of the rest.
 */
export const settingsChangeSchema = z.extend(z.partial(settingsSchema), {
  watch: z.optional(z.object({ field: z.enum(watchedFields), on: z.boolean() })),
});
export type SettingsChange = z.infer<typeof settingsChangeSchema>;
export const DEFAULT_SETTINGS: Settings = { refreshMinutes: REFRESH_MINUTES.default };

/** The passphrase lock: not set up, set up and closed, or open for this browser session. */
export const lockStateSchema = z.enum(['off', 'locked', 'unlocked']);
export type LockState = z.infer<typeof lockStateSchema>;

export const problemSchema = z.object({ key: nonEmpty, message: nonEmpty });

/** Sync on this device, as the options page shows it. */
export const syncStatusSchema = z.object({
  on: z.boolean(),
  lastSyncedAt: z.nullable(z.number()),
  /** What the browser's sync area holds (every device's items), as it counts them. */
  bytes: z.number(),
  items: z.number(),
  maxBytes: z.number(),
  /** What stays on this device, and why ("Leadping · work": the sync storage would be full). */
  problems: z.array(z.object({ what: nonEmpty, message: nonEmpty })),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;
export type StorageProblem = z.infer<typeof problemSchema>;

export const exportFileSchema = z.object({
  format: z.literal('whoami-accounts'),
  version: z.literal(1),
  exportedAt: z.string(),
  accounts: z.array(
    z.object({
      provider: z.string().check(z.minLength(1)),
      label: labelSchema,
      /** Non-secret settings only: the file never holds a key, token or cookie. */
      settings: z.record(z.string(), z.string()),
    }),
  ),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

/** One account of an accounts file, as the import preview shows it before anything is saved. */
export const importPreviewItemSchema = z.object({
  index: z.number(),
  provider: z.string(),
  providerName: z.string(),
  label: z.string(),
  /** The host it would connect to, when its settings say. */
  host: z.nullable(z.string()),
  origins: z.array(z.string()),
  /** ready: saved as is; needs-secret: completed in the form; skipped: see reason. */
  status: z.enum(['ready', 'needs-secret', 'skipped']),
  reason: z.nullable(z.string()),
  /** The file's settings without any secret field. */
  settings: z.optional(z.record(z.string(), z.string())),
});
export type ImportPreviewItem = z.infer<typeof importPreviewItemSchema>;

export const pendingImportSchema = z.object({ provider: z.string(), label: z.string(), settings: z.record(z.string(), z.string()) });
export type PendingImport = z.infer<typeof pendingImportSchema>;
