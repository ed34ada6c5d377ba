import { describeError, type ErrorAction, type ErrorContext } from '../../lib/views/error-text';
import type { ErrorInfo } from '../../lib/shared/errors';
import { t } from '../../lib/shared/i18n';
import { StatusIcon } from './StatusIcon';

/**
 * What went wrong and the one thing to do about it; what the provider said and the HTTP status
 * wait behind Technical details.
 */
export function ErrorBanner({
  error,
  context,
  onAction,
  busy = false,
}: {
  error: ErrorInfo;
  context: ErrorContext;
  onAction: (action: ErrorAction) => void;
  busy?: boolean;
}) {
  const text = describeError(error, context);
  const waiting = error.kind === 'rate-limited';
  return (
    <div className={`banner banner-${waiting ? 'info' : 'error'}`} role="alert">
      {!waiting && <StatusIcon level="error" />}
      <div className="banner-text">
        <strong className="banner-title">{text.title}</strong>
        {text.advice && <span className="banner-detail">{text.advice}</span>}
        {text.action && (
          <button type="button" className="banner-action" onClick={() => onAction(text.action!)} disabled={busy}>
            {text.action.label}
          </button>
        )}
        {text.technical && (
          <details className="technical">
            <summary>{t('errors.technicalDetails')}</summary>
            <span className="banner-detail">{text.technical}</span>
          </details>
        )}
      </div>
    </div>
  );
}
