import { mappedFields, type MappedField } from '../../../lib/shared/custom/definition';
import { Field } from './Field';
import type { SectionProps } from './section-props';

const LABELS: Record<MappedField, string> = {
  id: 'ID',
  name: 'Full name',
  firstName: 'First name',
  lastName: 'Last name',
  username: 'Username',
  email: 'Email',
  emailVerified: 'Email verified',
  phone: 'Phone',
  avatarUrl: 'Avatar URL',
  roles: 'Roles',
  organization: 'Organization',
  plan: 'Plan',
  trial: 'On trial',
  createdAt: 'Created at',
  updatedAt: 'Updated at',
};

/** Where each profile field is in the answer, as compact expressions; details as rows. */
export function MappingFields({ draft, errors, onChange }: SectionProps) {
  const setDetail = (index: number, patch: Partial<{ label: string; value: string }>) =>
    onChange((d) => ({ ...d, details: d.details.map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  return (
    <>
      <fieldset className="mapping">
        <legend>Profile fields</legend>
        <p className="help">
          A path into the user object (<code>data.first_name</code>, <code>emails[0].email</code>),
          <code> a + b</code> to join, <code>a ?? b</code> for the first present, <code>| epoch</code> / <code>| iso</code> /{' '}
          <code>| date</code> / <code>| count</code> / <code>| first</code> to convert, <code>$.path</code> for outside the envelope, or a
          JSON expression for conditions and lists. Leave empty what the API doesn't have.
        </p>
        <div className="mapping-grid">
          {mappedFields.map((field) => (
            <Field
              key={field}
              id={`map-${field}`}
              label={LABELS[field]}
              mono
              value={draft.profile[field] ?? ''}
              error={errors[`profile.${field}`]}
              onChange={(value) => onChange((d) => ({ ...d, profile: { ...d.profile, [field]: value } }))}
            />
          ))}
        </div>
        {errors.profile && <p className="field-error">{errors.profile}</p>}
      </fieldset>
      <fieldset className="mapping">
        <legend>Details</legend>
        {draft.details.map((row, index) => (
          <div className="row" key={index}>
            <Field
              id={`detail-label-${index}`}
              label="Detail label"
              value={row.label}
              error={errors[`details.${index}.label`]}
              onChange={(label) => setDetail(index, { label })}
            />
            <Field
              id={`detail-value-${index}`}
              label="Detail value"
              mono
              value={row.value}
              error={errors[`details.${index}.value`]}
              onChange={(value) => setDetail(index, { value })}
            />
            <button
              type="button"
              aria-label={`Remove detail ${index + 1}`}
              onClick={() => onChange((d) => ({ ...d, details: d.details.filter((_, i) => i !== index) }))}
            >
              Remove
            </button>
          </div>
        ))}
        <button type="button" onClick={() => onChange((d) => ({ ...d, details: [...d.details, { label: '', value: '' }] }))}>
          Add detail
        </button>
      </fieldset>
    </>
  );
}
