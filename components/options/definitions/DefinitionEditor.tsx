import { useState } from 'react';
import type { ProviderDefinition } from '../../../lib/custom/definition';
import { toErrorInfo } from '../../../lib/errors';
import { request } from '../../../lib/messaging/client';
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
import { TryIt } from './TryIt';

type Change = (draft: DefinitionDraft) => DefinitionDraft;

function AccountFields({ draft, errors, onChange }: { draft: DefinitionDraft; errors: Record<string, string>; onChange: (c: Change) => void }) {
  const set = (index: number, patch: Partial<DefinitionDraft['fields'][number]>) =>
    onChange((d) => ({ ...d, fields: d.fields.map((f, i) => (i === index ? { ...f, ...patch } : f)) }));
  return (
    <fieldset>
      <legend>Account fields</legend>
      <p className="help">What each account of this provider asks for, besides the base URL. Place them in the path or the auth with {'{name}'}.</p>
      {draft.fields.map((field, index) => (
        <div className="row" key={index}>
          <Field id={`account-field-name-${index}`} label="Field name" mono value={field.name} error={errors[`fields.${index}.name`]} onChange={(name) => set(index, { name })} />
          <Field id={`account-field-label-${index}`} label="Field label" value={field.label} error={errors[`fields.${index}.label`]} onChange={(label) => set(index, { label })} />
          <label className="checkbox">
            <input type="checkbox" checked={field.secret} onChange={(e) => set(index, { secret: e.target.checked })} /> Secret
          </label>
          <button type="button" aria-label={`Remove account field ${index + 1}`} onClick={() => onChange((d) => ({ ...d, fields: d.fields.filter((_, i) => i !== index) }))}>
            Remove
          </button>
        </div>
      ))}
      {errors.fields && <p className="field-error">{errors.fields}</p>}
      <button type="button" onClick={() => onChange((d) => ({ ...d, fields: [...d.fields, { name: '', label: '', secret: false }] }))}>
        Add account field
      </button>
    </fieldset>
  );
}

function Authentication({ draft, errors, onChange }: { draft: DefinitionDraft; errors: Record<string, string>; onChange: (c: Change) => void }) {
  const type = draft.authType;
  return (
    <fieldset>
      <legend>Authentication</legend>
      <div className="form-field">
        <label htmlFor="auth-type">Sent as</label>
        <select id="auth-type" value={type} onChange={(e) => onChange((d) => ({ ...d, authType: e.target.value as DefinitionDraft['authType'] }))}>
          <option value="header">A header</option>
          <option value="query">A query parameter</option>
          <option value="browser-session">The browser's own session cookie</option>
          <option value="none">Nothing</option>
        </select>
      </div>
      {(type === 'header' || type === 'query') && (
        <div className="row">
          <Field id="auth-name" label={type === 'header' ? 'Header name' : 'Parameter name'} mono value={draft.authName} error={errors['auth.name']} onChange={(authName) => onChange((d) => ({ ...d, authName }))} />
          <Field
            id="auth-value"
            label={type === 'header' ? 'Header value' : 'Parameter value'}
            mono
            value={draft.authValue}
            error={errors['auth.value']}
            help="A scheme and a secret account field, e.g. Bearer {token}. Never the key itself."
            onChange={(authValue) => onChange((d) => ({ ...d, authValue }))}
          />
        </div>
      )}
      {type === 'browser-session' && (
        <Field id="auth-cookie" label="Session cookie name" mono value={draft.cookie} error={errors['auth.cookie']} onChange={(cookie) => onChange((d) => ({ ...d, cookie }))} />
      )}
    </fieldset>
  );
}

