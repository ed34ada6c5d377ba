import type { ProfileChange, WatchedField } from '../shared/model';
import type { Profile } from '../shared/profile';
import { t } from '../shared/i18n';

/** The history kept per account: the last changes, oldest dropped first. */
export const MAX_CHANGES = 20;
const MAX_VALUE = 200;

function valueOf(profile: Profile, field: WatchedField): string | null {
  switch (field) {
    case 'plan':
      return profile.plan;
    case 'subscription':
      // Providers report it among their details (Insighto, Leadping), under the label Whoami gave it.
      return profile.details.find((detail) => detail.label === t('details.subscription'))?.value ?? null;
    case 'roles':
      return profile.roles.length > 0 ? [...profile.roles].sort().join(', ') : null;
    case 'organization':
      return profile.organization;
    case 'email':
      return profile.email;
    case 'emailVerified':
      return profile.emailVerified === null ? null : String(profile.emailVerified);
    case 'name':
      return profile.displayName;
  }
}

const clip = (value: string | null) => (value === null ? null : value.slice(0, MAX_VALUE));

const FIELDS: readonly WatchedField[] = ['plan', 'subscription', 'roles', 'organization', 'email', 'emailVerified', 'name'];

/**
 * What a refresh found changed since the profile before it. Only refreshes compare: an edit the
 * user made updates the stored profile without news, so the next refresh finds nothing new.
 */
export function profileChanges(before: Profile | null, after: Profile, seenAt: number): ProfileChange[] {
  if (!before) return [];
  return FIELDS.flatMap((field) => {
    const from = clip(valueOf(before, field));
    const to = clip(valueOf(after, field));
    return from === to ? [] : [{ field, from, to, seenAt }];
  });
}

/** The history with the new changes added, the oldest dropped past MAX_CHANGES. */
export function withChanges(history: ProfileChange[] | undefined, found: ProfileChange[]): ProfileChange[] | undefined {
  if (found.length === 0) return history;
  return [...(history ?? []), ...found].slice(-MAX_CHANGES);
}
