import type { AccountSummary } from '../../lib/shared/model';
import { AccountSwitcher } from './AccountSwitcher';
import { Freshness } from './Freshness';
import { useViewActions } from '../ViewActions';
import { RefreshIcon, SettingsIcon } from './icons';
import { t } from '../../lib/shared/i18n';

export function PopupHeader({
  accounts,
  account,
  onSelect,
  notes,
  onRefresh,
  refreshing,
  locked,
}: {
  accounts: AccountSummary[];
  account: AccountSummary | null;
  onSelect: (accountId: string) => void;
  /** Each entry's words beside its name, once they have loaded. */
  notes?: (account: AccountSummary) => string;
  onRefresh: (() => void) | null;
  refreshing: boolean;
  /** The passphrase lock is closed: the profiles are the last ones seen. */
  locked: boolean;
}) {
  const { openOptions } = useViewActions();
  return (
    <header className="bar">
      {account ? (
        <AccountSwitcher accounts={accounts} selectedId={account.id} onSelect={onSelect} notes={notes} />
      ) : (
        <span className="brand">{t('extName')}</span>
      )}
      <span className="bar-actions">
        {account && <Freshness accountId={account.id} refreshing={refreshing} locked={locked} />}
        {onRefresh && (
          <button
            type="button"
            className="icon-button"
            onClick={onRefresh}
            disabled={refreshing}
            aria-busy={refreshing}
            aria-label={t('popup.refresh')}
            title={t('popup.refresh')}
          >
            <RefreshIcon className={refreshing ? 'spin' : undefined} />
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          onClick={() => openOptions()}
          aria-label={t('popup.options')}
          title={t('popup.options')}
        >
          <SettingsIcon />
        </button>
      </span>
    </header>
  );
}
