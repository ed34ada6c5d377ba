import type { DefinitionDraft } from '../../../lib/views/definitions';
import type { SectionProps } from './section-props';
import { Field } from './Field';
import { t } from '../../../lib/shared/i18n';

export function AccountFields({ draft, errors, onChange }: SectionProps) {
  const set = (index: number, patch: Partial<DefinitionDraft['fields'][number]>) =>
    onChange((d) => ({ ...d, fields: d.fields.map((f, i) => (i === index ? { ...f, ...patch } : f)) }));
  return (
    <fieldset>
      <legend>{t('definitions.accountFields.legend')}</legend>
      <p className="help">{t('definitions.accountFields.help', { placeholder: '{name}' })}</p>
      {draft.fields.map((field, index) => (
        <div className="row" key={index}>
          <Field
            id={`account-field-name-${index}`}
            label={t('definitions.accountFields.name')}
            mono
            value={field.name}
            error={errors[`fields.${index}.name`]}
            onChange={(name) => set(index, { name })}
          />
          <Field
            id={`account-field-label-${index}`}
            label={t('definitions.accountFields.label')}
            value={field.label}
            error={errors[`fields.${index}.label`]}
            onChange={(label) => set(index, { label })}
          />
          <label className="checkbox">
            <input type="checkbox" checked={field.secret} onChange={(e) => set(index, { secret: e.target.checked })} />{' '}
            {t('definitions.accountFields.secret')}
          </label>
          <button
            type="button"
            aria-label={t('definitions.accountFields.removeLabel', { number: index + 1 })}
            onClick={() => onChange((d) => ({ ...d, fields: d.fields.filter((_, i) => i !== index) }))}
          >
            {t('definitions.remove')}
          </button>
        </div>
      ))}
      {errors.fields && <p className="field-error">{errors.fields}</p>}
      <button type="button" onClick={() => onChange((d) => ({ ...d, fields: [...d.fields, { name: '', label: '', secret: false }] }))}>
        {t('definitions.accountFields.add')}
      </button>
    </fieldset>
  );
}
