// An account's state in the options list, in words: a module of its own so the list needs no schema code.

export type AccountState = 'ok' | 'rejected' | 'signed-out' | 'permission-missing' | 'error' | 'never-tested';

// The same words as the popup's: a Wacht session that ended reads "Signed out" in both.
export const accountStateLabels: Record<AccountState, string> = {
  ok: 'OK',
  rejected: 'Rejected',
  'signed-out': 'Signed out',
  'permission-missing': 'Permission missing',
  error: 'Error',
  'never-tested': 'Never tested',
};

export function accountState(entry: { error: { kind: string } | null; attemptedAt: number | null } | undefined): AccountState {
  if (!entry || entry.attemptedAt === null) return 'never-tested';
  if (!entry.error) return 'ok';
  if (entry.error.kind === 'signed-out') return 'signed-out';
  if (entry.error.kind === 'unauthorized' || entry.error.kind === 'forbidden') return 'rejected';
  if (entry.error.kind === 'permission-missing') return 'permission-missing';
  return 'error';
}
