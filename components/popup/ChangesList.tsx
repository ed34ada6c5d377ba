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

/**
 * What changed on the provider's side since earlier refreshes, newest first, in one line under
 * the header ("Plan: Annual → Monthly · now"), until dismissed.
 */
export function ChangesList({ accountId, changes, now }: { accountId: string; changes: ProfileChange[] | undefined; now: number }) {
  const dismiss = useDismissChanges(accountId);
  if (!changes || changes.length === 0) return null;
  const newest = [...changes].reverse();
  return (
    <section className="changes" aria-label={t('changes.title')}>
      <span className="changes-sign" aria-hidden="true">
        ●
      </span>
      <p className="changes-line">
        {newest.map((change, index) => (
          <span key={`${change.seenAt}:${change.field}:${index}`} className="change">
            <span dir="auto">{changeLine(change)}</span> <span className="muted">· {timeAgo(change.seenAt, now)}</span>
          </span>
        ))}
      </p>
      <button
        type="button"
        className="changes-dismiss"
        onClick={() => dismiss.mutate()}
        disabled={dismiss.isPending}
        aria-label={t('changes.dismiss')}
      >
        {t('changes.dismissShort')}
      </button>
    </section>
  );
}
