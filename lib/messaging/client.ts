import { browser } from 'wxt/browser';
import { WhoamiError } from '../errors';
import { firstIssue } from '../zod-issues';
import { eventSchema, replySchemas, type RequestOutput, responseEnvelopeSchema, type ViewEvent } from './replies';
import type { RequestInput, RequestType } from './requests';

/** Sends one request to the background and checks its answer against the protocol. */
export async function request<T extends RequestType>(type: T, input: RequestInput<T>): Promise<RequestOutput<T>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage({ whoami: 'request', type, input });
  } catch (error) {
    // The worker was stopped, or restarted, before it could answer.
    throw new WhoamiError('internal', {
      detail: `Whoami's background stopped before answering (${error instanceof Error ? error.message : String(error)})`,
    });
  }
  const envelope = responseEnvelopeSchema.safeParse(reply);
  if (!envelope.success) throw new WhoamiError('internal', { detail: 'the background sent no valid answer' });
  if (!envelope.data.ok) throw new WhoamiError(envelope.data.error.kind, envelope.data.error);
  const output = replySchemas[type].safeParse(envelope.data.data);
  if (!output.success) throw new WhoamiError('internal', { detail: `unexpected answer: ${firstIssue(output.error)}` });
  return output.data as RequestOutput<T>;
}

/** Listens for the background's change events. Never answers: requests are the background's. */
export function onViewEvent(listener: (event: ViewEvent) => void): () => void {
  const handle = (message: unknown) => {
    const event = eventSchema.safeParse(message);
    if (event.success) listener(event.data);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}
