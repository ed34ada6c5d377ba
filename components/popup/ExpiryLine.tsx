import type { AccountSummary } from '../../lib/shared/model';
import { expiryText } from '../../lib/views/expiry';
import { t } from '../../lib/shared/i18n';
import { StatusIcon } from './StatusIcon';

/**
 * "Token expires in 2 days, on 8 Dec": loaded only for accounts whose token says when it
 * expires. Inside the warning days it is a warning, with the way to a new token.
 */
export function ExpiryLine({
  expiry,
  now,
  onReplace,
}: {
  expiry: AccountSummary['tokenExpiry'];
  now: number;
  /** Opens the account's edit form; null where a new token is not the fix (a browser session). */
  onReplace: (() => void) | null;
}) {
  const text = expiryText(expiry, now);
  if (!text) return null;
  if (!text.warn) return <p className="expiry">{text.dated}</p>;
  const level = text.expired ? 'error' : 'warning';
  return (
    <div className={`banner banner-${level} expiry-warn`} role="status">
      <StatusIcon level={level} />
      <strong className="banner-text">{text.dated}</strong>
      {onReplace && (
        <button type="button" className="banner-action" onClick={onReplace}>
          {t('errors.replaceToken')}
        </button>
      )}
    </div>
  );
}
