import { useState } from 'react';
import { type ErrorInfo, toErrorInfo, WhoamiError } from '../../lib/shared/errors';
import { request } from '../../lib/views/messaging';
import type { AccountSummary } from '../../lib/shared/model';
import type { Profile } from '../../lib/shared/profile';
import { useRegistry } from '../hooks/useRegistry';
import { useGallery } from '../hooks/useGallery';
import { isGalleryProvider } from '../../lib/shared/gallery/ids';
import { GalleryNote } from './GalleryNote';
import type { ProviderDescriptor } from '../../lib/shared/providers/types';
import { type FormErrors, type FormValues, initialValues, originsFor, validateForm } from '../../lib/views/account-form';
import { useViewActions } from '../ViewActions';
import { CredentialInput } from './CredentialInput';
import { ErrorLine } from './ErrorLine';
import { t } from '../../lib/shared/i18n';

type TestState = { status: 'idle' } | { status: 'testing' } | { status: 'ok'; profile: Profile } | { status: 'failed'; error: ErrorInfo };

export interface SavedAccount {
  account: AccountSummary;
  /** False when the user declined the host permission: the account is saved but can't be read. */
  permissionGranted: boolean;
}

function withoutSecretFields(adapter: ProviderDescriptor, settings: Record<string, string>) {
  const secret = new Set<string>(adapter.credentials.secretFields);
  return Object.fromEntries(Object.entries(settings).filter(([name]) => !secret.has(name)));
}

