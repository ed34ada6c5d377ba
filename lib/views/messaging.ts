import { browser } from './browser';
import { WhoamiError } from '../shared/errors';
import { t } from '../shared/i18n';
import { CREDENTIAL_PORT, CREDENTIAL_REQUESTS } from '../shared/messaging/channels';
import type { RequestOutput, ViewEvent } from '../shared/messaging/replies';
import type { RequestInput, RequestType } from '../shared/messaging/requests';

// Every answer is checked against the protocol's schemas — which, with zod, load on first use
// in parallel with the first request rather than before the page can paint.
let checker: Promise<typeof import('./protocol-check')> | undefined;
export const protocolCheck = () => (checker ??= import('./protocol-check'));

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
  const message = { whoami: 'request', type, input };
  const check = protocolCheck();
  let reply: unknown;
  try {
    reply = await (CREDENTIAL_REQUESTS.has(type) ? sendOverPort(message) : browser.runtime.sendMessage(message));
  } catch (error) {
    // The worker was stopped, or restarted, before it could answer.
    throw new WhoamiError('internal', {
      detail: t('errors.backgroundStopped', { reason: error instanceof Error ? error.message : String(error) }),
    });
  }
  return (await check).checkedReply(type, reply);
}

/** Listens for the background's change events, in the order they came. Never answers: requests are the background's. */
export function onViewEvent(listener: (event: ViewEvent) => void): () => void {
  let queue = Promise.resolve();
  let listening = true;
  const handle = (message: unknown) => {
    queue = queue
      .then(protocolCheck)
      .then(({ checkedEvent }) => {
        const event = checkedEvent(message);
        if (event && listening) listener(event);
      })
      .catch(() => undefined);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handle);
  return () => {
    listening = false;
    browser.runtime.onMessage.removeListener(handle);
  };
}
