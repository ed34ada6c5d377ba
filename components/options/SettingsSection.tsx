import { plural, t } from '../../lib/shared/i18n';
import { EXPIRY_WARNING_DAYS, REFRESH_MINUTES } from '../../lib/shared/limits';
import { NumberSetting } from './NumberSetting';

/** How often profiles refresh, and how early the badge warns of a token's expiry. */
export function SettingsSection() {
  return (
    <>
      <NumberSetting
        id="refresh-minutes"
        label={t('options.settings.refreshEvery')}
        help={t('options.settings.help', { min: REFRESH_MINUTES.min })}
        min={REFRESH_MINUTES.min}
        max={REFRESH_MINUTES.max}
        read={(settings) => settings.refreshMinutes}
        write={(refreshMinutes) => ({ refreshMinutes })}
        savedText={(saved) => t('options.settings.saved', { minutes: saved.refreshMinutes })}
      />
      <NumberSetting
        id="expiry-warning-days"
        label={t('options.settings.warningDays')}
        help={t('options.settings.warningHelp', { min: EXPIRY_WARNING_DAYS.min, max: EXPIRY_WARNING_DAYS.max })}
        min={EXPIRY_WARNING_DAYS.min}
        max={EXPIRY_WARNING_DAYS.max}
        read={(settings) => settings.expiryWarningDays ?? EXPIRY_WARNING_DAYS.default}
        write={(expiryWarningDays) => ({ expiryWarningDays })}
        savedText={(saved) => plural('options.settings.warningSaved', saved.expiryWarningDays ?? EXPIRY_WARNING_DAYS.default)}
      />
    </>
  );
}
