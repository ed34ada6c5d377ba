import type { AccountSummary } from '../../lib/shared/model';
import { expiryText } from '../../lib/views/expiry';

/** "Token expires in 2 days": loaded only for accounts whose token says when it expires. */
export function ExpiryLine({ expiry, now }: { expiry: AccountSummary['tokenExpiry']; now: number }) {
  const text = expiryText(expiry, now);
  return text && <p className={`expiry${text.warn ? ' expiry-warn' : ''}`}>{text.text}</p>;
}
