import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Settings } from '../../lib/shared/model';
import { toErrorInfo } from '../../lib/shared/errors';
import { t } from '../../lib/shared/i18n';
import { request } from '../../lib/views/messaging';
import { queryKeys } from '../../lib/views/query/keys';
import { useStatus } from '../hooks/queries';

/** One whole-number setting with its own Save button; what the request leaves out keeps its value. */
export function NumberSetting({
  id,
  label,
  help,
  saveLabel,
  min,
  max,
  read,
  write,
  savedText,
}: {
  id: string;
  label: string;
  help: string;
  saveLabel: string;
  min: number;
  max: number;
  read: (settings: Settings) => number;
  write: (value: number) => Partial<Settings>;
  savedText: (saved: Settings) => string;
}) {
  const queryClient = useQueryClient();
  const status = useStatus();
  const settings = status.data?.settings;
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const value = draft ?? (settings ? String(read(settings)) : '');

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!settings) return;
    // The schema (with zod) loads when it is first needed, not with the page.
    const [{ settingsSchema }, { describeIssue }] = await Promise.all([
      import('../../lib/shared/model'),
      import('../../lib/shared/zod-issues'),
    ]);
    const change = write(value.trim() === '' ? Number.NaN : Number(value));
    const parsed = settingsSchema.safeParse({ ...settings, ...change });
    if (!parsed.success) {
      setMessage({ error: true, text: describeIssue(parsed.error.issues[0]!) });
      return;
    }
    try {
      // Only this setting: the rest of `settings` may be older than what another form just saved.
      const saved = await request('setSettings', change);
      setDraft(null);
      setMessage({ error: false, text: savedText(saved) });
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
        <label htmlFor={id}>{label}</label>
        <span className="input-row">
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            value={value}
            aria-describedby={`${id}-help`}
            aria-invalid={message?.error ? true : undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              setMessage(null);
            }}
          />
          <button type="submit">{saveLabel}</button>
        </span>
        <p className="help" id={`${id}-help`}>
          {help}
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
