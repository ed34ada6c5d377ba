import { describe, expect, it } from 'vitest';
import { attentionOf } from '../../../../lib/views/attention';
import type { AccountSummary } from '../../../../lib/shared/model';

const NOW = Date.UTC(2026, 11, 6, 12);
const DAY = 86_400_000;

function account(changes: Partial<AccountSummary> = {}): AccountSummary {
  return {
    id: 'a1',
    provider: 'leadping',
    providerName: 'Leadping',
    label: 'work',
    settings: {},
    secretHints: {},
    origins: [],
    host: 'api.leadping.ai',
    signInUrl: null,
    editableFields: [],
    avatarUpload: null,
    createdAt: 0,
    revision: 1,
    tokenExpiry: null,
    status: { state: 'ok', changed: false },
    ...changes,
  };
}

describe('what an account needs, as the account menu says it', () => {
  it('says a refused key, an expiring token and news, most urgent first', () => {
    expect(attentionOf(account({ status: { state: 'rejected', changed: true } }), NOW)).toEqual({ level: 'error', text: 'Key rejected' });
    const expiring = { expiresAt: NOW + 2 * DAY, issuedAt: null, warnFrom: NOW - DAY, source: 'token' as const };
    expect(attentionOf(account({ tokenExpiry: expiring }), NOW)).toEqual({ level: 'warning', text: 'Token expires in 2 days' });
    expect(attentionOf(account({ tokenExpiry: { ...expiring, expiresAt: NOW - DAY } }), NOW)?.level).toBe('error');
    expect(attentionOf(account({ status: { state: 'ok', changed: true } }), NOW)).toEqual({ level: 'news', text: 'Changed' });
  });

  it('says nothing of an account that needs nothing, or of one listed by an older version', () => {
    expect(attentionOf(account(), NOW)).toBeNull();
    expect(attentionOf(account({ status: { state: 'never-tested', changed: false } }), NOW)).toBeNull();
    expect(attentionOf(account({ status: undefined }), NOW)).toBeNull();
    // Not yet inside the warning days.
    const later = { expiresAt: NOW + 30 * DAY, issuedAt: null, warnFrom: NOW + 27 * DAY, source: 'token' as const };
    expect(attentionOf(account({ tokenExpiry: later }), NOW)).toBeNull();
  });
});
