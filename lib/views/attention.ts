import type { AccountSummary } from '../shared/model';
import { expiryText } from './expiry';
import { accountStateLabel } from './account-state';
import { t } from '../shared/i18n';

export type AttentionLevel = 'error' | 'warning' | 'news';

export interface Attention {
  level: AttentionLevel;
  /** "Key rejected", "Token expires in 2 days", "Changed". */
  text: string;
}

// Not colour alone: each level has its own sign, in the menu and in the line.
/** States that need nothing of the user. */
const QUIET: ReadonlySet<string> = new Set(['ok', 'never-tested']);

export const ATTENTION_SIGN: Record<AttentionLevel, string> = { error: '⛔', warning: '⚠', news: '●' };

/** What an account's entry in the menu says beside its name, most urgent first; null when nothing. */
export function attentionOf(account: AccountSummary, now: number): Attention | null {
  const state = account.status?.state;
  if (state && !QUIET.has(state)) return { level: 'error', text: accountStateLabel(state) };
  const expiry = expiryText(account.tokenExpiry, now);
  if (expiry?.warn) return { level: account.tokenExpiry!.expiresAt <= now ? 'error' : 'warning', text: expiry.text };
  if (account.status?.changed) return { level: 'news', text: t('popup.attention.changed') };
  return null;
}
