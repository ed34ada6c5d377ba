import type { ErrorInfo } from '../shared/errors';
import { formatDay, relativeTime } from './expiry';
import { t } from '../shared/i18n';
import { formatTime } from './time';

/** What the user can do about an error, as a button next to its message. */
export type ErrorAction =
  | { kind: 'open-options'; label: string }
  /** The options page, opened on this account's edit form (a key or token to replace). */
  | { kind: 'edit-account'; label: string }
  | { kind: 'sign-in'; label: string; url: string }
  | { kind: 'grant'; label: string }
  | { kind: 'retry'; label: string };

export interface ErrorText {
  title: string;
  /** Everything below the title in one line: the advice, then the technical part. */
  detail: string | null;
  /** What to do, for people ("Check your connection."). */
  advice: string | null;
  /** What the provider said, and the technical reason (HTTP status, header), when known. */
  technical: string | null;
  action: ErrorAction | null;
}

type Described = { title: string; detail: string | null; action: ErrorAction | null; advice?: string | null };

export interface ErrorContext {
  providerName: string;
  host: string;
  /** Where a browser-session provider signs in again (Wacht). */
  signInUrl?: string | null;
  /** On the options page the user is already where settings are fixed. */
  inOptions?: boolean;
  /** When the account's token expired (its own exp claim), for "Token expired 3 hours ago". */
  tokenExpiresAt?: number | null;
  /** When the next automatic attempt is due, for "retrying in 30 s". */
  nextAttemptAt?: number | null;
  now?: number;
}

function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

function detailOf(info: ErrorInfo, providerName: string): string | null {
  const parts: string[] = [];
  if (info.providerMessage) parts.push(t('errors.providerSaid', { provider: providerName, message: info.providerMessage }));
  if (info.detail) parts.push(sentence(info.detail));
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The one place that turns an error into words for the user, with what to do next. */
export function describeError(info: ErrorInfo, context: ErrorContext): ErrorText {
  const { title, action, advice = null, detail: technical } = describe(info, context, detailOf(info, context.providerName));
  return { title, action, advice, technical, detail: [advice, technical].filter(Boolean).join(' ') || null };
}

function describe(info: ErrorInfo, context: ErrorContext, detail: string | null): Described {
  const { providerName, host } = context;
  const provider = providerName;
  const RETRY: ErrorAction = { kind: 'retry', label: t('errors.tryAgain') };
  const OPTIONS: ErrorAction | null = context.inOptions ? null : { kind: 'open-options', label: t('errors.openOptions') };
  const editAccount = (label: string): ErrorAction | null => (context.inOptions ? null : { kind: 'edit-account', label });
  const status = info.status ? t('errors.httpStatus', { status: info.status }) : '';
  switch (info.kind) {
    case 'unauthorized':
      return {
        title: context.inOptions ? t('errors.keyRejected') : t('errors.refusedToken', { provider }),
        detail,
        action: editAccount(t('errors.updateToken')),
      };
    case 'token-expired': {
      const at = context.tokenExpiresAt;
      const expired = at
        ? t('expiry.expiredOn', { when: relativeTime(at, context.now ?? Date.now()), date: formatDay(at) })
        : t('expiry.expiredNoDate');
      return {
        title: context.inOptions ? t('errors.tokenExpiredHere', { expired }) : expired,
        detail,
        action: editAccount(t('errors.replaceToken')),
      };
    }
    case 'signed-out':
      if (context.signInUrl) {
        return {
          title: t('errors.signedOutSignIn', { provider, host }),
          detail,
          action: { kind: 'sign-in', label: t('errors.signInAt', { host }), url: context.signInUrl },
        };
      }
      return { title: t('errors.signInPage', { provider }), detail, action: OPTIONS };
    case 'forbidden':
      return { title: t('errors.forbidden', { provider }), detail, action: OPTIONS };
    case 'not-found':
      return { title: context.inOptions ? t('errors.notFoundHere') : t('errors.notFound'), detail, action: OPTIONS };
    case 'rate-limited': {
      const now = context.now ?? Date.now();
      const next = context.nextAttemptAt ?? (info.retryAfterSec !== null ? now + info.retryAfterSec * 1000 : null);
      return {
        title: next !== null && next > now ? t('errors.rateLimitedIn', { when: relativeTime(next, now) }) : t('errors.rateLimited'),
        detail,
        action: null,
      };
    }
    case 'server': {
      // The provider said when to come back (a 503 in maintenance): that is when Whoami tries again.
      const next = info.retryAfterSec !== null ? (context.nextAttemptAt ?? null) : null;
      if (next !== null && next > (context.now ?? Date.now())) {
        return { title: t('errors.serverUntil', { provider, status, time: formatTime(next) }), detail, action: RETRY };
      }
      return { title: t('errors.server', { provider, status }), detail, action: RETRY };
    }
    case 'network':
      return { title: t('errors.network', { host }), advice: t('errors.checkConnection'), detail, action: RETRY };
    case 'timeout':
      return { title: t('errors.timeout', { host }), detail, action: RETRY };
    case 'invalid-response':
      return { title: t('errors.invalidResponse', { provider }), detail, action: RETRY };
    case 'validation':
      return { title: t('errors.validation', { provider, status }), detail, action: null };
    case 'conflict':
      return { title: t('errors.conflict'), detail, action: null };
    case 'permission-missing':
      return {
        title: t('errors.permissionMissing', { host }),
        advice: t('errors.permissionMissingDetail'),
        detail: null,
        action: { kind: 'grant', label: t('errors.grantAccess') },
      };
    case 'settings-incomplete':
      return {
        title: context.inOptions ? t('errors.settingsIncompleteHere', { provider }) : t('errors.settingsIncomplete', { provider }),
        detail,
        action: editAccount(t('errors.completeSettings')),
      };
    case 'key-needed':
      return {
        title: context.inOptions ? t('errors.keyNeededHere') : t('errors.keyNeeded', { provider }),
        detail: null,
        action: editAccount(t('errors.addKey')),
      };
    case 'storage-full':
      return {
        title: t('errors.storageFull'),
        advice: t('errors.storageFullDetail'),
        detail,
        action: OPTIONS,
      };
    case 'unsupported':
      return { title: t('errors.unsupported', { provider, status }), detail, action: null };
    case 'locked':
      return { title: t('errors.locked'), detail: null, action: null };
    case 'internal':
      return { title: t('errors.internal'), detail, action: RETRY };
  }
}
