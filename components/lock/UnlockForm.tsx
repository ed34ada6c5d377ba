import { t } from '../../lib/shared/i18n';
import { request } from '../../lib/views/messaging';
import { PassphraseForm } from './PassphraseForm';

/** The Passphrase field and the Unlock button, in the popup and the options page alike. */
export function UnlockForm({ id, children }: { id: string; children?: React.ReactNode }) {
  return (
    <PassphraseForm
      id={id}
      fields={[{ name: 'passphrase', label: t('lock.passphrase'), autoComplete: 'current-password' }]}
      submitLabel={t('lock.unlock')}
      busyLabel={t('lock.unlocking')}
      onSubmit={async ({ passphrase }) => {
        await request('unlock', { passphrase: passphrase ?? '' });
      }}
    >
      {children}
    </PassphraseForm>
  );
}
