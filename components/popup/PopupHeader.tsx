import type { AccountSummary } from '../../lib/shared/model';
import { AccountSwitcher } from './AccountSwitcher';
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
}: {
  accounts: AccountSummary[];
  account: AccountSummary | null;
  onSelect: (accountId: string) => void;
  /** Each entry's words beside its name, once they have loaded. */
  notes?: (account: AccountSummary) => string;
  onRefresh: (() => void) | null;
  refreshing: boolean;
}) {
  const { openOptions } = useViewActions();
  return (
    <header className="bar">
      <span className="brand">{t('extName')}</span>
      {account && <AccountSwitcher accounts={accounts} selectedId={account.id} onSelect={onSelect} notes={notes} />}
      <span className="bar-actions">
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
        <button type="button" className="icon-button" onClick={openOptions} aria-label={t('popup.options')} title={t('popup.options')}>
          <SettingsIcon />
        </button>
      </span>
    </header>
  );
}
