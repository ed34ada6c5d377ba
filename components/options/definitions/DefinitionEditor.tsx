import { useState } from 'react';
import type { ProviderDefinition } from '../../../lib/shared/custom/definition';
import { toErrorInfo } from '../../../lib/shared/errors';
import { request } from '../../../lib/views/messaging';
import {
  checkDefinitionJson,
  checkDraft,
  type DefinitionDraft,
  definitionFromDraft,
  draftFromDefinition,
  emptyDraft,
  slugify,
} from '../../../lib/views/definitions';
import { ErrorLine } from '../ErrorLine';
import { Field } from './Field';
import { MappingFields } from './MappingFields';
import { AccountFields } from './AccountFields';
import { Authentication } from './Authentication';
import type { DraftChange } from './section-props';
import { UpdateCall } from './UpdateCall';
import { TryIt } from './TryIt';
import { t } from '../../../lib/shared/i18n';

const CALL_METHODS = ['GET', 'POST'] as const;

/** The editor for a user-defined provider: structured fields, or the whole definition as JSON. */
export function DefinitionEditor({
  editing,
  copyOf,
  onSaved,
  onCancel,
}: {
  editing?: ProviderDefinition;
  /** A new definition starting from another's (a ready provider's), under a name and id of its own. */
  copyOf?: ProviderDefinition;
  onSaved: (definition: ProviderDefinition) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<DefinitionDraft>(() => {
    if (editing) return draftFromDefinition(editing);
    if (!copyOf) return emptyDraft();
    const name = t('definitions.providers.copyName', { name: copyOf.name });
    return { ...draftFromDefinition(copyOf), name, id: slugify(name) };
  });
  const [json, setJson] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [saveError, setSaveError] = useState<ReturnType<typeof toErrorInfo> | null>(null);
  const checked = json === null ? checkDraft(draft) : checkDefinitionJson(json);
  const errors = showErrors || json !== null ? checked.errors : {};

  const change = (update: DraftChange) => setDraft((d) => update(d));
  const changeName = (name: string) =>
    change((d) => ({ ...d, name, id: editing || (d.id !== '' && d.id !== slugify(d.name)) ? d.id : slugify(name) }));

  // The form comes back only from JSON that is a whole, valid definition.
  const toggleJson = () => {
    if (json === null) setJson(JSON.stringify(definitionFromDraft(draft), null, 2));
    else if (checked.definition) {
      setDraft(draftFromDefinition(checked.definition));
      setJson(null);
    }
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (!checked.definition) {
      document.querySelector<HTMLElement>('.definition-editor [aria-invalid="true"]')?.focus();
      return;
    }
    try {
      await request('saveDefinition', { definition: checked.definition });
      onSaved(checked.definition);
    } catch (error) {
      setSaveError(toErrorInfo(error));
    }
  };

  return (
    <form
      className="definition-editor account-form"
      onSubmit={save}
      noValidate
      aria-label={editing ? t('definitions.editor.editLabel', { name: editing.name }) : t('definitions.newProvider')}
    >
      <h3>{editing ? t('definitions.editor.editTitle', { name: editing.name }) : t('definitions.editor.describe')}</h3>
      <div className="form-actions">
        <button type="button" aria-pressed={json !== null} onClick={toggleJson} disabled={json !== null && !checked.definition}>
          {json === null ? t('definitions.editor.editAsJson') : t('definitions.editor.backToForm')}
        </button>
      </div>
      {json !== null ? (
        <div className="form-field">
          <label htmlFor="definition-json">{t('definitions.editor.json')}</label>
          <textarea
            id="definition-json"
            className="mono"
            rows={24}
            spellCheck={false}
            value={json}
            aria-invalid={checked.definition ? undefined : true}
            aria-describedby="definition-json-errors"
            onChange={(e) => setJson(e.target.value)}
          />
          <div id="definition-json-errors">
            {Object.entries(errors).map(([path, message]) => (
              <p className="field-error" key={path}>
                {path}: {message}
              </p>
            ))}
          </div>
        </div>
      ) : (
        <>
          <fieldset>
            <legend>{t('definitions.editor.currentUserCall')}</legend>
            <div className="row">
              <Field id="def-name" label={t('definitions.editor.name')} value={draft.name} error={errors.name} onChange={changeName} />
              <Field
                id="def-id"
                label={t('definitions.editor.providerId')}
                mono
                value={draft.id}
                error={errors.id}
                help={editing ? t('definitions.editor.idFixed') : t('definitions.editor.idUsed')}
                onChange={(id) => !editing && change((d) => ({ ...d, id }))}
              />
            </div>
            <Field
              id="def-base-url"
              label={t('definitions.editor.baseUrl')}
              mono
              value={draft.baseUrl}
              error={errors.baseUrl}
              onChange={(baseUrl) => change((d) => ({ ...d, baseUrl }))}
            />
            <div className="row">
              <div className="form-field">
                <label htmlFor="def-method">{t('definitions.method')}</label>
                <select
                  id="def-method"
                  value={draft.method}
                  onChange={(e) => change((d) => ({ ...d, method: e.target.value as 'GET' | 'POST' }))}
                >
                  {CALL_METHODS.map((method) => (
                    <option key={method}>{method}</option>
                  ))}
                </select>
              </div>
              <Field
                id="def-path"
                label={t('definitions.path')}
                mono
                value={draft.path}
                error={errors.path}
                help={t('definitions.editor.pathHelp', { example: '/v1/users/{userId}' })}
                onChange={(path) => change((d) => ({ ...d, path }))}
              />
            </div>
            {draft.method === 'POST' && (
              <div className="form-field">
                <label htmlFor="def-body">{t('definitions.editor.body')}</label>
                <textarea
                  id="def-body"
                  className="mono"
                  rows={3}
                  spellCheck={false}
                  value={draft.body}
                  aria-invalid={errors.body ? true : undefined}
                  aria-describedby="def-body-help"
                  onChange={(e) => change((d) => ({ ...d, body: e.target.value }))}
                />
                <p className="help" id="def-body-help">
                  {t('definitions.editor.bodyHelp')}
                </p>
                {errors.body && <p className="field-error">{errors.body}</p>}
              </div>
            )}
            <Field
              id="def-fail-when"
              label={t('definitions.editor.failWhen')}
              mono
              value={draft.failWhen}
              error={errors.failWhen}
              help={t('definitions.editor.failWhenHelp', { example: 'errors[0].message' })}
              onChange={(failWhen) => change((d) => ({ ...d, failWhen }))}
            />
            <Field
              id="def-envelope"
              label={t('definitions.editor.envelope')}
              mono
              value={draft.envelope}
              error={errors.envelope}
              help={t('definitions.editor.envelopeHelp')}
              onChange={(envelope) => change((d) => ({ ...d, envelope }))}
            />
          </fieldset>
          <AccountFields draft={draft} errors={errors} onChange={change} />
          <Authentication draft={draft} errors={errors} onChange={change} />
          <MappingFields draft={draft} errors={errors} onChange={change} />
          <UpdateCall draft={draft} errors={errors} onChange={change} />
        </>
      )}
      <fieldset>
        <legend>{t('definitions.tryIt')}</legend>
        <TryIt definition={checked.definition} onInvalid={() => setShowErrors(true)} />
      </fieldset>
      {saveError && (
        <p role="alert">
          <ErrorLine
            prefix={t('definitions.editor.notSaved')}
            error={saveError}
            context={{ providerName: draft.name || t('definitions.editor.providerFallback'), host: 'Whoami', inOptions: true }}
          />
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          {t('definitions.editor.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('definitions.cancel')}
        </button>
      </div>
    </form>
  );
}
