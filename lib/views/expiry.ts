import type { AccountSummary } from '../shared/model';
import { t, uiLocale } from '../shared/i18n';

export interface ExpiryText {
  text: string;
  /** Expired, or inside the warning days the user set. */
  warn: boolean;
}

/** "Token expires in 2 days" / "Token expired 3 hours ago", from the token's own claims. */
export function expiryText(expiry: AccountSummary['tokenExpiry'], now: number): ExpiryText | null {
  if (!expiry) return null;
  const when = relativeTime(expiry.expiresAt, now);
  return expiry.expiresAt <= now
    ? { text: t('expiry.expired', { when }), warn: true }
    : { text: t('expiry.expiresIn', { when }), warn: now >= expiry.warnFrom };
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
