import { useProfileEntry } from '../hooks/queries';
import { useNow } from '../hooks/useNow';
import { formatTime, timeAgo } from '../../lib/views/time';
import { t } from '../../lib/shared/i18n';

const MINUTE = 60_000;

/**
 * Beside Refresh: when the profile shown was fetched ("Updated 2 minutes ago"), or, after a
 * failed refresh, that it is the last good copy — never both "Updated" and an error.
 */
export function Freshness({ accountId, refreshing, locked }: { accountId: string; refreshing: boolean; locked: boolean }) {
  const now = useNow(MINUTE / 2);
  const query = useProfileEntry(accountId);
  const entry = query.data;
  if (refreshing || query.isFetching) {
    return (
      <span className="freshness" role="status">
        {entry?.profile ? t('popup.refreshing') : t('popup.loadingProfile')}
      </span>
    );
  }
  if (!entry?.fetchedAt) return null;
  // Locked, the profiles are the ones last seen: when, as a time of day, not "Updated now".
  if (locked) return <span className="freshness">{t('popup.lastUpdatedAt', { time: formatTime(entry.fetchedAt) })}</span>;
  const recent = now - entry.fetchedAt < MINUTE;
  const when = recent ? t('popup.justNow') : timeAgo(entry.fetchedAt, now);
  return (
    <span className="freshness">
      {entry.error ? t('popup.lastGoodCopy', { when }) : recent ? t('popup.justUpdated') : t('popup.updatedWhen', { when })}
    </span>
  );
}
