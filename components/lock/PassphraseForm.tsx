import { useState } from 'react';
import { toErrorInfo } from '../../lib/shared/errors';
import { t } from '../../lib/shared/i18n';

export interface PassphraseField {
  name: string;
  label: string;
  /** `new-password` lets a password manager offer to save what is typed. */
  autoComplete: 'current-password' | 'new-password';
}

/**
 * A form of passphrase fields with one button. What is typed stays in the form until the
 * background answers; a wrong passphrase is said on its field, and nothing typed is lost.
 */
export function PassphraseForm({
  id,
  fields,
  submitLabel,
  busyLabel,
  check,
  onSubmit,
  onCancel,
  children,
}: {
  id: string;
  fields: PassphraseField[];
  submitLabel: string;
  busyLabel: string;
  /** Errors found before anything is sent, by field name. */
  check?: (values: Record<string, string>) => Record<string, string>;
  onSubmit: (values: Record<string, string>) => Promise<void>;
  onCancel?: () => void;
  /** Beside the buttons: the popup's way to a forgotten passphrase. */
  children?: React.ReactNode;
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Typed where no one looks over the shoulder, a long passphrase is easier to get right seen.
  const [shown, setShown] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = check?.(values) ?? {};
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await onSubmit(values);
      setValues({});
    } catch (error) {
      const info = toErrorInfo(error);
      const byField = Object.fromEntries(
        fields.flatMap(({ name }) => (info.fieldErrors[name]?.[0] ? [[name, info.fieldErrors[name][0]]] : [])),
      );
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFormError(info.detail ?? t('errors.internal'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="passphrase-form" onSubmit={(event) => void submit(event)} aria-busy={busy}>
      {fields.map(({ name, label, autoComplete }, index) => (
        <div className="field" key={name}>
          <label htmlFor={`${id}-${name}`}>{label}</label>
          <input
            id={`${id}-${name}`}
            type={shown ? 'text' : 'password'}
            autoComplete={autoComplete}
            // The first field takes the keyboard: the form opens because the user wants to type.
            autoFocus={index === 0}
            value={values[name] ?? ''}
            aria-invalid={errors[name] ? true : undefined}
            aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
            onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
          />
          {errors[name] && (
            <p className="field-error" id={`${id}-${name}-error`} role="alert">
              {errors[name]}
            </p>
          )}
        </div>
      ))}
      <label className="checkbox">
        <input type="checkbox" checked={shown} onChange={(event) => setShown(event.target.checked)} /> {t('lock.showPassphrase')}
      </label>
      {formError && (
        <p className="field-error" role="alert">
          {formError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('options.cancel')}
          </button>
        )}
        {children}
      </div>
    </form>
  );
}
