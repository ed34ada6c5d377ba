import type { DefinitionDraft } from '../../../lib/views/definitions';
import type { SectionProps } from './section-props';
import { Field } from './Field';

export function AccountFields({ draft, errors, onChange }: SectionProps) {
  const set = (index: number, patch: Partial<DefinitionDraft['fields'][number]>) =>
    onChange((d) => ({ ...d, fields: d.fields.map((f, i) => (i === index ? { ...f, ...patch } : f)) }));
  return (
    <fieldset>
      <legend>Account fields</legend>
      <p className="help">
        What each account of this provider asks for, besides the base URL. Place them in the path or the auth with {'{name}'}.
      </p>
      {draft.fields.map((field, index) => (
        <div className="row" key={index}>
          <Field
            id={`account-field-name-${index}`}
            label="Field name"
            mono
            value={field.name}
            error={errors[`fields.${index}.name`]}
            onChange={(name) => set(index, { name })}
          />
          <Field
            id={`account-field-label-${index}`}
            label="Field label"
            value={field.label}
            error={errors[`fields.${index}.label`]}
            onChange={(label) => set(index, { label })}
          />
          <label className="checkbox">
            <input type="checkbox" checked={field.secret} onChange={(e) => set(index, { secret: e.target.checked })} /> Secret
          </label>
          <button
            type="button"
            aria-label={`Remove account field ${index + 1}`}
            onClick={() => onChange((d) => ({ ...d, fields: d.fields.filter((_, i) => i !== index) }))}
          >
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
