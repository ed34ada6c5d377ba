import type { ErrorInfo } from '../../lib/shared/errors';
import type { AccountSummary } from '../../lib/shared/model';
import type { ErrorAction } from '../../lib/views/error-text';
import type { useRefresh } from '../hooks/queries';
import { useViewActions } from '../ViewActions';
import { ErrorBanner } from './ErrorBanner';

/** An account's error with the one thing to do about it: loaded with the error's words, when there is one. */
export default function AccountErrorBanner({
  account,
  error,
  nextAttemptAt,
  now,
  refresh,
}: {
  account: AccountSummary;
  error: ErrorInfo;
  nextAttemptAt: number | null;
  now: number;
  refresh: ReturnType<typeof useRefresh>;
}) {
  const actions = useViewActions();
  const onAction = (action: ErrorAction) => {
    if (action.kind === 'open-options') actions.openOptions();
    else if (action.kind === 'edit-account') actions.openOptions({ editAccount: account.id });
    else if (action.kind === 'sign-in') actions.openTab(action.url);
    else if (action.kind === 'retry') refresh.mutate();
    else {
      // Straight from the click: the permission prompt needs the user's gesture.
      void actions.ensureOrigins(account.origins).then((granted) => granted && refresh.mutate());
    }
  };
  return (
    <ErrorBanner
      error={error}
      busy={refresh.isPending}
      onAction={onAction}
      context={{
        providerName: account.providerName,
        host: account.host,
        signInUrl: account.signInUrl,
        tokenExpiresAt: account.tokenExpiry?.source === 'token' ? account.tokenExpiry.expiresAt : null,
        nextAttemptAt,
        now,
      }}
    />
  );
}
