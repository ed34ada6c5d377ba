import { z } from './zod';

// The shape of an error as it crosses the message boundary (and sits in a stored profile entry).
// The list of kinds lives here, with the schemas, not in errors.ts: no view needs it before these
// have loaded, and the popup's first frame does without it.

/**
 * Every way a provider call can fail, as the rest of the extension sees it. The words shown to
 * the user for each kind live in `error-text.ts`, nowhere else.
 */
export const errorKinds = [
  'unauthorized',
  /** The token says it has expired (a JWT's exp): it is not sent, and the user replaces it. */
  'token-expired',
  'signed-out',
  'forbidden',
  'not-found',
  'rate-limited',
  'server',
  'network',
  'timeout',
  'invalid-response',
  'validation',
  /** What was being saved changed elsewhere (another tab) since it was read. */
  'conflict',
  'permission-missing',
  /** The account lacks settings its provider's definition now asks for: the user completes them in Options. */
  'settings-incomplete',
  /** An account that came through sync from another device: its key was never on this one. */
  'key-needed',
  /** The browser's storage for Whoami is full: what was fetched is shown but not kept. */
  'storage-full',
  'unsupported',
  /** The passphrase lock is closed: nothing that needs a secret runs until it is unlocked. */
  'locked',
  'internal',
] as const;

export type ErrorKind = (typeof errorKinds)[number];
const errorKindSchema = z.enum(errorKinds);

export const errorInfoSchema = z.object({
  kind: errorKindSchema,
  /** HTTP status when the provider answered. */
  status: z.nullable(z.number()),
  /** The provider's own words ("Invalid API key"), kept so the user sees what it said. */
  providerMessage: z.nullable(z.string()),
  /** Extra facts for the message: the failing JSON path, "response over 1 MB"… */
  detail: z.nullable(z.string()),
  retryAfterSec: z.nullable(z.number()),
  /** Field errors of a rejected edit, keyed by Profile field name ("firstName"). */
  fieldErrors: z.record(z.string(), z.array(z.string())),
});
export type ErrorInfo = z.infer<typeof errorInfoSchema>;
