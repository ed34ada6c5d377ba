import type { ProfileDetail } from '../../lib/shared/profile';
import { formatDateTime } from '../../lib/views/time';
import { t } from '../../lib/shared/i18n';

/** Provider-specific facts, folded away until asked for. */
export function DetailsSection({ details }: { details: ProfileDetail[] }) {
  if (details.length === 0) return null;
  return (
    <details className="fold">
      <summary>{t('popup.details', { count: details.length })}</summary>
      <dl className="facts">
        {details.map((detail) => (
          <div key={detail.label} className="fact">
            <dt>{detail.label}</dt>
            <dd>
              <span className="fact-value" dir="auto">
                {detail.kind === 'datetime' ? formatDateTime(detail.value) : detail.value}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
