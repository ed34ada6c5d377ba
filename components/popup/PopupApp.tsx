import { useEffect, useState } from 'react';
import { toErrorInfo } from '../../lib/shared/errors';
import { useDrafts } from '../hooks/useDrafts';
import { AccountView } from './AccountView';
import { LazyErrorBanner as ErrorBanner } from './LazyErrorBanner';
import { FirstRun } from './FirstRun';
import { useAccounts, useRefresh } from '../hooks/queries';
import { PopupHeader } from './PopupHeader';
import { ProfileSkeleton } from './ProfileSkeleton';
import { useViewActions } from '../ViewActions';
import { t } from '../../lib/shared/i18n';
import type { TabAccount } from '../../lib/views/tab-account';

/** `tab`: the account of the page the popup was opened on, shown first and said so. */
export function PopupApp({ initialAccountId, tab = null }: { initialAccountId: string | null; tab?: TabAccount | null }) {
  const drafts = useDrafts();
  const actions = useViewActions();
  const accountsQuery = useAccounts();
  const [selectedId, setSelectedId] = useState(initialAccountId);
  const accounts = accountsQuery.data?.accounts;
  const account = accounts?.find((a) => a.id === selectedId) ?? accounts?.[0] ?? null;
  const refresh = useRefresh(account?.id ?? null);
  // Remember the account shown, so the next popup can ask for its profile before anything else.
  const shownId = account?.id ?? null;
  useEffect(() => {
    if (shownId && shownId !== initialAccountId) actions.saveSelectedAccount(shownId);
  }, [shownId, initialAccountId, actions]);

  const select = (accountId: string) => {
    refresh.reset();
    setSelectedId(accountId);
  };

  let body;
  if (!accounts) {
    body = accountsQuery.error ? (
      <ErrorBanner
        error={toErrorInfo(accountsQuery.error)}
        context={{ providerName: t('extName'), host: t('popup.theBackground') }}
        onAction={() => void accountsQuery.refetch()}
      />
    ) : (
      <ProfileSkeleton />
    );
  } else if (!account) {
    body = <FirstRun providers={accountsQuery.data?.providers ?? []} />;
  } else {
    body = (
      <>
        {tab?.accountId === account.id && (
          <p className="notice tab-notice" role="status">
            {t('popup.tabAccount', { site: tab.site })}
          </p>
        )}
        <AccountView
          key={account.id}
          account={account}
          refresh={refresh}
          initialDraft={drafts === null ? undefined : (drafts[account.id] ?? null)}
        />
      </>
    );
  }

  return (
    <div className="popup">
      <PopupHeader
        accounts={accounts ?? []}
        account={account}
        onSelect={select}
        onRefresh={account ? () => refresh.mutate() : null}
        refreshing={refresh.isPending}
      />
      <main>{body}</main>
    </div>
  );
}
