import { WhoamiError } from '../shared/errors';
import { eventSchema, replySchemas, type RequestOutput, responseEnvelopeSchema, type ViewEvent } from '../shared/messaging/replies';
import type { RequestType } from '../shared/messaging/requests';
import { profileEntrySchema } from '../shared/model';
import { firstIssue } from '../shared/zod-issues';

// The views' half of the protocol check, with the schemas and zod. Loaded on first use, beside
// the first request, never before a page's first paint: see lib/views/messaging.ts.

/** The answer to a request, checked against the protocol, or the error it carries. */
export function checkedReply<T extends RequestType>(type: T, reply: unknown): RequestOutput<T> {
  const envelope = responseEnvelopeSchema.safeParse(reply);
  if (!envelope.success) throw new WhoamiError('internal', { detail: 'the background sent no valid answer' });
  if (!envelope.data.ok) throw new WhoamiError(envelope.data.error.kind, envelope.data.error);
  const output = replySchemas[type].safeParse(envelope.data.data);
  if (!output.success) throw new WhoamiError('internal', { detail: `unexpected answer: ${firstIssue(output.error)}` });
  return output.data as RequestOutput<T>;
}

/** A background event, or null for anything else on the runtime channel. */
export function checkedEvent(message: unknown): ViewEvent | null {
  const event = eventSchema.safeParse(message);
  return event.success ? event.data : null;
}

/** Whether a value restored from the popup's cache still has the shape of what was stored. */
export function restoredIsValid(kind: string, data: unknown): boolean {
  if (kind === 'accounts') return replySchemas.listAccounts.safeParse(data).success;
  if (kind === 'profile') return profileEntrySchema.safeParse(data).success;
  return false;
}
