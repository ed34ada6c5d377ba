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

type Result = { raw: unknown; profile: Profile | null; error: ErrorInfo | null } | { failed: ErrorInfo } | null;

function MappedProfile({ profile }: { profile: Profile }) {
  const rows: Array<[string, string]> = [
    ['Display name', profile.displayName],
    ...(
      ['id', 'firstName', 'lastName', 'username', 'email', 'phone', 'avatarUrl', 'organization', 'plan', 'createdAt', 'updatedAt'] as const
    )
      .filter((key) => profile[key] !== null)
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
  if (!adapter || !definition) {
    return (
      <div className="try-it">
        <button type="button" onClick={onInvalid}>
          Try it
        </button>
        <p className="help">Fix the definition above to try it.</p>
      </div>
    );
  }
  const current = { ...initialValues(adapter), ...values };
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
          onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
          onBlur={() => undefined}
        />
      ))}
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy ? 'Trying…' : 'Try it'}
      </button>
      <div role="status" aria-live="polite">
        {result && 'failed' in result && (
          <p>
            <ErrorLine error={result.failed} context={context} />
          </p>
        )}
        {result && 'raw' in result && (
          <div className="try-results">
            <section aria-label="Raw response">
              <h4>Raw response (secrets removed)</h4>
              <pre className="raw" tabIndex={0}>
                {JSON.stringify(result.raw, null, 2)}
              </pre>
            </section>
            <section aria-label="Mapped profile">
              <h4>Mapped profile</h4>
              {result.profile ? (
                <MappedProfile profile={result.profile} />
              ) : (
                <p className="field-error">{result.error && describeError(result.error, context).detail}</p>
              )}
            </section>
          </div>
        )}
      </div>
    </div>
  );
}
