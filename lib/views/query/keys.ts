/** Query keys of the views' React Query cache, in one place for views and background alike. */
export const queryKeys = {
  accounts: ['accounts'] as const,
  profile: (accountId: string) => ['profile', accountId] as const,
  status: ['status'] as const,
  definitions: ['definitions'] as const,
  gallery: ['gallery'] as const,
  sync: ['sync'] as const,
};
