import { useState } from 'react';
import { request } from '../../lib/views/messaging';
import type { AccountSummary, ProviderSummary } from '../../lib/shared/model';
import { timeAgo } from '../../lib/views/time';
import { expiryText } from '../../lib/views/expiry';
import { accountState, accountStateLabel } from '../../lib/views/account-state';
import { t } from '../../lib/shared/i18n';
import { useStoredEntry } from '../hooks/queries';
import { useNow } from '../hooks/useNow';
import { useViewActions } from '../ViewActions';
import { AvatarButton } from './AvatarButton';

function AccountRow({ account, onEdit }: { account: AccountSummary; onEdit: () => void }) {
  const { ensureOrigins } = useViewActions();
  const now = useNow(30_000);
  const entry = useStoredEntry(account.id).data;
  const state = accountState(entry);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const secrets = Object.values(account.secretHints);

  const grant = async () => {
    if (await ensureOrigins(account.origins)) await request('refresh', { accountId: account.id });
  };
  const remove = async () => {
    setRemoving(true);
    try {
      await request('removeAccount', { id: account.id });
    } finally {
      setRemoving(false);
      setConfirming(false);
    }
  };

  const expiry = expiryText(account.tokenExpiry, now);
  return (
    <li className="account-row" aria-label={`${account.providerName} · ${account.label}`}>
      <div className="account-main">
        {/* Who it is first (what the user recognises), then which of their accounts. */}
        <strong dir="auto">{entry?.profile?.displayName ?? account.label}</strong>
        <span className="muted">
          {entry?.profile && (
            <>
              <span dir="auto">{account.label}</span> ·{' '}
            </>
          )}
          {account.providerName} · {account.host}
          {secrets.length > 0 && <> · {secrets.join(' ')}</>}
        </span>
        <span className="muted">
          <span className={`state state-${state}`}>{accountStateLabel(state)}</span>
          {entry?.fetchedAt ? <> · {t('options.accounts.refreshed', { time: timeAgo(entry.fetchedAt, now) })}</> : null}
        </span>
        {expiry && (
          <span className={`expiry${expiry.warn ? ` expiry-warn${expiry.expired ? ' expiry-expired' : ''}` : ''}`}>{expiry.text}</span>
        )}
      </div>
      <div className="account-actions">
        <AvatarButton account={account} />
        {state === 'permission-missing' && (
          <button type="button" onClick={() => void grant()}>
            {t('options.accounts.grantAccess')}
          </button>
        )}
        {confirming ? (
          <span className="confirm" role="group" aria-label={t('options.accounts.removeQuestion', { label: account.label })}>
            <span>{t('options.accounts.confirmRemove', { label: account.label })}</span>
            <button type="button" className="danger" onClick={() => void remove()} disabled={removing}>
              {t('options.accounts.remove')}
            </button>
            <button type="button" onClick={() => setConfirming(false)} autoFocus>
              {t('options.accounts.keep')}
            </button>
          </span>
        ) : (
          <>
            <button type="button" onClick={onEdit} aria-label={t('options.accounts.editLabel', { label: account.label })}>
              {t('options.accounts.edit')}
            </button>
            <button
              type="button"
              onClick={() => setConfirming(true)}
              aria-label={t('options.accounts.removeLabel', { label: account.label })}
            >
              {t('options.accounts.remove')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

export function AccountList({
  accounts,
  providers,
  onEdit,
}: {
  accounts: AccountSummary[];
  providers: ProviderSummary[];
  onEdit: (account: AccountSummary) => void;
}) {
  if (accounts.length === 0) {
    return (
      <div className="muted">
        <p>{t('options.accounts.none')}</p>
        <ul className="needs-list">
          {providers.map((provider) => (
            <li key={provider.id}>
              <strong>{provider.name}</strong>: {provider.needs}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <ul className="account-list">
      {accounts.map((account) => (
        <AccountRow key={account.id} account={account} onEdit={() => onEdit(account)} />
      ))}
    </ul>
  );
}
