import { useState } from 'react';
import type { CredentialField } from '../../lib/shared/providers/types';
import { FieldNotes, notesFor } from './FieldNotes';
import { t, uiLocale } from '../../lib/shared/i18n';
import { matchesPrefixes } from '../../lib/views/token-format';

/** One generated settings input: visible label, help, inline error, reveal toggle for secrets. */
export function CredentialInput({
  field,
  value,
  error,
  keptHint,
  providerName,
  onChange,
  onBlur,
}: {
  field: CredentialField;
  value: string;
  error?: string;
  /** For a stored secret: its masked hint, shown while the input is left empty. */
  keptHint?: string;
  /** For the warning when a value doesn't look like the provider's tokens. */
  providerName: string;
  onChange: (value: string) => void;
  onBlur: () => void;
}) {
  const [revealed, setRevealed] = useState(false);
  const id = `field-${field.name}`;
  // Said before Test connection, never refused: a provider may change its token format.
  const unexpected = !error && !matchesPrefixes(value, field.prefixes);
  const describedBy = [notesFor(id, field.help, error), unexpected ? `${id}-format` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onBlur,
  } as const;

  let input;
  if (field.kind === 'consent') {
    input = <input {...common} type="checkbox" checked={value === 'true'} onChange={(e) => onChange(e.target.checked ? 'true' : '')} />;
  } else if (field.kind === 'choice') {
    input = (
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        {field.choices?.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    );
  } else {
    const secret = field.kind === 'secret';
    input = (
      <span className="input-row">
        <input
          {...common}
          type={secret && !revealed ? 'password' : field.kind === 'url' ? 'url' : 'text'}
          value={value}
          placeholder={keptHint ? t('options.form.unchanged', { hint: keptHint }) : field.placeholder}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
        {secret && (
          <button
            type="button"
            className="reveal"
            aria-pressed={revealed}
            aria-label={
              revealed ? t('options.form.hideField', { field: field.label }) : t('options.form.showField', { field: field.label })
            }
            onClick={() => setRevealed((r) => !r)}
          >
            {revealed ? t('options.form.hide') : t('options.form.show')}
          </button>
        )}
      </span>
    );
  }

  return (
    <div className={`form-field${field.kind === 'consent' ? ' form-field-consent' : ''}`}>
      <label htmlFor={id}>{field.label}</label>
      {input}
      <FieldNotes id={id} help={field.help && (keptHint ? `${field.help} ${t('options.form.keepSaved')}` : field.help)} error={error} />
      {unexpected && (
        <p className="field-warning" id={`${id}-format`}>
          {t('options.gallery.unexpectedFormat', {
            provider: providerName,
            prefixes: new Intl.ListFormat(uiLocale(), { type: 'disjunction' }).format(field.prefixes ?? []),
          })}
        </p>
      )}
    </div>
  );
}
