import { DEFAULT_SETTINGS, type Settings, settingsSchema, type StorageProblem } from '../../shared/model';

import { settingsItem } from './items';
import { t } from '../../shared/i18n';

export const settingsStore = {
  async read(): Promise<{ settings: Settings; problems: StorageProblem[] }> {
    const parsed = settingsSchema.safeParse(await settingsItem.getValue());
    if (parsed.success) return { settings: parsed.data, problems: [] };
    return {
      settings: DEFAULT_SETTINGS,
      problems: [{ key: 'settings', message: t('background.settingsDamaged') }],
    };
  },

  async write(settings: Settings): Promise<Settings> {
    const checked = settingsSchema.parse(settings);
    await settingsItem.setValue(checked);
    return checked;
  },
};
