import { DEFAULT_SETTINGS, type Settings, type SettingsChange, settingsSchema, type StorageProblem } from '../../shared/model';
import { createLock } from '../lock';

import { settingsItem } from './items';
import { t } from '../../shared/i18n';

const withLock = createLock();

export const settingsStore = {
  async read(): Promise<{ settings: Settings; problems: StorageProblem[] }> {
    const parsed = settingsSchema.safeParse(await settingsItem.getValue());
    if (parsed.success) return { settings: parsed.data, problems: [] };
    return {
      settings: DEFAULT_SETTINGS,
      problems: [{ key: 'settings', message: t('background.settingsDamaged') }],
    };
  },

  /** Applies a change to the stored settings; changes never interleave, so none undoes another. */
  change({ watch, ...given }: SettingsChange): Promise<Settings> {
    return withLock(async () => {
      const { settings: current } = await settingsStore.read();
      const set = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
      const next: Settings = { ...current, ...set };
      if (watch) {
        const watched = new Set(next.notifyChanges ?? []);
        if (watch.on) watched.add(watch.field);
        else watched.delete(watch.field);
        next.notifyChanges = [...watched];
      }
      const checked = settingsSchema.parse(next);
      await settingsItem.setValue(checked);
      return checked;
    });
  },
};
