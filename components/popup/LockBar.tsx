import { useState } from 'react';
import type { LockState } from '../../lib/shared/model';
import { t } from '../../lib/shared/i18n';
import { request } from '../../lib/views/messaging';
import { UnlockForm } from '../lock/UnlockForm';

/**
 * The passphrase lock in the popup, loaded only when the lock is on. Locked: the profiles below
 * are the last ones seen, and this asks for the passphrase. Unlocked: a Lock now button.
 */
export function LockBar({ lock }: { lock: LockState }) {
  const [locking, setLocking] = useState(false);
  if (lock === 'locked') {
    return (
      <section className="notice lock-bar" aria-label={t('lock.title')}>
        <p role="status">{t('lock.lockedNotice')}</p>
        <UnlockForm id="popup-unlock" />
      </section>
    );
  }
  if (lock !== 'unlocked') return null;
  return (
    <div className="lock-now">
      <button
        type="button"
        disabled={locking}
        onClick={() => {
          setLocking(true);
          void request('lockNow', {}).finally(() => setLocking(false));
        }}
      >
        {t('lock.lockNow')}
      </button>
    </div>
  );
}
