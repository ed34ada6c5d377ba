import { useState } from 'react';
import type { LockState } from '../../lib/shared/model';
import { t } from '../../lib/shared/i18n';
import { request } from '../../lib/views/messaging';
import { UnlockForm } from '../lock/UnlockForm';
import { useViewActions } from '../ViewActions';

// The lock's own sign: locked profiles are not an info banner or an error.
function LockIcon() {
  return (
    <svg viewBox="0 0 24 24" width={18} height={18} fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true" focusable="false">
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}

/**
 * The passphrase lock in the popup, loaded only when the lock is on. Locked: the profiles below
 * are the last ones seen, and this asks for the passphrase. Unlocked: a Lock now button.
 */
export function LockBar({ lock }: { lock: LockState }) {
  const [locking, setLocking] = useState(false);
  const { openOptions } = useViewActions();
  if (lock === 'locked') {
    return (
      <section className="lock-bar" aria-label={t('lock.title')}>
        <p role="status">
          <LockIcon />
          {t('lock.lockedNotice')}
        </p>
        <UnlockForm id="popup-unlock">
          <button type="button" className="link-button" onClick={() => openOptions('forgot-passphrase')}>
            {t('lock.forgotIt')}
          </button>
        </UnlockForm>
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
