import { useState } from 'react';
import type { AccountSummary } from '../../lib/shared/model';
import { useAccounts } from '../hooks/queries';
import { lazy, Suspense } from 'react';
import type { SavedAccount } from './AccountForm';
import { AccountList } from './AccountList';
import { DataSection, type PendingImport } from './DataSection';
import { ProvidersSection } from './definitions/ProvidersSection';
import { SettingsSection } from './SettingsSection';

// The form, with every provider's settings and their schemas, loads when it is first opened.
const AccountForm = lazy(() => import('./AccountForm').then((module) => ({ default: module.AccountForm })));

type FormMode = { kind: 'add' } | { kind: 'edit'; account: AccountSummary } | { kind: 'import'; pending: PendingImport[] } | null;

export function OptionsApp() {
  const accounts = useAccounts();
  const [form, setForm] = useState<FormMode>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const saved = ({ account, permissionGranted }: SavedAccount) => {
    setNotice(
      permissionGranted
        ? `Saved “${account.label}”.`
        : `Saved “${account.label}”, but Whoami can't reach ${account.host} until you grant access.`,
    );
    setForm((mode) => (mode?.kind === 'import' && mode.pending.length > 1 ? { kind: 'import', pending: mode.pending.slice(1) } : null));
  };

  const importing = form?.kind === 'import' ? form.pending[0] : undefined;

  return (
    <div className="options">
      <header className="options-header">
        <img src="/icon/48.png" alt="" width={40} height={40} />
        <div>
          <h1>Whoami</h1>
          <p className="muted">Connect the accounts whose signed-in profile the toolbar button shows.</p>
        </div>
      </header>

      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">Accounts</h2>
        {accounts.data && accounts.data.problems.length > 0 && (
          <p className="field-error" role="alert">
            {accounts.data.problems.length} stored entr{accounts.data.problems.length === 1 ? 'y is' : 'ies are'} damaged and hidden — see
            “Your data” below.
          </p>
        )}
        {accounts.isPending ? (
          <p className="muted">Loading accounts…</p>
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
            Add account
          </button>
        ) : (
          <Suspense fallback={<p className="muted">Opening the form…</p>}>
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
        <h2 id="providers-title">Your own providers</h2>
        <ProvidersSection />
      </section>

      <section aria-labelledby="storage-title">
        <h2 id="storage-title">Where your credentials live</h2>
        <p>
          API keys and tokens stay on this device only: in the extension's local storage, never synced, read only by Whoami's background
          worker. Each is sent only to the host it was saved for — point an account somewhere else and you type its key again. Whoami shows
          them masked, never puts them in exports, and removes them from anything a provider sends back. For Wacht it uses your browser's
          own sign-in session and never stores or copies the session cookie. Opening Whoami contacts no one: profile pictures are fetched in
          the background, without cookies.
        </p>
      </section>

      <section aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <SettingsSection />
      </section>

      <section aria-labelledby="data-title">
        <h2 id="data-title">Your data</h2>
        <DataSection onNeedSecrets={(pending) => pending.length > 0 && setForm({ kind: 'import', pending })} />
      </section>
    </div>
  );
}
