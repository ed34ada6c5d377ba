import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { WatchedField } from '../../lib/shared/model';
import { changeFieldName, WATCHED_FIELDS } from '../../lib/shared/change-line';
import { toErrorInfo } from '../../lib/shared/errors';
import { t } from '../../lib/shared/i18n';
import { request } from '../../lib/views/messaging';
import { queryKeys } from '../../lib/views/query/keys';
import { useStatus } from '../hooks/queries';
import { useViewActions } from '../ViewActions';

/** Which changes raise a browser notification; the permission is asked for from the first tick. */
export function ChangeNotifications() {
  const queryClient = useQueryClient();
  const status = useStatus();
  const settings = status.data?.settings;
  const { allowNotifications } = useViewActions();
  const [message, setMessage] = useState<string | null>(null);
  const picked = new Set(settings?.notifyChanges ?? []);

  const toggle = (field: WatchedField, on: boolean) => {
    if (!settings) return;
    // Straight from the click: Firefox honours the request only before anything is awaited.
    const allowed = on ? allowNotifications() : Promise.resolve(true);
    void allowed
      .then(async (granted) => {
        if (!granted) {
          setMessage(t('options.notify.denied'));
          return;
        }
        // The tick itself, not the list: a second quick tick must not send a list without the first.
        await request('setSettings', { watch: { field, on } });
        setMessage(null);
        await queryClient.invalidateQueries({ queryKey: queryKeys.status });
      })
      .catch((error: unknown) => setMessage(toErrorInfo(error).detail ?? t('options.settings.notSaved')));
  };

  return (
    <fieldset className="notify">
      <legend>{t('options.notify.title')}</legend>
      <p className="help">{t('options.notify.help')}</p>
      {WATCHED_FIELDS.map((field) => (
        <label key={field} className="checkbox">
          <input type="checkbox" checked={picked.has(field)} disabled={!settings} onChange={(e) => toggle(field, e.target.checked)} />{' '}
          {changeFieldName(field)}
        </label>
      ))}
      {message && (
        <p className="field-error" role="status">
          {message}
        </p>
      )}
    </fieldset>
  );
}
