import type { ProviderSummary } from '../../lib/shared/model';
import { PRIVACY_PAGE } from '../../lib/shared/pages';
import { useShortcut } from '../hooks/useShortcut';
import { t } from '../../lib/shared/i18n';

/** Shown once, after a first install: what each provider needs and where keys are kept. */
export function WelcomeGuide({ providers, onDismiss }: { providers: ProviderSummary[]; onDismiss: () => void }) {
  const shortcut = useShortcut();
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('options.welcome.title')}</h2>
      <p>{t('options.welcome.intro')}</p>
      <ol>
        <li>
          {t('options.welcome.addAccount')}
          <ul>
            {providers.map((provider) => (
              <li key={provider.id}>
                <strong>{provider.name}</strong>: {provider.needs}
              </li>
            ))}
          </ul>
        </li>
        <li>
          {t('options.welcome.keysStay')}{' '}
          <a href={PRIVACY_PAGE} target="_blank" rel="noreferrer">
            {t('options.welcome.privacy')}
          </a>
          .
        </li>
        <li>
          {shortcut ? (
            <>
              {t('options.welcome.pinOrPress')} <kbd>{shortcut}</kbd> {t('options.welcome.toSeeProfile')}
            </>
          ) : (
            t('options.welcome.pin')
          )}
        </li>
      </ol>
      <button type="button" className="primary" onClick={onDismiss}>
        {t('options.welcome.gotIt')}
      </button>
    </section>
  );
}
