import { describeError, type ErrorAction, type ErrorContext } from '../../lib/views/error-text';
import type { ErrorInfo } from '../../lib/shared/errors';

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
  return (
    <div className={`banner banner-${error.kind === 'rate-limited' ? 'info' : 'error'}`} role="alert">
      <div className="banner-text">
        <strong className="banner-title">{text.title}</strong>
        {text.detail && <span className="banner-detail">{text.detail}</span>}
      </div>
      {text.action && (
        <button type="button" className="banner-action" onClick={() => onAction(text.action!)} disabled={busy}>
          {text.action.label}
        </button>
      )}
    </div>
  );
}
