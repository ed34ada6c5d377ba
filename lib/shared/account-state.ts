// An account's state, from its stored profile entry: shared, so the background can put it in the
// account list (the popup shows every account's state without reading every profile).

export const accountStates = [
  'ok',
  'rejected',
  'token-expired',
  'signed-out',
  'permission-missing',
  'settings-incomplete',
  'needs-key',
  'error',
  'never-tested',
] as const;

export type AccountState = (typeof accountStates)[number];

export function accountState(entry: { error: { kind: string } | null; attemptedAt: number | null } | undefined): AccountState {
  if (!entry || entry.attemptedAt === null) return 'never-tested';
  if (!entry.error) return 'ok';
  if (entry.error.kind === 'signed-out') return 'signed-out';
  if (entry.error.kind === 'token-expired') return 'token-expired';
  if (entry.error.kind === 'unauthorized' || entry.error.kind === 'forbidden') return 'rejected';
  if (entry.error.kind === 'permission-missing') return 'permission-missing';
  if (entry.error.kind === 'settings-incomplete') return 'settings-incomplete';
  if (entry.error.kind === 'key-needed') return 'needs-key';
  return 'error';
}
