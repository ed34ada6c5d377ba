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
import { FileButton } from '../FileButton';
import { lazy, Suspense } from 'react';

// The editor, with the definition schema and the expression parser, loads when it is opened.
const DefinitionEditor = lazy(() => import('./DefinitionEditor').then((module) => ({ default: module.DefinitionEditor })));

type Editing = { definition?: ProviderDefinition } | null;

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
      setMessage({ error: false, text: `Removed “${definition.name}”.` });
      await reload();
    } catch (error) {
      setMessage({ error: true, text: `Not removed: ${toErrorInfo(error).detail ?? 'failed'}` });
    }
  };

  const importFile = async (file: File) => {
    const read =
      file.size > IMPORT_LIMITS.maxBytes
        ? { error: `the file is larger than ${IMPORT_LIMITS.maxBytes / 1000} kB` }
        : (await import('../../../lib/views/definitions')).readDefinitionsFile(await file.text());
    if ('error' in read) {
      setMessage({ error: true, text: `${file.name}: ${read.error}.` });
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
        refused.push(`“${definition.name}” not imported: ${toErrorInfo(error).detail ?? 'refused'}`);
      }
    }
    const saved = pending.definitions.length - refused.length;
    setMessage({
      error: refused.length > 0,
      text: [`Imported ${saved} provider definition(s).${saved > 0 ? ' Add accounts for them above.' : ''}`, ...refused].join(' '),
    });
    await reload();
  };

  return (
    <div className="providers-section">
      <p className="muted">
        Connect an API Whoami has no built-in support for: say where its current-user call is, how it authenticates and where each profile
        field is in its answer. Definitions are data — nothing in them runs as code — and they never hold your keys.
      </p>
      {definitions.length > 0 && (
        <ul className="account-list">
          {definitions.map((definition) => (
            <li className="account-row" key={definition.id} aria-label={`Provider ${definition.name}`}>
              <div className="account-main">
                <strong>{definition.name}</strong>
                <span className="muted">
                  {definition.method} {definition.baseUrl}
                  {definition.path}
                </span>
              </div>
              <div className="account-actions">
                {confirming === definition.id ? (
                  <span className="confirm" role="group" aria-label={`Remove ${definition.name}?`}>
                    <button type="button" className="danger" onClick={() => void remove(definition)}>
                      Remove
                    </button>
                    <button type="button" onClick={() => setConfirming(null)} autoFocus>
                      Keep
                    </button>
                  </span>
                ) : (
                  <>
                    <button type="button" aria-label={`Edit provider ${definition.name}`} onClick={() => setEditing({ definition })}>
                      Edit
                    </button>
                    <button
                      type="button"
                      aria-label={`Export provider ${definition.name}`}
                      onClick={() => downloadJson(`whoami-provider-${definition.id}.json`, definitionsFile([definition]))}
                    >
                      Export
                    </button>
                    <button type="button" aria-label={`Remove provider ${definition.name}`} onClick={() => setConfirming(definition.id)}>
                      Remove
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
          <h3 id="definitions-import-title">Import providers from “{pendingImport.fileName}”?</h3>
          <ul className="import-list">
            {pendingImport.definitions.map((definition) => {
              const changes = pendingImport.replaces[definition.id];
              return (
                <li key={definition.id}>
                  <strong>{definition.name}</strong>
                  <span className="muted">
                    {' '}
                    · {definition.baseUrl} —{' '}
                    {changes === undefined ? 'new' : changes.length === 0 ? 'same as yours' : `replaces yours: ${changes.join('; ')}`}
                  </span>
                </li>
              );
            })}
          </ul>
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => void confirmImport(pendingImport)}>
              {Object.keys(pendingImport.replaces).length > 0 ? 'Replace and import' : 'Import'}
            </button>
            <button type="button" onClick={() => setPendingImport(null)}>
              Cancel
            </button>
          </div>
        </section>
      )}
      {editing ? (
        <Suspense fallback={<p className="muted">Opening the editor…</p>}>
          <DefinitionEditor
            key={editing.definition?.id ?? 'new'}
            editing={editing.definition}
            onSaved={(definition) => {
              setEditing(null);
              setMessage({ error: false, text: `Saved “${definition.name}”. Add an account for it above.` });
              void reload();
            }}
            onCancel={() => setEditing(null)}
          />
        </Suspense>
      ) : (
        <div className="data-actions">
          <button type="button" onClick={() => (setMessage(null), setEditing({}))}>
            New provider
          </button>
          <FileButton label="Import providers…" onFile={(file) => void importFile(file)} />
          {definitions.length > 0 && (
            <button type="button" onClick={() => downloadJson('whoami-providers.json', definitionsFile(definitions))}>
              Export providers
            </button>
          )}
        </div>
      )}
    </div>
  );
}
