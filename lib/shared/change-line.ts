import type { ProfileChange, WatchedField } from './model';
import { t } from './i18n';

/** "Plan: Annual → Monthly": one change in words, for the popup's list and a notification alike. */
export function changeLine(change: ProfileChange): string {
  const value = (text: string | null) =>
    text === null ? t('changes.none') : change.field === 'emailVerified' ? (text === 'true' ? t('changes.yes') : t('changes.no')) : text;
  return t('changes.line', { field: changeFieldName(change.field), from: value(change.from), to: value(change.to) });
}

const FIELD_NAMES: Record<WatchedField, () => string> = {
  plan: () => t('changes.fields.plan'),
  subscription: () => t('changes.fields.subscription'),
  roles: () => t('changes.fields.roles'),
  organization: () => t('changes.fields.organization'),
  email: () => t('changes.fields.email'),
  emailVerified: () => t('changes.fields.emailVerified'),
  name: () => t('changes.fields.name'),
};

/** A watched field in the user's words ("Plan"). */
export const changeFieldName = (field: WatchedField) => FIELD_NAMES[field]();

/** The watched fields, in the order the options page lists them. */
export const WATCHED_FIELDS = Object.keys(FIELD_NAMES) as WatchedField[];
