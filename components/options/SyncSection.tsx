import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SyncStatus } from '../../lib/shared/model';
import { toErrorInfo } from '../../lib/shared/errors';
import { plural, t } from '../../lib/shared/i18n';
import { request } from '../../lib/views/messaging';
import { queryKeys } from '../../lib/views/query/keys';
import { timeAgo } from '../../lib/views/time';
import { useNow } from '../hooks/useNow';

// Another device's changes arrive in the background at any time: the section looks again this often.
const LOOK_AGAIN_MS = 5_000;

/** Options → Sync: accounts and providers through the browser's own sync, keys never. */
export function SyncSection() {
  const queryClient = useQueryClient();
  const now = useNow(30_000);
  const status = useQuery({ queryKey: queryKeys.sync, queryFn: () => request('getSync', {}), refetchInterval: LOOK_AGAIN_MS });
  const [busy, setBusy] = useState(false);
  // The tick shows at once; the background's answer then confirms it (or puts it back).
  const [turning, setTurning] = useState<boolean | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const sync = status.data;

  /** Runs a sync request; what it answers is the section's state, and `said` its words, if any. */
  const run = async (work: () => Promise<{ status: SyncStatus; said?: string }>) => {
    setBusy(true);
    setMessage(null);
    try {
      const { status: next, said } = await work();
      queryClient.setQueryData(queryKeys.sync, next);
      if (said) setMessage({ error: false, text: said });
    } catch (error) {
      setMessage({ error: true, text: toErrorInfo(error).detail ?? t('options.settings.notSaved') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={turning ?? sync?.on ?? false}
          disabled={!sync || busy}
          onChange={(event) => {
            const on = event.target.checked;
            setTurning(on);
            void run(async () => ({ status: await request('setSync', { on }) })).finally(() => setTurning(null));
          }}
        />{' '}
        {t('sync.toggle')}
      </label>
      <p className="help">{t('sync.explain')}</p>
      {sync?.on && (
        <p className="muted" role="status">
          {sync.lastSyncedAt === null
            ? t('sync.never')
            : t('sync.lastSynced', {
                when: timeAgo(sync.lastSyncedAt, now),
                bytes: sync.bytes.toLocaleString(),
                max: sync.maxBytes.toLocaleString(),
                items: sync.items,
              })}
        </p>
      )}
      {sync && sync.problems.length > 0 && (
        <div className="sync-problems">
          <h3>{t('sync.problemsTitle')}</h3>
          <ul>
            {sync.problems.map((problem, index) => (
              <li key={`${problem.what}:${index}`}>
                <strong dir="auto">{problem.what}</strong>: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="form-actions">
        <button
          type="button"
          disabled={busy || !sync}
          onClick={() =>
            void run(async () => {
              const { removed, status: next } = await request('removeSyncedCopy', {});
              return { status: next, said: plural('sync.removed', removed) };
            })
          }
        >
          {t('sync.removeCopy')}
        </button>
      </div>
      {message && (
        <p className={message.error ? 'field-error' : 'ok'} role="status">
          {message.text}
        </p>
      )}
    </>
  );
}
