import { describeError, type ErrorContext } from '../../lib/views/error-text';
import type { ErrorInfo } from '../../lib/shared/errors';

/** An error in one line, as the options page shows it under a form. */
export function ErrorLine({ error, context, prefix = '' }: { error: ErrorInfo; context: ErrorContext; prefix?: string }) {
  const text = describeError(error, context);
  return (
    <span className="field-error">
      <strong>
        {prefix}
        {text.title}
      </strong>
      {text.detail && ` — ${text.detail}`}
    </span>
  );
}
