import type { ImportPreviewItem } from '../../lib/shared/model';
import { plural, t } from '../../lib/shared/i18n';

const STATUS_TEXT: Record<ImportPreviewItem['status'], () => string> = {
  ready: () => t('options.import.ready'),
  'needs-secret': () => t('options.import.needsSecret'),
  skipped: () => t('options.import.skipped'),
};

/** What an accounts file would add, and every host it would connect to, before anything is saved. */
export function ImportPreview({
  fileName,
  accounts,
  hosts,
  busy,
  onConfirm,
  onCancel,
}: {
  fileName: string;
  accounts: ImportPreviewItem[];
  hosts: string[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const importable = accounts.filter((a) => a.status !== 'skipped').length;
  return (
    <section className="import-preview" aria-labelledby="import-preview-title">
      <h3 id="import-preview-title">{t('options.import.title', { file: fileName })}</h3>
      {hosts.length > 0 ? (
        <p>
          {plural('options.import.connectTo', hosts.length)}{' '}
          {hosts.map((host, index) => (
            <span key={host}>
              {index > 0 && ', '}
              <strong dir="ltr">{host}</strong>
            </span>
          ))}
          . {t('options.import.nothingSaved')}
        </p>
      ) : (
        <p>{t('options.import.nothingToImport')}</p>
      )}
      <ul className="import-list">
        {accounts.map((account) => (
          <li key={account.index}>
            <span dir="auto">{account.label}</span>
            <span className="muted">
              {' '}
              · {account.providerName}
              {account.host && <> · {account.host}</>} — {STATUS_TEXT[account.status]()}
              {account.reason && <>: {account.reason}</>}
            </span>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="primary" onClick={onConfirm} disabled={busy || importable === 0}>
          {busy ? t('options.import.importing') : plural('options.import.confirm', importable)}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('options.cancel')}
        </button>
      </div>
    </section>
  );
}
