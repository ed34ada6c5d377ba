import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProviderDefinition } from '../../../lib/shared/custom/definition';
import { toErrorInfo } from '../../../lib/shared/errors';
import { request } from '../../../lib/views/messaging';
import { queryKeys } from '../../../lib/views/query/keys';
import { IMPORT_LIMITS } from '../../../lib/shared/json-limits';
import { definitionsFile } from '../../../lib/shared/custom/definitions-file';
import { downloadJson } from '../../../lib/views/download';
import { useDefinitions } from '../../hooks/definitions';
import { isGalleryDefinition } from '../../../lib/shared/gallery/ids';
import { FileButton } from '../FileButton';
import { lazy, Suspense } from 'react';
import { plural, t } from '../../../lib/shared/i18n';

// The editor, with the definition schema and the expression parser, loads when it is opened.
const DefinitionEditor = lazy(() => import('./DefinitionEditor').then((module) => ({ default: module.DefinitionEditor })));

type Editing = { definition?: ProviderDefinition; copyOf?: ProviderDefinition } | null;

interface PendingImport {
  fileName: string;
  definitions: ProviderDefinition[];
  /** For each definition that replaces one of the same id: what would change. */
  replaces: Record<string, string[]>;
}

/** The user's own providers: any API with a current-user call, described without code. */
export function ProvidersSection() {
  const queryClient = useQueryClient();
  const { data } = useDefinitions();
  const definitions = data?.definitions ?? [];
  const [editing, setEditing] = useState<Editing>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [pendingImport, setPendingImport] = useState<PendingImport | null>(null);
  const reload = () => queryClient.invalidateQueries({ queryKey: queryKeys.definitions });

  const remove = async (definition: ProviderDefinition) => {
    setConfirming(null);
    try {
      await request('removeDefinition', { id: definition.id });
      setMessage({ error: false, text: t('definitions.providers.removed', { name: definition.name }) });
      await reload();
    } catch (error) {
      setMessage({
        error: true,
        text: t('definitions.providers.notRemoved', { reason: toErrorInfo(error).detail ?? t('definitions.providers.failed') }),
      });
    }
  };

  const importFile = async (file: File) => {
    const read =
      file.size > IMPORT_LIMITS.maxBytes
        ? { error: t('validation.fileTooLarge', { size: IMPORT_LIMITS.maxBytes / 1000 }) }
        : (await import('../../../lib/views/definitions')).readDefinitionsFile(await file.text());
    if ('error' in read) {
      setMessage({ error: true, text: t('definitions.providers.fileError', { file: file.name, error: read.error }) });
      return;
    }
    const replaces: Record<string, string[]> = {};
    for (const incoming of read.definitions) {
      const existing = definitions.find((d) => d.id === incoming.id);
      if (existing) replaces[incoming.id] = (await import('../../../lib/views/definitions')).definitionChanges(existing, incoming);
    }
    setMessage(null);
    setPendingImport({ fileName: file.name, definitions: read.definitions, replaces });
  };

  /** Saves each definition on its own: one the background refuses doesn't stop the others. */
  const confirmImport = async (pending: PendingImport) => {
    setPendingImport(null);
    const refused: string[] = [];
    for (const definition of pending.definitions) {
      try {
        await request('saveDefinition', { definition });
      } catch (error) {
        refused.push(
          t('definitions.providers.notImported', {
            name: definition.name,
            reason: toErrorInfo(error).detail ?? t('definitions.providers.refused'),
          }),
        );
      }
    }
    const saved = pending.definitions.length - refused.length;
    setMessage({
      error: refused.length > 0,
      text: [
        plural('definitions.providers.imported', saved),
        ...(saved > 0 ? [t('definitions.providers.addAccounts')] : []),
        ...refused,
      ].join(' '),
    });
    await reload();
  };

  return (
    <div className="providers-section">
      <p className="muted">{t('definitions.providers.intro')}</p>
      {definitions.length > 0 && (
        <ul className="account-list">
          {definitions.map((definition) => (
            <li className="account-row" key={definition.id} aria-label={t('definitions.providers.row', { name: definition.name })}>
              <div className="account-main">
                <strong>{definition.name}</strong>
                <span className="muted">
                  {definition.method} {definition.baseUrl}
                  {definition.path}
                  {isGalleryDefinition(definition.id) && ` · ${t('definitions.providers.fromGallery')}`}
                </span>
              </div>
              <div className="account-actions">
                {confirming === definition.id ? (
                  <span className="confirm" role="group" aria-label={t('definitions.providers.confirmRemove', { name: definition.name })}>
                    <button type="button" className="danger" onClick={() => void remove(definition)}>
                      {t('definitions.remove')}
                    </button>
                    <button type="button" onClick={() => setConfirming(null)} autoFocus>
                      {t('definitions.providers.keep')}
                    </button>
                  </span>
                ) : (
                  <>
                    {isGalleryDefinition(definition.id) ? (
                      // A ready provider stays as Whoami ships it: changes go into a copy of the user's own.
                      <button
                        type="button"
                        aria-label={t('definitions.providers.editCopyLabel', { name: definition.name })}
                        onClick={() => setEditing({ copyOf: definition })}
                      >
                        {t('definitions.providers.editCopy')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        aria-label={t('definitions.providers.editLabel', { name: definition.name })}
                        onClick={() => setEditing({ definition })}
                      >
                        {t('definitions.providers.edit')}
                      </button>
                    )}
                    <button
                      type="button"
                      aria-label={t('definitions.providers.exportLabel', { name: definition.name })}
                      onClick={() => downloadJson(`whoami-provider-${definition.id}.json`, definitionsFile([definition]))}
                    >
                      {t('definitions.providers.export')}
                    </button>
                    <button
                      type="button"
                      aria-label={t('definitions.providers.removeLabel', { name: definition.name })}
                      onClick={() => setConfirming(definition.id)}
                    >
                      {t('definitions.remove')}
                    </button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p className={message.error ? 'field-error' : 'ok'} role="status">
          {message.text}
        </p>
      )}
      {pendingImport && (
        <section className="import-preview" aria-labelledby="definitions-import-title">
          <h3 id="definitions-import-title">{t('definitions.providers.importTitle', { file: pendingImport.fileName })}</h3>
          <ul className="import-list">
            {pendingImport.definitions.map((definition) => {
              const changes = pendingImport.replaces[definition.id];
              return (
                <li key={definition.id}>
                  <strong>{definition.name}</strong>
                  <span className="muted">
                    {' '}
                    · {definition.baseUrl} —{' '}
                    {changes === undefined
                      ? t('definitions.providers.isNew')
                      : changes.length === 0
                        ? t('definitions.providers.sameAsYours')
                        : t('definitions.providers.replacesYours', { changes: changes.join('; ') })}
                  </span>
                </li>
              );
            })}
          </ul>
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void confirmImport(pendingImport)}>
              {Object.keys(pendingImport.replaces).length > 0
                ? t('definitions.providers.replaceAndImport')
                : t('definitions.providers.import')}
            </button>
            <button type="button" onClick={() => setPendingImport(null)}>
              {t('definitions.cancel')}
            </button>
          </div>
        </section>
      )}
      {editing ? (
        <Suspense fallback={<p className="muted">{t('definitions.providers.openingEditor')}</p>}>
          <DefinitionEditor
            key={editing.definition?.id ?? (editing.copyOf ? `copy-${editing.copyOf.id}` : 'new')}
            editing={editing.definition}
            copyOf={editing.copyOf}
            onSaved={(definition) => {
              setEditing(null);
              setMessage({ error: false, text: t('definitions.providers.saved', { name: definition.name }) });
              void reload();
            }}
            onCancel={() => setEditing(null)}
          />
        </Suspense>
      ) : (
        <div className="data-actions">
          <button type="button" onClick={() => (setMessage(null), setEditing({}))}>
            {t('definitions.newProvider')}
          </button>
          <FileButton label={t('definitions.providers.importFile')} onFile={(file) => void importFile(file)} />
          {definitions.length > 0 && (
            <button type="button" onClick={() => downloadJson('whoami-providers.json', definitionsFile(definitions))}>
              {t('definitions.providers.exportAll')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
