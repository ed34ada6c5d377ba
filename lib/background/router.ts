import type { Browser } from 'wxt/browser';
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

type Sender = Pick<Browser.runtime.MessageSender, 'id' | 'url' | 'origin'>;

/** Only this extension's own pages may talk to the background: never a web page or content script. */
export function isOwnPage(sender: Sender, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  const url = sender.url ?? '';
  return url.startsWith(extensionOrigin) && (sender.origin === undefined || `${sender.origin}/` === extensionOrigin);
}

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

/** Whether a runtime message is a request for the background (as opposed to a view event). */
export function isRequest(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { whoami?: unknown }).whoami === 'request';
}
