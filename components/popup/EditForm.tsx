import { useEffect, useState } from 'react';
import { describeError } from '../../lib/views/error-text';
import { toErrorInfo } from '../../lib/shared/errors';
import type { AccountSummary } from '../../lib/shared/model';
import type { Profile } from '../../lib/shared/profile';
import { discardDraft, type Draft, saveDraft } from '../../lib/views/drafts';
import { formFieldErrors, valuesFromProfile } from '../../lib/views/profile-edit';
import { changedValues, type EditValues } from '../../lib/views/edit-values';
import { useProfileEdit } from '../hooks/useProfileEdit';
import { t } from '../../lib/shared/i18n';

/** Quick edits of the fields the account's provider accepts; the rest stay read-only. */
export function EditForm({
  account,
  profile,
  draft,
  onDone,
}: {
  account: AccountSummary;
  profile: Profile;
  draft: Draft | null;
  onDone: (outcome: 'saved' | 'discarded') => void;
}) {
  const fields = account.editableFields;
  const [values, setValues] = useState<EditValues>(() => draft?.values ?? valuesFromProfile(fields, profile));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const edit = useProfileEdit(account.id);
  const dirty = Object.keys(changedValues(values, profile)).length > 0;

  // Whatever is typed survives the popup closing, until it is saved or discarded. Written at
  // once: a popup can close between two keystrokes.
  useEffect(() => {
    if (dirty) void saveDraft(account.id, { values, editId: null, updatedAt: Date.now() });
    else void discardDraft(account.id);
  }, [account.id, values, dirty]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!dirty) {
      onDone('discarded');
      return;
    }
    const editId = crypto.randomUUID();
    setFieldErrors({});
    void saveDraft(account.id, { values, editId, updatedAt: Date.now() });
    edit.mutate(
      { values, editId },
      {
        onSuccess: () => {
          void discardDraft(account.id);
          onDone('saved');
        },
        onError: (error) => {
          const errors = formFieldErrors(toErrorInfo(error), fields);
          setFieldErrors(errors);
          const first = fields.find((field) => errors[field.name]);
          if (first) document.getElementById(`edit-${first.name}`)?.focus();
        },
      },
    );
  };

  const discard = () => {
    void discardDraft(account.id);
    onDone('discarded');
  };

  const error = edit.error ? toErrorInfo(edit.error) : null;
  // A rejection that lands entirely on the form's fields needs no banner of its own.
  const onFieldsOnly =
    error?.kind === 'validation' &&
    Object.keys(error.fieldErrors).length > 0 &&
    Object.keys(error.fieldErrors).every((name) => fields.some((f) => f.name === name));
  const errorText =
    error && !onFieldsOnly
      ? describeError(error, { providerName: account.providerName, host: account.host, signInUrl: account.signInUrl })
      : null;

  return (
    <form className="edit-form" onSubmit={submit} noValidate aria-label={t('popup.editProfile')}>
      {draft && (
        <p className="notice" role="status">
          {t('popup.edit.restored')}
        </p>
      )}
      {errorText && (
        <div className="banner banner-error" role="alert">
          <div className="banner-text">
            <strong className="banner-title">{t('popup.edit.notSaved', { reason: errorText.title })}</strong>
            {errorText.detail && <span className="banner-detail">{errorText.detail}</span>}
          </div>
        </div>
      )}
      {fields.map((field) => (
        <div className="form-field" key={field.name}>
          <label htmlFor={`edit-${field.name}`}>{field.label}</label>
          <input
            id={`edit-${field.name}`}
            type={field.input}
            value={values[field.name] ?? ''}
            autoComplete="off"
            dir="auto"
            aria-invalid={fieldErrors[field.name] ? true : undefined}
            aria-describedby={fieldErrors[field.name] ? `edit-${field.name}-error` : undefined}
            onChange={(e) => {
              const value = e.target.value;
              setValues((v) => ({ ...v, [field.name]: value }));
            }}
          />
          {fieldErrors[field.name] && (
            <p className="field-error" id={`edit-${field.name}-error`}>
              {fieldErrors[field.name]}
            </p>
          )}
        </div>
      ))}
      <p className="help">{t('popup.edit.otherFields', { provider: account.providerName })}</p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={edit.isPending}>
          {edit.isPending ? t('popup.edit.saving') : t('popup.edit.save')}
        </button>
        <button type="button" onClick={discard} disabled={edit.isPending}>
          {dirty ? t('popup.edit.discardChanges') : t('popup.edit.cancel')}
        </button>
      </div>
    </form>
  );
}
