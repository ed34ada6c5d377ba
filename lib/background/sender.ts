import type { Browser } from 'wxt/browser';

// Who may talk to the background, and what a request looks like: small enough for the part of
// the worker that answers before the rest of it has loaded (wake.ts).

export type Sender = Pick<Browser.runtime.MessageSender, 'id' | 'url' | 'origin'>;

/** Only this extension's own pages may talk to the background: never a web page or content script. */
export function isOwnPage(sender: Sender, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  const url = sender.url ?? '';
  return url.startsWith(extensionOrigin) && (sender.origin === undefined || `${sender.origin}/` === extensionOrigin);
}

/** Whether a runtime message is a request for the background (as opposed to a view event). */
export function isRequest(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { whoami?: unknown }).whoami === 'request';
}
