import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toErrorInfo } from '../../lib/shared/errors';
import { plural, t } from '../../lib/shared/i18n';
import { EXPIRY_WARNING_DAYS } from '../../lib/shared/limits';
import { request } from '../../lib/views/messaging';
import { queryKeys } from '../../lib/views/query/keys';
import { useStatus } from '../hooks/queries';

/** How many days before a token expires the badge starts to warn. */
export function ExpiryWarningField() {
  const queryClient = useQueryClient();
  const status = useStatus();
  const settings = status.data?.settings;
  const current = settings ? (settings.expiryWarningDays ?? EXPIRY_WARNING_DAYS.default) : undefined;
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const value = draft ?? (current === undefined ? '' : String(current));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!settings) return;
    const [{ settingsSchema }, { describeIssue }] = await Promise.all([
      import('../../lib/shared/model'),
      import('../../lib/shared/zod-issues'),
    ]);
    const parsed = settingsSchema.safeParse({ ...settings, expiryWarningDays: value.trim() === '' ? Number.NaN : Number(value) });
    if (!parsed.success) {
      setMessage({ error: true, text: describeIssue(parsed.error.issues[0]!) });
      return;
    }
    try {
      const saved = await request('setSettings', parsed.data);
      setDraft(null);
      setMessage({ error: false, text: plural('options.settings.warningSaved', saved.expiryWarningDays ?? EXPIRY_WARNING_DAYS.default) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.status }),
        queryClient.invalidateQueries({ queryKey: queryKeys.accounts }),
      ]);
    } catch (error) {
      setMessage({ error: true, text: toErrorInfo(error).detail ?? t('options.settings.notSaved') });
    }
  };

  return (
    <form className="settings" onSubmit={save} noValidate>
      <div className="form-field">
        <label htmlFor="expiry-warning-days">{t('options.settings.warningDays')}</label>
        <span className="input-row">
          <input
            id="expiry-warning-days"
            type="number"
            inputMode="numeric"
            min={EXPIRY_WARNING_DAYS.min}
            max={EXPIRY_WARNING_DAYS.max}
            value={value}
            aria-describedby="expiry-warning-help"
            aria-invalid={message?.error ? true : undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              setMessage(null);
            }}
          />
          <button type="submit" disabled={!settings}>
            {t('options.settings.saveWarning')}
          </button>
        </span>
        <p className="help" id="expiry-warning-help">
          {t('options.settings.warningHelp', { min: EXPIRY_WARNING_DAYS.min, max: EXPIRY_WARNING_DAYS.max })}
        </p>
        {message && (
          <p className={message.error ? 'field-error' : 'ok'} role="status">
            {message.text}
          </p>
        )}
      </div>
    </form>
  );
}
