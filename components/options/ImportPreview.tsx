import type { ImportPreviewItem } from '../../lib/shared/model';

const STATUS_TEXT: Record<ImportPreviewItem['status'], string> = {
  ready: 'ready to import',
  'needs-secret': 'you will type its key or token',
  skipped: 'will be skipped',
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
      <h3 id="import-preview-title">Import from “{fileName}”?</h3>
      {hosts.length > 0 ? (
        <p>
          Whoami would connect to {hosts.length === 1 ? 'this host' : 'these hosts'}:{' '}
          {hosts.map((host, index) => (
            <span key={host}>
              {index > 0 && ', '}
              <strong dir="ltr">{host}</strong>
            </span>
          ))}
          . Nothing is saved until you confirm, and no key or token is ever taken from a file.
        </p>
      ) : (
        <p>Nothing in this file can be imported.</p>
      )}
      <ul className="import-list">
        {accounts.map((account) => (
          <li key={account.index}>
            <span dir="auto">{account.label}</span>
            <span className="muted">
              {' '}
              · {account.providerName}
              {account.host && <> · {account.host}</>} — {STATUS_TEXT[account.status]}
              {account.reason && <>: {account.reason}</>}
            </span>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="primary" onClick={onConfirm} disabled={busy || importable === 0}>
          {busy ? 'Importing…' : `Import ${importable} account${importable === 1 ? '' : 's'}`}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </section>
  );
}
