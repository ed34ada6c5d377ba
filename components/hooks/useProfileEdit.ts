import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/views/messaging';
import type { ProfileEntry } from '../../lib/shared/model';
import { queryKeys } from '../../lib/views/query/keys';
import { applyOptimistic } from '../../lib/views/profile-edit';
import type { EditValues } from '../../lib/views/edit-values';

/**
 * Saves profile edits with an optimistic update: the card shows the new values at once, and on
 * failure goes back to what the background holds (the form keeps what was typed).
 */
export function useProfileEdit(accountId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.profile(accountId);
  return useMutation({
    mutationFn: ({ values, editId }: { values: EditValues; editId: string }) =>
      request('updateProfile', { accountId, editId, changes: values }),
    onMutate: async ({ values }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ProfileEntry>(key);
      if (previous) queryClient.setQueryData(key, applyOptimistic(previous, values));
      return { previous };
    },
    onError: async (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      // The background may have recorded more (a rejected session): take its word.
      const stored = await request('getProfile', { accountId }).catch(() => null);
      if (stored) queryClient.setQueryData(key, stored);
    },
    onSuccess: (entry) => queryClient.setQueryData(key, entry),
  });
}
