import type { AccountSummary } from '../shared/model';
import { t } from '../shared/i18n';
import { relativeTime } from './time';

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
