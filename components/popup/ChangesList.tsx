import type { ProfileChange, WatchedField } from '../../lib/shared/model';
import { t } from '../../lib/shared/i18n';
import { timeAgo } from '../../lib/views/time';

const FIELD_LABELS: Record<WatchedField, () => string> = {
  plan: () => t('changes.fields.plan'),
  subscription: () => t('changes.fields.subscription'),
  roles: () => t('changes.fields.roles'),
  organization: () => t('changes.fields.organization'),
  email: () => t('changes.fields.email'),
  emailVerified: () => t('changes.fields.emailVerified'),
  name: () => t('changes.fields.name'),
};

function valueText(change: ProfileChange, value: string | null): string {
  if (value === null) return t('changes.none');
  if (change.field === 'emailVerified') return value === 'true' ? t('changes.yes') : t('changes.no');
  return value;
}

/** What changed on the provider's side since earlier refreshes ("Plan: Annual → Monthly"), newest first, until dismissed. */
export function ChangesList({
  changes,
  now,
  onDismiss,
  dismissing,
}: {
  changes: ProfileChange[] | undefined;
  now: number;
  onDismiss: () => void;
  dismissing: boolean;
}) {
  if (!changes || changes.length === 0) return null;
  return (
    <section className="changes" aria-labelledby="changes-title">
      <h2 id="changes-title" className="changes-title">
        {t('changes.title')}
      </h2>
      <ul>
        {[...changes].reverse().map((change, index) => (
          <li key={`${change.seenAt}:${change.field}:${index}`}>
            <span dir="auto">
              {t('changes.line', {
                field: FIELD_LABELS[change.field](),
                from: valueText(change, change.from),
                to: valueText(change, change.to),
              })}
            </span>{' '}
            <span className="muted">· {timeAgo(change.seenAt, now)}</span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss} disabled={dismissing}>
        {t('changes.dismiss')}
      </button>
    </section>
  );
}
