import type { ProfileEntry } from '../../lib/shared/model';
import { t } from '../../lib/shared/i18n';

/** The provider's answer as it came, secrets already removed by the background; the start of it when it was cut. */
export function RawJson({ raw, rawCut }: Pick<ProfileEntry, 'raw' | 'rawCut'>) {
  if (raw === undefined) return null;
  return (
    <details className="fold">
      <summary>{t('popup.rawResponse')}</summary>
      {rawCut && (
        <p className="help">
          {t('popup.rawCut', { total: Math.round(rawCut.bytes / 1000), shown: Math.round(String(raw).length / 1000) })}
        </p>
      )}
      {/* A scrollable region must be reachable by keyboard. */}
      <pre className="raw" tabIndex={0} aria-label={t('popup.rawResponseJson')}>
        {rawCut && typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2)}
      </pre>
    </details>
  );
}
