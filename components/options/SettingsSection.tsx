import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toErrorInfo } from '../../lib/shared/errors';
import { request } from '../../lib/views/messaging';
import { REFRESH_MINUTES } from '../../lib/shared/limits';
import { queryKeys } from '../../lib/views/query/keys';
import { useStatus } from '../hooks/queries';
import { t } from '../../lib/shared/i18n';

export function SettingsSection() {
  const queryClient = useQueryClient();
  const status = useStatus();
  const current = status.data?.settings.refreshMinutes;
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const value = draft ?? (current === undefined ? '' : String(current));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    // The schema (with zod) loads when it is first needed, not with the page.
    const [{ settingsSchema }, { describeIssue }] = await Promise.all([
      import('../../lib/shared/model'),
      import('../../lib/shared/zod-issues'),
    ]);
    const parsed = settingsSchema.safeParse({ refreshMinutes: Number(value) });
    if (!parsed.success) {
      setMessage({ error: true, text: describeIssue(parsed.error.issues[0]!) });
      return;
    }
    try {
      await request('setSettings', parsed.data);
      setDraft(null);
      setMessage({ error: false, text: t('options.settings.saved', { minutes: parsed.data.refreshMinutes }) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.status });
    } catch (error) {
      setMessage({ error: true, text: toErrorInfo(error).detail ?? t('options.settings.notSaved') });
    }
  };

  return (
    <form className="settings" onSubmit={save} noValidate>
      <div className="form-field">
        <label htmlFor="refresh-minutes">{t('options.settings.refreshEvery')}</label>
        <span className="input-row">
          <input
            id="refresh-minutes"
            type="number"
            inputMode="numeric"
            min={REFRESH_MINUTES.min}
            max={REFRESH_MINUTES.max}
            value={value}
            aria-describedby="refresh-minutes-help"
            aria-invalid={message?.error ? true : undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              setMessage(null);
            }}
          />
          <button type="submit">{t('options.settings.saveInterval')}</button>
        </span>
        <p className="help" id="refresh-minutes-help">
          {t('options.settings.help', { min: REFRESH_MINUTES.min })}
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
