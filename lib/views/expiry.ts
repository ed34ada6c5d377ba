import type { AccountSummary } from '../shared/model';
import { t, uiLocale } from '../shared/i18n';

export interface ExpiryText {
  text: string;
  /** Expired, or inside the warning days the user set. */
  warn: boolean;
}

/**
 * "Token expires in 2 days" / "Token expired 3 hours ago", from the token's own claims; "Session
 * expires in 5 days" when it is the provider's word about the session.
 */
export function expiryText(expiry: AccountSummary['tokenExpiry'], now: number): ExpiryText | null {
  if (!expiry) return null;
  const when = relativeTime(expiry.expiresAt, now);
  const session = expiry.source === 'session';
  if (expiry.expiresAt <= now) {
    return { text: session ? t('expiry.sessionExpired', { when }) : t('expiry.expired', { when }), warn: true };
  }
  return { text: session ? t('expiry.sessionExpiresIn', { when }) : t('expiry.expiresIn', { when }), warn: now >= expiry.warnFrom };
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
