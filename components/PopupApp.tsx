import { lazy, Suspense, useEffect, useState } from 'react';
import type { ErrorAction } from '../lib/error-text';
import { toErrorInfo } from '../lib/errors';
import type { AccountSummary } from '../lib/model';
import type { Profile } from '../lib/profile';
import { discardDraft, type Draft } from '../lib/views/drafts';
import { draftApplied } from '../lib/views/profile-edit';
import { AccountSwitcher } from './AccountSwitcher';
import { ErrorBanner } from './ErrorBanner';
import { FirstRun } from './FirstRun';
import { useAccounts, useLiveUpdates, useProfileEntry, useRefresh } from './hooks/queries';
import { useNow } from './hooks/useNow';
import { ProfileCard } from './ProfileCard';
import { ProfileSkeleton } from './ProfileSkeleton';
import { useViewActions } from './ViewActions';

// Editing is the popup's second use: its code loads when the form is first opened.
const EditForm = lazy(() => import('./EditForm').then((module) => ({ default: module.EditForm })));

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
      <span className="brand">Whoami</span>
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

/**
 * A draft restored from an earlier popup opens the edit form again, unless the profile shows
 * it was saved after that popup closed. Decided once, when the profile is first known.
 */
function useDraft(accountId: string, initialDraft: Draft | null, profile: Profile | null) {
  const [restored, setRestored] = useState<{ draft: Draft; applied: boolean } | null>(null);
  const [decided, setDecided] = useState(initialDraft === null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  if (!decided && initialDraft && profile) {
    const applied = draftApplied(initialDraft.values, profile);
    setDecided(true);
    setRestored({ draft: initialDraft, applied });
    setEditing(!applied);
  }
  useEffect(() => {
    if (!restored?.applied) return;
    void discardDraft(accountId).then(() => {
      if (restored.draft.editId) setNotice('Your last edit was saved.');
    });
  }, [accountId, restored]);
  return {
    draft: editing && restored && !restored.applied ? restored.draft : null,
    editing,
    notice,
    startEditing: () => {
      setNotice(null);
      setEditing(true);
    },
    stopEditing: (message: string | null) => {
      setRestored(null);
      setEditing(false);
      setNotice(message);
    },
  };
}

function AccountView({
  account,
  refresh,
  initialDraft,
}: {
  account: AccountSummary;
  refresh: ReturnType<typeof useRefresh>;
  initialDraft: Draft | null;
}) {
  const actions = useViewActions();
  const now = useNow(1000);
  const entryQuery = useProfileEntry(account.id);
  const entry = entryQuery.data;
  const { draft, editing, notice, startEditing, stopEditing } = useDraft(account.id, initialDraft, entry?.profile ?? null);
  const canEdit = account.editableFields.length > 0;
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
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {entry?.profile ? (
        <>
          <ProfileCard
            account={account}
            entry={entry}
            profile={entry.profile}
            now={now}
            compact={editing}
            refreshing={refresh.isPending || entryQuery.isFetching}
          />
          {editing ? (
            <Suspense fallback={<p className="help">Opening the editor…</p>}>
              <EditForm
                account={account}
                profile={entry.profile}
                draft={draft}
                onDone={(outcome) => stopEditing(outcome === 'saved' ? 'Saved.' : null)}
              />
            </Suspense>
          ) : (
            canEdit && (
              <button type="button" className="edit-button" onClick={startEditing}>
                Edit profile
              </button>
            )
          )}
        </>
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

export function PopupApp({
  initialAccountId,
  initialDrafts = {},
}: {
  initialAccountId: string | null;
  initialDrafts?: Record<string, Draft>;
}) {
  useLiveUpdates();
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
        context={{ providerName: 'Whoami', host: 'the background' }}
        onAction={() => void accountsQuery.refetch()}
      />
    ) : (
      <ProfileSkeleton />
    );
  } else if (!account) {
    body = <FirstRun />;
  } else {
    body = <AccountView key={account.id} account={account} refresh={refresh} initialDraft={initialDrafts[account.id] ?? null} />;
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
