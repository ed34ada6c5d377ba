import type { ErrorInfo } from '../shared/errors';
import { secondsUntil } from './time';

/** What the user can do about an error, as a button next to its message. */
export type ErrorAction =
  | { kind: 'open-options'; label: string }
  | { kind: 'sign-in'; label: string; url: string }
  | { kind: 'grant'; label: string }
  | { kind: 'retry'; label: string };

export interface ErrorText {
  title: string;
  /** What the provider said, and the technical reason, when known. */
  detail: string | null;
  action: ErrorAction | null;
}

export interface ErrorContext {
  providerName: string;
  host: string;
  /** Where a browser-session provider signs in again (Wacht). */
  signInUrl?: string | null;
  /** On the options page the user is already where settings are fixed. */
  inOptions?: boolean;
  /** When the next automatic attempt is due, for "retrying in 30 s". */
  nextAttemptAt?: number | null;
  now?: number;
}

const RETRY: ErrorAction = { kind: 'retry', label: 'Try again' };

function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

function detailOf(info: ErrorInfo, providerName: string): string | null {
  const parts: string[] = [];
  if (info.providerMessage) parts.push(`${providerName} said: “${info.providerMessage}”`);
  if (info.detail) parts.push(sentence(info.detail));
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The one place that turns an error into words for the user, with what to do next. */
export function describeError(info: ErrorInfo, context: ErrorContext): ErrorText {
  const { providerName, host } = context;
  const detail = detailOf(info, providerName);
  const OPTIONS: ErrorAction | null = context.inOptions ? null : { kind: 'open-options', label: 'Open Options' };
  const fixIt = context.inOptions ? '' : ' — update it in Options';
  const checkIt = context.inOptions ? 'check the settings below' : 'check the account settings in Options';
  const status = info.status ? ` (HTTP ${info.status})` : '';
  switch (info.kind) {
    case 'unauthorized':
      return { title: `Key rejected${fixIt}`, detail, action: OPTIONS };
    case 'signed-out':
      if (context.signInUrl) {
        return {
          title: `Signed out of ${providerName} — sign in at ${host}`,
          detail,
          action: { kind: 'sign-in', label: `Sign in at ${host}`, url: context.signInUrl },
        };
      }
      return { title: `${providerName} sent a sign-in page instead of your profile — check the settings`, detail, action: OPTIONS };
    case 'forbidden':
      return { title: `Access denied — these credentials can't read your ${providerName} profile`, detail, action: OPTIONS };
    case 'not-found':
      return { title: `Not found — ${checkIt}`, detail, action: OPTIONS };
    case 'rate-limited': {
      const wait = context.nextAttemptAt ? secondsUntil(context.nextAttemptAt, context.now ?? Date.now()) : (info.retryAfterSec ?? null);
      return {
        title: wait !== null && wait > 0 ? `Rate limited, retrying in ${wait} s` : 'Rate limited, retrying shortly',
        detail,
        action: null,
      };
    }
    case 'server':
      return { title: `${providerName} is having trouble${status}`, detail, action: RETRY };
    case 'network':
      return { title: `Can't reach ${host}`, detail: detail ?? 'Check your connection.', action: RETRY };
    case 'timeout':
      return { title: `${host} didn't answer in time`, detail, action: RETRY };
    case 'invalid-response':
      return { title: `${providerName} sent an answer Whoami can't read`, detail, action: RETRY };
    case 'validation':
      return { title: `${providerName} refused the request${status}`, detail, action: null };
    case 'conflict':
      return { title: 'Changed in another window — reopen it to see the latest, then edit again', detail, action: null };
    case 'permission-missing':
      return {
        title: `Whoami needs permission to reach ${host}`,
        detail: 'Grant access to let Whoami read your profile there.',
        action: { kind: 'grant', label: 'Grant access' },
      };
    case 'storage-full':
      return {
        title: "Whoami's storage is full — this profile is shown but couldn't be kept",
        detail: detail ?? 'Remove accounts you no longer need in Options.',
        action: OPTIONS,
      };
    case 'unsupported':
      return { title: `${providerName} doesn't support this${status}`, detail, action: null };
    case 'internal':
      return { title: 'Something went wrong in Whoami', detail, action: RETRY };
  }
}
