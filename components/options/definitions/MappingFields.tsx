import { mappedFields, type MappedField } from '../../../lib/shared/custom/definition';
import { t } from '../../../lib/shared/i18n';
import { Field } from './Field';
import type { SectionProps } from './section-props';

function labels(): Record<MappedField, string> {
  return {
    id: t('definitions.profile.id'),
    name: t('definitions.profile.name'),
    firstName: t('definitions.profile.firstName'),
    lastName: t('definitions.profile.lastName'),
    username: t('definitions.profile.username'),
    email: t('definitions.profile.email'),
    emailVerified: t('definitions.profile.emailVerified'),
    phone: t('definitions.profile.phone'),
    avatarUrl: t('definitions.profile.avatarUrl'),
    roles: t('definitions.profile.roles'),
    organization: t('definitions.profile.organization'),
    plan: t('definitions.profile.plan'),
    trial: t('definitions.profile.trial'),
    createdAt: t('definitions.profile.createdAt'),
    updatedAt: t('definitions.profile.updatedAt'),
    sessionExpiresAt: t('definitions.profile.sessionExpiresAt'),
  };
}

// The examples in the help, each shown as code where the message has its {placeholder}.
const HELP_CODE = {
  path: 'data.first_name',
  listPath: 'emails[0].email',
  join: 'a + b',
  fallback: 'a ?? b',
  epoch: '| epoch',
  iso: '| iso',
  date: '| date',
  countOp: '| count',
  first: '| first',
  outside: '$.path',
};

/** The help text, its examples in <code>. */
function MappingHelp() {
  // Each {placeholder} is kept as it is in the message, then split out and shown as code.
  const marked = Object.fromEntries(Object.keys(HELP_CODE).map((name) => [name, `{${name}}`])) as Record<keyof typeof HELP_CODE, string>;
  const parts = t('definitions.mapping.help', marked).split(/\{(\w+)\}/);
  return (
    <p className="help">
      {parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{HELP_CODE[part as keyof typeof HELP_CODE] ?? part}</code> : part))}
    </p>
  );
}

/** Where each profile field is in the answer, as compact expressions; details as rows. */
export function MappingFields({ draft, errors, onChange }: SectionProps) {
  const setDetail = (index: number, patch: Partial<{ label: string; value: string }>) =>
    onChange((d) => ({ ...d, details: d.details.map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  const fieldLabels = labels();
  return (
    <>
      <fieldset className="mapping">
        <legend>{t('definitions.mapping.legend')}</legend>
        <MappingHelp />
        <div className="mapping-grid">
          {mappedFields.map((field) => (
            <Field
              key={field}
              id={`map-${field}`}
              label={fieldLabels[field]}
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
        <legend>{t('definitions.mapping.details')}</legend>
        {draft.details.map((row, index) => (
          <div className="row" key={index}>
            <Field
              id={`detail-label-${index}`}
              label={t('definitions.mapping.detailLabel')}
              value={row.label}
              error={errors[`details.${index}.label`]}
              onChange={(label) => setDetail(index, { label })}
            />
            <Field
              id={`detail-value-${index}`}
              label={t('definitions.mapping.detailValue')}
              mono
              value={row.value}
              error={errors[`details.${index}.value`]}
              onChange={(value) => setDetail(index, { value })}
            />
            <button
              type="button"
              aria-label={t('definitions.mapping.removeDetail', { number: index + 1 })}
              onClick={() => onChange((d) => ({ ...d, details: d.details.filter((_, i) => i !== index) }))}
            >
              {t('definitions.remove')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => onChange((d) => ({ ...d, details: [...d.details, { label: '', value: '' }] }))}>
          {t('definitions.mapping.addDetail')}
        </button>
      </fieldset>
    </>
  );
}
