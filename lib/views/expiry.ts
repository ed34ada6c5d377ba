import type { AccountSummary } from '../shared/model';
import { t, uiLocale } from '../shared/i18n';

export interface ExpiryText {
  /** "Token expires in 2 days" — what a list shows. */
  text: string;
  /** The same with its day: "Token expires in 2 days, on 8 Dec". */
  dated: string;
  /** Expired, or inside the warning days the user set. */
  warn: boolean;
  expired: boolean;
}

/**
 * "Token expires in 2 days" / "Token expired 3 hours ago", from the token's own claims; "Session
 * expires in 5 days" when it is the provider's word about the session.
 */
export function expiryText(expiry: AccountSummary['tokenExpiry'], now: number): ExpiryText | null {
  if (!expiry) return null;
  const when = relativeTime(expiry.expiresAt, now);
  const date = formatDay(expiry.expiresAt);
  const session = expiry.source === 'session';
  if (expiry.expiresAt <= now) {
    return session
      ? { text: t('expiry.sessionExpired', { when }), dated: t('expiry.sessionExpiredOn', { when, date }), warn: true, expired: true }
      : { text: t('expiry.expired', { when }), dated: t('expiry.expiredOn', { when, date }), warn: true, expired: true };
  }
  const warn = now >= expiry.warnFrom;
  return session
    ? { text: t('expiry.sessionExpiresIn', { when }), dated: t('expiry.sessionExpiresOn', { when, date }), warn, expired: false }
    : { text: t('expiry.expiresIn', { when }), dated: t('expiry.expiresOn', { when, date }), warn, expired: false };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
let relative: Intl.RelativeTimeFormat | undefined;

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
];

/** "in 2 days", "3 hours ago": a moment before or after now, in its largest whole-ish unit. */
export function relativeTime(moment: number, now: number): string {
  const format = (relative ??= new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'auto' }));
  const distance = moment - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(distance) >= size) return format.format(Math.round(distance / size), unit);
  }
  return format.format(Math.round(distance / 1000), 'second');
}

let dayOfYear: Intl.DateTimeFormat | undefined;

/** A day for people: "8 Dec" (or "Dec 8"), in the language of the messages. */
export function formatDay(moment: number): string {
  return (dayOfYear ??= new Intl.DateTimeFormat(uiLocale(), { day: 'numeric', month: 'short' })).format(new Date(moment));
}
