import { type RefObject, useEffect, useRef, useState } from 'react';
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
import { SyncSection } from './SyncSection';
import { type OptionsPlace, PRIVACY_PAGE } from '../../lib/shared/pages';
import { plural, t } from '../../lib/shared/i18n';

// The form, with every provider's settings and their schemas, loads when it is first opened.
const AccountForm = lazy(() => import('./AccountForm').then((module) => ({ default: module.AccountForm })));

type FormMode = { kind: 'add' } | { kind: 'edit'; account: AccountSummary } | { kind: 'import'; pending: PendingImport[] } | null;

/**
 * The popup's "Replace token" opens the page on that account's edit form; its "Forgot it?" on the
 * lock's way to forget the keys. Once, when the accounts are first known.
 */
function useOpenAt(
  openAt: OptionsPlace | null,
  accounts: AccountSummary[] | undefined,
  setForm: (mode: FormMode) => void,
  formRef: RefObject<HTMLElement | null>,
  lockRef: RefObject<HTMLElement | null>,
) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !openAt || !accounts) return;
    done.current = true;
    const account = typeof openAt === 'object' ? accounts.find((a) => a.id === openAt.editAccount) : undefined;
    if (account) setForm({ kind: 'edit', account });
    (account ? formRef : lockRef).current?.scrollIntoView({ block: 'start' });
  }, [openAt, accounts, setForm, formRef, lockRef]);
}

/** `welcome`: opened after a first install, so the guide comes first. */
export function OptionsApp({ welcome = false, openAt = null }: { welcome?: boolean; openAt?: OptionsPlace | null }) {
  const accounts = useAccounts();
  const [showWelcome, setShowWelcome] = useState(welcome);
  const [form, setForm] = useState<FormMode>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const lockRef = useRef<HTMLElement>(null);
  useOpenAt(openAt, accounts.data?.accounts, setForm, formRef, lockRef);

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
        <div ref={formRef} />
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

      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t('options.settings.title')}</h2>
        <SettingsSection />
        <ChangeNotifications />
        <ShortcutField />
      </section>

      <section aria-labelledby="security-title">
        <h2 id="security-title">{t('options.security.title')}</h2>
        <section aria-labelledby="lock-title" ref={lockRef}>
          <h3 id="lock-title">{t('lock.title')}</h3>
          <LockSection startForgetting={openAt === 'forgot-passphrase'} />
        </section>
        <details className="fold">
          <summary>{t('options.storage.title')}</summary>
          <p>{t('options.storage.text')}</p>
          <p>
            <a href={PRIVACY_PAGE} target="_blank" rel="noreferrer">
              {t('options.storage.privacy')}
            </a>
          </p>
        </details>
      </section>

      <section aria-labelledby="sync-title">
        <h2 id="sync-title">{t('sync.title')}</h2>
        <SyncSection />
      </section>

      <section aria-labelledby="providers-title">
        <h2 id="providers-title">{t('options.providers.title')}</h2>
        <ProvidersSection />
      </section>

      <section aria-labelledby="data-title">
        <h2 id="data-title">{t('options.data.title')}</h2>
        <DataSection onNeedSecrets={(pending) => pending.length > 0 && setForm({ kind: 'import', pending })} />
      </section>
    </div>
  );
}
