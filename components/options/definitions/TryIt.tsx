import { useMemo, useState } from 'react';
import { descriptorFromDefinition } from '../../../lib/shared/custom/descriptor';
import type { ProviderDefinition } from '../../../lib/shared/custom/definition';
import { describeError } from '../../../lib/views/error-text';
import { type ErrorInfo, toErrorInfo, WhoamiError } from '../../../lib/shared/errors';
import { request } from '../../../lib/views/messaging';
import type { Profile } from '../../../lib/shared/profile';
import { initialValues, originsFor, validateForm } from '../../../lib/views/account-form';
import { useViewActions } from '../../ViewActions';
import { CredentialInput } from '../CredentialInput';
import { ErrorLine } from '../ErrorLine';
import { t } from '../../../lib/shared/i18n';
import { droppedMappings, type ShownRequest, shownRequest } from '../../../lib/views/try-it';

type Result = { raw: unknown; profile: Profile | null; error: ErrorInfo | null } | { failed: ErrorInfo } | null;

function MappedProfile({ profile }: { profile: Profile }) {
  const rows: Array<[string, string]> = [
    [t('definitions.try.displayName'), profile.displayName],
    ...(
      [
        'id',
        'firstName',
        'lastName',
        'username',
        'email',
        'phone',
        'avatarUrl',
        'organization',
        'plan',
        'createdAt',
        'updatedAt',
        'sessionExpiresAt',
      ] as const
    )
      .filter((key) => profile[key] != null)
      .map((key): [string, string] => [key, String(profile[key])]),
    ...(profile.roles.length > 0 ? [['roles', profile.roles.join(', ')] as [string, string]] : []),
    ...profile.details.map((d): [string, string] => [d.label, d.value]),
  ];
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div className="fact" key={label}>
          <dt>{label}</dt>
          <dd>
            <span className="fact-value">{value}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Calls the endpoint as the definition describes, with account values typed here and not saved. */
export function TryIt({ definition, onInvalid }: { definition: ProviderDefinition | null; onInvalid: () => void }) {
  const { ensureOrigins } = useViewActions();
  const adapter = useMemo(() => (definition ? descriptorFromDefinition(definition) : null), [definition]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const [sent, setSent] = useState<ShownRequest | null>(null);
  if (!adapter || !definition) {
    return (
      <div className="try-it">
        <button type="button" onClick={onInvalid}>
          {t('definitions.tryIt')}
        </button>
        <p className="help">{t('definitions.try.fixFirst')}</p>
      </div>
    );
  }
  const current = { ...initialValues(adapter), ...values };
  const failed = result && 'failed' in result ? result.failed : null;
  const answered = result && 'raw' in result ? result : null;
  const context = { providerName: definition.name, host: new URL(definition.baseUrl).host, inOptions: true };

  const run = async () => {
    const checked = validateForm(adapter, current);
    delete checked.errors.label;
    setErrors(checked.errors);
    if (Object.keys(checked.errors).length > 0) return;
    setBusy(true);
    try {
      // From the click itself: the permission prompt needs the user's gesture.
      if (!(await ensureOrigins(originsFor(adapter, checked.credentials)))) {
        setResult({ failed: new WhoamiError('permission-missing').info });
        return;
      }
      setSent(shownRequest(definition, checked.credentials));
      setResult(await request('tryDefinition', { definition, credentials: checked.credentials }));
    } catch (error) {
      setResult({ failed: toErrorInfo(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="try-it">
      {adapter.credentials.fields.map((field) => (
        <CredentialInput
          key={field.name}
          field={field}
          value={current[field.name] ?? ''}
          error={errors[field.name]}
          providerName={adapter.name}
          onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
          onBlur={() => undefined}
        />
      ))}
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy ? t('definitions.try.trying') : t('definitions.tryIt')}
      </button>
      <div role="status" aria-live="polite">
        {failed && (
          <p>
            <ErrorLine error={failed} context={context} />
          </p>
        )}
        {answered && sent && (
          <section aria-label={t('definitions.try.request')}>
            <h4>{t('definitions.try.request')}</h4>
            <pre className="raw mono">
              {[`${sent.method} ${sent.url}`, ...sent.headers.map((header) => `${header.name}: ${header.value}`)].join('\n')}
            </pre>
          </section>
        )}
        {answered?.profile &&
          definition &&
          droppedMappings(definition, answered.raw, answered.profile).map(({ field, path }) => (
            <p className="field-warning" key={field}>
              {t('definitions.try.dropped', { field, path })}
            </p>
          ))}
        {answered && (
          <div className="try-results">
            <section aria-label={t('definitions.try.raw')}>
              <h4>{t('definitions.try.rawTitle')}</h4>
              <pre className="raw" tabIndex={0}>
                {JSON.stringify(answered.raw, null, 2)}
              </pre>
            </section>
            <section aria-label={t('definitions.try.mapped')}>
              <h4>{t('definitions.try.mapped')}</h4>
              {answered.profile ? (
                <MappedProfile profile={answered.profile} />
              ) : (
                <p className="field-error">{answered.error && describeError(answered.error, context).detail}</p>
              )}
            </section>
          </div>
        )}
      </div>
    </div>
  );
}
