import { useState } from 'react';
import { request } from '../../lib/views/messaging';
import type { AccountSummary, ProviderSummary } from '../../lib/shared/model';
import { timeAgo } from '../../lib/views/time';
import { accountState, accountStateLabels } from '../../lib/views/account-state';
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

  return (
    <li className="account-row" aria-label={`${account.providerName} · ${account.label}`}>
      <div className="account-main">
        <strong dir="auto">{account.label}</strong>
        <span className="muted">
          {account.providerName} · {account.host}
          {secrets.length > 0 && <> · {secrets.join(' ')}</>}
        </span>
        <span className="muted">
          <span className={`state state-${state}`}>{accountStateLabels[state]}</span>
          {entry?.profile && <> · {entry.profile.displayName}</>}
          {entry?.fetchedAt ? <> · refreshed {timeAgo(entry.fetchedAt, now)}</> : null}
        </span>
      </div>
      <div className="account-actions">
        <AvatarButton account={account} />
        {state === 'permission-missing' && (
          <button type="button" onClick={() => void grant()}>
            Grant access
          </button>
        )}
        {confirming ? (
          <span className="confirm" role="group" aria-label={`Remove ${account.label}?`}>
            <span>Remove “{account.label}”?</span>
            <button type="button" className="danger" onClick={() => void remove()} disabled={removing}>
              Remove
            </button>
            <button type="button" onClick={() => setConfirming(false)} autoFocus>
              Keep
            </button>
          </span>
        ) : (
          <>
            <button type="button" onClick={onEdit} aria-label={`Edit ${account.label}`}>
              Edit
            </button>
            <button type="button" onClick={() => setConfirming(true)} aria-label={`Remove ${account.label}`}>
              Remove
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
        <p>No accounts yet. Add one below — what each provider needs:</p>
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
