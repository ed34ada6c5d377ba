import type { ProfileChange } from '../../lib/shared/model';
import { changeLine } from '../../lib/shared/change-line';
import { t } from '../../lib/shared/i18n';
import { timeAgo } from '../../lib/views/time';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../lib/views/messaging';
import { queryKeys } from '../../lib/views/query/keys';

function useDismissChanges(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request('dismissChanges', { accountId }),
    onSuccess: ({ entry }) => queryClient.setQueryData(queryKeys.profile(accountId), entry),
  });
}

/** What changed on the provider's side since earlier refreshes ("Plan: Annual → Monthly"), newest first, until dismissed. */
export function ChangesList({ accountId, changes, now }: { accountId: string; changes: ProfileChange[] | undefined; now: number }) {
  const dismiss = useDismissChanges(accountId);
  if (!changes || changes.length === 0) return null;
  return (
    <section className="changes" aria-labelledby="changes-title">
      <h2 id="changes-title" className="changes-title">
        {t('changes.title')}
      </h2>
      <ul>
        {[...changes].reverse().map((change, index) => (
          <li key={`${change.seenAt}:${change.field}:${index}`}>
            <span dir="auto">{changeLine(change)}</span> <span className="muted">· {timeAgo(change.seenAt, now)}</span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => dismiss.mutate()} disabled={dismiss.isPending}>
        {t('changes.dismiss')}
      </button>
    </section>
  );
}
