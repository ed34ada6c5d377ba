import { lazy, Suspense } from 'react';
import { toErrorInfo } from '../../lib/shared/errors';
import type { AccountSummary } from '../../lib/shared/model';
import type { Draft } from '../../lib/views/drafts';
import { LazyAccountErrorBanner as ErrorBanner } from './LazyErrorBanner';
import { useProfileEntry, type useRefresh } from '../hooks/queries';
import { useRestoredDraft } from '../hooks/useRestoredDraft';
import { useNow } from '../hooks/useNow';
import { ProfileCard, REFUSED } from './ProfileCard';
import { ProfileSkeleton } from './ProfileSkeleton';
import { useViewActions } from '../ViewActions';
import { t } from '../../lib/shared/i18n';

// Changes are news now and then: their list loads when there is one to show.
const ChangesList = lazy(() => import('./ChangesList').then((module) => ({ default: module.ChangesList })));

// Editing is the popup's second use: its code loads when the form is first opened.
const EditForm = lazy(() => import('./EditForm').then((module) => ({ default: module.EditForm })));

/** One account in the popup: its error, if any, and its profile, card or editor. */
export function AccountView({
  account,
  refresh,
  initialDraft,
  locked = false,
}: {
  account: AccountSummary;
  refresh: ReturnType<typeof useRefresh>;
  /** The passphrase lock is closed: the lock bar above asks for it, and edits wait until then. */
  locked?: boolean;
  /** undefined while the popup's drafts are being read. */
  initialDraft: Draft | null | undefined;
}) {
  const actions = useViewActions();
  const now = useNow(1000);
  const entryQuery = useProfileEntry(account.id);
  const entry = entryQuery.data;
  const { draft, editing, notice, startEditing, stopEditing } = useRestoredDraft(account.id, initialDraft, entry?.profile ?? null);
  // No edit while the provider refuses this account: the banner above says what to fix first.
  const refused = entry?.error != null && REFUSED.has(entry.error.kind);
  const canEdit = account.editableFields.length > 0 && !refused && !locked;
  // A failure to reach the background at all is shown like any other error.
  const transportError = refresh.error ?? entryQuery.error;
  const error = transportError ? toErrorInfo(transportError) : (entry?.error ?? null);

  const editAccount = () => actions.openOptions({ editAccount: account.id });

  return (
    <>
      {error && <ErrorBanner account={account} error={error} nextAttemptAt={entry?.nextAttemptAt ?? null} now={now} refresh={refresh} />}
      {!editing && entry?.changes && entry.changes.length > 0 && (
        <Suspense fallback={null}>
          <ChangesList accountId={account.id} changes={entry.changes} now={now} />
        </Suspense>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {entry?.profile ? (
        <>
          <ProfileCard account={account} entry={entry} profile={entry.profile} now={now} compact={editing} onReplaceToken={editAccount} />
          {editing ? (
            <Suspense fallback={<p className="help">{t('popup.openingEditor')}</p>}>
              <EditForm
                account={account}
                profile={entry.profile}
                draft={draft}
                onDone={(outcome) => stopEditing(outcome === 'saved' ? t('popup.saved') : null)}
              />
            </Suspense>
          ) : (
            canEdit && (
              <button type="button" className="edit-button" onClick={startEditing}>
                {t('popup.editProfile')}
              </button>
            )
          )}
        </>
      ) : error ? (
        <p className="empty">{t('popup.noProfileYet', { provider: account.providerName, label: account.label })}</p>
      ) : (
        <ProfileSkeleton />
      )}
    </>
  );
}
