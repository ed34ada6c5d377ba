import { z } from './zod';
import { errorKinds } from './errors';

// The shape of an error as it crosses the message boundary (and sits in a stored profile entry).
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
