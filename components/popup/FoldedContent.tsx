import type { ProfileEntry } from '../../lib/shared/model';
import type { ProfileDetail } from '../../lib/shared/profile';
import { formatDateTime } from '../../lib/views/time';
import { t } from '../../lib/shared/i18n';

/** Provider-specific facts, drawn when their fold is opened. */
export function DetailsList({ details }: { details: ProfileDetail[] }) {
  return (
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
  );
}

/** The provider's answer as it came, secrets already removed by the background; the start of it when it was cut. */
export function RawView({ raw, rawCut }: Pick<ProfileEntry, 'raw' | 'rawCut'>) {
  return (
    <>
      {rawCut && (
        <p className="help">
          {t('popup.rawCut', { total: Math.round(rawCut.bytes / 1000), shown: Math.round(String(raw).length / 1000) })}
        </p>
      )}
      {/* A scrollable region must be reachable by keyboard. */}
      <pre className="raw" tabIndex={0} aria-label={t('popup.rawResponseJson')}>
        {rawCut && typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2)}
      </pre>
    </>
  );
}
