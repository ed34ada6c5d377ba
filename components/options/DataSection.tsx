import { useState } from 'react';
import { toErrorInfo } from '../../lib/shared/errors';
import { request } from '../../lib/views/messaging';
import type { ExportFile, ImportPreviewItem, PendingImport } from '../../lib/shared/model';
import { IMPORT_LIMITS, parseJsonWithin } from '../../lib/shared/json-limits';
import { downloadJson } from '../../lib/views/download';
import { useStatus } from '../hooks/queries';
import { useViewActions } from '../ViewActions';
import { FileButton } from './FileButton';
import { ImportPreview } from './ImportPreview';
import { plural, t } from '../../lib/shared/i18n';

export type { PendingImport };

interface Preview {
  fileName: string;
  file: ExportFile;
  accounts: ImportPreviewItem[];
  hosts: string[];
}

/** Export and import (no secrets in the file), damaged-entry cleanup, and forgetting everything. */
export function DataSection({ onNeedSecrets }: { onNeedSecrets: (pending: PendingImport[]) => void }) {
  const status = useStatus();
  const { ensureOrigins } = useViewActions();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [importing, setImporting] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [confirmForget, setConfirmForget] = useState(false);
  const problems = status.data?.problems ?? [];

  const exportAccounts = async () => {
    const file = await request('exportAccounts', {});
    downloadJson(`whoami-accounts-${file.exportedAt.slice(0, 10)}.json`, file);
    setMessage({ error: false, text: plural('options.data.exported', file.accounts.length) });
  };

  const importFile = async (file: File) => {
    // Size before reading, nesting before any schema walks it.
    const read =
      file.size > IMPORT_LIMITS.maxBytes
        ? { error: t('validation.fileTooLarge', { size: IMPORT_LIMITS.maxBytes / 1000 }) }
        : parseJsonWithin(await file.text(), IMPORT_LIMITS);
    if ('error' in read) {
      setMessage({ error: true, text: t('options.data.fileError', { file: file.name, error: read.error }) });
      return;
    }
    const [{ exportFileSchema }, { firstIssue }] = await Promise.all([
      import('../../lib/shared/model'),
      import('../../lib/shared/zod-issues'),
    ]);
    const parsed = exportFileSchema.safeParse(read.json);
    if (!parsed.success) {
      setMessage({ error: true, text: t('options.data.notAnExport', { file: file.name, issue: firstIssue(parsed.error) }) });
      return;
    }
    try {
      const { accounts, hosts } = await request('previewImport', parsed.data);
      setMessage(null);
      setPreview({ fileName: file.name, file: parsed.data, accounts, hosts });
    } catch (error) {
      setMessage({ error: true, text: toErrorInfo(error).detail ?? t('options.data.importFailed') });
    }
  };

  const confirmImport = () => {
    if (!preview) return;
    // Accounts that need no key are saved straight away: ask for their hosts now, from the click.
    const origins = [...new Set(preview.accounts.filter((a) => a.status === 'ready').flatMap((a) => a.origins))];
    const asked = origins.length > 0 ? ensureOrigins(origins) : Promise.resolve(true);
    setImporting(true);
    void asked
      .catch(() => false)
      .then(async () => {
        const result = await request('importAccounts', preview.file);
        setPreview(null);
        setMessage({
          error: result.skipped.length > 0,
          text: [
            plural('options.data.imported', result.imported.length),
            result.pending.length > 0 ? plural('options.data.needSecret', result.pending.length) : '',
            ...result.skipped.map((s) => t('options.data.skipped', { label: preview.file.accounts[s.index]!.label, reason: s.reason })),
          ]
            .filter(Boolean)
            .join(' '),
        });
        onNeedSecrets(result.pending);
      })
      .catch((error: unknown) => setMessage({ error: true, text: toErrorInfo(error).detail ?? t('options.data.importFailed') }))
      .finally(() => setImporting(false));
  };

  const forget = async () => {
    await request('forgetEverything', {});
    setConfirmForget(false);
    setMessage({ error: false, text: t('options.data.forgotten') });
  };

  const discard = async () => {
    const { discarded } = await request('discardDamaged', {});
    setMessage({ error: false, text: plural('options.data.discarded', discarded) });
  };

  return (
    <div className="data-section">
      {problems.length > 0 && (
        <div className="banner banner-error" role="alert">
          <div className="banner-text">
            <strong>{t('options.data.unreadable')}</strong>
            {problems.map((p) => (
              <span key={p.key + p.message} className="banner-detail">
                {p.message}
              </span>
            ))}
          </div>
          <button type="button" className="banner-action" onClick={() => void discard()}>
            {t('options.data.discard')}
          </button>
        </div>
      )}
      <div className="data-actions">
        <button type="button" onClick={() => void exportAccounts()}>
          {t('options.data.export')}
        </button>
        <FileButton label={t('options.data.import')} onFile={(file) => void importFile(file)} />
        {confirmForget ? (
          <span className="confirm" role="group" aria-label={t('options.data.forgetQuestion')}>
            <span>{t('options.data.forgetConfirm')}</span>
            <button type="button" className="danger" onClick={() => void forget()}>
              {t('options.data.forgetAll')}
            </button>
            <button type="button" onClick={() => setConfirmForget(false)} autoFocus>
              {t('options.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirmForget(true)}>
            {t('options.data.forget')}
          </button>
        )}
      </div>
      {preview && (
        <ImportPreview
          fileName={preview.fileName}
          accounts={preview.accounts}
          hosts={preview.hosts}
          busy={importing}
          onConfirm={confirmImport}
          onCancel={() => setPreview(null)}
        />
      )}
      {message && (
        <p className={message.error ? 'field-error' : 'ok'} role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}
