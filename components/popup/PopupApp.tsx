import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { toErrorInfo } from '../../lib/shared/errors';
import { useDrafts } from '../hooks/useDrafts';
import { AccountView } from './AccountView';
import { LazyErrorBanner as ErrorBanner } from './LazyErrorBanner';
import { useAccounts, useRefresh } from '../hooks/queries';
import { PopupHeader } from './PopupHeader';
import { ProfileSkeleton } from './ProfileSkeleton';
import { useViewActions } from '../ViewActions';
import { t } from '../../lib/shared/i18n';
import type { TabAccount } from '../../lib/views/tab-account';
import type { MenuNotes } from './AttentionLine';

// Only a popup with the passphrase lock on loads the lock's bar; only one without accounts, the guide.
const LockBar = lazy(() => import('./LockBar').then((module) => ({ default: module.LockBar })));
const FirstRun = lazy(() => import('./FirstRun').then((module) => ({ default: module.FirstRun })));

// What every account's state says, in words (the menu's entries, the line about another account,
// that the account shown is the tab's): a chunk of its own, loaded after the first frame.
const Attention = lazy(() => import('./AttentionLine'));

/**
 * `tabAccount`: the account of the page the popup was opened on, when the background says there
 * is one — it is then shown (unless the user already picked another) and said so, without
 * becoming the remembered choice.
 */
export function PopupApp({
  initialAccountId,
  tabAccount = null,
}: {
  initialAccountId: string | null;
  tabAccount?: Promise<TabAccount | null> | null;
}) {
  const drafts = useDrafts();
  const actions = useViewActions();
  const accountsQuery = useAccounts();
  const [selectedId, setSelectedId] = useState(initialAccountId);
  const [tab, setTab] = useState<TabAccount | null>(null);
  const userChose = useRef(false);
  useEffect(() => {
    let live = true;
    void tabAccount?.then((found) => {
      if (!live || !found || userChose.current) return;
      setTab(found);
      setSelectedId(found.accountId);
    });
    return () => {
      live = false;
    };
  }, [tabAccount]);
  const accounts = accountsQuery.data?.accounts;
  // Locked, refreshes and edits wait for the passphrase: their buttons wait with them.
  const locked = accountsQuery.data?.lock === 'locked';
  const account = accounts?.find((a) => a.id === selectedId) ?? accounts?.[0] ?? null;
  const refresh = useRefresh(account?.id ?? null);
  const [notes, setNotes] = useState<MenuNotes>();

  // Only what the user picks is remembered, so the next popup can ask for its profile first. Not
  // the tab's account (shown for this page only), nor the first account shown in place of one
  // missing from the list: a list restored from an older open can lack an account added since.
  const select = (accountId: string) => {
    userChose.current = true;
    refresh.reset();
    setSelectedId(accountId);
    actions.saveSelectedAccount(accountId);
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
    body = (
      <Suspense>
        <FirstRun providers={accountsQuery.data?.providers ?? []} />
      </Suspense>
    );
  } else {
    body = (
      <>
        <Suspense>
          <Attention
            accounts={accounts}
            shownId={account.id}
            onSelect={select}
            onNotes={setNotes}
            tabSite={tab?.accountId === account.id ? tab.site : null}
          />
        </Suspense>
        <AccountView
          key={account.id}
          account={account}
          refresh={refresh}
          locked={locked}
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
        notes={notes}
        onRefresh={account && !locked ? () => refresh.mutate() : null}
        refreshing={refresh.isPending}
        locked={locked}
      />
      <main>
        {accountsQuery.data && accountsQuery.data.lock !== 'off' && (
          <Suspense>
            <LockBar lock={accountsQuery.data.lock} />
          </Suspense>
        )}
        {body}
      </main>
    </div>
  );
}
