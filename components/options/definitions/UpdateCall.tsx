import type { DefinitionDraft } from '../../../lib/views/definitions';
import type { SectionProps } from './section-props';
import { Field } from './Field';
import { t } from '../../../lib/shared/i18n';

const UPDATE_METHODS = ['PATCH', 'PUT', 'POST'] as const;

export function UpdateCall({ draft, errors, onChange }: SectionProps) {
  const update = draft.update;
  const set = (patch: Partial<NonNullable<DefinitionDraft['update']>>) =>
    onChange((d) => ({ ...d, update: d.update && { ...d.update, ...patch } }));
  return (
    <fieldset>
      <legend>{t('definitions.update.legend')}</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={update !== null}
          onChange={(e) =>
            onChange((d) => ({
              ...d,
              update: e.target.checked
                ? {
                    method: 'PATCH',
                    path: d.path,
                    body: 'json',
                    fields: [{ field: 'firstName', key: 'first_name', label: t('definitions.profile.firstName') }],
                  }
                : null,
            }))
          }
        />{' '}
        {t('definitions.update.enabled')}
      </label>
      {update && (
        <>
          <div className="row">
            <div className="form-field">
              <label htmlFor="update-method">{t('definitions.method')}</label>
              <select
                id="update-method"
                value={update.method}
                onChange={(e) => set({ method: e.target.value as 'PATCH' | 'PUT' | 'POST' })}
              >
                {UPDATE_METHODS.map((method) => (
                  <option key={method}>{method}</option>
                ))}
              </select>
            </div>
            <Field
              id="update-path"
              label={t('definitions.path')}
              mono
              value={update.path}
              error={errors['update.path']}
              help={t('definitions.update.pathHelp', { placeholder: '{profile.id}' })}
              onChange={(path) => set({ path })}
            />
            <div className="form-field">
              <label htmlFor="update-body">{t('definitions.update.body')}</label>
              <select id="update-body" value={update.body} onChange={(e) => set({ body: e.target.value as 'json' | 'form' })}>
                <option value="json">{t('definitions.update.bodyJson')}</option>
                <option value="form">{t('definitions.update.bodyForm')}</option>
              </select>
            </div>
          </div>
          {update.fields.map((field, index) => (
            <div className="row" key={index}>
              <div className="form-field">
                <label htmlFor={`update-field-${index}`}>{t('definitions.update.field')}</label>
                <select
                  id={`update-field-${index}`}
                  value={field.field}
                  onChange={(e) => set({ fields: update.fields.map((f, i) => (i === index ? { ...f, field: e.target.value } : f)) })}
                >
                  <option value="displayName">{t('definitions.profile.name')}</option>
                  <option value="firstName">{t('definitions.profile.firstName')}</option>
                  <option value="lastName">{t('definitions.profile.lastName')}</option>
                  <option value="username">{t('definitions.profile.username')}</option>
                  <option value="phone">{t('definitions.profile.phone')}</option>
                </select>
              </div>
              <Field
                id={`update-key-${index}`}
                label={t('definitions.update.key')}
                mono
                value={field.key}
                error={errors[`update.fields.${index}.key`]}
                onChange={(key) => set({ fields: update.fields.map((f, i) => (i === index ? { ...f, key } : f)) })}
              />
              <Field
                id={`update-label-${index}`}
                label={t('definitions.update.label')}
                value={field.label}
                error={errors[`update.fields.${index}.label`]}
                onChange={(label) => set({ fields: update.fields.map((f, i) => (i === index ? { ...f, label } : f)) })}
              />
              <button
                type="button"
                aria-label={t('definitions.update.removeLabel', { number: index + 1 })}
                onClick={() => set({ fields: update.fields.filter((_, i) => i !== index) })}
              >
                {t('definitions.remove')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set({ fields: [...update.fields, { field: 'lastName', key: '', label: '' }] })}>
            {t('definitions.update.add')}
          </button>
          <FixedParts parts={update.with ?? []} errors={errors} onChange={(parts) => set({ with: parts })} />
        </>
      )}
    </fieldset>
  );
}

const MAX_FIXED_PARTS = 6;

/** What every edit sends beside the change (PagerDuty's `user.type`, the email), as rows. */
function FixedParts({
  parts,
  errors,
  onChange,
}: {
  parts: Array<{ key: string; value: string }>;
  errors: Record<string, string>;
  onChange: (parts: Array<{ key: string; value: string }>) => void;
}) {
  const set = (index: number, part: 'key' | 'value', text: string) =>
    onChange(parts.map((row, i) => (i === index ? { ...row, [part]: text } : row)));
  return (
    <div className="fixed-parts">
      <p className="label">{t('definitions.update.withTitle')}</p>
      <p className="help">{t('definitions.update.withHelp', { example: '{profile.email}' })}</p>
      {parts.map((row, index) => (
        <div className="row" key={index}>
          <Field
            id={`update-with-${index}-key`}
            label={t('definitions.update.key')}
            mono
            value={row.key}
            error={errors[`update.with.${index}.key`]}
            onChange={(text) => set(index, 'key', text)}
          />
          <Field
            id={`update-with-${index}-value`}
            label={t('definitions.update.withValue')}
            mono
            value={row.value}
            error={errors[`update.with.${index}.value`]}
            onChange={(text) => set(index, 'value', text)}
          />
          <button
            type="button"
            aria-label={t('definitions.update.removeWithLabel', { key: row.key || String(index + 1) })}
            onClick={() => onChange(parts.filter((_, i) => i !== index))}
          >
            {t('definitions.remove')}
          </button>
        </div>
      ))}
      {parts.length < MAX_FIXED_PARTS && (
        <button type="button" onClick={() => onChange([...parts, { key: '', value: '' }])}>
          {t('definitions.update.addWith')}
        </button>
      )}
    </div>
  );
}
