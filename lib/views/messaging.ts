import { browser } from 'wxt/browser';
import { WhoamiError } from '../shared/errors';
import { firstIssue } from '../shared/zod-issues';
import { eventSchema, replySchemas, type RequestOutput, responseEnvelopeSchema, type ViewEvent } from '../shared/messaging/replies';
import { CREDENTIAL_PORT, CREDENTIAL_REQUESTS } from '../shared/messaging/channels';
import type { RequestInput, RequestType } from '../shared/messaging/requests';

/** One request over a port of its own: only the background listens for ports, no other page. */
function sendOverPort(message: unknown): Promise<unknown> {
  const port = browser.runtime.connect({ name: CREDENTIAL_PORT });
  return new Promise((resolve, reject) => {
    port.onMessage.addListener((reply: unknown) => {
      resolve(reply);
      port.disconnect();
    });
    port.onDisconnect.addListener(() => reject(new Error(browser.runtime.lastError?.message ?? 'the connection closed')));
    port.postMessage(message);
  });
}

/** Sends one request to the background and checks its answer against the protocol. */
export async function request<T extends RequestType>(type: T, input: RequestInput<T>): Promise<RequestOutput<T>> {
  let reply: unknown;
  const message = { whoami: 'request', type, input };
  try {
    reply = await (CREDENTIAL_REQUESTS.has(type) ? sendOverPort(message) : browser.runtime.sendMessage(message));
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