function UpdateCall({ draft, errors, onChange }: { draft: DefinitionDraft; errors: Record<string, string>; onChange: (c: Change) => void }) {
  const update = draft.update;
  const set = (patch: Partial<NonNullable<DefinitionDraft['update']>>) => onChange((d) => ({ ...d, update: d.update && { ...d.update, ...patch } }));
  return (
    <fieldset>
      <legend>Profile edits</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={update !== null}
          onChange={(e) =>
            onChange((d) => ({
              ...d,
              update: e.target.checked ? { method: 'PATCH', path: d.path, body: 'json', fields: [{ field: 'firstName', key: 'first_name', label: 'First name' }] } : null,
            }))
          }
        />{' '}
        This API lets users change their profile
      </label>
      {update && (
        <>
          <div className="row">
            <div className="form-field">
              <label htmlFor="update-method">Method</label>
              <select id="update-method" value={update.method} onChange={(e) => set({ method: e.target.value as 'PATCH' | 'PUT' | 'POST' })}>
                <option>PATCH</option>
                <option>PUT</option>
                <option>POST</option>
              </select>
            </div>
            <Field id="update-path" label="Path" mono value={update.path} error={errors['update.path']} help="{profile.id} places the user's id." onChange={(path) => set({ path })} />
            <div className="form-field">
              <label htmlFor="update-body">Body</label>
              <select id="update-body" value={update.body} onChange={(e) => set({ body: e.target.value as 'json' | 'form' })}>
                <option value="json">JSON</option>
                <option value="form">Form-encoded</option>
              </select>
            </div>
          </div>
          {update.fields.map((field, index) => (
            <div className="row" key={index}>
              <div className="form-field">
                <label htmlFor={`update-field-${index}`}>Profile field</label>
                <select
                  id={`update-field-${index}`}
                  value={field.field}
                  onChange={(e) => set({ fields: update.fields.map((f, i) => (i === index ? { ...f, field: e.target.value } : f)) })}
                >
                  <option value="firstName">First name</option>
                  <option value="lastName">Last name</option>
                  <option value="username">Username</option>
                  <option value="phone">Phone</option>
                </select>
              </div>
              <Field id={`update-key-${index}`} label="Body key" mono value={field.key} error={errors[`update.fields.${index}.key`]} onChange={(key) => set({ fields: update.fields.map((f, i) => (i === index ? { ...f, key } : f)) })} />
              <Field id={`update-label-${index}`} label="Label" value={field.label} error={errors[`update.fields.${index}.label`]} onChange={(label) => set({ fields: update.fields.map((f, i) => (i === index ? { ...f, label } : f)) })} />
              <button type="button" aria-label={`Remove editable field ${index + 1}`} onClick={() => set({ fields: update.fields.filter((_, i) => i !== index) })}>
                Remove
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set({ fields: [...update.fields, { field: 'lastName', key: '', label: '' }] })}>
            Add editable field
          </button>
        </>
      )}
    </fieldset>
  );
}

/** The editor for a user-defined provider: structured fields, or the whole definition as JSON. */
export function DefinitionEditor({
  editing,
  onSaved,
  onCancel,
}: {
  editing?: ProviderDefinition;
  onSaved: (definition: ProviderDefinition) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<DefinitionDraft>(() => (editing ? draftFromDefinition(editing) : emptyDraft()));
  const [json, setJson] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [saveError, setSaveError] = useState<ReturnType<typeof toErrorInfo> | null>(null);
  const checked = json === null ? checkDraft(draft) : checkDefinitionJson(json);
  const errors = showErrors || json !== null ? checked.errors : {};

  const change = (update: Change) => setDraft((d) => update(d));
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
    <form className="definition-editor account-form" onSubmit={save} noValidate aria-label={editing ? `Edit ${editing.name}` : 'New provider'}>
      <h3>{editing ? `Edit “${editing.name}”` : 'Describe a provider'}</h3>
      <div className="form-actions">
        <button type="button" aria-pressed={json !== null} onClick={toggleJson} disabled={json !== null && !checked.definition}>
          {json === null ? 'Edit as JSON' : 'Back to the form'}
        </button>
      </div>
      {json !== null ? (
        <div className="form-field">
          <label htmlFor="definition-json">Definition (JSON)</label>
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
            <legend>The current-user call</legend>
            <div className="row">
              <Field id="def-name" label="Name" value={draft.name} error={errors.name} onChange={changeName} />
              <Field id="def-id" label="Provider ID" mono value={draft.id} error={errors.id} help={editing ? 'Fixed once saved.' : 'Used in account ids.'} onChange={(id) => !editing && change((d) => ({ ...d, id }))} />
            </div>
            <Field id="def-base-url" label="Base URL" mono value={draft.baseUrl} error={errors.baseUrl} onChange={(baseUrl) => change((d) => ({ ...d, baseUrl }))} />
            <div className="row">
              <div className="form-field">
                <label htmlFor="def-method">Method</label>
                <select id="def-method" value={draft.method} onChange={(e) => change((d) => ({ ...d, method: e.target.value as 'GET' | 'POST' }))}>
                  <option>GET</option>
                  <option>POST</option>
                </select>
              </div>
              <Field id="def-path" label="Path" mono value={draft.path} error={errors.path} help="e.g. /v1/users/{userId}" onChange={(path) => change((d) => ({ ...d, path }))} />
            </div>
            <Field
              id="def-envelope"
              label="User object at"
              mono
              value={draft.envelope}
              error={errors.envelope}
              help="Where the user sits in the answer: data, _data, result.user — or empty for the top."
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
        <legend>Try it</legend>
        <TryIt definition={checked.definition} onInvalid={() => setShowErrors(true)} />
      </fieldset>
      {saveError && (
        <p role="alert">
          <ErrorLine prefix="Not saved: " error={saveError} context={{ providerName: draft.name || 'Provider', host: 'Whoami', inOptions: true }} />
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          Save provider
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
