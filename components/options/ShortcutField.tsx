import { useShortcut } from '../hooks/useShortcut';
import { useViewActions } from '../ViewActions';
import { t } from '../../lib/shared/i18n';

/** The popup's keyboard shortcut, and the way to the browser's page where it is changed. */
export function ShortcutField() {
  const shortcut = useShortcut();
  const { openShortcutSettings } = useViewActions();
  return (
    <div className="form-field shortcut">
      <span className="label">{t('options.settings.shortcut')}</span>
      <p>
        {shortcut ? (
          <>
            {t('options.settings.openWith')} <kbd>{shortcut}</kbd>.
          </>
        ) : (
          t('options.settings.noShortcut')
        )}{' '}
        <button type="button" onClick={openShortcutSettings}>
          {t('options.settings.changeShortcut')}
        </button>
      </p>
    </div>
  );
}
