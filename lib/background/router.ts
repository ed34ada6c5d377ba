import type { Sender } from './sender';
import { toErrorInfo, WhoamiError } from '../shared/errors';
import { boundErrorInfo } from './error-bounds';
import type { RequestOutput, ResponseEnvelope } from '../shared/messaging/replies';
import { isRequestType, requestEnvelopeSchema, requestSchemas, type RequestType } from '../shared/messaging/requests';
import type { z } from '../shared/zod';
import { nestsWithin } from '../shared/json-limits';
import { firstIssue } from '../shared/zod-issues';
import { t } from '../shared/i18n';

const MAX_INPUT_DEPTH = 48;

export type Handlers = {
  [T in RequestType]: (input: z.output<(typeof requestSchemas)[T]>) => Promise<RequestOutput<T>>;
};

/**
 * The background's single message router. Answers only request envelopes (events are for the
 * views), checks the sender and the input schema, and turns every failure into an ErrorInfo.
 */
export function createRouter(
  handlers: Handlers,
  trust: (sender: Sender) => boolean,
  redact: (reply: ResponseEnvelope) => Promise<ResponseEnvelope> = async (reply) => reply,
) {
  return async function handleMessage(message: unknown, sender: Sender): Promise<ResponseEnvelope> {
    return redact(await route(message, sender));
  };

  async function route(message: unknown, sender: Sender): Promise<ResponseEnvelope> {
    try {
      if (!trust(sender)) throw new WhoamiError('forbidden', { detail: t('background.onlyFromWhoami') });
      const envelope = requestEnvelopeSchema.safeParse(message);
      if (!envelope.success || !isRequestType(envelope.data.type)) {
        throw new WhoamiError('invalid-response', { detail: t('background.notARequest') });
      }
      const type = envelope.data.type;
      // Nesting first: the schemas are recursive, and would overflow the stack on deep input.
      if (!nestsWithin(envelope.data.input, MAX_INPUT_DEPTH)) {
        throw new WhoamiError('validation', { detail: t('background.nestedDeeper', { type, depth: MAX_INPUT_DEPTH }) });
      }
      const input = requestSchemas[type].safeParse(envelope.data.input);
      if (!input.success) throw new WhoamiError('validation', { detail: `${type}: ${firstIssue(input.error)}` });
      const handler = handlers[type] as (input: unknown) => Promise<unknown>;
      return { ok: true, data: await handler(input.data) };
    } catch (error) {
      return { ok: false, error: boundErrorInfo(toErrorInfo(error)) };
    }
  }
}
