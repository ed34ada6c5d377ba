import type { AccountSummary } from '../../lib/shared/model';
import { t } from '../../lib/shared/i18n';

/** Which account is shown: a menu when there are several, its name when there is one. */
export function AccountSwitcher({
  accounts,
  selectedId,
  onSelect,
  notes,
}: {
  accounts: AccountSummary[];
  selectedId: string;
  onSelect: (accountId: string) => void;
  notes?: (account: AccountSummary) => string;
}) {
  if (accounts.length < 2) {
    const only = accounts[0];
    return only ? (
      <span className="switcher switcher-single" dir="auto">
        {only.providerName} · {only.label}
      </span>
    ) : null;
  }
  return (
    <label className="switcher">
      <span className="visually-hidden">{t('popup.account')}</span>
      <select value={selectedId} onChange={(event) => onSelect(event.target.value)}>
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.providerName} · {account.label}
            {notes?.(account)}
          </option>
        ))}
      </select>
    </label>
  );
}