function hostOf(origins: string[]): string {
  return origins[0]?.replace(/^\w+:\/\//, '').replace(/\/\*$/, '') ?? t('options.form.theProvider');
}

export function AccountForm({
  editing,
  prefill,
  onSaved,
  onCancel,
}: {
  editing?: AccountSummary;
  /** Values to start from (an imported account that still needs its secret). */
  prefill?: { provider: string; label: string; settings: Record<string, string> };
  onSaved: (saved: SavedAccount) => void;
  onCancel: () => void;
}) {
  const { ensureOrigins } = useViewActions();
  // Built-in and user-defined providers an account can be added for.
  const registry = useRegistry();
  // Gallery definitions an account already uses are listed with the gallery, not as the user's own.
  const choices = registry.all().filter((choice) => !isGalleryProvider(choice.id));
  const gallery = useGallery();
  const [providerId, setProviderId] = useState(editing?.provider ?? prefill?.provider ?? choices[0]!.id);
  const fromGallery = gallery.find((choice) => choice.descriptor.id === providerId);
  const adapter = fromGallery?.descriptor ?? registry.descriptorFor(providerId) ?? choices[0]!;
  // A new account of a gallery entry: its definition is tried as is, and saved with the account.
  const galleryDefinition = !editing ? fromGallery?.entry.definition : undefined;
  const [values, setValues] = useState<FormValues>(() => ({
    ...initialValues(adapter, editing),
    // A file never fills in a secret field, whatever it holds.
    ...(prefill ? { label: prefill.label, ...withoutSecretFields(adapter, prefill.settings) } : {}),
  }));
  const [shown, setShown] = useState<FormErrors>({});
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ErrorInfo | null>(null);

  const validated = validateForm(adapter, values, editing);
  const origins = originsFor(adapter, validated.credentials);
  const errorContext = { providerName: adapter.name, host: hostOf(origins), inOptions: true };

  const change = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setTest({ status: 'idle' });
    // An error already shown updates as the user types; new ones wait for blur or submit.
    if (shown[name]) setShown((s) => ({ ...s, [name]: validateForm(adapter, { ...values, [name]: value }, editing).errors[name] ?? '' }));
  };
  const blur = (name: string) => setShown((s) => ({ ...s, [name]: validated.errors[name] ?? '' }));

  const switchProvider = (id: string) => {
    const next = gallery.find((choice) => choice.descriptor.id === id)?.descriptor ?? registry.descriptorFor(id);
    if (!next) return;
    setProviderId(id);
    setValues({ ...initialValues(next), label: values.label === adapter.name ? next.name : (values.label ?? '') });
    setShown({});
    setTest({ status: 'idle' });
  };

  /** Shows every error and moves focus to the first one; false when the form is valid. */
  const revealErrors = (errors: FormErrors): boolean => {
    setShown(errors);
    const first = Object.keys(errors)[0];
    if (first) document.getElementById(first === 'label' ? 'account-label' : `field-${first}`)?.focus();
    return first !== undefined;
  };

  const runTest = async () => {
    if (revealErrors(validated.errors)) return;
    setTest({ status: 'testing' });
    try {
      if (!(await ensureOrigins(origins))) {
        setTest({ status: 'failed', error: new WhoamiError('permission-missing').info });
        return;
      }
      if (galleryDefinition) {
        const tried = await request('tryDefinition', { definition: galleryDefinition, credentials: validated.credentials });
        setTest(tried.profile ? { status: 'ok', profile: tried.profile } : { status: 'failed', error: tried.error! });
        return;
      }
      const { profile } = await request('testCredentials', {
        provider: providerId,
        credentials: validated.credentials,
        accountId: editing?.id,
      });
      setTest({ status: 'ok', profile });
    } catch (error) {
      setTest({ status: 'failed', error: toErrorInfo(error) });
    }
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (revealErrors(validated.errors)) return;
    setSaving(true);
    setSaveError(null);
    try {
      // Asked here, in the submit handler, while the user's gesture still counts.
      const permissionGranted = await ensureOrigins(origins);
      if (galleryDefinition) await request('saveDefinition', { definition: galleryDefinition });
      const account = editing
        ? await request('updateAccount', {
            id: editing.id,
            label: validated.label,
            credentials: validated.credentials,
            revision: editing.revision,
          })
        : await request('addAccount', { provider: providerId, label: validated.label, credentials: validated.credentials });
      onSaved({ account, permissionGranted });
    } catch (error) {
      const info = toErrorInfo(error);
      setSaveError(info);
      if (Object.keys(info.fieldErrors).length > 0) {
        revealErrors(Object.fromEntries(Object.entries(info.fieldErrors).map(([k, v]) => [k, v.join(' ')])));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="account-form"
      onSubmit={save}
      noValidate
      aria-label={editing ? t('options.accounts.editLabel', { label: editing.label }) : t('options.accounts.add')}
    >
      <h2>{editing ? t('options.form.editTitle', { label: editing.label }) : t('options.form.addTitle')}</h2>
      {!editing && (
        <div className="form-field">
          <label htmlFor="account-provider">{t('options.form.provider')}</label>
          <select id="account-provider" value={providerId} onChange={(e) => switchProvider(e.target.value)}>
            {choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
            {gallery.length > 0 && (
              <optgroup label={t('options.gallery.group')}>
                {gallery.map(({ descriptor }) => (
                  <option key={descriptor.id} value={descriptor.id}>
                    {descriptor.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
      )}
      {fromGallery && <GalleryNote choice={fromGallery} />}
      <div className="form-field">
        <label htmlFor="account-label">{t('options.form.label')}</label>
        <input
          id="account-label"
          value={values.label ?? ''}
          aria-invalid={shown.label ? true : undefined}
          aria-describedby={shown.label ? 'account-label-error' : undefined}
          onChange={(e) => change('label', e.target.value)}
          onBlur={() => blur('label')}
        />
        {shown.label && (
          <p className="field-error" id="account-label-error">
            {shown.label}
          </p>
        )}
      </div>
      {adapter.credentials.fields.map((field) => (
        <CredentialInput
          key={`${providerId}:${field.name}`}
          field={field}
          value={values[field.name] ?? ''}
          error={shown[field.name] || undefined}
          keptHint={editing?.secretHints[field.name]}
          providerName={adapter.name}
          onChange={(value) => change(field.name, value)}
          onBlur={() => blur(field.name)}
        />
      ))}

      <div className="test-result" role="status" aria-live="polite">
        {test.status === 'testing' && t('options.form.testing')}
        {test.status === 'ok' && (
          <span className="ok">
            {t('options.form.connectedAs')} <strong>{test.profile.displayName}</strong>
            {test.profile.email && test.profile.email !== test.profile.displayName && ` (${test.profile.email})`}
          </span>
        )}
        {test.status === 'failed' && <ErrorLine error={test.error} context={errorContext} />}
      </div>
      {saveError && Object.keys(saveError.fieldErrors).length === 0 && (
        <p role="alert">
          <ErrorLine prefix={t('options.form.notSaved')} error={saveError} context={errorContext} />
        </p>
      )}

      <div className="form-actions">
        <button type="button" onClick={() => void runTest()} disabled={test.status === 'testing'}>
          {t('options.form.test')}
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('options.form.saving') : t('options.form.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('options.cancel')}
        </button>
      </div>
    </form>
  );
}
