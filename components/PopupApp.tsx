import { useState } from 'react';
import type { ErrorAction } from '../lib/error-text';
import { toErrorInfo } from '../lib/errors';
import type { AccountSummary } from '../lib/model';
import { AccountSwitcher } from './AccountSwitcher';
import { ErrorBanner } from './ErrorBanner';
import { FirstRun } from './FirstRun';
import { useAccounts, useLiveUpdates, useProfileEntry, useRefresh } from './hooks/queries';
import { useNow } from './hooks/useNow';
import { ProfileCard } from './ProfileCard';
import { ProfileSkeleton } from './ProfileSkeleton';
import { useViewActions } from './ViewActions';

function Header({
  accounts,
  account,
  onSelect,
  onRefresh,
  refreshing,
}: {
  accounts: AccountSummary[];
  account: AccountSummary | null;
  onSelect: (accountId: string) => void;
  onRefresh: (() => void) | null;
  refreshing: boolean;
}) {
  const { openOptions } = useViewActions();
  return (
    <header className="bar">
      <span className="brand" aria-hidden={accounts.length > 1}>
        Whoami
      </span>
      {account && <AccountSwitcher accounts={accounts} selectedId={account.id} onSelect={onSelect} />}
      <span className="bar-actions">
        {onRefresh && (
          <button
            type="button"
            className="icon-button"
            onClick={onRefresh}
            disabled={refreshing}
            aria-busy={refreshing}
            aria-label="Refresh profile"
            title="Refresh profile"
          >
            <span aria-hidden="true" className={refreshing ? 'spin' : undefined}>
              ⟳
            </span>
          </button>
        )}
        <button type="button" className="icon-button" onClick={openOptions} aria-label="Options" title="Options">
          <span aria-hidden="true">⚙</span>
        </button>
      </span>
    </header>
  );
}

function AccountView({ account, refresh }: { account: AccountSummary; refresh: ReturnType<typeof useRefresh> }) {
  const actions = useViewActions();
  const now = useNow(1000);
  const entryQuery = useProfileEntry(account.id);
  const entry = entryQuery.data;
  // A failure to reach the background at all is shown like any other error.
  const transportError = refresh.error ?? entryQuery.error;
  const error = transportError ? toErrorInfo(transportError) : (entry?.error ?? null);

  const onAction = (action: ErrorAction) => {
    if (action.kind === 'open-options') actions.openOptions();
    else if (action.kind === 'sign-in') actions.openTab(action.url);
    else if (action.kind === 'retry') refresh.mutate();
    else {
      // Straight from the click: the permission prompt needs the user's gesture.
      void actions.ensureOrigins(account.origins).then((granted) => granted && refresh.mutate());
    }
  };

  return (
    <>
      {error && (
        <ErrorBanner
          error={error}
          busy={refresh.isPending}
          onAction={onAction}
          context={{
            providerName: account.providerName,
            host: account.host,
            signInUrl: account.signInUrl,
            nextAttemptAt: entry?.nextAttemptAt ?? null,
            now,
          }}
        />
      )}
      {entry?.profile ? (
        <ProfileCard
          account={account}
          entry={entry}
          profile={entry.profile}
          now={now}
          refreshing={refresh.isPending || entryQuery.isFetching}
        />
      ) : error ? (
        <p className="empty">
          No profile loaded yet for {account.providerName} · {account.label}.
        </p>
      ) : (
        <ProfileSkeleton />
      )}
    </>
  );
}

export function PopupApp({ initialAccountId }: { initialAccountId: string | null }) {
  useLiveUpdates();
  const actions = useViewActions();
  const accountsQuery = useAccounts();
  const [selectedId, setSelectedId] = useState(initialAccountId);
  const accounts = accountsQuery.data?.accounts;
  const account = accounts?.find((a) => a.id === selectedId) ?? accounts?.[0] ?? null;
  const refresh = useRefresh(account?.id ?? null);

  const select = (accountId: string) => {
    refresh.reset();
    setSelectedId(accountId);
    actions.saveSelectedAccount(accountId);
  };

  let body;
  if (!accounts) {
    body = accountsQuery.error ? (
      <ErrorBanner
        error={toErrorInfo(accountsQuery.error)}
        context={{ providerName: 'Whoami', host: 'the background' }}
        onAction={() => void accountsQuery.refetch()}
      />
    ) : (
      <ProfileSkeleton />
    );
  } else if (!account) {
    body = <FirstRun />;
  } else {
    body = <AccountView key={account.id} account={account} refresh={refresh} />;
  }

  return (
    <div className="popup">
      <Header
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
