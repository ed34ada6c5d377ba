import { useState } from 'react';
import { plural, t } from '../../lib/shared/i18n';
import { LOCK_IDLE_MINUTES } from '../../lib/shared/limits';
import { request } from '../../lib/views/messaging';
import { useAccounts } from '../hooks/queries';
import { checkNewPassphrase } from '../lock/new-passphrase';
import { PassphraseForm } from '../lock/PassphraseForm';
import { UnlockForm } from '../lock/UnlockForm';
import { NumberSetting } from './NumberSetting';

type OpenForm = 'turn-on' | 'change' | 'turn-off' | 'forget' | null;

/** Options → Lock: turn the passphrase lock on, lock and unlock, change it, turn it off, or forget it. */
export function LockSection({ startForgetting = false }: { startForgetting?: boolean }) {
  const lock = useAccounts().data?.lock;
  // From the popup's "Forgot it?": the way to forget the keys is open (it shows while locked).
  const [open, setOpen] = useState<OpenForm>(startForgetting ? 'forget' : null);
  const [notice, setNotice] = useState<string | null>(null);
  const [forgetting, setForgetting] = useState(false);

  const done = (text: string) => {
    setOpen(null);
    setNotice(text);
  };
  const toggle = (form: OpenForm) => () => {
    setNotice(null);
    setOpen((current) => (current === form ? null : form));
  };

  let body;
  if (lock === undefined) {
    body = null;
  } else if (lock === 'off') {
    body =
      open === 'turn-on' ? (
        <>
          <p className="muted">{t('lock.noRecovery')}</p>
          <PassphraseForm
            id="lock-on"
            fields={[
              { name: 'passphrase', label: t('lock.passphrase'), autoComplete: 'new-password' },
              { name: 'repeat', label: t('lock.repeat'), autoComplete: 'new-password' },
            ]}
            submitLabel={t('lock.turnOn')}
            busyLabel={t('lock.turningOn')}
            check={(values) => checkNewPassphrase(values, 'passphrase', 'repeat')}
            onSubmit={async ({ passphrase }) => {
              await request('turnOnLock', { passphrase: passphrase ?? '' });
              done(t('lock.turnedOn'));
            }}
            onCancel={() => setOpen(null)}
          />
        </>
      ) : (
        <button type="button" onClick={toggle('turn-on')}>
          {t('lock.start')}
        </button>
      );
  } else if (lock === 'locked') {
    body = (
      <>
        <p>{t('lock.isOnLocked')}</p>
        <UnlockForm id="options-unlock" />
        {open === 'forget' ? (
          <div className="confirm" role="group" aria-label={t('lock.forgot')}>
            <p>{t('lock.forgotConfirm')}</p>
            <div className="form-actions">
              <button
                type="button"
                className="danger"
                disabled={forgetting}
                onClick={() => {
                  setForgetting(true);
                  void request('forgetSecrets', {})
                    .then(() => done(t('lock.forgotten')))
                    .finally(() => setForgetting(false));
                }}
              >
                {t('lock.forgetKeys')}
              </button>
              <button type="button" onClick={() => setOpen(null)}>
                {t('options.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" onClick={toggle('forget')}>
            {t('lock.forgot')}
          </button>
        )}
      </>
    );
  } else {
    body = (
      <>
        <p>{t('lock.isOnUnlocked')}</p>
        <div className="form-actions">
          <button type="button" onClick={() => void request('lockNow', {}).then(() => setNotice(null))}>
            {t('lock.lockNow')}
          </button>
          <button type="button" aria-expanded={open === 'change'} onClick={toggle('change')}>
            {t('lock.change')}
          </button>
          <button type="button" aria-expanded={open === 'turn-off'} onClick={toggle('turn-off')}>
            {t('lock.turnOff')}
          </button>
        </div>
        {open === 'change' && (
          <PassphraseForm
            id="lock-change"
            fields={[
              { name: 'current', label: t('lock.current'), autoComplete: 'current-password' },
              { name: 'next', label: t('lock.newPassphrase'), autoComplete: 'new-password' },
              { name: 'repeat', label: t('lock.repeat'), autoComplete: 'new-password' },
            ]}
            submitLabel={t('lock.saveNew')}
            busyLabel={t('lock.turningOn')}
            check={(values) => checkNewPassphrase(values, 'next', 'repeat')}
            onSubmit={async ({ current, next }) => {
              await request('changePassphrase', { current: current ?? '', next: next ?? '' });
              done(t('lock.changed'));
            }}
            onCancel={() => setOpen(null)}
          />
        )}
        {open === 'turn-off' && (
          <>
            <p className="muted">{t('lock.turnOffHint')}</p>
            <PassphraseForm
              id="lock-off"
              fields={[{ name: 'passphrase', label: t('lock.passphrase'), autoComplete: 'current-password' }]}
              submitLabel={t('lock.turnOff')}
              busyLabel={t('lock.unlocking')}
              onSubmit={async ({ passphrase }) => {
                await request('turnOffLock', { passphrase: passphrase ?? '' });
                done(t('lock.turnedOff'));
              }}
              onCancel={() => setOpen(null)}
            />
          </>
        )}
        <NumberSetting
          id="lock-idle-minutes"
          label={t('lock.idle')}
          help={t('lock.idleHint')}
          min={LOCK_IDLE_MINUTES.min}
          max={LOCK_IDLE_MINUTES.max}
          read={(settings) => settings.lockIdleMinutes ?? LOCK_IDLE_MINUTES.default}
          write={(lockIdleMinutes) => ({ lockIdleMinutes })}
          savedText={(saved) => {
            const minutes = saved.lockIdleMinutes ?? LOCK_IDLE_MINUTES.default;
            return minutes === 0 ? t('lock.idleNever') : plural('lock.idleSaved', minutes);
          }}
        />
      </>
    );
  }

  return (
    <>
      <p>{t('lock.intro')}</p>
      {body}
      {notice && (
        <p className="ok" role="status">
          {notice}
        </p>
      )}
    </>
  );
}
