import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../lib/shared/model';
import { toErrorInfo } from '../../lib/shared/errors';
import { t } from '../../lib/shared/i18n';
import { request } from '../../lib/views/messaging';
import { queryKeys } from '../../lib/views/query/keys';
import { useStatus } from '../hooks/queries';

// Typing pauses this long before a valid number is saved; leaving the field or Enter saves at once.
const SAVE_AFTER_MS = 800;

/**
 * One whole-number setting, saved as it changes (like the checkboxes beside it), with an inline
 * "Saved"; what the request leaves out keeps its value.
 */
export function NumberSetting({
  id,
  label,
  help,
  min,
  max,
  read,
  write,
  savedText,
}: {
  id: string;
  label: string;
  help: string;
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
  // What was typed last: a save that lands after more typing leaves the newer text alone.
  const latest = useRef<string | null>(null);

  const save = async (typed: string) => {
    if (!settings) return;
    // The schema (with zod) loads when it is first needed, not with the page.
    const [{ settingsSchema }, { describeIssue }] = await Promise.all([
      import('../../lib/shared/model'),
      import('../../lib/shared/zod-issues'),
    ]);
    const change = write(typed.trim() === '' ? Number.NaN : Number(typed));
    const parsed = settingsSchema.safeParse({ ...settings, ...change });
    if (!parsed.success) {
      setMessage({ error: true, text: describeIssue(parsed.error.issues[0]!) });
      return;
    }
    try {
      // Only this setting: the rest of `settings` may be older than what another form just saved.
      const saved = await request('setSettings', change);
      if (latest.current === typed) setDraft(null);
      setMessage({ error: false, text: t('options.settings.savedInline', { what: savedText(saved) }) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.status }),
        queryClient.invalidateQueries({ queryKey: queryKeys.accounts }),
      ]);
    } catch (error) {
      setMessage({ error: true, text: toErrorInfo(error).detail ?? t('options.settings.notSaved') });
    }
  };

  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const saveNow = () => {
    clearTimeout(timer.current);
    if (draft !== null) void save(draft);
  };

  return (
    <form
      className="settings"
      onSubmit={(event) => {
        event.preventDefault();
        saveNow();
      }}
      noValidate
    >
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
            aria-describedby={message ? `${id}-help ${id}-status` : `${id}-help`}
            aria-invalid={message?.error ? true : undefined}
            onBlur={saveNow}
            onChange={(e) => {
              const typed = e.target.value;
              latest.current = typed;
              setDraft(typed);
              setMessage(null);
              clearTimeout(timer.current);
              timer.current = setTimeout(() => void save(typed), SAVE_AFTER_MS);
            }}
          />
        </span>
        <p className="help" id={`${id}-help`}>
          {help}
        </p>
        {message && (
          <p className={message.error ? 'field-error' : 'ok'} role="status" id={`${id}-status`}>
            {message.text}
          </p>
        )}
      </div>
    </form>
  );
}
