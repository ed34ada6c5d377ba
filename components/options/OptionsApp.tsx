import { useState } from 'react';
import type { AccountSummary } from '../../lib/shared/model';
import { useAccounts } from '../hooks/queries';
import { lazy, Suspense } from 'react';
import type { SavedAccount } from './AccountForm';
import { AccountList } from './AccountList';
import { DataSection, type PendingImport } from './DataSection';
import { ProvidersSection } from './definitions/ProvidersSection';
import { SettingsSection } from './SettingsSection';
import { ShortcutField } from './ShortcutField';
import { ChangeNotifications } from './ChangeNotifications';
import { WelcomeGuide } from './WelcomeGuide';
import { LockSection } from './LockSection';
import { PRIVACY_PAGE } from '../../lib/shared/pages';
import { plural, t } from '../../lib/shared/i18n';

// The form, with every provider's settings and their schemas, loads when it is first opened.
const AccountForm = lazy(() => import('./AccountForm').then((module) => ({ default: module.AccountForm })));

type FormMode = { kind: 'add' } | { kind: 'edit'; account: AccountSummary } | { kind: 'import'; pending: PendingImport[] } | null;

/** `welcome`: opened after a first install, so the guide comes first. */
export function OptionsApp({ welcome = false }: { welcome?: boolean }) {
  const accounts = useAccounts();
  const [showWelcome, setShowWelcome] = useState(welcome);
  const [form, setForm] = useState<FormMode>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const saved = ({ account, permissionGranted }: SavedAccount) => {
    setNotice(
      permissionGranted
        ? t('options.accounts.saved', { label: account.label })
        : t('options.accounts.savedNoAccess', { label: account.label, host: account.host }),
    );
    setForm((mode) => (mode?.kind === 'import' && mode.pending.length > 1 ? { kind: 'import', pending: mode.pending.slice(1) } : null));
  };

  const importing = form?.kind === 'import' ? form.pending[0] : undefined;

  return (
    <div className="options">
      <header className="options-header">
        <img src="/icons/48.png" alt="" width={40} height={40} />
        <div>
          <h1>{t('extName')}</h1>
          <p className="muted">{t('options.tagline')}</p>
        </div>
      </header>

      {showWelcome && <WelcomeGuide providers={accounts.data?.providers ?? []} onDismiss={() => setShowWelcome(false)} />}

      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">{t('options.accounts.title')}</h2>
        {accounts.data && accounts.data.problems.length > 0 && (
          <p className="field-error" role="alert">
            {plural('options.accounts.damaged', accounts.data.problems.length)}
          </p>
        )}
        {accounts.isPending ? (
          <p className="muted">{t('options.accounts.loading')}</p>
        ) : (
          <AccountList
            accounts={accounts.data?.accounts ?? []}
            providers={accounts.data?.providers ?? []}
            onEdit={(account) => setForm({ kind: 'edit', account })}
          />
        )}
        {notice && (
          <p className="ok" role="status">
            {notice}
          </p>
        )}
        {form === null ? (
          <button type="button" className="primary" onClick={() => (setNotice(null), setForm({ kind: 'add' }))}>
            {t('options.accounts.add')}
          </button>
        ) : (
          <Suspense fallback={<p className="muted">{t('options.accounts.openingForm')}</p>}>
            <AccountForm
              key={form.kind === 'edit' ? form.account.id : form.kind === 'import' ? `import:${form.pending.length}` : 'add'}
              editing={form.kind === 'edit' ? form.account : undefined}
              prefill={importing}
              onSaved={saved}
              onCancel={() => setForm(null)}
            />
          </Suspense>
        )}
      </section>

      <section aria-labelledby="providers-title">
        <h2 id="providers-title">{t('options.providers.title')}</h2>
        <ProvidersSection />
      </section>

      <section aria-labelledby="storage-title">
        <h2 id="storage-title">{t('options.storage.title')}</h2>
        <p>{t('options.storage.text')}</p>
        <p>
          <a href={PRIVACY_PAGE} target="_blank" rel="noreferrer">
            {t('options.storage.privacy')}
          </a>
        </p>
      </section>

      <section aria-labelledby="lock-title">
        <h2 id="lock-title">{t('lock.title')}</h2>
        <LockSection />
      </section>

      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t('options.settings.title')}</h2>
        <SettingsSection />
        <ChangeNotifications />
        <ShortcutField />
      </section>

      <section aria-labelledby="data-title">
        <h2 id="data-title">{t('options.data.title')}</h2>
        <DataSection onNeedSecrets={(pending) => pending.length > 0 && setForm({ kind: 'import', pending })} />
      </section>
    </div>
  );
}
