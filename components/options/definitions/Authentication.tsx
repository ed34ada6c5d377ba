import type { DefinitionDraft } from '../../../lib/views/definitions';
import type { SectionProps } from './section-props';
import { Field } from './Field';

export function Authentication({ draft, errors, onChange }: SectionProps) {
  const type = draft.authType;
  return (
    <fieldset>
      <legend>Authentication</legend>
      <div className="form-field">
        <label htmlFor="auth-type">Sent as</label>
        <select
          id="auth-type"
          value={type}
          onChange={(e) => onChange((d) => ({ ...d, authType: e.target.value as DefinitionDraft['authType'] }))}
        >
          <option value="header">A header</option>
          <option value="query">A query parameter</option>
          <option value="browser-session">The browser's own session cookie</option>
          <option value="none">Nothing</option>
        </select>
      </div>
      {(type === 'header' || type === 'query') && (
        <div className="row">
          <Field
            id="auth-name"
            label={type === 'header' ? 'Header name' : 'Parameter name'}
            mono
            value={draft.authName}
            error={errors['auth.name']}
            onChange={(authName) => onChange((d) => ({ ...d, authName }))}
          />
          <Field
            id="auth-value"
            label={type === 'header' ? 'Header value' : 'Parameter value'}
            mono
            value={draft.authValue}
            error={errors['auth.value']}
            help="A scheme and a secret account field, e.g. Bearer {token}. Never the key itself."
            onChange={(authValue) => onChange((d) => ({ ...d, authValue }))}
          />
        </div>
      )}
      {type === 'browser-session' && (
        <Field
          id="auth-cookie"
          label="Session cookie name"
          mono
          value={draft.cookie}
          error={errors['auth.cookie']}
          onChange={(cookie) => onChange((d) => ({ ...d, cookie }))}
        />
      )}
    </fieldset>
  );
}
