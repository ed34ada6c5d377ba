import type { ProviderSummary } from '../../lib/shared/model';
import { useViewActions } from '../ViewActions';
import { t, uiLocale } from '../../lib/shared/i18n';

const list = (items: string[]) => new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(items);

/** The popup before any account: which providers Whoami reads (from the registry) and where to start. */
export function FirstRun({ providers }: { providers: ProviderSummary[] }) {
  const { openOptions } = useViewActions();
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">{t('popup.firstRun.title')}</h1>
      <p>{t('popup.firstRun.text', { providers: list(providers.map((p) => p.name)) })}</p>
      <button type="button" className="primary" onClick={() => openOptions()}>
        {t('popup.firstRun.openOptions')}
      </button>
    </section>
  );
}
