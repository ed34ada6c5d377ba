import type { AccountSummary } from '../../lib/shared/model';
import { AccountSwitcher } from './AccountSwitcher';
import { useViewActions } from '../ViewActions';

export function PopupHeader({
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
