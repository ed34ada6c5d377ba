import type { DefinitionDraft } from '../../../lib/views/definitions';
import type { SectionProps } from './section-props';
import { Field } from './Field';

export function UpdateCall({ draft, errors, onChange }: SectionProps) {
  const update = draft.update;
  const set = (patch: Partial<NonNullable<DefinitionDraft['update']>>) =>
    onChange((d) => ({ ...d, update: d.update && { ...d.update, ...patch } }));
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
              update: e.target.checked
                ? { method: 'PATCH', path: d.path, body: 'json', fields: [{ field: 'firstName', key: 'first_name', label: 'First name' }] }
                : null,
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
              <select
                id="update-method"
                value={update.method}
                onChange={(e) => set({ method: e.target.value as 'PATCH' | 'PUT' | 'POST' })}
              >
                <option>PATCH</option>
                <option>PUT</option>
                <option>POST</option>
              </select>
            </div>
            <Field
              id="update-path"
              label="Path"
              mono
              value={update.path}
              error={errors['update.path']}
              help="{profile.id} places the user's id."
              onChange={(path) => set({ path })}
            />
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
              <Field
                id={`update-key-${index}`}
                label="Body key"
                mono
                value={field.key}
                error={errors[`update.fields.${index}.key`]}
                onChange={(key) => set({ fields: update.fields.map((f, i) => (i === index ? { ...f, key } : f)) })}
              />
              <Field
                id={`update-label-${index}`}
                label="Label"
                value={field.label}
                error={errors[`update.fields.${index}.label`]}
                onChange={(label) => set({ fields: update.fields.map((f, i) => (i === index ? { ...f, label } : f)) })}
              />
              <button
                type="button"
                aria-label={`Remove editable field ${index + 1}`}
                onClick={() => set({ fields: update.fields.filter((_, i) => i !== index) })}
              >
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
