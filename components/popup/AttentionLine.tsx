import { type Dispatch, type SetStateAction, useEffect } from 'react';
import type { AccountSummary } from '../../lib/shared/model';
import { useNow } from '../hooks/useNow';
import { ATTENTION_SIGN, attentionOf } from '../../lib/views/attention';
import { StatusIcon } from './StatusIcon';
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
  tabSite,
}: {
  accounts: AccountSummary[];
  shownId: string;
  onSelect: (accountId: string) => void;
  /** Hands the account menu its words once they have loaded. */
  onNotes: Dispatch<SetStateAction<MenuNotes>>;
  /** The account shown is the one of the tab's site (answered after the first frame). */
  tabSite: string | null;
}) {
  const now = useNow(60_000);
  useEffect(() => onNotes(() => (account: AccountSummary) => noteOf(account, now)), [onNotes, now]);
  const others = accounts
    .filter((account) => account.id !== shownId)
    .map((account) => ({ account, attention: attentionOf(account, now) }))
    .filter((item) => item.attention !== null && item.attention.level !== 'news')
    .sort((a, b) => (a.attention!.level === b.attention!.level ? 0 : a.attention!.level === 'error' ? -1 : 1));
  const first = others[0];
  const tabNotice = tabSite && (
    <p className="notice tab-notice" role="status">
      {t('popup.tabAccount', { site: tabSite })}
    </p>
  );
  if (!first) return tabNotice;
  const { account, attention } = first;
  return (
    <>
      {tabNotice}
      <p className={`attention attention-${attention!.level}`} role="status">
        {/* A drawn sign here (the menu's entries can only hold characters). */}
        <StatusIcon level={attention!.level === 'error' ? 'error' : 'warning'} />
        <span className="attention-text">
          {t('popup.attention.line', { account: `${account.providerName} · ${account.label}`, what: attention!.text })}
          {others.length > 1 && ` ${plural('popup.attention.more', others.length - 1)}`}
        </span>
        <button
          type="button"
          onClick={() => onSelect(account.id)}
          aria-label={t('popup.attention.showLabel', { account: `${account.providerName} · ${account.label}` })}
        >
          {t('popup.attention.show')}
        </button>
      </p>
    </>
  );
}

export type MenuNotes = ((account: AccountSummary) => string) | undefined;

/** What the account menu says after an entry's name: what needs attention, sign first. */
function noteOf(account: AccountSummary, now: number): string {
  const attention = attentionOf(account, now);
  return attention ? ` — ${ATTENTION_SIGN[attention.level]} ${attention.text}` : '';
}
