import type { DefinitionDraft } from '../../../lib/views/definitions';
import type { SectionProps } from './section-props';
import { Field } from './Field';
import { ConstantHeaders } from './ConstantHeaders';
import { t } from '../../../lib/shared/i18n';

export function Authentication({ draft, errors, onChange }: SectionProps) {
  const type = draft.authType;
  const sendsKey = type === 'header' || type === 'query';
  const usesCookie = type === 'browser-session';
  return (
    <fieldset>
      <legend>{t('definitions.auth.legend')}</legend>
      <div className="form-field">
        <label htmlFor="auth-type">{t('definitions.auth.sentAs')}</label>
        <select
          id="auth-type"
          value={type}
          onChange={(e) => onChange((d) => ({ ...d, authType: e.target.value as DefinitionDraft['authType'] }))}
        >
          <option value="header">{t('definitions.auth.header')}</option>
          <option value="query">{t('definitions.auth.query')}</option>
          <option value="basic">{t('definitions.auth.basic')}</option>
          <option value="browser-session">{t('definitions.auth.browserSession')}</option>
          <option value="none">{t('definitions.auth.none')}</option>
        </select>
      </div>
      {sendsKey && (
        <div className="row">
          <Field
            id="auth-name"
            label={type === 'header' ? t('definitions.auth.headerName') : t('definitions.auth.parameterName')}
            mono
            value={draft.authName}
            error={errors['auth.name']}
            onChange={(authName) => onChange((d) => ({ ...d, authName }))}
          />
          <Field
            id="auth-value"
            label={type === 'header' ? t('definitions.auth.headerValue') : t('definitions.auth.parameterValue')}
            mono
            value={draft.authValue}
            error={errors['auth.value']}
            help={t('definitions.auth.valueHelp', { example: 'Bearer {token}' })}
            onChange={(authValue) => onChange((d) => ({ ...d, authValue }))}
          />
        </div>
      )}
      {type === 'header' && (
        <p className="help">
          {t('definitions.auth.headerPatterns', {
            figma: 'X-Figma-Token: {token}',
            pagerduty: 'Authorization: Token token={token}',
            apiKey: 'X-API-Key: {apiKey}',
          })}
        </p>
      )}
      {type === 'basic' && (
        <div className="row">
          <Field
            id="auth-username"
            label={t('definitions.auth.username')}
            mono
            value={draft.authUsername}
            error={errors['auth.username']}
            help={t('definitions.auth.usernameHelp', { example: '{email}' })}
            onChange={(authUsername) => onChange((d) => ({ ...d, authUsername }))}
          />
          <Field
            id="auth-password"
            label={t('definitions.auth.password')}
            mono
            value={draft.authPassword}
            error={errors['auth.password']}
            help={t('definitions.auth.passwordHelp', { example: '{apiToken}' })}
            onChange={(authPassword) => onChange((d) => ({ ...d, authPassword }))}
          />
        </div>
      )}
      <ConstantHeaders draft={draft} errors={errors} onChange={onChange} />
      {usesCookie && (
        <Field
          id="auth-cookie"
          label={t('definitions.auth.cookie')}
          mono
          value={draft.cookie}
          error={errors['auth.cookie']}
          onChange={(cookie) => onChange((d) => ({ ...d, cookie }))}
        />
      )}
    </fieldset>
  );
}
