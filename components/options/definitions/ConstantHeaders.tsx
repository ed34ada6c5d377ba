import type { SectionProps } from './section-props';
import { Field } from './Field';
import { t } from '../../../lib/shared/i18n';

const MAX_HEADERS = 8;

/** Headers every request carries word for word (a versioned Accept, Notion-Version), as rows. */
export function ConstantHeaders({ draft, errors, onChange }: SectionProps) {
  const set = (index: number, part: 'name' | 'value', text: string) =>
    onChange((d) => ({ ...d, headers: d.headers.map((header, i) => (i === index ? { ...header, [part]: text } : header)) }));
  return (
    <div className="constant-headers">
      <p className="label">{t('definitions.headers.title')}</p>
      <p className="help">{t('definitions.headers.help')}</p>
      {errors.headers && <p className="field-error">{errors.headers}</p>}
      {draft.headers.map((header, index) => (
        <div className="row" key={index}>
          <Field
            id={`header-${index}-name`}
            label={t('definitions.headers.name')}
            mono
            value={header.name}
            error={errors[`headers.${index}.name`]}
            onChange={(text) => set(index, 'name', text)}
          />
          <Field
            id={`header-${index}-value`}
            label={t('definitions.headers.value')}
            mono
            value={header.value}
            error={errors[`headers.${index}.value`]}
            onChange={(text) => set(index, 'value', text)}
          />
          <button
            type="button"
            className="remove-row"
            aria-label={t('definitions.headers.removeLabel', { name: header.name || String(index + 1) })}
            onClick={() => onChange((d) => ({ ...d, headers: d.headers.filter((_, i) => i !== index) }))}
          >
            {t('definitions.remove')}
          </button>
        </div>
      ))}
      {draft.headers.length < MAX_HEADERS && (
        <button type="button" onClick={() => onChange((d) => ({ ...d, headers: [...d.headers, { name: '', value: '' }] }))}>
          {t('definitions.headers.add')}
        </button>
      )}
    </div>
  );
}
