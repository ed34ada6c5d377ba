import { type Dispatch, type SetStateAction, useEffect } from 'react';
import type { AccountSummary } from '../../lib/shared/model';
import { useNow } from '../hooks/useNow';
import { ATTENTION_SIGN, attentionOf } from '../../lib/views/attention';
import { plural, t } from '../../lib/shared/i18n';

/**
 * One line near the top when another account needs the user ("Leadping · work needs attention:
 * Rejected"), with a button that switches to it. News (changes) waits for the menu.
 */
export default function AttentionLine({
  accounts,
  shownId,
  onSelect,
  onNotes,
}: {
  accounts: AccountSummary[];
  shownId: string;
  onSelect: (accountId: string) => void;
  /** Hands the account menu its words once they have loaded. */
  onNotes: Dispatch<SetStateAction<MenuNotes>>;
}) {
  const now = useNow(60_000);
  useEffect(() => onNotes(() => (account: AccountSummary) => noteOf(account, now)), [onNotes, now]);
  const others = accounts
    .filter((account) => account.id !== shownId)
    .map((account) => ({ account, attention: attentionOf(account, now) }))
    .filter((item) => item.attention !== null && item.attention.level !== 'news')
    .sort((a, b) => (a.attention!.level === b.attention!.level ? 0 : a.attention!.level === 'error' ? -1 : 1));
  const first = others[0];
  if (!first) return null;
  const { account, attention } = first;
  return (
    <p className={`attention attention-${attention!.level}`} role="status">
      <span aria-hidden="true">{ATTENTION_SIGN[attention!.level]} </span>
      {t('popup.attention.line', { account: `${account.providerName} · ${account.label}`, what: attention!.text })}
      {others.length > 1 && ` ${plural('popup.attention.more', others.length - 1)}`}{' '}
      <button
        type="button"
        onClick={() => onSelect(account.id)}
        aria-label={t('popup.attention.showLabel', { account: `${account.providerName} · ${account.label}` })}
      >
        {t('popup.attention.show')}
      </button>
    </p>
  );
}

export type MenuNotes = ((account: AccountSummary) => string) | undefined;

/** What the account menu says after an entry's name: what needs attention, sign first. */
function noteOf(account: AccountSummary, now: number): string {
  const attention = attentionOf(account, now);
  return attention ? ` — ${ATTENTION_SIGN[attention.level]} ${attention.text}` : '';
}
